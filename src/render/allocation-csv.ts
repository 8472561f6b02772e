import type { AllocationReport } from '../compute/report.js';
import { toCsv } from './csv.js';
import { kindLabel, label, marker } from './labels.js';
import { formatMoneyPlain, formatDecimal, type Locale } from './locale.js';

/**
 * One row per allocation line, plus one `unallocated` row per item with a
 * remainder, so the amount column sums to the total basis.
 */
export function allocationCsv(r: AllocationReport, locale: Locale): string {
  const header = [
    label('item', locale),
    label('label', locale),
    label('kind', locale),
    label('party', locale),
    label('method', locale),
    label('key', locale),
    label('share', locale),
    label('quantity', locale),
    label('amount', locale),
  ];
  const rows: string[][] = [];
  for (const i of r.items) {
    for (const l of i.lines) {
      rows.push([
        i.item.id,
        i.item.label,
        kindLabel(i.item.kind, locale),
        l.party,
        marker(l.method, locale),
        l.key ?? '',
        l.share ? formatDecimal(l.share, locale) : '',
        l.quantity ? formatDecimal(l.quantity, locale) : '',
        formatMoneyPlain(l.amount, locale),
      ]);
    }
    if (!i.unallocated.isZero())
      rows.push([
        i.item.id,
        i.item.label,
        kindLabel(i.item.kind, locale),
        '',
        marker('unallocated', locale),
        '',
        '',
        '',
        formatMoneyPlain(i.unallocated, locale),
      ]);
  }
  return toCsv(header, rows, [false, false, false, false, false, false, true, true, true], locale);
}
