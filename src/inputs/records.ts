import type { SourcePos } from '../diagnostics/diagnostic.js';
import { type Said, said } from '../text/said.js';

export type Delimiter = ',' | ';' | '\t';

/**
 * One CSV record, as a view that the reader reuses for the next record: read
 * the fields you need during the callback, do not keep the view. Plain lines
 * (no quote character) are never split into an array: the view holds field
 * bounds into the text, so a million rows cost a million slices of the
 * columns actually used, not a million arrays.
 */
export class RecordView {
  /** Physical line (1-based) the record starts on. */
  line = 0;
  /** Number of fields. */
  count = 0;
  private text = '';
  private lineStart = 0;
  private bounds = new Int32Array(64);
  private values: string[] | null = null;
  private lines: number[] = [];
  private cols: number[] = [];

  constructor(readonly file: string) {}

  field(i: number): string {
    if (this.values) return this.values[i]!;
    return this.text.slice(this.bounds[2 * i]!, this.bounds[2 * i + 1]!);
  }

  /** Where field `i` starts; a quoted field may start on a later line than its record. */
  at(i: number): SourcePos {
    if (this.values) return { file: this.file, line: this.lines[i]!, col: this.cols[i]! };
    return { file: this.file, line: this.line, col: this.bounds[2 * i]! - this.lineStart + 1 };
  }

  /** True when every field is empty or blank: a spreadsheet's `;;;` row with nothing in it. */
  isBlank(): boolean {
    for (let i = 0; i < this.count; i++) if (this.field(i).trim() !== '') return false;
    return true;
  }

  setPlain(text: string, lineStart: number, end: number, delimiter: string, line: number): void {
    this.values = null;
    this.text = text;
    this.lineStart = lineStart;
    this.line = line;
    let n = 0;
    let start = lineStart;
    for (;;) {
      if (2 * n + 2 > this.bounds.length) {
        const grown = new Int32Array(this.bounds.length * 2);
        grown.set(this.bounds);
        this.bounds = grown;
      }
      const d = text.indexOf(delimiter, start);
      if (d < 0 || d >= end) {
        this.bounds[2 * n] = start;
        this.bounds[2 * n + 1] = end;
        n++;
        break;
      }
      this.bounds[2 * n] = start;
      this.bounds[2 * n + 1] = d;
      n++;
      start = d + 1;
    }
    this.count = n;
  }

  setQuoted(values: string[], lines: number[], cols: number[], line: number): void {
    this.values = values;
    this.lines = lines;
    this.cols = cols;
    this.line = line;
    this.count = values.length;
  }
}

export interface CsvSyntaxError {
  readonly at: SourcePos;
  readonly message: Said;
  readonly hint: Said;
}

/**
 * A push parser for CSV as RFC 4180 and spreadsheets write it: fields split by
 * the delimiter, double-quoted fields that may hold the delimiter, `""` and
 * line breaks, LF or CRLF line ends. Empty lines are skipped (and counted, so
 * every position is the line a text editor shows). The delimiter is detected
 * from the first line unless given.
 *
 * Lines without a quote character take a fast path; quoted records go through
 * a small state machine. csv-parse is the reference: a differential test reads
 * every corpus file with both and requires identical records.
 */
export class RecordReader {
  private rest = '';
  private line = 1;
  private failed = false;
  private started = false;
  private readonly view: RecordView;
  delimiter: Delimiter | undefined;

  constructor(
    readonly file: string,
    delimiter: Delimiter | undefined,
    private readonly onRecord: (r: RecordView) => void,
    private readonly onError: (e: CsvSyntaxError) => void,
  ) {
    this.delimiter = delimiter;
    this.view = new RecordView(file);
  }

  /** Records read so far (blank lines not counted), for progress reports. */
  records = 0;

  push(chunk: string): void {
    if (this.failed) return;
    this.rest = this.consume(this.rest + chunk, false);
  }

  /** Reads nothing more (the caller found the rest of the file unusable). */
  stop(): void {
    this.failed = true;
  }

