import { deviationShare } from '../reports/deviation.js';
import type { DeviationLine, DeviationReport } from '../reports/deviation.js';
import { allocationLinesSheet } from './allocation-sheets.js';
import { kindLabel, label, type Marker, marker } from './labels.js';
import type { Locale } from './locale.js';
import { moneyColumn, percentColumn, type Sheet, sheet, textColumn } from './sheet.js';

/**
 * One table with a section column (category, item, party) so a spreadsheet
 * can filter it; the budget column is always there, next to the actual.
 */
export function deviationSheet(r: DeviationReport, locale: Locale): Sheet {
  type Row = { readonly section: Marker; readonly id: string; readonly label: string; readonly kind: string; readonly line: DeviationLine };
  const rows: Row[] = [
    ...r.categories.map((c) => ({ section: 'category' as const, id: c.category, label: c.category, kind: '', line: c })),
    ...r.items.map((i) => ({ section: 'item' as const, id: i.item.id, label: i.item.label, kind: kindLabel(i.item.kind, locale), line: i })),
    ...r.parties.flatMap((p) =>
      (['operating', 'investment'] as const)
        .filter((k) => r.items.some((i) => i.item.kind === k))
        .map((k) => ({ section: 'party' as const, id: p.party.id, label: p.party.name, kind: kindLabel(k, locale), line: p.kinds[k] })),
    ),
  ];
  return sheet<Row>(
    label('deviationTitle', locale),
    [
      textColumn(label('section', locale), (x) => marker(x.section, locale)),
      textColumn(label('id', locale), (x) => x.id),
      textColumn(label('label', locale), (x) => x.label),
      textColumn(label('kind', locale), (x) => x.kind),
      moneyColumn(label('actual', locale), (x) => x.line.actual),
      moneyColumn(label('budget', locale), (x) => x.line.budget),
      moneyColumn(label('deviation', locale), (x) => x.line.deviation),
      percentColumn(label('deviationPct', locale), (x) => deviationShare(x.line)),
    ],
    rows,
  );
}

/** The workbook of a deviation table: the deviations, then the actual allocation's lines. */
export function deviationSheets(r: DeviationReport, locale: Locale): Sheet[] {
  return [deviationSheet(r, locale), allocationLinesSheet(r.actual, locale)];
}
