import type { Selector, SelectorField, ValuePattern } from '../agreement/model.js';
import { patternText } from '../agreement/selector.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { NO_MEMO, type Memo } from '../memo/memo.js';
import { Money } from '../money/money.js';

/** True when every field the selector names matches. */
export function matches(selector: Selector, row: ActualsRow): boolean {
  return matcher(selector)(row);
}

/** A row's value in a column a selector names: empty when the row has none. */
export function valueIn(row: ActualsRow, column: string): string {
  switch (column) {
    case 'category':
      return row.category;
    case 'account':
      return row.account ?? '';
    case 'project':
      return row.project ?? '';
    default:
      return row.columns?.[column] ?? '';
  }
}

const INTEGER = /^[+-]?\d+$/;

/** Whether one value matches one pattern: ranges of integers compare as integers, other ranges as text. */
export function patternMatches(p: ValuePattern, v: string): boolean {
  switch (p.kind) {
    case 'exact':
      return v === p.value;
    case 'prefix':
      return v.startsWith(p.prefix);
    case 'range':
      if (!p.integers) return v !== '' && p.from <= v && v <= p.to;
      if (!INTEGER.test(v)) return false;
      // An integer of fewer than 16 characters, its sign among them, is below 2^53: exact as a number, and read without a BigInt each (ten thousand accounts ask for every pattern).
      if (v.length < 16 && p.from.length < 16 && p.to.length < 16) {
        const n = Number(v);
        return Number(p.from) <= n && n <= Number(p.to);
      }
      return BigInt(p.from) <= BigInt(v) && BigInt(v) <= BigInt(p.to);
  }
}

/** One field as a test of a value: exact values as a set; the answer for each other value remembered, since a ledger repeats its values. */
function valueTest(f: SelectorField): (v: string) => boolean {
  const exact = new Set(f.patterns.flatMap((p) => (p.kind === 'exact' ? [p.value] : [])));
  const others = f.patterns.filter((p) => p.kind !== 'exact');
  if (others.length === 0) return f.not ? (v) => !exact.has(v) : (v) => exact.has(v);
  const seen = new Map<string, boolean>();
  return (v) => {
    let m = seen.get(v);
    if (m === undefined) {
      m = (exact.has(v) || others.some((p) => patternMatches(p, v))) !== f.not;
      seen.set(v, m);
    }
    return m;
  };
}

/**
 * The selector as a test to run over many rows: its values as sets, so a
 * selector of fifty categories costs one lookup a row, not fifty compares.
 */
export function matcher(selector: Selector): (row: ActualsRow) => boolean {
  const tests = selector.fields.map((f) => ({ column: f.column, test: valueTest(f) }));
  // A loop, not tests.every: a closure over the row on every call would be garbage a row and item.
  return (row) => {
    for (const t of tests) if (!t.test(valueIn(row, t.column))) return false;
    return true;
  };
}

/** The rows a selector takes, in ledger order: depends on the ledger and the selector alone. */
export function selectRows(rows: readonly ActualsRow[], selector: Selector, memo: Memo = NO_MEMO): readonly ActualsRow[] {
  return memo.remember(rows, `select ${selectorKey(selector)}`, () => rows.filter(matcher(selector)));
}

export function selectorKey(s: Selector): string {
  return JSON.stringify(s.fields.map((f) => [f.column, f.not, f.patterns.map((p) => [p.kind, patternText(p)])]));
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
