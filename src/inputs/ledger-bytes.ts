import { isUtf8 } from 'node:buffer';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { type NumberStyle, type ScaledAmount, scanKroner } from './amount.js';
import { OreSums, type OreParts, oreFromBytes } from './amount-bytes.js';
import { KeptLines } from './kept-lines.js';
import { detectDelimiter } from './records.js';
import { CappedDiagnostics, type CsvDialect, ERRORS_SHOWN_PER_CODE, type TableHeader, type TableSink } from './table.js';

/** Where a new entry's first row wrote each column. */
export interface Where {
  at(column: number): SourcePos;
}

/**
 * What the byte reader needs of a ledger sink, told by the sink after its
 * header: the columns whose values keep entries apart (`fields`, by column
 * index) and the role of each (an index into `fields`, or −1).
 */
export interface LedgerPlan {
  readonly fields: readonly number[];
  readonly category: number;
  readonly account: number;
  readonly project: number;
  readonly party: number;
  readonly others: readonly number[];
  readonly amount: number;
  readonly numbers: NumberStyle;
  /** Fields a row must have: the header's count. */
  readonly count: number;
  /** An empty category is an error (the reference path reports it). */
  readonly requireCategory: boolean;
  /** Values are summed by class: each value stands for another ({@link LedgerSink.stands}), unless the entry is kept apart. */
  readonly classed?: boolean;
  /** The date column the reader checks ({@link LedgerSink.dated}), when it was asked for a plan with dates; else −1 or absent. */
  readonly date?: number;
}

/** A sink the byte reader can feed summed entries instead of rows. */
export interface LedgerSink<T> extends TableSink<T> {
  /**
   * After `header`: the plan, or null when this ledger is read the plain
   * way. `dates`: the reader checks a date column itself, asking
   * {@link LedgerSink.dated} once per distinct value; without it, a ledger
   * with a date to check has no plan.
   */
  plan(dates?: boolean): LedgerPlan | null;
  /** With a plan's `date`: a date value (trimmed) as the sink checks it — in the year, outside it, or one it reports (the reader then leaves the file to the plain path). */
  dated(text: string): 'in' | 'outside' | 'wrong';
  /** With a plan's `date`, before `finish`: `rows` rows were dated outside the year, the first at `first` with the date `text`. */
  outside(rows: number, first: SourcePos, text: string): void;
  /**
   * The rows of one distinct key, summed: its values (in `fields` order,
   * trimmed), amount, row count and first row's positions; the array and the
   * objects are the reader's, valid during the call only. `distinct`: no
   * two entries fed have the same values (the sink need not look for one to
   * add to, unless it maps values together itself).
   */
  absorb(values: readonly string[], amount: ScaledAmount, rows: number, where: Where, distinct?: boolean): void;
  /** With `classed`: the value that value of field `f` stands for on its first row (`here`) and on every later row (`after`), asked once per distinct value of a field, at its first row. */
  stands(f: number, value: string): { readonly here: string; readonly after: string };
  /** With `classed`: whether the entry of these values (in `fields` order, each as it stands) keeps its rows apart by their values as written. */
  apart(values: readonly string[]): boolean;
}

export function isLedgerSink<T>(sink: TableSink<T>): sink is LedgerSink<T> {
  return typeof (sink as Partial<LedgerSink<T>>).plan === 'function';
}

/** Read: the sink's result, and the lines kept for excerpts. `fallback`: something the byte reader leaves to the plain reader. `latin`: not UTF-8, read again as Windows-1252. */
export type ByteRead<T> =
  | { readonly result: T | null; readonly rows: number; readonly encoding: 'utf-8' | 'windows-1252'; readonly kept: KeptLines }
  | 'fallback'
  | 'latin';

/** Something the byte reader does not read itself: the plain reader reads the file from the start. */
class Fallback extends Error {}

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const CR = 13;
const LF = 10;
/** What the record scan does with a byte: nothing, or it ends a field, is a quote, is never in text the plain reader reads silently, or is so when the bytes after it say so. */
const PLAIN = 0;
const DELIMITER = 1;
const QUOTED = 2;
const FAULT = 3;
const LOOK = 4;
/** Ints a slot of a table of distinct values holds ({@link ValueTable}). */
const SLOT = 4;
/** The low bits of a slot's id int for a value longer than eight bytes: its bytes are in the pool. */
const LONG = 15;

