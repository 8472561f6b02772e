import { deviationShare, type DeviationLine, type DeviationReport } from '../compute/deviation.js';
import { Ratio } from '../money/ratio.js';
import { allocationJson } from './allocation-json.js';

/** Percent with two decimals, as a string like every other number here; null when nothing was budgeted. */
function line(l: DeviationLine): object {
  const share = deviationShare(l);
  return {
    budget: l.budget.toFixed2(),
    actual: l.actual.toFixed2(),
    deviation: l.deviation.toFixed2(),
    deviation_pct: share ? share.times(Ratio.of(100n)).toDecimalString(2) : null,
  };
}

/** The actual allocation's JSON plus budget, actual and deviation per category, item and party (FORMAT §4). */
export function deviationJson(r: DeviationReport): object {
  return {
    ...allocationJson(r.actual),
    sign: r.sign,
    categories: r.categories.map((c) => ({ category: c.category, ...line(c) })),
    category_total: line(r.categoryTotal),
    item_deviations: r.items.map((i) => ({
      id: i.item.id,
      kind: i.item.kind,
      ...line(i),
      parties: Object.fromEntries([...i.parties].map(([id, l]) => [id, line(l)])),
    })),
    party_deviations: r.parties.map((p) => ({
      id: p.party.id,
      operating: line(p.kinds.operating),
      investment: line(p.kinds.investment),
      total: line(p.total),
    })),
    deviation_totals: { operating: line(r.totals.operating), investment: line(r.totals.investment), all: line(r.totals.all) },
  };
}
