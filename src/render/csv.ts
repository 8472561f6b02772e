import { stringify } from 'csv-stringify/sync';
import type { Locale } from './locale.js';

/**
 * CSV that Excel opens correctly: with `nb`, semicolons, a decimal comma and
 * a UTF-8 byte order mark (Norwegian Excel's expectations); with `en`, commas
 * and a point. Text cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe (OWASP's advice on CSV injection); cells that
 * are numbers are left alone.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[], locale: Locale): string {
  return (locale === 'nb' ? '\ufeff' : '') + csvRows([header], [], locale) + csvRows(rows, numeric, locale);
}

/** Rows only (no header, no byte order mark): for output written a piece at a time. */
export function csvRows(rows: readonly (readonly string[])[], numeric: readonly boolean[], locale: Locale): string {
  const delimiter = locale === 'nb' ? ';' : ',';
  const safe = rows.map((r) => r.map((c, i) => (numeric[i] ? c : neutralise(c))));
  // Rows with nothing to quote (a sweep writes a million such) are joined as they are: what csv-stringify
  // would write for them, without its cost per field. tests/inputs.properties.test.ts holds the two together.
  if (safe.every((r) => r.every((c) => !needsQuotes(c, delimiter)))) return safe.map((r) => `${r.join(delimiter)}\r\n`).join('');
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a
  // bare LF, which every reader would take as the end of the row.
  return stringify(safe, { delimiter, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** What csv-stringify quotes besides the delimiter: the quote character and line ends. */
export const NEEDS_QUOTES = /["\r\n]/;

/** Whether csv-stringify would quote this cell (a row of cells none of which it would quote is written joined as it is). */
export function needsQuotes(cell: string, delimiter: string): boolean {
  return cell.includes(delimiter) || NEEDS_QUOTES.test(cell);
}

/** A text cell a spreadsheet would run as a formula, made text with a leading apostrophe. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