/**
 * Reads a CSV ledger from its bytes into a ledger sink, summing rows by
 * their key values without making a string per row: each distinct value is
 * decoded once, and each amount is read from its bytes into whole øre, as
 * {@link scanKroner} reads it (the forms ledgers write by amount-bytes.ts,
 * digit by digit; any other through scanKroner itself). Anything else — a
 * quoted field over lines, a `""` in a key, a control character, a field
 * count that differs, an amount or category the reference reports, a value
 * with Unicode spaces at its ends — returns `fallback`, and the plain reader
 * reads the file from the start: what it reports, and where, is then the
 * reference's own.
 *
 * Each entry's øre are summed in two 32-bit halves (amount-bytes.ts's
 * OreSums says why that is exact), moving into a bigint only when the
 * upper half grows large: a bigint a row would cost a million allocations a
 * ledger, and they are what this reader is for saving. The header and each
 * entry's first line are kept as bytes ({@link KeptLines}), so excerpts of
 * warnings at them need no second pass over the file.
 */
export async function readLedgerBytes<T>(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  dialect: CsvDialect,
  sink: LedgerSink<T>,
  diags: Diagnostics,
  latin: boolean,
  progress: (rows: number, bytes: number) => void,
): Promise<ByteRead<T>> {
  const reader = new LedgerBytes(file, dialect, sink, latin);
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      if (!reader.push(chunk)) return 'latin';
      bytes += chunk.length;
      progress(reader.rows, bytes);
    }
    if (!reader.end()) return 'latin';
  } catch (e) {
    if (e instanceof Fallback) return 'fallback';
    throw e;
  }
  const capped = new CappedDiagnostics(ERRORS_SHOWN_PER_CODE);
  reader.feed();
  const result = sink.finish(capped);
  for (const e of capped.flush()) diags.list.push(e);
  return { result: capped.count > 0 ? null : result, rows: reader.rows, encoding: latin ? 'windows-1252' : 'utf-8', kept: reader.kept };
}

class LedgerBytes<T> {
  rows = 0;
  readonly kept = new KeptLines();
  // A line begun in one chunk and not yet ended, copied: the chunks themselves are read in place. A Buffer, as the chunks are, so the code reading lines sees one kind of array.
  private rest = Buffer.allocUnsafe(1 << 12);
  private restLength = 0;
  private line = 1;
  // Where the line being read ends: its line feed, or the end of the file.
  private lineEnd = 0;
  private started = false;
  private plan: LedgerPlan | null = null;
  private delimiter = 0;
  // By byte value: what the record scan does with it (PLAIN and the rest), so a plain byte costs one look-up.
  private kinds = new Uint8Array(256);
  // The delimiter in each byte of a word, for {@link special}.
  private delimiters = 0;
  private readonly decoder: TextDecoder;
  private width = 0;
  // Field bounds of the current record: start, end (of the value), and where the field starts (for its column).
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private opens = new Int32Array(64);
  // Distinct values: bytes in a pool, found by hash.
  private pool = new Uint8Array(1 << 16);
  private poolView: DataView<ArrayBufferLike> = new DataView(this.pool.buffer);
  private poolUsed = 0;
  // The bytes being read, four at a time: values are hashed and compared a word at a time, not a byte (a DataView reads a word at any offset).
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | null = null;
  private strings: string[] = [];
  // By field, its table of distinct values: a field of five hundred categories keeps a table that stays in the fastest cache, whatever another field of ten thousand accounts needs.
  private tables: ValueTable[] = [];
  // Entries: the tuple of value ids, first line, columns, sums.
  private entryCount = 0;
  private keys = new Int32Array(1024);
  // The table of entries: by slot, the id plus one (0 for a free slot).
  private entrySlots = new Int32Array(2048);
  private lines = new Int32Array(256);
  private cols = new Int32Array(1024);
  private readonly sums = new OreSums();
  private readonly parts: OreParts = { negative: false, hi: 0, lo: 0 };
  private readonly tuple: Int32Array = new Int32Array(64);
  // Summed by class: by field, the id each value id stands for (plus one; 0 when not asked yet), the ids by text, and the values as written of the current record.
  private stand: Int32Array[] = [];
  private standIds: Map<string, number>[] = [];
  private readonly written: Int32Array = new Int32Array(64);
  private apart = new Uint8Array(256);

  constructor(
    readonly file: string,
    private readonly dialect: CsvDialect,
    private readonly sink: LedgerSink<T>,
    private readonly latin: boolean,
  ) {
    // A value is decoded as written: a U+FEFF inside the file stays (and makes trim() differ, so the plain reader reads it). Windows-1252 has no byte order mark, and Node 20's decoder of it told to keep one drops a value's leading 0xFF (ÿ): it is left at the default there.
    this.decoder = new TextDecoder(latin ? 'windows-1252' : 'utf-8', { ignoreBOM: !latin });
  }