  /** The position of `chunk[index]` if `chunk` were pushed next. */
  where(chunk: string, index: number): SourcePos {
    const before = this.rest + chunk.slice(0, index);
    let line = this.line;
    let lineStart = 0;
    for (let k = before.indexOf('\n'); k >= 0; k = before.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return { file: this.file, line, col: before.length - lineStart + 1 };
  }

  end(): void {
    if (this.failed) return;
    const rest = this.consume(this.rest, true);
    this.rest = '';
    if (rest.length > 0) throw new Error('internal: CSV input left over at end');
  }

  /** Reads every complete record in `text`; returns the unread tail. */
  private consume(text: string, final: boolean): string {
    if (!this.started) {
      const nl = text.indexOf('\n');
      if (nl < 0 && !final) return text;
      const first = nl < 0 ? text : text.slice(0, nl);
      this.started = true;
      // Classic Mac line ends: the whole file would look like one line.
      const cr = first.indexOf('\r');
      if (cr >= 0 && cr < first.length - 1 && !first.includes('"')) {
        this.failed = true;
        this.onError({
          at: { file: this.file, line: 1, col: cr + 1 },
          message: said('linjene slutter med bare vognretur (CR), som i gamle Mac-filer', 'lines end with a bare carriage return (CR), as in old Mac files'),
          hint: said('lagre filen på nytt med Windows- (CRLF) eller Unix-linjeslutt (LF)', 'save the file again with Windows (CRLF) or Unix (LF) line ends'),
        });
        return '';
      }
      this.delimiter ??= detectDelimiter(first);
    }
    const delimiter = this.delimiter!;
    let pos = 0;
    let nextQuote = text.indexOf('"');
    if (nextQuote < 0) nextQuote = Infinity;
    const n = text.length;
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = n;
      }
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote < 0) nextQuote = Infinity;
      }
      if (nextQuote < nl) {
        const next = this.quoted(text, pos, final);
        if (next < 0) break; // needs more text
        if (this.failed) return '';
        pos = next;
        continue;
      }
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > pos) {
        this.view.setPlain(text, pos, end, delimiter, this.line);
        this.emit();
      }
      this.line++;
      pos = nl + 1;
    }
    return pos >= n ? '' : text.slice(pos);
  }

  private emit(): void {
    if (this.view.isBlank()) return;
    this.records++;
    this.onRecord(this.view);
  }

  /**
   * Reads one record that has a quote somewhere on its first line. Returns the
   * index after it, or -1 when the text ends inside the record and more may come.
   */
  private quoted(text: string, pos: number, final: boolean): number {
    const delimiter = this.delimiter!;
    const values: string[] = [];
    const lines: number[] = [];
    const cols: number[] = [];
    let line = this.line;
    let lineStart = pos;
    let i = pos;
    const n = text.length;
    const fail = (at: number, message: Said, hint: Said) => {
      this.failed = true;
      this.onError({ at: { file: this.file, line, col: at - lineStart + 1 }, message, hint });
      return n;
    };
    for (;;) {
      lines.push(line);
      cols.push(i - lineStart + 1);
      if (text[i] === '"') {
        let value = '';
        let j = i + 1;
        const open = i;
        const openLine = line;
        const openStart = lineStart;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0 || (q === n - 1 && !final)) {
            if (!final) return -1;
            line = openLine;
            lineStart = openStart;
            return fail(
              open,
              said('et felt i anførselstegn blir aldri lukket', 'a quoted field is never closed'),
              said(
                'et felt som begynner med " må slutte med "; skriv et anførselstegn inni det som ""',
                'a field that starts with " must end with "; write a quote inside it as ""',
              ),
            );
          }
          const part = text.slice(j, q);
          value += part;
          for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) {
            line++;
            lineStart = j + k + 1;
          }
          if (text[q + 1] === '"') {
            value += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        values.push(value);
        const c = text[i];
        if (c === delimiter) {
          i++;
          continue;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] === '\n') || i >= n) break;
        if (c === '\r' && i + 1 >= n && !final) return -1;
        return fail(
          i,
          said(`uventet '${c}' etter et avsluttende anførselstegn`, `unexpected '${c}' after a closing quote`),
          said(
            'et felt i anførselstegn slutter ved det avsluttende anførselstegnet; et anførselstegn inni det skrives ""',
            'a quoted field ends at its closing quote; a quote inside it is written ""',
          ),
        );
      }
      let k = i;
      while (k < n && text[k] !== delimiter && text[k] !== '\n') {
        if (text[k] === '"')
          return fail(
            k,
            said('et anførselstegn inni et felt uten anførselstegn', 'a quote inside an unquoted field'),
            said('sett hele feltet i doble anførselstegn og skriv anførselstegnet som ""', 'put the whole field in double quotes and write the quote as ""'),
          );
        k++;
      }
      if (k >= n && !final) return -1;
      const end = text[k] !== delimiter && k > i && text[k - 1] === '\r' ? k - 1 : k;
      values.push(text.slice(i, end));
      i = k;
      if (text[k] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    // i is at the record's line break (or the end of the text).
    this.view.setQuoted(values, lines, cols, this.line);
    this.emit();
    if (i < n && text[i] === '\r') i++;
    this.line = line + 1;
    return i < n ? i + 1 : n;
  }
}

/** `;` or tab when the header line has more of them than commas (outside quotes); else `,`. */
export function detectDelimiter(firstLine: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}
