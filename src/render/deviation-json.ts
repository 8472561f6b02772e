import { deviationShare } from '../reports/deviation.js';
import type { DeviationLine, DeviationReport } from '../reports/deviation.js';
import { allocationJson, money, ratio } from './allocation-json.js';
import type { Locale } from './locale.js';

/** Budget, actual, their deviation, and the deviation as a ratio of the budget (null when nothing was budgeted). */
function line(l: DeviationLine): object {
  const share = deviationShare(l);
  return { budget: money(l.budget), actual: money(l.actual), deviation: money(l.deviation), deviation_ratio: share ? ratio(share) : null };
}

/** The actual allocation's JSON plus budget, actual and deviation per category, item and party (FORMAT §4). */
export function deviationJson(r: DeviationReport, locale: Locale): object {
  return {
    ...allocationJson(r.actual, locale),
    sign: r.sign,
    categories: r.categories.map((c) => ({ category: c.category, ...line(c) })),
    categories_total: line(r.categoryTotal),
    item_deviations: r.items.map((i) => ({
      id: i.item.id,
      kind: i.item.kind,
      ...line(i),
      parties: [...i.parties].map(([id, l]) => ({ id, ...line(l) })),
    })),
    party_deviations: r.parties.map((p) => ({
      id: p.party.id,
      name: p.party.name,
      ...line(p.total),
      kinds: { operating: line(p.kinds.operating), investment: line(p.kinds.investment) },
    })),
    party_deviations_total: { ...line(r.totals.all), kinds: { operating: line(r.totals.operating), investment: line(r.totals.investment) } },
  };
}