  /**
   * Reads the whole lines of a chunk where they are; only a line that runs
   * over chunks is copied. False when the bytes are not UTF-8 (and the
   * encoding was not declared): read again as Windows-1252.
   */
  push(chunk: Uint8Array): boolean {
    let from = 0;
    if (this.restLength > 0) {
      const nl = chunk.indexOf(LF);
      this.carry(chunk, 0, nl < 0 ? chunk.length : nl + 1);
      if (nl < 0) return true;
      const line = this.rest.subarray(0, this.restLength);
      this.restLength = 0;
      if (!this.text(line, 0, line.length)) return false;
      this.lines0(line, 0, line.length);
      from = nl + 1;
    }
    const last = chunk.lastIndexOf(LF);
    if (last >= from) {
      if (!this.text(chunk, from, last + 1)) return false;
      this.lines0(chunk, from, last + 1);
      from = last + 1;
    }
    this.carry(chunk, from, chunk.length);
    return true;
  }

  /** Adds `chunk[from, to)` to the line carried over to the next chunk. */
  private carry(chunk: Uint8Array, from: number, to: number): void {
    if (to <= from) return;
    if (this.restLength + to - from > this.rest.length) {
      const rest = Buffer.allocUnsafe(2 * (this.restLength + to - from));
      rest.set(this.rest.subarray(0, this.restLength));
      this.rest = rest;
    }
    this.rest.set(chunk.subarray(from, to), this.restLength);
    this.restLength += to - from;
  }

  end(): boolean {
    const buf = this.rest.subarray(0, this.restLength);
    this.restLength = 0;
    if (buf.length > 0) {
      if (!this.text(buf, 0, buf.length)) return false;
      this.lines0(buf, 0, buf.length);
    }
    if (!this.started) throw new Fallback();
    return true;
  }

  /** Whether `buf[from, end)` is text of the encoding; a line feed is never inside a character, so whole lines are checked alone. */
  private text(buf: Uint8Array, from: number, end: number): boolean {
    if (this.latin || isUtf8(buf.subarray(from, end))) return true;
    // A declared UTF-8 turns bad bytes into U+FFFD, which the plain reader reports.
    if (this.dialect.encoding === 'utf-8') throw new Fallback();
    return false;
  }

