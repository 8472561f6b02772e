import type { Item } from '../agreement/model.js';
import { Diagnostics, type Computed } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { Money } from '../money/money.js';
import { allocate } from './allocate.js';
import { outsideSplit } from './coverage.js';
import { budgetAllocation, type BudgetedInput } from './budget.js';
import { byKind } from '../reports/by-kind.js';
import { said } from '../text/said.js';
import type { DeviationLine, DeviationReport, DeviationSign, ItemDeviation, PartyDeviation } from '../reports/deviation.js';

/**
 * Budget against actuals per ledger category and per item, and the deviation
 * per party. The budget side is the allocation run on the budget, so each
 * party's deviation is exactly its budgeted share less its actual share.
 */
export function deviation(input: BudgetedInput, sign: DeviationSign): Computed<DeviationReport> {
  const diags = new Diagnostics();
  const actual = diags.take(allocate(input));
  const budget = budgetAllocation(
    input,
    diags,
    said(
      'en avvikstabell sammenligner med budsjettet, men avtalen har ikke noe budsjett',
      'a deviation table compares against the budget, but the agreement has no budget',
    ),
  );
  if (diags.hasErrors || !actual || !budget) return diags.failure();
  const line = (b: Money, x: Money): DeviationLine => ({ budget: b, actual: x, deviation: sign === 'budget-minus-actual' ? b.minus(x) : x.minus(b) });
  const sumLines = (ls: readonly DeviationLine[]) => line(Money.sum(ls.map((l) => l.budget)), Money.sum(ls.map((l) => l.actual)));

  const a = input.agreement;
  const outside = outsideSplit(a);
  const inSplit = (rows: readonly ActualsRow[]) => rows.filter((r) => !outside(r));
  const budgetRows = inSplit(input.budget ?? []);
  const actualRows = inSplit(input.actuals);
  // Summed per category in one pass each: a ledger has hundreds of categories and a million rows.
  const byCategory = (rows: readonly ActualsRow[]) => {
    const sums = new Map<string, Money[]>();
    for (const r of rows) {
      const list = sums.get(r.category);
      if (list) list.push(r.amount);
      else sums.set(r.category, [r.amount]);
    }
    return sums;
  };
  const budgetedBy = byCategory(budgetRows);
  const spent = byCategory(actualRows);
  const names = [...new Set([...budgetedBy.keys(), ...spent.keys()])];
  const categories = names.map((category) => ({ category, ...line(Money.sum(budgetedBy.get(category) ?? []), Money.sum(spent.get(category) ?? [])) }));

  const items = actual.items.map((x): ItemDeviation => {
    const b = budget.items.find((i) => i.item.id === x.item.id)!;
    const parties = new Map(
      a.parties
        .filter((p) => x.allocations.has(p.id) || b.allocations.has(p.id))
        .map((p) => [p.id, line(b.allocations.get(p.id) ?? Money.ZERO, x.allocations.get(p.id) ?? Money.ZERO)] as const),
    );
    return { item: x.item, parties, ...line(b.basis, x.basis) };
  });
  // Paired by party id: the two allocations are separate runs, and their order is theirs to choose.
  const budgeted = new Map(budget.parties.map((p) => [p.party.id, p]));
  const charged = new Map(actual.parties.map((p) => [p.party.id, p]));
  const parties = a.parties.map((party): PartyDeviation => {
    const b = budgeted.get(party.id)!;
    const x = charged.get(party.id)!;
    const kinds = { operating: line(b.operating, x.operating), investment: line(b.investment, x.investment) };
    return { party, kinds, total: line(b.charged, x.charged) };
  });
  const kindTotal = (k: Item['kind']) => sumLines(items.filter((i) => i.item.kind === k));
  return diags.result({
    sign,
    actual,
    budget,
    categories,
    categoryTotal: sumLines(categories),
    items,
    parties,
    partyTotals: byKind((k) => sumLines(parties.map((p) => p.kinds[k]))),
    totals: { operating: kindTotal('operating'), investment: kindTotal('investment'), all: sumLines(items) },
  });
}
