import type { Selector } from '../agreement/model.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { NO_MEMO, type Memo } from '../memo/memo.js';
import { Money } from '../money/money.js';

/** True when every field the selector names matches one of its values. */
export function matches(selector: Selector, row: ActualsRow): boolean {
  return matcher(selector)(row);
}

/**
 * The selector as a test to run over many rows: its values as sets, so a
 * selector of fifty categories costs one lookup a row, not fifty compares.
 */
export function matcher(selector: Selector): (row: ActualsRow) => boolean {
  const set = (values: readonly string[] | undefined) => (values === undefined ? undefined : new Set(values));
  const category = set(selector.category);
  const account = set(selector.account);
  const project = set(selector.project);
  const field = (values: ReadonlySet<string> | undefined, v: string | undefined) => values === undefined || (v !== undefined && values.has(v));
  return (row) => field(category, row.category) && field(account, row.account) && field(project, row.project);
}

/** The rows a selector takes, in ledger order: depends on the ledger and the selector alone. */
export function selectRows(rows: readonly ActualsRow[], selector: Selector, memo: Memo = NO_MEMO): readonly ActualsRow[] {
  return memo.remember(rows, `select ${selectorKey(selector)}`, () => rows.filter(matcher(selector)));
}

export function selectorKey(s: Selector): string {
  return JSON.stringify([s.category, s.account, s.project]);
}

/** What a selection adds up to: its rows, their sum, the part of it each party is named for, and how many ledger rows were summed. */
export interface Selection {
  readonly rows: readonly ActualsRow[];
  readonly amount: Money;
  readonly direct: ReadonlyMap<string, Money>;
  readonly count: number;
}

/**
 * The rows a selector takes, summed. Depends on the ledger and the selector
 * alone, so a sweep that changes a population sums each selection once.
 */
export function selection(rows: readonly ActualsRow[], selector: Selector, memo: Memo = NO_MEMO): Selection {
  return memo.remember(rows, `selection ${selectorKey(selector)}`, () => {
    const taken = selectRows(rows, selector, memo);
    const byParty = new Map<string, Money[]>();
    let count = 0;
    for (const r of taken) {
      count += r.rows;
      if (r.party === undefined) continue;
      const list = byParty.get(r.party);
      if (list) list.push(r.amount);
      else byParty.set(r.party, [r.amount]);
    }
    const direct = new Map([...byParty].map(([party, amounts]) => [party, Money.sum(amounts)] as const));
    return { rows: taken, amount: Money.sum(taken.map((r) => r.amount)), direct, count };
  });
}