  private lines0(buf: Uint8Array, from: number, to: number): void {
    // The chunks are read into one buffer over and over: its view is made once.
    if (buf !== this.viewOf) {
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      this.viewOf = buf;
    }
    let pos = from;
    if (!this.started) {
      // A byte order mark: the decoder drops it; UTF-16 is the plain reader's.
      if (buf[from] === 0xef && buf[from + 1] === 0xbb && buf[from + 2] === 0xbf && !this.latin) pos += 3;
      else if ((buf[from] === 0xff && buf[from + 1] === 0xfe) || (buf[from] === 0xfe && buf[from + 1] === 0xff)) throw new Fallback();
      pos = this.header(buf, from, pos, to);
    }
    while (pos < to) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl >= to) nl = to;
      let end = nl;
      if (end > pos && buf[end - 1] === CR) end--;
      this.lineEnd = nl;
      if (end > pos) this.record(buf, pos, end);
      this.line++;
      pos = nl + 1;
    }
  }

  /** The header line, from `pos` (after a byte order mark at `lineStart`). */
  private header(buf: Uint8Array, lineStart: number, pos: number, to: number): number {
    let nl = buf.indexOf(LF, pos);
    if (nl < 0 || nl >= to) nl = to;
    const first = this.decoder.decode(buf.subarray(pos, nl));
    const cr = first.indexOf('\r');
    // Quotes, a bare CR, blank lines first, control characters: the plain reader's to read or report.
    if (first.includes('"') || (cr >= 0 && cr < first.length - 1) || first.trim() === '' || NOT_TEXT.test(first)) throw new Fallback();
    const delimiter = this.dialect.delimiter ?? detectDelimiter(first);
    const line = first.endsWith('\r') ? first.slice(0, -1) : first;
    const fields = line.split(delimiter);
    // As CsvInput: every field trimmed; a header of blank fields is skipped there.
    if (fields.every((f) => f.trim() === '')) throw new Fallback();
    const numbers: NumberStyle = this.dialect.decimal
      ? { decimal: this.dialect.decimal, declared: true }
      : { decimal: delimiter === ',' ? '.' : ',', declared: false };
    const head: TableHeader = { file: this.file, delimiter, numbers, names: fields.map((f) => f.trim()), at: { file: this.file, line: 1, col: 1 } };
    const local = new CappedDiagnostics(ERRORS_SHOWN_PER_CODE);
    if (!this.sink.header(head, local) || local.list.length > 0) throw new Fallback();
    this.plan = this.sink.plan();
    if (!this.plan) throw new Fallback();
    this.delimiter = delimiter.charCodeAt(0);
    // Control characters but the tab, U+007F–U+009F and U+FFFD–U+FFFF mean wrongly decoded bytes: the plain reader reports them.
    for (let b = 0; b < SPACE; b++) if (b !== TAB) this.kinds[b] = FAULT;
    this.kinds[0x7f] = FAULT;
    if (this.latin) this.kinds.fill(FAULT, 0x80, 0xa0);
    else {
      this.kinds[0xc2] = LOOK;
      this.kinds[0xef] = LOOK;
    }
    this.kinds[QUOTE] = QUOTED;
    this.kinds[this.delimiter] = DELIMITER;
    this.delimiters = this.delimiter | (this.delimiter << 8) | (this.delimiter << 16) | (this.delimiter << 24);
    this.width = this.plan.fields.length;
    if (this.width >= this.tuple.length || this.plan.count > 64) throw new Fallback();
    this.stand = Array.from({ length: this.width }, () => new Int32Array(1024));
    this.tables = Array.from({ length: this.width }, () => new ValueTable());
    this.standIds = Array.from({ length: this.width }, () => new Map());
    this.started = true;
    this.kept.keep(1, buf, lineStart, nl);
    this.line = 2;
    return nl + 1;
  }

  /** One record in `buf[pos, end)` (its line end left out). */
  private record(buf: Uint8Array, pos: number, end: number): void {
    const plan = this.plan!;
    const latin = this.latin;
    const kinds = this.kinds;
    let n = 0;
    let start = pos;
    let quoted = false;
    const view = this.view;
    const delimiters = this.delimiters;
    let i = pos;
    for (;;) {
      // Four bytes at a time while none of them is one the table below acts on (or might be): most words of a row are plain text.
      while (i + 4 <= end && !special(view.getInt32(i, true), delimiters, latin)) i += 4;
      if (i >= end) break;
      // The word that has one (or the last bytes), byte by byte; at least one byte, so the scan always moves on.
      const stop = i + 4 < end ? i + 4 : end;
      for (; i < stop; i++) {
        const k = kinds[buf[i]!]!;
        if (k === PLAIN) continue;
        if (k === DELIMITER) {
          if (n >= 63) throw new Fallback();
          this.opens[n] = start;
          this.starts[n] = start;
          this.ends[n++] = i;
          start = i + 1;
        } else if (k === QUOTED) quoted = true;
        else if (k === FAULT) throw new Fallback();
        else if ((buf[i] === 0xc2 && buf[i + 1]! < 0xa0) || (buf[i] === 0xef && buf[i + 1] === 0xbf && buf[i + 2]! >= 0xbd)) throw new Fallback();
      }
    }
    if (quoted) n = this.quotedRecord(buf, pos, end);
    else {
      this.opens[n] = start;
      this.starts[n] = start;
      this.ends[n++] = end;
    }
    const amount = plan.amount;
    let as = this.starts[amount]!;
    let ae = this.ends[amount]!;
    if (n !== plan.count) {
      if (this.blank(buf, n)) return;
      throw new Fallback();
    }
    while (as < ae && (buf[as] === SPACE || buf[as] === TAB)) as++;
    while (ae > as && (buf[ae - 1] === SPACE || buf[ae - 1] === TAB)) ae--;
    if (as === ae) {
      if (this.blank(buf, n)) return;
      throw new Fallback();
    }
    this.rows++;
    const read = oreFromBytes(buf, as, ae, plan.numbers, latin, this.parts);
    let exact = 0n;
    if (!read) {
      const a = scanKroner(this.decoder.decode(buf.subarray(this.starts[amount]!, this.ends[amount]!)), plan.numbers);
      if ('error' in a) throw new Fallback();
      exact = a.scale <= 2 ? a.units * 10n ** BigInt(2 - a.scale) : a.units / 10n ** BigInt(a.scale - 2);
    }
    const tuple = this.tuple;
    for (let f = 0; f < this.width; f++) {
      const c = plan.fields[f]!;
      let s = this.starts[c]!;
      let e = this.ends[c]!;
      while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
      while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
      if (s === e && f === plan.category && plan.requireCategory) throw new Fallback();
      tuple[f] = this.value(this.tables[f]!, buf, s, e);
    }
    let entry: number;
    if (plan.classed) {
      for (let f = 0; f < this.width; f++) {
        this.written[f] = tuple[f]!;
        // What the value stands for, asked of the sink once per value and field (at its first row); written out here, as the compiler inlines no more into this method.
        const known = this.stand[f]!;
        const k = known[tuple[f]!]!;
        tuple[f] = k > 0 ? k - 1 : this.firstStands(f, tuple[f]!, known);
      }
      tuple[this.width] = 0;
      entry = this.entry(buf, pos);
      if (this.apart[entry]) {
        for (let f = 0; f < this.width; f++) tuple[f] = this.written[f]!;
        tuple[this.width] = 1;
        entry = this.entry(buf, pos);
      }
    } else entry = this.entry(buf, pos);
    if (read) this.sums.add(entry, this.parts);
    else if (exact !== 0n) this.sums.addBig(entry, exact);
    this.sums.count(entry);
  }

  /** True when every field of the record is empty or blank: a spreadsheet's `;;;` row, skipped. */
  private blank(buf: Uint8Array, n: number): boolean {
    for (let f = 0; f < n; f++)
      for (let i = this.starts[f]!; i < this.ends[f]!; i++) {
        const b = buf[i]!;
        if (b !== SPACE && b !== TAB) return false;
      }
    return true;
  }

  /** A record with a quote on its line, read as the plain reader does; a field over lines, a `""` in a field that is read, or a stray quote fall back. */
  private quotedRecord(buf: Uint8Array, pos: number, end: number): number {
    const delim = this.delimiter;
    const plan = this.plan!;
    let n = 0;
    let i = pos;
    for (;;) {
      if (n >= 63) throw new Fallback();
      this.opens[n] = i;
      if (buf[i] === QUOTE) {
        let j = i + 1;
        let escaped = false;
        let close = -1;
        while (j < end) {
          const q = buf.indexOf(QUOTE, j);
          if (q < 0 || q >= end) break;
          if (buf[q + 1] === QUOTE && q + 1 < end) {
            escaped = true;
            j = q + 2;
            continue;
          }
          close = q;
          break;
        }
        if (close < 0) throw new Fallback();
        if (escaped && (n === plan.amount || plan.fields.includes(n))) throw new Fallback();
        this.starts[n] = i + 1;
        this.ends[n++] = close;
        i = close + 1;
        if (i >= end) break;
        if (buf[i] !== delim) throw new Fallback();
        i++;
        continue;
      }
      let k = i;
      while (k < end && buf[k] !== delim) {
        if (buf[k] === QUOTE) throw new Fallback();
        k++;
      }
      this.starts[n] = i;
      this.ends[n++] = k;
      if (k >= end) break;
      i = k + 1;
    }
    return n;
  }

  /** The id of the value `buf[s, e)` in a field's `table`; a new value is decoded once, and one with Unicode spaces at its ends falls back (trim would take them). */
  private value(table: ValueTable, buf: Uint8Array, s: number, e: number): number {
    const view = this.view;
    const len = e - s;
    const slots = table.slots;
    const mask = table.mask;
    let h = 0x811c9dc5 ^ len;
    if (len <= 8) {
      // Eight bytes or fewer (an account, a party): compared as two words, zero-padded, read little-endian as a DataView word is.
      let w0 = 0;
      let w1 = 0;
      if (len >= 4) {
        w0 = view.getInt32(s, true);
        if (len === 8) w1 = view.getInt32(s + 4, true);
        else for (let i = e - 1; i >= s + 4; i--) w1 = (w1 << 8) | buf[i]!;
      } else for (let i = e - 1; i >= s; i--) w0 = (w0 << 8) | buf[i]!;
      h = spread(mix(mix(h, w0), w1));
      const tag = len + 1;
      let slot = h & mask;
      for (;;) {
        const q = slot * SLOT;
        const t = slots[q + 1]!;
        if (t === 0) return this.newValue(table, buf, s, e, h, slot, tag, w0, w1);
        if (slots[q] === h && (t & 15) === tag && slots[q + 2] === w0 && slots[q + 3] === w1) return t >>> 4;
        slot = (slot + 1) & mask;
      }
    }
    return this.longValue(table, buf, s, e, h);
  }

  /** {@link value} of more than eight bytes, found in the pool: a method of its own, small enough for the compiler to inline the compare of bytes into it. */
  private longValue(table: ValueTable, buf: Uint8Array, s: number, e: number, seed: number): number {
    const view = this.view;
    const len = e - s;
    const slots = table.slots;
    const mask = table.mask;
    let h = seed;
    // A word at a time, then the bytes left; the last step spreads every byte into the low bits the slot is taken from.
    let i = s;
    for (; i + 4 <= e; i += 4) h = mix(h, view.getInt32(i, true));
    for (; i < e; i++) h = mix(h, buf[i]!);
    h = spread(h);
    let slot = h & mask;
    for (;;) {
      const q = slot * SLOT;
      const t = slots[q + 1]!;
      if (t === 0) return this.newValue(table, buf, s, e, h, slot, LONG, this.poolUsed, len);
      if (slots[q] === h && (t & 15) === LONG && slots[q + 3] === len && sameBytes(view, buf, s, this.poolView, this.pool, slots[q + 2]!, len)) return t >>> 4;
      slot = (slot + 1) & mask;
    }
  }

  /** A value not read before, into its free `slot` of `table` (its words `a` and `b` as {@link ValueTable} keeps them). A method of its own, so `value`, which runs for every field of every row, stays small. */
  private newValue(table: ValueTable, buf: Uint8Array, s: number, e: number, h: number, slot: number, tag: number, a: number, b: number): number {
    const text = this.decoder.decode(buf.subarray(s, e));
    if (text.trim() !== text) throw new Fallback();
    const id = this.strings.length;
    // The id shares its int with the length: past 2^27 distinct values (more than memory holds as strings), the plain reader reads.
    if (id >= 1 << 27) throw new Fallback();
    this.strings.push(text);
    // Here, not where `stands` looks a value up: a branch first taken rows after that code is compiled would send it back to the interpreter.
    if (this.stand.length > 0 && id >= this.stand[0]!.length) for (let f = 0; f < this.stand.length; f++) this.stand[f] = grow(this.stand[f]!, id + 1);
    if (tag === LONG) {
      const len = e - s;
      if (this.poolUsed + len > this.pool.length) {
        this.pool = grow(this.pool, this.poolUsed + len);
        this.poolView = new DataView(this.pool.buffer);
      }
      this.pool.set(buf.subarray(s, e), this.poolUsed);
      this.poolUsed += len;
    }
    const slots = table.slots;
    const q = slot * SLOT;
    slots[q] = h;
    slots[q + 1] = (id << 4) | tag;
    slots[q + 2] = a;
    slots[q + 3] = b;
    if (2 * ++table.count > table.mask + 1) {
      // Half full: twice the slots, each value moved by the hash it keeps.
      const mask = 2 * table.mask + 1;
      const wider = new Int32Array(slots.length * 2);
      for (let p = 0; p < slots.length; p += SLOT) {
        if (slots[p + 1] === 0) continue;
        let x = slots[p]! & mask;
        while (wider[x * SLOT + 1] !== 0) x = (x + 1) & mask;
        // Int by int: a subarray a slot would be an object a slot.
        for (let j = 0; j < SLOT; j++) wider[x * SLOT + j] = slots[p + j]!;
      }
      table.slots = wider;
      table.mask = mask;
    }
    return id;
  }

  /**
   * What value `id` of field `f` stands for at its first row: asks the
   * sink, and keeps the answer for its later rows in `known` (each field's
   * table has room for every value id: newValue grows them). A method of its
   * own, as {@link keptApart} is: its closure over `id` would otherwise cost
   * `record` a context object on every row (150 MB a million rows).
   */
  private firstStands(f: number, id: number, known: Int32Array): number {
    const text = this.strings[id]!;
    const ids = this.standIds[f]!;
    ids.set(text, id);
    const { here, after } = this.sink.stands(f, text);
    const idOf = (to: string) => {
      const r = to === text ? id : ids.get(to);
      if (r === undefined) throw new Error(`internal: '${to}' stands for '${text}' before it was read`);
      return r;
    };
    known[id] = idOf(after) + 1;
    return idOf(here);
  }

  /** The entry of the current tuple of value ids; a new one keeps the record's line and its columns' positions. */
  private entry(buf: Uint8Array, lineStart: number): number {
    // The key is the value ids and a last slot: 1 for an entry of values as written among entries of classes.
    const k = this.width + 1;
    const tuple = this.tuple;
    let h = 0x811c9dc5 | 0;
    for (let f = 0; f < k; f++) h = mix(h, tuple[f]!);
    // Slots of ids alone, the keys in their own array: a table of slots holding their keys is three times the size, and a ledger of 25 000 entries then finds its entries in slower caches.
    const slots = this.entrySlots;
    const keys = this.keys;
    const mask = slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = slots[slot]! - 1;
      if (id < 0) break;
      let f = 0;
      while (f < k && keys[id * k + f] === tuple[f]) f++;
      if (f === k) return id;
      slot = (slot + 1) & mask;
    }
    return this.newEntry(slot, buf, lineStart);
  }

  /**
   * A new entry of the current tuple, at its free `slot`. A method of its
   * own, so `entry`, which runs every row, stays small: a compiler inlines
   * only what is called often, and compiles what it has not seen run as a
   * way back to the interpreter.
   */
  private newEntry(slot: number, buf: Uint8Array, lineStart: number): number {
    const w = this.width;
    const k = w + 1;
    const tuple = this.tuple;
    const id = this.entryCount++;
    if ((id + 1) * k > this.keys.length) this.keys = grow(this.keys, (id + 1) * k);
    if (id >= this.lines.length) {
      this.lines = grow(this.lines, id + 1);
      this.apart = grow(this.apart, id + 1);
    }
    this.sums.reserve(id + 1);
    if ((id + 1) * (w + 1) > this.cols.length) this.cols = grow(this.cols, (id + 1) * (w + 1));
    for (let f = 0; f < k; f++) this.keys[id * k + f] = tuple[f]!;
    if (this.plan!.classed && tuple[w] === 0 && this.keptApart()) this.apart[id] = 1;
    this.lines[id] = this.line;
    this.kept.keep(this.line, buf, lineStart, this.lineEnd);
    const plan = this.plan!;
    this.cols[id * (w + 1)] = this.column(buf, lineStart, this.opens[plan.amount]!);
    for (let f = 0; f < w; f++) this.cols[id * (w + 1) + 1 + f] = this.column(buf, lineStart, this.opens[plan.fields[f]!]!);
    const slots = this.entrySlots;
    slots[slot] = id + 1;
    if (2 * (id + 1) > slots.length) {
      // Half full: twice the slots, each entry moved by its key's hash.
      const wider = new Int32Array(slots.length * 2);
      const mask = wider.length - 1;
      for (let v = 0; v <= id; v++) {
        let x = 0x811c9dc5 | 0;
        for (let f = 0; f < k; f++) x = mix(x, this.keys[v * k + f]!);
        x &= mask;
        while (wider[x]! !== 0) x = (x + 1) & mask;
        wider[x] = v + 1;
      }
      this.entrySlots = wider;
    }
    return id;
  }

  /**
   * Whether the sink keeps the rows of the current tuple of classes apart by
   * their values as written. A method of its own, and no closure in
   * `entry`: a closure there over its locals would cost a context object on
   * every row (45 MB a million rows), not only on a new entry's.
   */
  private keptApart(): boolean {
    const values = new Array<string>(this.width);
    for (let f = 0; f < this.width; f++) values[f] = this.strings[this.tuple[f]!]!;
    return this.sink.apart(values);
  }

  /** The 1-based column of `buf[at]` on its line, in UTF-16 code units as the plain reader counts. */
  private column(buf: Uint8Array, lineStart: number, at: number): number {
    if (this.latin) return at - lineStart + 1;
    let units = 0;
    for (let i = lineStart; i < at; i++) {
      const b = buf[i]!;
      if (b < 0x80 || b >= 0xc0) units += b >= 0xf0 ? 2 : 1;
    }
    return units + 1;
  }

  /**
   * Hands every entry to the sink, in the order of their first rows. The
   * values, the amount and the positions are one array and two objects,
   * refilled for each entry: the sink reads them during the call and keeps
   * none of them (tens of thousands of entries would otherwise be as many
   * short-lived arrays and objects, just when the heap holds the most).
   */
  feed(): void {
    const plan = this.plan!;
    const w = this.width;
    // By column index (every one below the header's count): its slot in an entry's columns (the amount first, then each field), −1 for a column not kept.
    const slotOf = new Int32Array(plan.count).fill(-1);
    slotOf[plan.amount] = 0;
    plan.fields.forEach((c, f) => {
      if (slotOf[c]! < 0) slotOf[c] = f + 1;
    });
    const where = new FirstRow(this.file, this.cols, slotOf);
    const values = new Array<string>(w);
    const amount: { units: bigint; scale: number } = { units: 0n, scale: 2 };
    const distinct = this.distinct();
    for (let id = 0; id < this.entryCount; id++) {
      // An entry of classes kept apart holds no row: its rows are in entries of their values as written.
      if (this.apart[id]) continue;
      for (let f = 0; f < w; f++) values[f] = this.strings[this.keys[id * (w + 1) + f]!]!;
      amount.units = this.sums.total(id);
      where.line = this.lines[id]!;
      where.base = id * (w + 1);
      this.sink.absorb(values, amount, this.sums.rows(id), where, distinct);
    }
  }

  /**
   * Whether the entries fed have distinct values. Their keys are (value
   * ids, whether the values are as written among entries of classes), and a
   * value id is one text: two entries fed alike are an entry of values as
   * written and one of classes, not kept apart, with the same value ids —
   * looked for here, for each entry of values as written (a few: those a
   * diagnostic is about).
   */
  private distinct(): boolean {
    const w = this.width;
    const k = w + 1;
    for (let id = 0; id < this.entryCount; id++) {
      if (this.keys[id * k + w] !== 1 || this.apart[id]) continue;
      let h = 0x811c9dc5 | 0;
      for (let f = 0; f < w; f++) h = mix(h, this.keys[id * k + f]!);
      h = mix(h, 0);
      const mask = this.entrySlots.length - 1;
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        // A slot holds an entry's id plus one; 0 is free.
        const other = this.entrySlots[slot]! - 1;
        if (other < 0) break;
        if (this.keys[other * k + w] !== 0 || this.apart[other]) continue;
        let same = true;
        for (let f = 0; f < w; f++) if (this.keys[other * k + f] !== this.keys[id * k + f]) same = false;
        if (same) return false;
      }
    }
    return true;
  }
}

