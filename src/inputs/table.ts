import { parse } from 'csv-parse/sync';
import { Diagnostics, type SourcePos } from '../diagnostics/diagnostic.js';
import type { DecimalMark } from './amount.js';

export interface Cell {
  readonly value: string;
  readonly at: SourcePos;
}

export interface CsvTable {
  readonly file: string;
  readonly delimiter: string;
  readonly decimal: DecimalMark;
  /** Header names, trimmed, as written. */
  readonly header: readonly string[];
  readonly headerAt: SourcePos;
  /** One entry per data row; cells by header position. */
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * Parses CSV text into cells that know their `file:line:col`. The delimiter
 * is `;` when the header line has more semicolons than commas (Norwegian
 * Excel), and a semicolon file is read with a decimal comma.
 */
export function parseCsv(text: string, file: string, diags: Diagnostics): CsvTable | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
  const decimal: DecimalMark = delimiter === ',' ? '.' : ',';
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(body, { delimiter, info: true, raw: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    diags.error({ file, line: err.lines ?? 1, col: 1 }, 'csv-syntax', err.message.replace(/^Invalid Record Length: /, ''), 'check quoting on this line: a field with the delimiter or a newline in it must be in double quotes');
    return null;
  }
  if (records.length === 0) {
    diags.error({ file, line: 1, col: 1 }, 'csv-empty', 'the file has no header line', 'the first line names the columns, e.g. category;amount');
    return null;
  }
  const headerAt = { file, line: 1, col: 1 };
  const header = records[0]!.record.map((h) => h.trim());
  const rows: Cell[][] = [];
  for (const { record, info } of records.slice(1)) {
    // info.lines is the line the record ends on; count back over embedded newlines.
    const line = info.lines - ((info.raw ?? '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const cols = fieldColumns(info.raw ?? '', delimiter);
    const cells = record.map((value, i) => ({ value, at: { file, line, col: cols[i] ?? 1 } }));
    if (record.length !== header.length) {
      diags.error({ file, line, col: 1 }, 'csv-field-count', `row has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${header.length}`, `fields are separated by '${delimiter === '\t' ? 'tab' : delimiter}'; a value containing it must be quoted`);
      continue;
    }
    rows.push(cells);
  }
  return { file, delimiter, decimal, header, headerAt, rows };
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** 1-based column where each field of a raw record starts, respecting quotes. */
function fieldColumns(raw: string, delimiter: string): number[] {
  const cols = [1];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) cols.push(i + 2);
    else if (c === '\n' && !quoted) break;
  }
  return cols;
}
