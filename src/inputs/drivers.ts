import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { Ratio } from '../money/ratio.js';
import { parseAmount } from './amount.js';
import { locateColumns } from './columns.js';
import type { CsvTable } from './table.js';
import { said } from '../text/said.js';

export interface DriverRow {
  readonly party: string;
  readonly driver: string;
  readonly value: Ratio;
  readonly year?: number;
  readonly at: SourcePos;
}

/** Measured quantities per party (servers, users, licences), optionally per year. */
export function readDrivers(table: CsvTable, columns: ReadonlyMap<string, string>, diags: Diagnostics): DriverRow[] | null {
  const cols = locateColumns(table.head, ['party', 'driver', 'value'] as const, ['year'] as const, columns, diags);
  if (!cols) return null;
  const rows: DriverRow[] = [];
  let ok = true;
  for (const cells of table.rows) {
    const valueCell = cells[cols.get('value')!]!;
    const parsed = parseAmount(valueCell.value, table.head.numbers);
    if ('error' in parsed || parsed.sign() < 0) {
      diags.error(
        valueCell.at,
        'csv-driver-value',
        'error' in parsed ? parsed.error : said(`driververdien '${valueCell.value}' er negativ`, `driver value '${valueCell.value}' is negative`),
        said('en driververdi er et antall eller mål på null eller mer', 'a driver value is a count or measure of zero or more'),
      );
      ok = false;
      continue;
    }
    const yearCell = cols.has('year') ? cells[cols.get('year')!] : undefined;
    const yearText = yearCell?.value.trim();
    if (yearCell && yearText && !/^\d{4}$/.test(yearText)) {
      diags.error(
        yearCell.at,
        'csv-year',
        said(`'${yearCell.value}' er ikke et årstall`, `'${yearCell.value}' is not a year`),
        said('skriv året med fire sifre, eller la det stå tomt for alle år', 'write the year as four digits, or leave it empty for every year'),
      );
      ok = false;
      continue;
    }
    rows.push({
      party: cells[cols.get('party')!]!.value.trim(),
      driver: cells[cols.get('driver')!]!.value.trim(),
      value: parsed.toRatio(),
      at: cells[cols.get('party')!]!.at,
      ...(yearText ? { year: Number(yearText) } : {}),
    });
  }
  return ok ? rows : null;
}
