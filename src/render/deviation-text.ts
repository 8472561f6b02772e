import type { DeviationLine, DeviationReport } from '../reports/deviation.js';
import { deviationShare } from '../reports/deviation.js';
import type { Money } from '../money/money.js';
import { leftColumn, rightColumn, type Block, type Doc } from './doc.js';
import { kindLabel, label } from './labels.js';
import { formatMoney, formatPercent1, formatThousands, type Locale } from './locale.js';

export interface DeviationView {
  readonly locale: Locale;
  /** Show whole thousands, as budget tables for councils are printed. */
  readonly thousands: boolean;
}

/** Budget against actuals per category and item, and the deviation split per party. */
export function deviationDoc(r: DeviationReport, view: DeviationView): Doc {
  const { locale } = view;
  const a = r.actual.agreement;
  const m = (x: Money) => (view.thousands ? formatThousands(x, locale) : formatMoney(x, locale));
  const cells = (l: DeviationLine) => {
    const share = deviationShare(l);
    return [m(l.actual), m(l.budget), m(l.deviation), share ? formatPercent1(share, locale) : '–'];
  };
  const columns = (first: string) => [
    leftColumn(first),
    rightColumn(label('actual', locale)),
    rightColumn(label('budget', locale)),
    rightColumn(label('deviation', locale)),
    rightColumn(label('deviationPct', locale)),
  ];
  const blocks: Block[] = [];
  if (r.categories.length) {
    blocks.push({
      heading: label('perCategory', locale),
      notes: [],
      columns: columns(label('category', locale)),
      rows: r.categories.map((c) => [c.category, ...cells(c)]),
      footer: [[label('sum', locale), ...cells(r.categoryTotal)]],
    });
  }
  const kinds = (['operating', 'investment'] as const).filter((k) => r.items.some((i) => i.item.kind === k));
  blocks.push({
    heading: label('perItem', locale),
    notes: [],
    columns: columns(label('item', locale)),
    rows: r.items.map((i) => [`${i.item.label} (${i.item.id})`, ...cells(i)]),
    footer:
      kinds.length > 1
        ? [...kinds.map((k) => [`${label('sum', locale)} ${kindLabel(k, locale).toLowerCase()}`, ...cells(r.totals[k])])]
        : [[label('sum', locale), ...cells(r.totals.all)]],
  });
  for (const k of kinds) {
    const heading = kinds.length > 1 ? `${label('deviationPerParty', locale)} — ${kindLabel(k, locale).toLowerCase()}` : label('deviationPerParty', locale);
    blocks.push({
      heading,
      notes: [],
      columns: [
        leftColumn(label('party', locale)),
        rightColumn(label('actualShare', locale)),
        rightColumn(label('budgetedShare', locale)),
        rightColumn(label('deviation', locale)),
      ],
      rows: r.parties.map((p) => [p.party.name, m(p.kinds[k].actual), m(p.kinds[k].budget), m(p.kinds[k].deviation)]),
      footer: [[label('sum', locale), m(r.partyTotals[k].actual), m(r.partyTotals[k].budget), m(r.partyTotals[k].deviation)]],
    });
  }
  const notes = [label(r.sign, locale), ...(view.thousands ? [label('inThousands', locale)] : [])];
  return { title: `${a.title} ${a.year} — ${label('deviationTitle', locale)}`, notes, blocks };
}
