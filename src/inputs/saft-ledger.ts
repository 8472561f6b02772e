import type { Diagnostics, SaftRecord, SourcePos } from '../diagnostics/diagnostic.js';
import { OreSums, type OreParts } from './amount-bytes.js';
import { KEPT_BYTES, KeptLines } from './kept-lines.js';
import type { LedgerPlan, LedgerSink, Where } from './ledger-bytes.js';
import { SaftInput } from './saft.js';
import { saftOre } from './saft-amount.js';
import { CappedDiagnostics, ERRORS_SHOWN_PER_CODE, type TableHeader } from './table.js';
import { entities, entity, internalized, NAME, type Slicing, same, TEXT, utf8Char, XmlFallback } from './xml-bytes.js';

/**
 * A SAF-T ledger read straight from its bytes into a ledger sink's summed
 * path, as the CSV byte reader (ledger-bytes.ts) reads a CSV ledger: the
 * master files are read by the byte scanner and SaftInput's handlers, as
 * ever; from `<GeneralLedgerEntries>` on, a walker of its own reads
 * Journal/Transaction/Line as bytes — no event, no string and no object a
 * line: each distinct account, analysis value and date is decoded once,
 * each amount read from its bytes into whole øre (saft-amount.ts's
 * saftOre), each distinct date checked once, and the lines summed by their
 * key values, an entry's first line keeping where its values were written.
 *
 * It reads the shape exports write: elements without attributes, text with
 * entities and any line ends, the elements SaftInput reads where it reads
 * them and any others around them. Anything else — a comment, CDATA or
 * processing instruction inside the entries, an attribute, an element
 * SaftInput reacts to in a place this walker does not expect it, anything
 * SaftInput would report (an unknown account, a line with both sides or a
 * split line, an amount in another form, a wrong date) — throws
 * {@link XmlFallback}, and the file is read again from its start the way it
 * was before: what is reported, and where, is then the reference's own.
 */
export async function readSaftLedger<T>(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  sink: LedgerSink<T>,
  diags: Diagnostics,
  progress: (rows: number, bytes: number) => void,
): Promise<{ readonly result: T | null; readonly rows: number; readonly kept: KeptLines } | 'fallback'> {
  const prelude = new SaftInput(file, sink, diags, true);
  let walker: SaftLedgerBytes<T> | null = null;
  // Prelude bytes not pushed yet (the end of a chunk that may hold the start of the entries' tag), and the stream offset of their first.
  let held = new Uint8Array(0);
  let heldAt = 0;
  let bytes = 0;
  // Whether the prelude ends a line with a CR alone, which saxes counts as a line end and the excerpts' pass does not.
  let loneCr = false;
  try {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (walker) walker.push(chunk);
      else {
        const all = held.length > 0 ? concat(held, chunk) : chunk;
        const tag = entriesTag(all);
        if (tag < 0) {
          // The last bytes wait for the next chunk: the entries' tag may begin in them.
          const keep = Math.max(0, all.length - HELD);
          // A copy: the scanner keeps a token cut at the end of what it was given, and the chunk is read into again.
          prelude.push(Uint8Array.prototype.slice.call(all, 0, keep));
          loneCr ||= hasLoneCr(all, keep);
          held = Uint8Array.prototype.slice.call(all, keep);
          heldAt += keep;
          if (prelude.fellBack) return 'fallback';
        } else {
          prelude.push(all.subarray(0, tag));
          loneCr ||= hasLoneCr(all, tag);
          const start = prelude.ledgerStart();
          if (!start || start.offset < heldAt) return 'fallback';
          walker = new SaftLedgerBytes(file, sink, start, !loneCr);
          // The scanner leaves unread what a token cut at `tag` began with (text before the tag): the walker reads it.
          walker.push(all.subarray(start.offset - heldAt));
          held = new Uint8Array(0);
        }
      }
      progress(walker ? walker.rows : 0, bytes);
    }
    if (!walker) return 'fallback';
    walker.end();
  } catch (e) {
    if (e instanceof XmlFallback) return 'fallback';
    throw e;
  }
  const capped = new CappedDiagnostics(ERRORS_SHOWN_PER_CODE);
  walker.feed();
  const result = sink.finish(capped);
  for (const e of capped.flush()) diags.list.push(e);
  return { result: capped.count > 0 ? null : result, rows: walker.rows, kept: walker.kept };
}

/** Whether `b[0, end)` has a CR not followed by a LF (the byte after `end` looked at too). */
function hasLoneCr(b: Uint8Array, end: number): boolean {
  for (let i = b.indexOf(CR); i >= 0 && i < end; i = b.indexOf(CR, i + 1)) if (b[i + 1] !== LF) return true;
  return false;
}

/** Prelude bytes held back from the scanner until the next chunk: more than a tag `<prefix:GeneralLedgerEntries` takes. */
const HELD = 256;
const ENTRIES = Buffer.from('GeneralLedgerEntries');

