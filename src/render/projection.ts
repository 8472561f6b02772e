import type { Money } from '../money/money.js';
import type { ProjectedParty, ProjectedYear, Projection } from '../reports/projection.js';
import { leftColumn, rightColumn, type Block, type Doc } from './doc.js';
import { label } from './labels.js';
import { formatMoney, type Locale } from './locale.js';
import { moneyColumn, numberColumn, type Sheet, sheet, textColumn } from './sheet.js';
import { Ratio } from '../money/ratio.js';

const saving = (p: { charged: Money; alone: Money | null }) => (p.alone ? p.alone.minus(p.charged) : null);

function notes(p: Projection, locale: Locale): string[] {
  return [
    ...(p.assumed.length ? [`${label('assumed', locale)}: ${p.assumed.map((x) => `${x.series} ${x.year}: ${x.change}`).join(', ')}`] : []),
    ...(p.notIndexed.length ? [`${label('notIndexed', locale)}: ${p.notIndexed.join(', ')}`] : []),
  ];
}

/**
 * Years as columns, like the studies' "cooperate or go alone" tables: each
 * party's charge from the cooperation, and — when the agreement gives
 * standalone costs — what going alone would cost and the difference.
 */
export function projectionDoc(p: Projection, locale: Locale): Doc {
  const a = p.agreement;
  const m = (x: Money | null) => (x ? formatMoney(x, locale) : '–');
  const columns = [leftColumn(label('party', locale)), ...p.years.map((y) => rightColumn(String(y.year)))];
  const block = (heading: string, cell: (y: ProjectedYear, i: number) => Money | null, total: (y: ProjectedYear) => Money | null): Block => ({
    heading,
    notes: [],
    columns,
    rows: a.parties.map((party, i) => [party.name, ...p.years.map((y) => m(cell(y, i)))]),
    footer: [[label('sum', locale), ...p.years.map((y) => m(total(y)))]],
  });
  const together = block(
    label('together', locale),
    (y, i) => y.parties[i]!.charged,
    (y) => y.total,
  );
  const withAlone = a.standalone.size > 0;
  const blocks = withAlone
    ? [
        together,
        block(
          label('alone', locale),
          (y, i) => y.parties[i]!.alone,
          (y) => y.totalAlone,
        ),
        block(
          label('saving', locale),
          (y, i) => saving(y.parties[i]!),
          (y) => (y.totalAlone ? y.totalAlone.minus(y.total) : null),
        ),
      ]
    : [together];
  const span = `${p.years[0]!.year}–${p.years[p.years.length - 1]!.year}`;
  return { title: `${a.title} ${span} — ${label('projection', locale)}`, notes: notes(p, locale), blocks };
}

/** `{ agreement, years: [{ year, parties: [{ id, name, charged, alone, saving }], parties_total }], assumed, not_indexed }`. */
export function projectionJson(p: Projection): object {
  const fixed = (x: Money | null) => (x ? x.toFixed2() : null);
  return {
    agreement: p.agreement.title,
    currency: p.agreement.currency,
    years: p.years.map((y) => ({
      year: y.year,
      parties: y.parties.map((q) => ({ id: q.id, name: q.name, charged: q.charged.toFixed2(), alone: fixed(q.alone), saving: fixed(saving(q)) })),
      parties_total: { charged: y.total.toFixed2(), alone: fixed(y.totalAlone), saving: fixed(y.totalAlone ? y.totalAlone.minus(y.total) : null) },
    })),
    assumed: p.assumed,
    not_indexed: p.notIndexed,
  };
}

/** One row per year and party. */
export function projectionSheet(p: Projection, locale: Locale): Sheet {
  type Row = { readonly year: number; readonly q: ProjectedParty };
  return sheet<Row>(
    label('projection', locale),
    [
      numberColumn(label('year', locale), (x) => Ratio.of(BigInt(x.year))),
      textColumn(label('party', locale), (x) => x.q.id),
      moneyColumn(label('together', locale), (x) => x.q.charged),
      moneyColumn(label('alone', locale), (x) => x.q.alone),
      moneyColumn(label('saving', locale), (x) => saving(x.q)),
    ],
    p.years.flatMap((y) => y.parties.map((q) => ({ year: y.year, q }))),
  );
}
