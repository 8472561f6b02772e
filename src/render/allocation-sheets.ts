import type { AllocationLine, AllocationReport, ItemResult } from '../reports/allocation.js';
import { kindLabel, label, marker } from './labels.js';
import type { Locale } from './locale.js';
import { moneyColumn, numberColumn, ratioColumn, type Sheet, sheet, textColumn } from './sheet.js';

/**
 * One row per allocation line, plus one `unallocated` row per item with a
 * remainder, so the amount column sums to the total basis.
 */
export function allocationLinesSheet(r: AllocationReport, locale: Locale): Sheet {
  type Row = { readonly item: ItemResult; readonly line: AllocationLine | null };
  const rows: Row[] = r.items.flatMap((item) => [...item.lines.map((line) => ({ item, line })), ...(item.unallocated.isZero() ? [] : [{ item, line: null }])]);
  return sheet<Row>(
    label('allocation', locale),
    [
      textColumn(label('item', locale), (x) => x.item.item.id),
      textColumn(label('label', locale), (x) => x.item.item.label),
      textColumn(label('kind', locale), (x) => kindLabel(x.item.item.kind, locale)),
      textColumn(label('party', locale), (x) => x.line?.party ?? ''),
      textColumn(label('method', locale), (x) => marker(x.line ? x.line.method : 'unallocated', locale)),
      textColumn(label('key', locale), (x) => x.line?.key ?? ''),
      ratioColumn(label('share', locale), (x) => x.line?.share),
      numberColumn(label('quantity', locale), (x) => x.line?.quantity),
      moneyColumn(label('amount', locale), (x) => (x.line ? x.line.amount : x.item.unallocated)),
    ],
    rows,
  );
}

/** Per party: its name and what it is charged, per kind and in all. */
function allocationPartiesSheet(r: AllocationReport, locale: Locale): Sheet {
  return sheet<AllocationReport['parties'][number]>(
    label('perParty', locale),
    [
      textColumn(label('party', locale), (p) => p.party.id),
      textColumn(label('name', locale), (p) => p.party.name),
      moneyColumn(label('operating', locale), (p) => p.operating),
      moneyColumn(label('investment', locale), (p) => p.investment),
      moneyColumn(label('charged', locale), (p) => p.charged),
    ],
    r.parties,
  );
}

/** The workbook of an allocation: the lines, then the parties' totals. */
export function allocationSheets(r: AllocationReport, locale: Locale): Sheet[] {
  return [allocationLinesSheet(r, locale), allocationPartiesSheet(r, locale)];
}
