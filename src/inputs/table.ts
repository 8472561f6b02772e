import type { ErrorCode } from '../diagnostics/codes.js';
import { Diagnostics, type SourcePos } from '../diagnostics/diagnostic.js';
import type { DecimalMark, NumberStyle } from './amount.js';
import { Decoder, type Encoding } from './decode.js';
import { RecordReader, type Delimiter, type RecordView } from './records.js';
import { type Said, said } from '../text/said.js';

/** What the agreement may declare about a file (`delimiter:`, `decimal:`, `encoding:`, and for a workbook `sheet:`, `header_row:`, under the input); the rest is detected. */
export interface CsvDialect {
  readonly delimiter?: Delimiter;
  readonly decimal?: DecimalMark;
  readonly encoding?: Encoding;
  readonly sheet?: string;
  readonly headerRow?: number;
}

export interface TableHeader {
  readonly file: string;
  /** The CSV delimiter; absent for a workbook or SAF-T file. */
  readonly delimiter?: Delimiter;
  readonly numbers: NumberStyle;
  /** Header names, trimmed, as written. */
  readonly names: readonly string[];
  readonly at: SourcePos;
}

/**
 * One row of any source (a CSV record, a worksheet row, a SAF-T line): its
 * cells as text, in the header's order, and where each was written. Sources
 * reuse the view for the next row: read what you need during the callback.
 */
export interface RowView {
  /** Number of cells. */
  readonly count: number;
  /** The row's line (CSV, SAF-T) or row number (worksheet). */
  readonly line: number;
  field(i: number): string;
  at(i: number): SourcePos;
}

/** Receives a file's header, then its rows one by one (the view is reused: copy what you keep). */
export interface TableSink<T> {
  /** False when the header is unusable; the rows are then not read. */
  header(h: TableHeader, diags: Diagnostics): boolean;
  row(r: RowView, diags: Diagnostics): void;
  /** The result, or null when a problem was reported. */
  finish(diags: Diagnostics): T | null;
}

/** Errors of one kind in one file beyond this many are counted, not listed: a million bad rows must not become a million messages. */
export const ERRORS_SHOWN_PER_CODE = 20;

/**
 * Reads one CSV input from its bytes, pushed chunk by chunk, into a sink:
 * decoding, records, the header, the field count of every row. Holds no more
 * than one chunk and one record, whatever the file's size.
 */
export class CsvInput<T> {
  private readonly decoder: Decoder;
  private readonly reader: RecordReader;
  private readonly rowDiags: CappedDiagnostics;
  private head: TableHeader | null = null;
  private usable = true;

  constructor(
    readonly file: string,
    private readonly dialect: CsvDialect,
    private readonly sink: TableSink<T>,
    private readonly diags: Diagnostics,
    encoding: Encoding | undefined = dialect.encoding,
  ) {
    this.decoder = new Decoder(encoding);
    this.rowDiags = new CappedDiagnostics(ERRORS_SHOWN_PER_CODE);
    this.reader = new RecordReader(
      file,
      dialect.delimiter,
      (r) => this.record(r),
      (e) => this.rowDiags.error(e.at, 'csv-syntax', e.message, e.hint),
    );
  }

  get encoding(): Encoding | undefined {
    return this.decoder.encoding;
  }

  /** Data rows read so far (the header and blank lines not counted). */
  get rows(): number {
    return Math.max(0, this.reader.records - 1);
  }

  push(bytes: Uint8Array): void {
    this.text(this.decoder.decode(bytes));
  }

  end(): T | null {
    this.text(this.decoder.decode(new Uint8Array(0), true));
    this.reader.end();
    if (!this.head && this.usable && this.rowDiags.count === 0)
      this.rowDiags.error(
        { file: this.file, line: 1, col: 1 },
        'csv-empty',
        said('filen har ingen overskriftslinje', 'the file has no header line'),
        said('den første linjen navngir kolonnene, f.eks. category;amount', 'the first line names the columns, e.g. category;amount'),
      );
    const result = this.head && this.usable ? this.sink.finish(this.rowDiags) : null;
    for (const e of this.rowDiags.flush()) this.diags.list.push(e);
    return this.rowDiags.count > 0 ? null : result;
  }

  private text(chunk: string): void {
    const bad = NOT_TEXT.exec(chunk);
    if (bad) {
      const at = this.reader.where(chunk, bad.index);
      const c = bad[0];
      const encoding = this.decoder.encoding ?? 'utf-8';
      const [message, hint] =
        c === '\u0000'
          ? [
              said(
                'filen har NUL-byte: den er UTF-16 uten byte order mark, eller ikke tekst',
                'the file has NUL bytes: it is UTF-16 without a byte order mark, or not text',
              ),
              said('lagre den fra Excel som «CSV UTF-8» eller «CSV (semikolondelt)»', "save it from Excel as 'CSV UTF-8' or 'CSV (semicolon separated)'"),
            ]
          : c === '\ufffd'
            ? [
                said(
                  `'\ufffd' i teksten: byte som ikke er ${encoding}, eller tekst skadet av en tidligere konvertering`,
                  `'\ufffd' in the text: bytes that are not ${encoding}, or text damaged by an earlier conversion`,
                ),
                said(
                  'angi tegnkodingen under inndataen (encoding: windows-1252 eller utf-8), eller eksporter filen på nytt',
                  'declare the encoding under the input (encoding: windows-1252 or utf-8), or export the file again',
                ),
              ]
            : [
                said(
                  `tegnet U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} er ikke tekst: filen er trolig ikke ${encoding}`,
                  `character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not text: the file is probably not ${encoding}`,
                ),
                said(
                  'angi tegnkodingen under inndataen (encoding: windows-1252 eller utf-8), eller lagre filen som CSV UTF-8',
                  'declare the encoding under the input (encoding: windows-1252 or utf-8), or save the file as CSV UTF-8',
                ),
              ];
      this.rowDiags.error(at, 'csv-encoding', message, hint);
      this.reader.push(chunk.slice(0, bad.index));
      this.reader.stop();
      this.usable = false;
      return;
    }
    this.reader.push(chunk);
  }

