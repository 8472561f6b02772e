import type { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { toCsv } from './csv.js';
import { formatDecimal, formatMoneyPlain, localDecimal, type Locale } from './locale.js';

/**
 * A table of typed cells: what a CSV and a workbook sheet are both written
 * from, so the two hold the same figures. A column's kind says what its
 * cells are: text (ids and labels, written as text in a workbook even
 * where they look like numbers), money, a ratio shown as a share (`0.4587`) or as a
 * percentage with two decimals (`percent`), a plain number, or a date.
 */
export type Cell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'money'; readonly value: Money }
  | { readonly kind: 'ratio' | 'percent' | 'number'; readonly value: Ratio }
  | { readonly kind: 'date'; readonly value: string }
  | null;

export type ColumnKind = NonNullable<Cell>['kind'];

export interface Column<Row> {
  readonly title: string;
  readonly kind: ColumnKind;
  readonly cell: (row: Row) => Cell;
}

export interface Sheet {
  readonly name: string;
  readonly columns: readonly { readonly title: string; readonly kind: ColumnKind }[];
  readonly rows: readonly (readonly Cell[])[];
}

const column =
  <K extends ColumnKind, V>(kind: K, make: (value: V) => Cell) =>
  <Row>(title: string, get: (row: Row) => V | null | undefined): Column<Row> => ({
    title,
    kind,
    cell: (row) => {
      const v = get(row);
      return v === null || v === undefined ? null : make(v);
    },
  });

export const textColumn = column('text', (value: string) => ({ kind: 'text', value }));
export const moneyColumn = column('money', (value: Money) => ({ kind: 'money', value }));
export const ratioColumn = column('ratio', (value: Ratio) => ({ kind: 'ratio', value }));
export const percentColumn = column('percent', (value: Ratio) => ({ kind: 'percent', value }));
export const numberColumn = column('number', (value: Ratio) => ({ kind: 'number', value }));
export const dateColumn = column('date', (value: string) => ({ kind: 'date', value }));

export function sheet<Row>(name: string, columns: readonly Column<Row>[], rows: readonly Row[]): Sheet {
  return {
    name,
    columns: columns.map((c) => ({ title: c.title, kind: c.kind })),
    rows: rows.map((r) => columns.map((c) => c.cell(r))),
  };
}

/** A cell as CSV writes it: plain numbers with the locale's decimal mark, dates as written (ISO). */
function csvCell(c: Cell, locale: Locale): string {
  if (c === null) return '';
  switch (c.kind) {
    case 'text':
    case 'date':
      return c.value;
    case 'money':
      return formatMoneyPlain(c.value, locale);
    case 'ratio':
    case 'number':
      return formatDecimal(c.value, locale);
    case 'percent':
      return localDecimal(c.value.times(HUNDRED).toDecimalString(2), locale);
  }
}

const HUNDRED = Ratio.of(100n);

const NUMERIC: ReadonlySet<ColumnKind> = new Set(['money', 'ratio', 'percent', 'number']);

export function sheetCsv(s: Sheet, locale: Locale): string {
  return toCsv(
    s.columns.map((c) => c.title),
    s.rows.map((r) => r.map((c) => csvCell(c, locale))),
    s.columns.map((c) => NUMERIC.has(c.kind)),
    locale,
  );
}
