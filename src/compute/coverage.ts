import type { Agreement, Item } from '../agreement/model.js';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { Money } from '../money/money.js';
import type { IgnoredTotal, LedgerReconciliation } from './report.js';
import { matches, selectorKey } from './select.js';

/**
 * No krone disappears unseen: every actuals row is the amount of exactly one
 * item, the base of a percentage, or declared outside the split under
 * `ignore:`. Rows left over are reported per category with their total;
 * rows taken by two items are reported, since they would be charged twice.
 */
export function checkCoverage(a: Agreement, rows: readonly ActualsRow[], diags: Diagnostics): Coverage {
  // A clean result depends only on the ledger, the selectors and the party ids, so scenarios that change
  // none of them (a population, a price) reuse it instead of walking the ledger again.
  const key = JSON.stringify([
    a.parties.map((p) => p.id),
    a.items.map((i) => (i.source.kind === 'actuals' ? selectorKey(i.source.selector) : i.source.kind === 'percent' ? [...i.source.of, ...i.source.deduct].map((r) => (r.kind === 'actuals' ? selectorKey(r.selector) : '')) : '')),
    a.ignore.map((g) => [selectorKey(g.selector), g.reason]),
  ]);
  let byKey = clean.get(rows);
  if (!byKey) clean.set(rows, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const own = new Diagnostics();
  const result = walkLedger(a, rows, own);
  diags.list.push(...own.list);
  if (own.list.length === 0) byKey.set(key, result);
  return result;
}

interface Coverage {
  readonly ignored: readonly IgnoredTotal[];
  readonly ledger: LedgerReconciliation;
}

const clean = new WeakMap<readonly ActualsRow[], Map<string, Coverage>>();

function walkLedger(a: Agreement, rows: readonly ActualsRow[], diags: Diagnostics): Coverage {
  const partyIds = a.parties.map((p) => p.id);
  const amountItems = a.items.filter((i): i is Item & { source: { kind: 'actuals' } } => i.source.kind === 'actuals');
  const baseSelectors = a.items.flatMap((i) => (i.source.kind === 'percent' ? [...i.source.of, ...i.source.deduct] : [])).flatMap((r) => (r.kind === 'actuals' ? [r.selector] : []));
  // Amounts are collected and summed once per bucket (Money.sum adds bigint units): a scenario sweep runs this thousands of times.
  const ignoredRows = a.ignore.map((rule) => ({ rule, rows: 0, amounts: [] as Money[] }));
  const unselected = new Map<string, { first: ActualsRow; rows: number; amounts: Money[] }>();
  const all: Money[] = [];
  const taken: Money[] = [];
  const outside: Money[] = [];
  const bases: Money[] = [];
  let rowCount = 0;

  for (const row of rows) {
    if (row.party !== undefined && !partyIds.includes(row.party)) {
      diags.error(row.partyAt ?? row.at, 'unknown-party', `unknown party '${row.party}'`, didYouMean(row.party, partyIds) ?? `declared parties: ${partyIds.join(', ')}`);
    }
    const takenBy = amountItems.filter((i) => matches(i.source.selector, row));
    if (takenBy.length > 1) {
      diags.error(row.at, 'actuals-overlap', `row is selected by items ${takenBy.map((i) => `'${i.id}'`).join(' and ')}, so it would be charged twice`, 'narrow the selectors so each row belongs to one item');
    }
    rowCount += row.rows;
    all.push(row.amount);
    if (takenBy.length > 0) {
      taken.push(row.amount);
      continue;
    }
    const ignore = ignoredRows.find((g) => matches(g.rule.selector, row));
    if (ignore) {
      ignore.rows += row.rows;
      ignore.amounts.push(row.amount);
      outside.push(row.amount);
    } else if (baseSelectors.some((s) => matches(s, row))) bases.push(row.amount);
    else {
      const u = unselected.get(row.category) ?? { first: row, rows: 0, amounts: [] };
      u.rows += row.rows;
      u.amounts.push(row.amount);
      unselected.set(row.category, u);
    }
  }
  const ignored = ignoredRows.map((g) => ({ rule: g.rule, rows: g.rows, amount: Money.sum(g.amounts) }));
  const ledger = { rows: rowCount, total: Money.sum(all), items: Money.sum(taken), ignored: Money.sum(outside), bases: Money.sum(bases) };
  for (const [category, u] of unselected) {
    diags.error(
      u.first.categoryAt,
      'actuals-unselected',
      `category '${category}' (${u.rows} row${u.rows === 1 ? '' : 's'}, total ${Money.sum(u.amounts).toPlain()}) is not selected by any item and not ignored`,
      `select it in an item's actuals:, or add { category: [${category}], reason: ... } under ignore:`,
    );
  }
  return { ignored, ledger };
}

/** True for a row that `ignore:` keeps outside the split (and that no item takes as its amount). */
export function outsideSplit(a: Agreement, row: ActualsRow): boolean {
  return a.ignore.some((g) => matches(g.selector, row)) && !a.items.some((i) => i.source.kind === 'actuals' && matches(i.source.selector, row));
}