/**
 * A field's distinct values: slots of {@link SLOT} ints — the hash, the id
 * and length (`id << 4 | length + 1`; {@link LONG} in the low bits for a
 * value longer than eight bytes; 0 for a free slot), then the value's bytes
 * zero-padded into two words, or for a longer value where its bytes are in
 * the reader's pool and its length. A value a row finds again costs one
 * cache line, not one in each of four arrays and the pool.
 */
class ValueTable {
  slots = new Int32Array(SLOT * 64);
  mask = 63;
  count = 0;
}

/** Where an entry's first row wrote each column: its line, and its columns from the reader's table (`cols[base + slot]`); moved from entry to entry. */
class FirstRow implements Where {
  line = 0;
  base = 0;
  constructor(
    private readonly file: string,
    private readonly cols: Int32Array,
    private readonly slotOf: Int32Array,
  ) {}

  at(column: number): SourcePos {
    const slot = this.slotOf[column]!;
    if (slot < 0) throw new Error(`internal: column ${column} was not kept by the byte reader`);
    return { file: this.file, line: this.line, col: this.cols[this.base + slot]! };
  }
}

/** Whether `a[s, s + len)` holds the bytes of `b[at, at + len)`: a word at a time through their views, then the bytes left. */
export function sameBytes(aView: DataView, a: Uint8Array, s: number, bView: DataView, b: Uint8Array, at: number, len: number): boolean {
  let k = 0;
  for (; k + 4 <= len; k += 4) if (aView.getInt32(s + k, true) !== bView.getInt32(at + k, true)) return false;
  for (; k < len; k++) if (a[s + k] !== b[at + k]) return false;
  return true;
}

