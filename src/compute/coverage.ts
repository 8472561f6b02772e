import type { Agreement, Item } from '../agreement/model.js';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { Money } from '../money/money.js';
import type { IgnoredTotal, LedgerReconciliation } from './report.js';
import { matches } from './select.js';

/**
 * No krone disappears unseen: every actuals row is the amount of exactly one
 * item, the base of a percentage, or declared outside the split under
 * `ignore:`. Rows left over are reported per category with their total;
 * rows taken by two items are reported, since they would be charged twice.
 */
export function checkCoverage(a: Agreement, rows: readonly ActualsRow[], diags: Diagnostics): { ignored: IgnoredTotal[]; ledger: LedgerReconciliation } {
  const partyIds = a.parties.map((p) => p.id);
  const amountItems = a.items.filter((i): i is Item & { source: { kind: 'actuals' } } => i.source.kind === 'actuals');
  const baseSelectors = a.items.flatMap((i) => (i.source.kind === 'percent' ? [...i.source.of, ...i.source.deduct] : [])).flatMap((r) => (r.kind === 'actuals' ? [r.selector] : []));
  const ignored = a.ignore.map((rule) => ({ rule, rows: 0, amount: Money.ZERO }));
  const unselected = new Map<string, { first: ActualsRow; rows: number; amount: Money }>();
  const ledger = { rows: 0, total: Money.ZERO, items: Money.ZERO, ignored: Money.ZERO, bases: Money.ZERO };

  for (const row of rows) {
    if (row.party !== undefined && !partyIds.includes(row.party)) {
      diags.error(row.partyAt ?? row.at, 'unknown-party', `unknown party '${row.party}'`, didYouMean(row.party, partyIds) ?? `declared parties: ${partyIds.join(', ')}`);
    }
    const takenBy = amountItems.filter((i) => matches(i.source.selector, row));
    if (takenBy.length > 1) {
      diags.error(row.at, 'actuals-overlap', `row is selected by items ${takenBy.map((i) => `'${i.id}'`).join(' and ')}, so it would be charged twice`, 'narrow the selectors so each row belongs to one item');
    }
    const ignore = ignored.find((g) => matches(g.rule.selector, row));
    ledger.rows += row.rows;
    ledger.total = ledger.total.plus(row.amount);
    if (takenBy.length > 0) ledger.items = ledger.items.plus(row.amount);
    else if (ignore) {
      ignore.rows += row.rows;
      ignore.amount = ignore.amount.plus(row.amount);
      ledger.ignored = ledger.ignored.plus(row.amount);
    } else if (baseSelectors.some((s) => matches(s, row))) ledger.bases = ledger.bases.plus(row.amount);
    else {
      const u = unselected.get(row.category) ?? { first: row, rows: 0, amount: Money.ZERO };
      u.rows += row.rows;
      u.amount = u.amount.plus(row.amount);
      unselected.set(row.category, u);
    }
  }
  for (const [category, u] of unselected) {
    diags.error(
      u.first.categoryAt,
      'actuals-unselected',
      `category '${category}' (${u.rows} row${u.rows === 1 ? '' : 's'}, total ${u.amount.toPlain()}) is not selected by any item and not ignored`,
      `select it in an item's actuals:, or add { category: [${category}], reason: ... } under ignore:`,
    );
  }
  return { ignored, ledger };
}

/** True for a row that `ignore:` keeps outside the split (and that no item takes as its amount). */
export function outsideSplit(a: Agreement, row: ActualsRow): boolean {
  return a.ignore.some((g) => matches(g.selector, row)) && !a.items.some((i) => i.source.kind === 'actuals' && matches(i.source.selector, row));
}
