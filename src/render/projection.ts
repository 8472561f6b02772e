import type { Money } from '../money/money.js';
import type { ProjectedYear, Projection } from '../scenario/projection.js';
import { toCsv } from './csv.js';
import { leftColumn, rightColumn, type Block, type Doc } from './doc.js';
import { label } from './labels.js';
import { formatMoney, formatMoneyPlain, type Locale } from './locale.js';

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

/** `{ agreement, years: [{ year, parties: [{ id, charged, alone, saving }], total, total_alone, total_saving }], assumed, not_indexed }`. */
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
export function projectionCsv(p: Projection, locale: Locale): string {
  const plain = (x: Money | null) => (x ? formatMoneyPlain(x, locale) : '');
  const header = [label('year', locale), label('party', locale), label('together', locale), label('alone', locale), label('saving', locale)];
  const rows = p.years.flatMap((y) => y.parties.map((q) => [String(y.year), q.id, plain(q.charged), plain(q.alone), plain(saving(q))]));
  return toCsv(header, rows, [true, false, true, true, true], locale);
}