const ONES = 0x01010101;
const HIGHS = 0x80808080 | 0;

/**
 * Whether a word of four bytes (`w`, read little-endian; the order does not
 * matter) may hold a byte the record scan's table does not read as PLAIN:
 * one below a space (a tab too, which is plain: a false yes only costs the
 * word a byte-by-byte look), a quote, the delimiter (`delimiters`, in every
 * byte), DEL, and in UTF-8 the lead bytes 0xC2 and 0xEF (the LOOK ones), in
 * Windows-1252 any byte from 0x80 (again wider than the table's). Each test
 * is the exact "has a zero byte" (`(v − 0x01…) & ~v & 0x80…`, here of `w`
 * xor the byte) or "has a byte below n" one of bit-twiddling lore; the
 * subtractions wrap in 32 bits through `&`, as unsigned ones would.
 */
function special(w: number, delimiters: number, latin: boolean): boolean {
  const q = w ^ 0x22222222;
  const d = w ^ delimiters;
  const del = w ^ 0x7f7f7f7f;
  let hits = ((w - 0x20202020) & ~w) | ((q - ONES) & ~q) | ((d - ONES) & ~d) | ((del - ONES) & ~del);
  if (latin) hits |= w;
  else {
    const c2 = w ^ 0xc2c2c2c2;
    const ef = w ^ 0xefefefef;
    hits |= ((c2 - ONES) & ~c2) | ((ef - ONES) & ~ef);
  }
  return (hits & HIGHS) !== 0;
}

/** One step of FNV-1a: a 32-bit hash of bytes, words or ids, for the tables of distinct values and keys. */
function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193);
}

/** Murmur3's last step: a multiply carries low bits up only, so a word's upper bytes reach the low bits of a slot only through this. */
function spread(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function grow<A extends Int32Array | Uint8Array>(a: A, least: number): A {
  let size = a.length * 2;
  while (size < least) size *= 2;
  const out = new (a.constructor as new (n: number) => A)(size);
  out.set(a);
  return out;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: as table.ts's NOT_TEXT, for the header line.
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd-\uffff]/;