  private record(r: RecordView): void {
    if (!this.usable) return;
    if (!this.head) {
      const names = Array.from({ length: r.count }, (_, i) => r.field(i).trim());
      const delimiter = this.reader.delimiter!;
      const numbers: NumberStyle = this.dialect.decimal
        ? { decimal: this.dialect.decimal, declared: true }
        : { decimal: delimiter === ',' ? '.' : ',', declared: false };
      this.head = { file: this.file, delimiter, numbers, names, at: r.at(0) };
      this.usable = this.sink.header(this.head, this.rowDiags);
      return;
    }
    if (r.count !== this.head.names.length) {
      const d = this.head.delimiter!;
      this.rowDiags.error(
        { file: this.file, line: r.line, col: 1 },
        'csv-field-count',
        said(
          `raden har ${r.count} ${r.count === 1 ? 'felt' : 'felter'}, overskriften har ${this.head.names.length}`,
          `row has ${r.count} field${r.count === 1 ? '' : 's'}, the header has ${this.head.names.length}`,
        ),
        said(
          `feltene skilles med '${d === '\t' ? 'tabulator' : d}'; en verdi som inneholder det, må stå i anførselstegn`,
          `fields are separated by '${d === '\t' ? 'tab' : d}'; a value containing it must be quoted`,
        ),
      );
      return;
    }
    this.sink.row(r, this.rowDiags);
  }
}

/**
 * Control characters, U+FFFD and the noncharacters U+FFFE/U+FFFF never occur
 * in a ledger: they mean the bytes were decoded with the wrong encoding, or
 * are not text (an escape sequence would reach the terminal, a U+FFFF an EHF
 * that is not XML). Tab, line feed and carriage return are the file's own.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd-\uffff]/;

/** Lists the first `limit` errors of each code and counts the rest into one closing line per code. */
export class CappedDiagnostics extends Diagnostics {
  private readonly seen = new Map<ErrorCode, { count: number; first: SourcePos; file: string }>();

  constructor(private readonly limit: number) {
    super();
  }

  get count(): number {
    return [...this.seen.values()].reduce((n, s) => n + s.count, 0);
  }

  override error(at: SourcePos, code: ErrorCode, message: Said, hint?: Said): void {
    const s = this.seen.get(code) ?? { count: 0, first: at, file: at.file };
    this.seen.set(code, s);
    s.count++;
    if (s.count <= this.limit) super.error(at, code, message, hint);
    else if (s.count === this.limit + 1) s.first = at;
  }

  flush() {
    for (const [code, s] of this.seen) {
      if (s.count > this.limit)
        super.error(
          s.first,
          code,
          said(
            `… og ${s.count - this.limit} flere [${code}]-feil i ${s.file} (de første ${this.limit} er listet)`,
            `… and ${s.count - this.limit} more [${code}] errors in ${s.file} (the first ${this.limit} are listed)`,
          ),
          said('rett de som er listet, og kjør på nytt for å se resten', 'fix the ones listed and run again to see the rest'),
        );
    }
    return this.list;
  }
}

export interface Cell {
  readonly value: string;
  readonly at: SourcePos;
}

/** A small file held whole: header and every row's cells. */
export interface CsvTable {
  readonly head: TableHeader;
  readonly rows: readonly (readonly Cell[])[];
}

/** A sink that keeps every row, then reads the table with `read` (drivers, budget, payments: files of a few hundred rows). */
export function tableSink<T>(read: (t: CsvTable, diags: Diagnostics) => T | null): TableSink<T> {
  let head: TableHeader | null = null;
  const rows: Cell[][] = [];
  return {
    header(h) {
      head = h;
      return true;
    },
    row(r) {
      rows.push(Array.from({ length: r.count }, (_, i) => ({ value: r.field(i), at: r.at(i) })));
    },
    finish(diags) {
      return read({ head: head!, rows }, diags);
    },
  };
}

/** Reads a whole CSV text at once (tests, and files already in memory). */
export function readCsvText<T>(text: string, file: string, dialect: CsvDialect, sink: TableSink<T>, diags: Diagnostics): T | null {
  const input = new CsvInput(file, { ...dialect, encoding: 'utf-8' }, sink, diags);
  input.push(new TextEncoder().encode(text));
  return input.end();
}
