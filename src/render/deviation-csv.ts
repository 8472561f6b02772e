import { deviationShare, type DeviationLine, type DeviationReport } from '../compute/deviation.js';
import { Ratio } from '../money/ratio.js';
import { toCsv } from './csv.js';
import { kindLabel, label, marker } from './labels.js';
import { formatMoneyPlain, localDecimal, type Locale } from './locale.js';

/**
 * One table with a section column (category, item, party) so a spreadsheet
 * can filter it; the budget column is always there, next to the actual.
 */
export function deviationCsv(r: DeviationReport, locale: Locale): string {
  const m = (l: DeviationLine) => {
    const share = deviationShare(l);
    const pct = share ? share.times(Ratio.of(100n)).toDecimalString(2) : '';
    return [formatMoneyPlain(l.actual, locale), formatMoneyPlain(l.budget, locale), formatMoneyPlain(l.deviation, locale), localDecimal(pct, locale)];
  };
  const header = [
    label('section', locale),
    label('id', locale),
    label('label', locale),
    label('kind', locale),
    label('actual', locale),
    label('budget', locale),
    label('deviation', locale),
    label('deviationPct', locale),
  ];
  const rows = [
    ...r.categories.map((c) => [marker('category', locale), c.category, c.category, '', ...m(c)]),
    ...r.items.map((i) => [marker('item', locale), i.item.id, i.item.label, kindLabel(i.item.kind, locale), ...m(i)]),
    ...r.parties.flatMap((p) =>
      (['operating', 'investment'] as const)
        .filter((k) => r.items.some((i) => i.item.kind === k))
        .map((k) => [marker('party', locale), p.party.id, p.party.name, kindLabel(k, locale), ...m(p.kinds[k])]),
    ),
  ];
  return toCsv(header, rows, [false, false, false, false, true, true, true, true], locale);
}