/** Where `<GeneralLedgerEntries` (with any prefix) begins in `b`, its name followed by `>`, a space or `/`; −1 when it does not. */
function entriesTag(b: Uint8Array): number {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let m = buf.indexOf(ENTRIES); m >= 0; m = buf.indexOf(ENTRIES, m + 1)) {
    const after = buf[m + ENTRIES.length];
    if (after !== GT && after !== SLASH && after !== SPACE && after !== TAB && after !== LF && after !== CR) continue;
    let s = m - 1;
    if (buf[s] === COLON) {
      s--;
      while (s >= 0 && NAME[buf[s]!]! > 0 && buf[s] !== COLON) s--;
    }
    if (s >= 0 && buf[s] === LT) return s;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const COLON = 58;
const BRACKET = 93;

// The local names SaftInput reacts to. The first eight are never inside a part the walker skips: SaftInput reacts to them wherever they are.
const OTHER = 0;
const ENTRIES_CODE = 1;
const ACCOUNTS = 2;
const TYPE_ENTRY = 3;
const TRANSACTION = 4;
const LINE = 5;
const ANALYSIS = 6;
const DEBIT = 7;
const CREDIT = 8;
const TRANSACTION_ID = 9;
const TRANSACTION_DATE = 10;
const RECORD_ID = 11;
const ACCOUNT_ID = 12;
const ANALYSIS_TYPE = 13;
const ANALYSIS_ID = 14;
const AMOUNT = 15;
const CODES: Readonly<Record<string, number>> = {
  GeneralLedgerEntries: ENTRIES_CODE,
  GeneralLedgerAccounts: ACCOUNTS,
  AnalysisTypeTableEntry: TYPE_ENTRY,
  Transaction: TRANSACTION,
  Line: LINE,
  Analysis: ANALYSIS,
  DebitAmount: DEBIT,
  CreditAmount: CREDIT,
  TransactionID: TRANSACTION_ID,
  TransactionDate: TRANSACTION_DATE,
  RecordID: RECORD_ID,
  AccountID: ACCOUNT_ID,
  AnalysisType: ANALYSIS_TYPE,
  AnalysisID: ANALYSIS_ID,
  Amount: AMOUNT,
};
const reacts = (code: number) => code >= ENTRIES_CODE && code <= CREDIT;

// Where the walker is: the element whose children it reads.
/** In the root, outside the entries. */
const IN_ROOT = 0;
/** In the entries, outside a transaction (a Journal, or any element there). */
const IN_ENTRIES = 1;
const IN_TRANSACTION = 2;
const IN_LINE = 3;
const IN_ANALYSIS = 4;
/** In a line's DebitAmount or CreditAmount. */
const IN_SIDE = 5;
/** In an element whose text is read (AccountID, Amount …). */
const IN_LEAF = 6;
/** After the root element. */
const AFTER = 7;

interface Name {
  next: Name | undefined;
  also: Name | undefined;
  readonly bytes: Uint8Array;
  readonly code: number;
  readonly hash: number;
  /** The name's bytes four at a time (little-endian), and the bytes after the last whole four: compared a word at a time, as tags are most of the bytes. */
  readonly words: Int32Array;
}

/** Whether `name` is written at `buf[at, …)`, `view` being a view of `buf` (the caller has checked that its length fits). */
function written(name: Name, view: DataView, buf: Uint8Array, at: number): boolean {
  const words = name.words;
  const whole = words.length;
  for (let k = 0; k < whole; k++) if (view.getInt32(at + 4 * k, true) !== words[k]) return false;
  const bytes = name.bytes;
  for (let k = 4 * whole; k < bytes.length; k++) if (buf[at + k] !== bytes[k]) return false;
  return true;
}

function nameOf(bytes: Uint8Array, code: number, hash: number): Name {
  const words = new Int32Array(bytes.length >> 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k < words.length; k++) words[k] = view.getInt32(4 * k, true);
  return { next: undefined, also: undefined, bytes, code, hash, words };
}

/** Bytes enough for any one token: a longer one is left to the reader of events. */
const TOKEN_LIMIT = 1 << 20;
/** Bytes of a transaction's or record's id kept for the position of an entry's first line; a longer one is decoded when read. */
const ID_BYTES = 64;
/** Bytes of lines kept for excerpts: a SAF-T line is some 300 bytes, five times a CSV row, and a re-read of the file costs far more. */
const KEPT = 4 * KEPT_BYTES;
/** A longer line (a file written on one line) is not kept: the excerpts' pass reads it. */
const KEPT_LINE = 1 << 14;

class SaftLedgerBytes<T> {
  rows = 0;
  /** The lines an entry's first line wrote its values on, and the header's, for excerpts; kept in rising order. */
  readonly kept = new KeptLines(KEPT, KEPT);
  private lastKept = 0;
  /** Bytes being read: those left of the last chunk (a token cut by its end), then the new one, in a buffer kept from chunk to chunk. */
  private buf: Buffer = Buffer.alloc(0);
  private work: Buffer = Buffer.alloc(0);
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private i = 0;
  /** Stream offset of buf[0]. */
  private base: number;
  // The line count, as saxes counts: the line, the stream offset where it starts, continuation bytes since (a character is one column).
  private line: number;
  private lineStart: number;
  private extra: number;
  private readonly root: Uint8Array;
  // Open elements: name and where the walker was outside each.
  private names: Name[] = [];
  private outer: number[] = [];
  private where = IN_ROOT;
  /** Open elements of a part skipped (0: none), and whether that part is inside an Analysis (which reacts to AnalysisType and AnalysisID at any depth). */
  private skip = 0;
  private skipInAnalysis = false;
  private entriesRead = false;
  private table: (Name | undefined)[] = new Array(64);
  private nameCount = 0;
  private last: Name | undefined = undefined;
  // Master files.
  private readonly accounts: ReadonlyMap<string, string>;
  private readonly types: readonly string[];
  private plan: LedgerPlan | null = null;
  /** By field: where its value comes from — −1 the account, −2 its grouping code, else the index of an analysis type. */
  private sources: number[] = [];
  private category = -1;
  // Distinct values by their bytes (after trimming ASCII white space), each the id of its decoded text.
  private pool = new Uint8Array(1 << 14);
  private poolView = new DataView(this.pool.buffer);
  private poolUsed = 0;
  private valueAt = new Int32Array(256);
  private valueLength = new Int32Array(256);
  private valueHash = new Int32Array(256);
  private valueId = new Int32Array(256);
  private valueCount = 0;
  private slots = new Int32Array(512).fill(-1);
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly empty: number;
  /** By value id, found on first use: an account's state (0 not asked, 1 in the chart, 2 not) and grouping code's id; an analysis type's index + 1 (0 not asked, −1 not a type); a date's (0 not asked, 1 in the year, 2 outside). */
  private accountState = new Int8Array(256);
  private grouping = new Int32Array(256);
  private typeOf = new Int32Array(256);
  private dateState = new Int8Array(256);
  // The element whose text is read: what it is, its value (−1 none yet), where its text starts, its amount.
  private leaf = OTHER;
  private leafValue = -1;
  private leafLine = 0;
  /** Stream offset of the start of the leaf's line (and below, of each position's line): the line an excerpt quotes. */
  private leafStart = 0;
  private leafCol = 0;
  private leafAmount = false;
  private readonly leafParts: OreParts = { negative: false, hi: 0, lo: 0 };
  private leafIdBytes = new Uint8Array(ID_BYTES);
  private leafIdLength = 0;
  private leafIdText: string | null = null;
  // The transaction: its id (bytes, or text when long or with entities), its date and where.
  private txBytes = new Uint8Array(ID_BYTES);
  private txLength = 0;
  private txText: string | null = null;
  private date = -1;
  private dateLine = 0;
  private dateStart = 0;
  private dateCol = 0;
  // The line: where it starts, its record, account, side, amount and analysis values.
  private lineLine = 0;
  private lineStart0 = 0;
  private lineCol = 0;
  private recordBytes = new Uint8Array(ID_BYTES);
  private recordLength = 0;
  private recordText: string | null = null;
  private account = -1;
  private accountLine = 0;
  private accountStart = 0;
  private accountCol = 0;
  private sides = 0;
  private amountOk = false;
  private amountLine = 0;
  private amountStart = 0;
  private amountCol = 0;
  private readonly parts: OreParts = { negative: false, hi: 0, lo: 0 };
  private analysisValue: Int32Array;
  private analysisLine: Int32Array;
  private analysisCol: Int32Array;
  private analysisStart: Float64Array;
  private typeValue = -1;
  private idValue = -1;
  private idLine = 0;
  private idStart = 0;
  private idCol = 0;
  private analysisSide = OTHER;
  // Rows dated outside the year: how many, and the first's date and position.
  private outsideRows = 0;
  private outsideDate = '';
  private outsideAt: SourcePos | null = null;
  // Entries: key tuples of value ids, sums, counts, and where each first line wrote its values.
  private width = 0;
  private readonly tuple = new Int32Array(64);
  private entryCount = 0;
  private keys = new Int32Array(1024);
  private entrySlots = new Int32Array(2048).fill(-1);
  private readonly sums = new OreSums();
  private counts = new Int32Array(256);
  private firstLines = new Int32Array(1024);
  private firstCols = new Int32Array(1024);
  private records: SaftRecord[] = [];
  // Summed by class: by field, the id each value id stands for after its first row (plus one; 0 when not asked yet); the values as written of the line; which entries of classes keep their lines apart.
  private stand: Int32Array[] = [];
  private readonly written = new Int32Array(64);
  private apart = new Uint8Array(256);
  /** A new entry's lines to keep and where they start, sorted by line (the amount's and one a field). */
  private readonly keepLines = new Int32Array(64);
  private readonly keepStarts = new Float64Array(64);

  constructor(
    private readonly file: string,
    private readonly sink: LedgerSink<T>,
    start: NonNullable<ReturnType<SaftInput<T>['ledgerStart']>>,
    /** No CR alone ended a line before: saxes's line numbers are then the excerpts' pass's, and lines can be kept for it. */
    private plainLines: boolean,
  ) {
    this.base = start.offset;
    this.line = start.line;
    this.lineStart = start.lineStart;
    this.extra = start.extra;
    this.root = start.root;
    this.accounts = start.accounts;
    this.types = start.types;
    this.names.push(nameOf(start.root, OTHER, 0));
    this.outer.push(AFTER);
    this.analysisValue = new Int32Array(this.types.length);
    this.analysisLine = new Int32Array(this.types.length);
    this.analysisCol = new Int32Array(this.types.length);
    this.analysisStart = new Float64Array(this.types.length);
    this.empty = this.text('');
  }

  push(chunk: Uint8Array): void {
    const rest = this.buf.length - this.i;
    if (rest > TOKEN_LIMIT) throw new XmlFallback('a token too long');
    const size = rest + chunk.length;
    let work = this.work;
    if (work.length < size) {
      work = Buffer.allocUnsafe(Math.max(size, 2 * work.length));
      work.set(this.buf.subarray(this.i), 0);
      this.work = work;
      this.view = new DataView(work.buffer, work.byteOffset, work.length);
    } else if (rest > 0) work.copyWithin(0, this.i, this.buf.length);
    work.set(chunk, rest);
    this.base += this.i;
    this.buf = work.subarray(0, size);
    this.i = 0;
    this.scan();
  }

  /** The end of the file: all of it read, the root closed, and nothing after it but white space. */
  end(): void {
    if (this.where !== AFTER) throw new XmlFallback('unfinished');
    const buf = this.buf;
    for (let k = this.i; k < buf.length; k++) if (buf[k] !== SPACE && buf[k] !== TAB && buf[k] !== LF && buf[k] !== CR) throw new XmlFallback('after the root');
  }

  private column(at: number): number {
    return this.base + at - this.lineStart - this.extra + 1;
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = this.base + at;
    this.extra = 0;
  }

  private scan(): void {
    const buf = this.buf;
    const n = buf.length;
    let i = this.i;
    while (i < n) {
      let end: number;
      if (buf[i] !== LT) end = this.chars(i);
      else {
        if (i + 1 >= n) break;
        const b = buf[i + 1]!;
        if (b === SLASH) end = this.closeTag(i);
        else if (b === BANG || b === QUESTION) throw new XmlFallback('a comment, section or instruction');
        else end = this.openTag(i);
      }
      if (end < 0) break;
      i = end;
    }
    this.i = i;
  }

  /** Character data from `start` to the next `<`, checked as the byte scanner checks it: the index of the `<`, or −1 to wait for more bytes. */
  private chars(start: number): number {
    const buf = this.buf;
    const n = buf.length;
    const line = this.line;
    const lineStart = this.lineStart;
    const extra = this.extra;
    let blank = true;
    let raw = false;
    let i = start;
    for (;;) {
      if (i >= n) return this.rewind(line, lineStart, extra);
      const b = buf[i]!;
      const k = TEXT[b]!;
      if (k === 0) {
        if (b !== SPACE && b !== TAB) blank = false;
        i++;
      } else if (k === 5) break;
      else if (k === 1) {
        i++;
        this.newline(i);
      } else if (k === 2) {
        if (i + 1 >= n) return this.rewind(line, lineStart, extra);
        raw = true;
        if (buf[i + 1] !== LF) this.plainLines = false;
        i += buf[i + 1] === LF ? 2 : 1;
        this.newline(i);
      } else if (k === 3) {
        const e = entity(buf, i, false);
        if (e < 0) return this.rewind(line, lineStart, extra);
        raw = true;
        blank = false;
        i = e;
      } else if (k === 4) {
        if (i + 2 >= n) return this.rewind(line, lineStart, extra);
        if (buf[i + 1] === BRACKET && buf[i + 2] === GT) throw new XmlFallback(']]> in text');
        blank = false;
        i++;
      } else if (k === 6) {
        const size = utf8Char(buf, i, false);
        if (size === 0) return this.rewind(line, lineStart, extra);
        this.extra += size - 1;
        blank = false;
        i += size;
      } else throw new XmlFallback('a character XML does not allow');
    }
    if (this.where === IN_LEAF && this.skip === 0) this.leafText(start, i, raw);
    else if (!blank && (this.where === IN_ROOT || this.where === AFTER)) throw new XmlFallback('text outside the entries');
    return i;
  }

  private rewind(line: number, lineStart: number, extra: number): number {
    this.line = line;
    this.lineStart = lineStart;
    this.extra = extra;
    return -1;
  }

  /** Line ends in the white space of a tag, `buf[s, e)`, counted once the tag is whole. */
  private tagLines(s: number, e: number): void {
    const buf = this.buf;
    for (let k = s; k < e; k++) {
      const b = buf[k]!;
      if (b === LF) this.newline(k + 1);
      else if (b === CR) {
        if (buf[k + 1] === LF) k++;
        else this.plainLines = false;
        this.newline(k + 1);
      }
    }
  }

  /** `<name>` or `<name/>` at `start` (no attribute): the index after it, or −1 to wait for more bytes. */
  private openTag(start: number): number {
    const buf = this.buf;
    const n = buf.length;
    let i = start + 1;
    if (NAME[buf[i]!] !== 1) throw new XmlFallback('a name of another shape');
    // The element that followed the last one opened, the last time or the time before, most likely follows it again.
    const last = this.last;
    let name = last?.next;
    if (name !== undefined && !this.named(name, i)) {
      name = last!.also;
      if (name !== undefined && !this.named(name, i)) name = undefined;
    }
    if (name !== undefined) i += name.bytes.length;
    else {
      let h = 0x811c9dc5 | 0;
      while (i < n && NAME[buf[i]!]! > 0) {
        h = Math.imul(h ^ buf[i]!, 16777619);
        i++;
      }
      if (i >= n) return -1;
      name = this.intern(start + 1, i, h);
      if (last) {
        last.also = last.next;
        last.next = name;
      }
    }
    this.last = name;
    const spaced = i;
    let lines = false;
    while (i < n && (buf[i] === SPACE || buf[i] === TAB || buf[i] === LF || buf[i] === CR)) {
      if (buf[i]! < SPACE && buf[i] !== TAB) lines = true;
      i++;
    }
    if (i >= n) return -1;
    let selfClosing = false;
    if (buf[i] === SLASH) {
      if (i + 1 >= n) return -1;
      if (buf[i + 1] !== GT) throw new XmlFallback('a broken tag');
      selfClosing = true;
      i += 2;
    } else if (buf[i] === GT) i++;
    else throw new XmlFallback('an attribute');
    if (lines) this.tagLines(spaced, i);
    // An element the walker reads nothing of (a Description, a Period) with plain text: opened and closed, it changes nothing.
    if (name.code === OTHER && !selfClosing && (this.skip > 0 || (this.where >= IN_ENTRIES && this.where <= IN_SIDE))) {
      const lt = this.plain(i, name);
      if (lt >= 0) return lt + 3 + name.bytes.length;
    }
    this.open(name, i);
    if (selfClosing) {
      this.close();
      return i;
    }
    // Most elements are `<name>text</name>`, the text plain ASCII on one line: read at once, as the tokens would be read.
    const lt = this.plain(i, name);
    if (lt < 0) return i;
    if (lt > i && this.where === IN_LEAF) this.leafText(i, lt, false);
    this.close();
    return lt + 3 + name.bytes.length;
  }

  /** Where `</name>` begins when `buf[start, …)` is plain ASCII text (no line end, entity, `]`, control character) up to it; else −1. */
  private plain(start: number, name: Name): number {
    const buf = this.buf;
    const n = buf.length;
    let i = start;
    while (i < n && TEXT[buf[i]!] === 0) i++;
    const len = name.bytes.length;
    if (i + 2 + len >= n || buf[i] !== LT || buf[i + 1] !== SLASH || buf[i + 2 + len] !== GT) return -1;
    return written(name, this.view, buf, i + 2) ? i : -1;
  }

  /** Whether the name at `buf[i, …)` is `name`, whole. */
  private named(name: Name, i: number): boolean {
    const len = name.bytes.length;
    return i + len < this.buf.length && NAME[this.buf[i + len]!] === 0 && written(name, this.view, this.buf, i);
  }

  /** `</name>` at `start`, matching the open element. */
  private closeTag(start: number): number {
    const buf = this.buf;
    const n = buf.length;
    const open = this.names[this.names.length - 1];
    if (!open) throw new XmlFallback('a closing tag with none open');
    const len = open.bytes.length;
    let i = start + 2;
    if (i + len >= n) return -1;
    if (!written(open, this.view, buf, i)) throw new XmlFallback('a closing tag that does not match');
    i += len;
    const spaced = i;
    let lines = false;
    while (i < n && (buf[i] === SPACE || buf[i] === TAB || buf[i] === LF || buf[i] === CR)) {
      if (buf[i]! < SPACE && buf[i] !== TAB) lines = true;
      i++;
    }
    if (i >= n) return -1;
    if (buf[i] !== GT) throw new XmlFallback('a closing tag of another shape');
    i++;
    if (lines) this.tagLines(spaced, i);
    this.close();
    return i;
  }

  private intern(s: number, e: number, h: number): Name {
    let mask = this.table.length - 1;
    let slot = h & mask;
    for (let x = this.table[slot]; x !== undefined; x = this.table[slot]) {
      if (x.bytes.length === e - s && same(x.bytes, 0, this.buf, s, e - s)) return x;
      slot = (slot + 1) & mask;
    }
    const text = (this.buf as unknown as Slicing).latin1Slice(s, e);
    const local = internalized(text.slice(text.indexOf(':') + 1));
    const name = nameOf(Uint8Array.prototype.slice.call(this.buf, s, e), CODES[local] ?? OTHER, h);
    this.table[slot] = name;
    if (2 * ++this.nameCount > this.table.length) {
      const old = this.table;
      this.table = new Array(old.length * 2);
      mask = this.table.length - 1;
      for (const x of old) {
        if (x === undefined) continue;
        let k = x.hash & mask;
        while (this.table[k] !== undefined) k = (k + 1) & mask;
        this.table[k] = x;
      }
    }
    return name;
  }

  /** An element opens; `after` is the index after its tag (where SaftInput takes the position of what it opens). */
  private open(name: Name, after: number): void {
    const code = name.code;
    const outside = this.where;
    this.names.push(name);
    this.outer.push(outside);
    if (this.skip > 0) {
      if (reacts(code) || (this.skipInAnalysis && (code === ANALYSIS_TYPE || code === ANALYSIS_ID)))
        throw new XmlFallback('an element read, in a part skipped');
      this.skip++;
      return;
    }
    switch (outside) {
      case IN_ROOT:
        if (code !== ENTRIES_CODE || this.entriesRead) throw new XmlFallback('an element around the entries');
        this.header(after);
        this.where = IN_ENTRIES;
        return;
      case IN_ENTRIES:
        if (code === TRANSACTION) {
          this.txLength = 0;
          this.txText = null;
          this.date = -1;
          this.where = IN_TRANSACTION;
        } else if (reacts(code)) throw new XmlFallback('an element out of place');
        // Any other element here (a Journal) is read through.
        return;
      case IN_TRANSACTION:
        if (code === TRANSACTION_ID || code === TRANSACTION_DATE) this.openLeaf(code, after);
        else if (code === LINE) this.openLine(after);
        else this.other(code, false);
        return;
      case IN_LINE:
        if (code === RECORD_ID || code === ACCOUNT_ID) this.openLeaf(code, after);
        else if (code === ANALYSIS) {
          this.typeValue = -1;
          this.idValue = -1;
          this.where = IN_ANALYSIS;
        } else if (code === DEBIT || code === CREDIT) {
          this.analysisSide = code;
          this.where = IN_SIDE;
        } else this.other(code, false);
        return;
      case IN_ANALYSIS:
        if (code === ANALYSIS_TYPE || code === ANALYSIS_ID) this.openLeaf(code, after);
        else this.other(code, true);
        return;
      case IN_SIDE:
        if (code === AMOUNT) this.openLeaf(code, after);
        else this.other(code, false);
        return;
      default:
        throw new XmlFallback('an element inside a value');
    }
  }

  /** An element the walker does not read, with what is inside it: skipped, unless SaftInput would react to it. */
  private other(code: number, inAnalysis: boolean): void {
    if (reacts(code)) throw new XmlFallback('an element out of place');
    this.skip = 1;
    this.skipInAnalysis = inAnalysis;
  }

  private openLeaf(code: number, after: number): void {
    this.leaf = code;
    this.leafValue = -1;
    this.leafAmount = false;
    this.leafIdLength = 0;
    this.leafIdText = null;
    this.leafLine = this.line;
    this.leafStart = this.lineStart;
    this.leafCol = this.column(after);
    this.where = IN_LEAF;
  }

  private openLine(after: number): void {
    this.lineLine = this.line;
    this.lineStart0 = this.lineStart;
    this.lineCol = this.column(after);
    this.recordLength = 0;
    this.recordText = null;
    this.account = -1;
    this.sides = 0;
    this.amountOk = false;
    this.analysisValue.fill(-1);
    this.where = IN_LINE;
  }

  /** The text of the element being read, `buf[start, end)`; `raw`: with an entity or a CR to decode. */
  private leafText(start: number, end: number, raw: boolean): void {
    const buf = this.buf;
    let s = start;
    let e = end;
    while (s < e && (buf[s] === SPACE || buf[s] === TAB || buf[s] === LF || buf[s] === CR)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB || buf[e - 1] === LF || buf[e - 1] === CR)) e--;
    const code = this.leaf;
    if (code === AMOUNT) {
      this.leafAmount = saftOre(buf, s, e, this.analysisSide === DEBIT, this.leafParts);
      if (!this.leafAmount) throw new XmlFallback('an amount of another form');
    } else if (code === RECORD_ID || code === TRANSACTION_ID) {
      if (raw || e - s > ID_BYTES) this.leafIdText = decode(buf, s, e, raw);
      else {
        for (let k = s; k < e; k++) this.leafIdBytes[k - s] = buf[k]!;
        this.leafIdLength = e - s;
      }
    } else this.leafValue = this.value(s, e, raw);
  }

  /** The element open last closes. */
  private close(): void {
    this.names.pop();
    const outside = this.outer.pop()!;
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    switch (this.where) {
      case IN_LEAF:
        this.closeLeaf();
        break;
      case IN_LINE:
        this.emit();
        break;
      case IN_ANALYSIS:
        this.addAnalysis();
        break;
      case IN_ENTRIES:
        // The entries themselves, or an element read through in them.
        if (outside === IN_ROOT) this.entriesRead = true;
        break;
    }
    this.where = outside;
  }

  private closeLeaf(): void {
    const v = this.leafValue < 0 ? this.empty : this.leafValue;
    switch (this.leaf) {
      case TRANSACTION_ID:
        [this.txBytes, this.leafIdBytes] = [this.leafIdBytes, this.txBytes];
        this.txLength = this.leafIdLength;
        this.txText = this.leafIdText;
        return;
      case RECORD_ID:
        [this.recordBytes, this.leafIdBytes] = [this.leafIdBytes, this.recordBytes];
        this.recordLength = this.leafIdLength;
        this.recordText = this.leafIdText;
        return;
      case TRANSACTION_DATE:
        this.date = v;
        this.dateLine = this.leafLine;
        this.dateStart = this.leafStart;
        this.dateCol = this.leafCol;
        return;
      case ACCOUNT_ID:
        this.account = v;
        this.accountLine = this.leafLine;
        this.accountStart = this.leafStart;
        this.accountCol = this.leafCol;
        return;
      case ANALYSIS_TYPE:
        this.typeValue = v;
        return;
      case ANALYSIS_ID:
        this.idValue = v;
        this.idLine = this.leafLine;
        this.idStart = this.leafStart;
        this.idCol = this.leafCol;
        return;
      case AMOUNT: {
        if (!this.leafAmount) throw new XmlFallback('an empty amount');
        this.sides |= this.analysisSide === DEBIT ? 1 : 2;
        this.amountOk = true;
        this.parts.negative = this.leafParts.negative;
        this.parts.hi = this.leafParts.hi;
        this.parts.lo = this.leafParts.lo;
        this.amountLine = this.leafLine;
        this.amountStart = this.leafStart;
        this.amountCol = this.leafCol;
        return;
      }
    }
  }

  private addAnalysis(): void {
    if (this.typeValue < 0 || this.idValue < 0) throw new XmlFallback('an analysis without its type or id');
    const t = this.typeIndex(this.typeValue);
    if (t < 0) throw new XmlFallback('an analysis type not in the table');
    // A line split over values of a type: SaftInput's to read.
    if (this.analysisValue[t]! >= 0) throw new XmlFallback('a split line');
    this.analysisValue[t] = this.idValue;
    this.analysisLine[t] = this.idLine;
    this.analysisCol[t] = this.idCol;
    this.analysisStart[t] = this.idStart;
  }

  private typeIndex(v: number): number {
    let t = this.typeOf[v]!;
    if (t === 0) {
      t = this.types.indexOf(this.strings[v]!) + 1;
      this.typeOf[v] = t === 0 ? -1 : t;
    }
    return t - 1;
  }

  /** The header, as SaftInput hands it over, and the sink's plan for it: the walker reads a plan it can follow, or leaves the file. */
  private header(after: number): void {
    const names = ['account', 'grouping_code', ...this.types.map((x) => x.toLowerCase()), 'amount', 'date', 'text'];
    const head: TableHeader = {
      file: this.file,
      numbers: { decimal: '.', declared: true },
      names,
      at: { file: this.file, line: this.line, col: this.column(after) },
    };
    this.keep(this.line, this.lineStart);
    const local = new CappedDiagnostics(ERRORS_SHOWN_PER_CODE);
    if (!this.sink.header(head, local) || local.list.length > 0) throw new XmlFallback('a header the sink reports');
    const plan = this.sink.plan(true);
    if (!plan || plan.fields.length >= this.tuple.length - 1) throw new XmlFallback('a plan the walker does not follow');
    const types = this.types.length;
    this.sources = plan.fields.map((c) => {
      if (c === 0) return -1;
      if (c === 1) return -2;
      if (c >= 2 && c < 2 + types) return c - 2;
      throw new XmlFallback('a field the walker does not read');
    });
    if (plan.amount !== 2 + types || ((plan.date ?? -1) >= 0 && plan.date !== 3 + types)) throw new XmlFallback('columns of another order');
    this.plan = plan;
    this.width = plan.fields.length;
    this.stand = Array.from({ length: this.width }, () => new Int32Array(256));
    this.category = plan.category;
  }

  /** A line ends: its row, summed into its entry. */
  private emit(): void {
    const plan = this.plan!;
    const account = this.account;
    if (account < 0 || this.accountKnown(account) !== 1) throw new XmlFallback('a line without an account in the chart');
    if ((this.sides !== 1 && this.sides !== 2) || !this.amountOk) throw new XmlFallback('a line of both sides or none');
    if ((plan.date ?? -1) >= 0) this.checkDate();
    const tuple = this.tuple;
    const w = this.width;
    for (let f = 0; f < w; f++) {
      const s = this.sources[f]!;
      if (s === -1) tuple[f] = account;
      else if (s === -2) tuple[f] = this.grouping[account]!;
      else {
        const v = this.analysisValue[s]!;
        tuple[f] = v < 0 ? this.empty : v;
      }
    }
    if (this.category >= 0 && plan.requireCategory && tuple[this.category] === this.empty) throw new XmlFallback('a line without a category');
    // As the CSV byte reader: the entry of the values' classes, unless the sink keeps that entry's lines apart by their values as written.
    tuple[w] = 0;
    let entry: number;
    if (plan.classed) {
      for (let f = 0; f < w; f++) {
        this.written[f] = tuple[f]!;
        tuple[f] = this.stands(f, tuple[f]!);
      }
      entry = this.entry();
      if (this.apart[entry]) {
        for (let f = 0; f < w; f++) tuple[f] = this.written[f]!;
        tuple[w] = 1;
        entry = this.entry();
      }
    } else entry = this.entry();
    this.sums.add(entry, this.parts);
    this.counts[entry]!++;
    this.rows++;
  }

  private accountKnown(v: number): number {
    let s = this.accountState[v]!;
    if (s === 0) {
      const text = this.strings[v]!;
      const grouping = this.accounts.get(text);
      s = grouping === undefined ? 2 : 1;
      if (grouping !== undefined) this.grouping[v] = this.text(grouping);
      this.accountState[v] = s;
    }
    return s;
  }

  private checkDate(): void {
    const v = this.date < 0 ? this.empty : this.date;
    let s = this.dateState[v]!;
    if (s === 0) {
      const d = this.sink.dated(this.strings[v]!);
      if (d === 'wrong') throw new XmlFallback('a date the sink reports');
      s = d === 'in' ? 1 : 2;
      this.dateState[v] = s;
    }
    if (s === 2 && this.outsideRows++ === 0) {
      this.keep(this.date < 0 ? this.lineLine : this.dateLine, this.date < 0 ? this.lineStart0 : this.dateStart);
      this.outsideDate = this.strings[v]!;
      this.outsideAt =
        this.date < 0
          ? { file: this.file, line: this.lineLine, col: this.lineCol, record: this.record() }
          : { file: this.file, line: this.dateLine, col: this.dateCol, record: this.record() };
    }
  }

  /** The current line's transaction and record, as positions name them. */
  private record(): SaftRecord {
    const tx = this.txText ?? (this.txLength > 0 ? decode(this.txBytes, 0, this.txLength, false) : '');
    const record = this.recordText ?? (this.recordLength > 0 ? decode(this.recordBytes, 0, this.recordLength, false) : '');
    return { transaction: tx, record };
  }

  /** The id of the value `buf[s, e)` (ASCII white space trimmed already): each distinct text one id, whatever bytes wrote it. */
  private value(s: number, e: number, raw: boolean): number {
    const buf = this.buf;
    const view = this.view;
    // Hashed and compared four bytes at a time: a value (an analysis id) is some 30 bytes.
    let h = 0x811c9dc5 | 0;
    let k = s;
    for (; k + 4 <= e; k += 4) h = Math.imul(h ^ view.getInt32(k, true), 16777619);
    for (; k < e; k++) h = Math.imul(h ^ buf[k]!, 16777619);
    h ^= h >>> 16;
    const len = e - s;
    let mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const x = this.slots[slot]!;
      if (x < 0) break;
      if (this.valueHash[x] === h && this.valueLength[x] === len && this.pooled(this.valueAt[x]!, s, len)) return this.valueId[x]!;
      slot = (slot + 1) & mask;
    }
    const id = this.text(decode(buf, s, e, raw));
    const x = this.valueCount++;
    if (this.poolUsed + len > this.pool.length) {
      this.pool = grow(this.pool, this.poolUsed + len);
      this.poolView = new DataView(this.pool.buffer);
    }
    this.pool.set(buf.subarray(s, e), this.poolUsed);
    if (x >= this.valueAt.length) {
      this.valueAt = grow(this.valueAt, x + 1);
      this.valueLength = grow(this.valueLength, x + 1);
      this.valueHash = grow(this.valueHash, x + 1);
      this.valueId = grow(this.valueId, x + 1);
    }
    this.valueAt[x] = this.poolUsed;
    this.valueLength[x] = len;
    this.valueHash[x] = h;
    this.valueId[x] = id;
    this.poolUsed += len;
    this.slots[slot] = x;
    if (2 * (x + 1) > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      mask = this.slots.length - 1;
      for (let v = 0; v <= x; v++) {
        let k = this.valueHash[v]! & mask;
        while (this.slots[k]! >= 0) k = (k + 1) & mask;
        this.slots[k] = v;
      }
    }
    return id;
  }

  /** Whether the pool's bytes from `at` are `buf[s, s + len)`. */
  private pooled(at: number, s: number, len: number): boolean {
    const pool = this.poolView;
    const view = this.view;
    let k = 0;
    for (; k + 4 <= len; k += 4) if (pool.getInt32(at + k, true) !== view.getInt32(s + k, true)) return false;
    for (; k < len; k++) if (this.pool[at + k] !== this.buf[s + k]) return false;
    return true;
  }

  /** The id of a text (trimmed): texts written in other bytes (an entity, white space at the ends) are the same value. */
  private text(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(t);
      this.ids.set(t, id);
      if (id >= this.accountState.length) {
        this.accountState = grow(this.accountState, id + 1);
        this.grouping = grow(this.grouping, id + 1);
        this.typeOf = grow(this.typeOf, id + 1);
        this.dateState = grow(this.dateState, id + 1);
      }
    }
    return id;
  }

  /** The id of the value that value `v` of field `f` stands for on this line, as the sink says, asked once per value and field (at its first line). */
  private stands(f: number, v: number): number {
    let known = this.stand[f]!;
    if (v >= known.length) known = this.stand[f] = grow(known, v + 1);
    const k = known[v]!;
    if (k > 0) return k - 1;
    const { here, after } = this.sink.stands(f, this.strings[v]!);
    known[v] = this.text(after) + 1;
    return this.text(here);
  }

  /** The entry of the current tuple (its values and a last slot: 1 for an entry of values as written among entries of classes); a new one keeps where its first line wrote the amount and each field, and the line's record. */
  private entry(): number {
    const w = this.width;
    const k = w + 1;
    const tuple = this.tuple;
    let h = 0x811c9dc5 | 0;
    for (let f = 0; f < k; f++) h = Math.imul(h ^ tuple[f]!, 0x01000193);
    let mask = this.entrySlots.length - 1;
    let slot = h & mask;
    for (;;) {
      const id = this.entrySlots[slot]!;
      if (id < 0) break;
      let same = true;
      for (let f = 0; f < k; f++)
        if (this.keys[id * k + f] !== tuple[f]) {
          same = false;
          break;
        }
      if (same) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.entryCount++;
    if ((id + 1) * k > this.keys.length) this.keys = grow(this.keys, (id + 1) * k);
    if (id >= this.counts.length) {
      this.counts = grow(this.counts, id + 1);
      this.apart = grow(this.apart, id + 1);
    }
    if ((id + 1) * (w + 1) > this.firstLines.length) {
      this.firstLines = grow(this.firstLines, (id + 1) * (w + 1));
      this.firstCols = grow(this.firstCols, (id + 1) * (w + 1));
    }
    this.sums.reserve(id + 1);
    for (let f = 0; f < k; f++) this.keys[id * k + f] = tuple[f]!;
    if (this.plan!.classed && tuple[w] === 0 && this.keptApart()) this.apart[id] = 1;
    const at = id * (w + 1);
    this.firstLines[at] = this.amountLine;
    this.firstCols[at] = this.amountCol;
    for (let f = 0; f < w; f++) {
      const s = this.sources[f]!;
      if (s < 0) {
        this.firstLines[at + 1 + f] = this.accountLine;
        this.firstCols[at + 1 + f] = this.accountCol;
      } else if (this.analysisValue[s]! >= 0) {
        this.firstLines[at + 1 + f] = this.analysisLine[s]!;
        this.firstCols[at + 1 + f] = this.analysisCol[s]!;
      } else {
        this.firstLines[at + 1 + f] = this.lineLine;
        this.firstCols[at + 1 + f] = this.lineCol;
      }
    }
    this.records.push(this.record());
    this.keepEntry(at);
    this.entrySlots[slot] = id;
    if (2 * (id + 1) > this.entrySlots.length) {
      this.entrySlots = new Int32Array(this.entrySlots.length * 2).fill(-1);
      mask = this.entrySlots.length - 1;
      for (let v = 0; v <= id; v++) {
        let x = 0x811c9dc5 | 0;
        for (let f = 0; f < k; f++) x = Math.imul(x ^ this.keys[v * k + f]!, 0x01000193);
        x &= mask;
        while (this.entrySlots[x]! >= 0) x = (x + 1) & mask;
        this.entrySlots[x] = v;
      }
    }
    return id;
  }

  /** Whether the sink keeps the lines of the current tuple of classes apart by their values as written. */
  private keptApart(): boolean {
    const values = new Array<string>(this.width);
    for (let f = 0; f < this.width; f++) values[f] = this.strings[this.tuple[f]!]!;
    return this.sink.apart(values);
  }

  /** The lines of a new entry's positions (`firstLines[at …]`), in rising order: few, and mostly one, so sorted in place without an object. */
  private keepEntry(at: number): void {
    if (!this.plainLines || this.kept.filled) return;
    const w = this.width;
    const lines = this.keepLines;
    const starts = this.keepStarts;
    lines[0] = this.amountLine;
    starts[0] = this.amountStart;
    for (let f = 0; f < w; f++) {
      const s = this.sources[f]!;
      const line = this.firstLines[at + 1 + f]!;
      const start = s < 0 ? this.accountStart : this.analysisValue[s]! >= 0 ? this.analysisStart[s]! : this.lineStart0;
      let k = f + 1;
      for (; k > 0 && lines[k - 1]! > line; k--) {
        lines[k] = lines[k - 1]!;
        starts[k] = starts[k - 1]!;
      }
      lines[k] = line;
      starts[k] = start;
    }
    for (let k = 0; k <= w; k++) this.keep(lines[k]!, starts[k]!);
  }

  /** Keeps line `line`, which starts at stream offset `start`, when it is after those kept and still in the buffer whole. */
  private keep(line: number, start: number): void {
    if (!this.plainLines || line <= this.lastKept) return;
    const s = start - this.base;
    if (s < 0) return;
    const lf = this.buf.indexOf(LF, s);
    if (lf < 0 || lf - s > KEPT_LINE) return;
    this.kept.keep(line, this.buf, s, lf);
    this.lastKept = line;
  }

  /** Hands every entry to the sink, in the order of their first lines, then the rows dated outside the year. */
  feed(): void {
    const plan = this.plan!;
    const w = this.width;
    const slotOf = new Map<number, number>([[plan.amount, 0]]);
    plan.fields.forEach((c, f) => {
      if (!slotOf.has(c)) slotOf.set(c, f + 1);
    });
    for (let id = 0; id < this.entryCount; id++) {
      // An entry of classes kept apart holds no line: its lines are in entries of their values as written.
      if (this.apart[id]) continue;
      const values = new Array<string>(w);
      for (let f = 0; f < w; f++) values[f] = this.strings[this.keys[id * (w + 1) + f]!]!;
      const where = new FirstLine(this.file, this.firstLines, this.firstCols, id * (w + 1), slotOf, this.records[id]!);
      this.sink.absorb(values, { units: this.sums.total(id), scale: 2 }, this.counts[id]!, where);
    }
    if (this.outsideRows > 0) this.sink.outside(this.outsideRows, this.outsideAt!, this.outsideDate);
  }
}

/** Where an entry's first line wrote each column it keeps. */
class FirstLine implements Where {
  constructor(
    private readonly file: string,
    private readonly lines: Int32Array,
    private readonly cols: Int32Array,
    private readonly base: number,
    private readonly slotOf: ReadonlyMap<number, number>,
    private readonly record: SaftRecord,
  ) {}

  at(column: number): SourcePos {
    const slot = this.slotOf.get(column);
    if (slot === undefined) throw new Error(`internal: the SAF-T walker keeps no position of column ${column}`);
    return { file: this.file, line: this.lines[this.base + slot]!, col: this.cols[this.base + slot]!, record: this.record };
  }
}

/** A text as SaftInput reads it: line ends as LF, entities replaced, trimmed. */
function decode(buf: Uint8Array, s: number, e: number, raw: boolean): string {
  const t = (Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as Slicing).utf8Slice(s, e);
  return (raw ? entities(t.replace(/\r\n?/g, '\n')) : t).trim();
}

function grow<A extends Int32Array | Uint8Array | Int8Array>(a: A, least: number): A {
  let size = a.length * 2;
  while (size < least) size *= 2;
  const out = new (a.constructor as new (n: number) => A)(size);
  out.set(a);
  return out;
}
