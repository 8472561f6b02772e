import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { addDays } from '../dates/date.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { type Said, said } from '../text/said.js';
import type { DecimalMark } from './amount.js';
import { plainDecimal } from './decimal.js';
import { SinkFeed } from './feed.js';
import type { RowView, TableSink } from './table.js';
import { isLedgerSink, type LedgerSink } from './ledger-bytes.js';
import { SharedTable } from './xlsx-shared.js';
import { ORE, plainOre, type SheetCell, SheetSums } from './xlsx-sums.js';
import { XmlBytes, XmlFallback, type XmlHandler } from './xml-bytes.js';
import { type ByteSource, entryText, openEntry, ZipError, type ZipEntry, zipEntries } from './zip-read.js';

/** What the agreement may say about a workbook: which sheet, and which row holds the column names. */
export interface XlsxOptions {
  readonly sheet?: string;
  readonly headerRow?: number;
  readonly decimal?: DecimalMark;
}

/**
 * Reads one worksheet of an .xlsx workbook into a sink, as the CSV reader
 * does a CSV file: the header row (given, or the first row of two or more
 * text cells, so title rows above it are skipped), then every row below it.
 * Numbers are taken from the decimal text the workbook stores and never pass
 * through a JS number; cells formatted as dates become dates (2024-03-31).
 * The sheet is inflated and parsed as it is read; only the shared strings
 * table — the workbook's distinct texts — is held.
 */
export async function readXlsx<T>(
  src: ByteSource,
  file: string,
  options: XlsxOptions,
  sink: TableSink<T> | (() => TableSink<T>),
  diags: Diagnostics,
): Promise<{ result: T | null; rows: number }> {
  const origin: SourcePos = { file, line: 1, col: 1 };
  try {
    const entries = await zipEntries(src);
    const part = (name: string) => entries.get(name);
    const workbookEntry = part('xl/workbook.xml');
    if (!workbookEntry) {
      diags.error(
        origin,
        'input-kind',
        said('filen er en ZIP-fil, men ikke en Excel-arbeidsbok (.xlsx)', 'the file is a ZIP archive but not an Excel workbook (.xlsx)'),
        said(
          'lagre regnskapet som .xlsx eller CSV; en .ods-fil fra LibreOffice lagres som .xlsx først',
          'save the ledger as .xlsx or CSV; save an .ods file from LibreOffice as .xlsx first',
        ),
      );
      return { result: null, rows: 0 };
    }
    const workbook = readWorkbook(await entryText(src, workbookEntry));
    const rels = readRelations(await textOf(src, part('xl/_rels/workbook.xml.rels')));
    const sheet =
      options.sheet === undefined ? workbook.sheets[0] : workbook.sheets.find((s) => s.name.trim().toLowerCase() === options.sheet!.trim().toLowerCase());
    if (!sheet) {
      diags.error(
        origin,
        'xlsx-sheet',
        options.sheet === undefined
          ? said('arbeidsboken har ingen ark', 'the workbook has no sheets')
          : said(`arbeidsboken har ikke noe ark som heter '${options.sheet}'`, `the workbook has no sheet named '${options.sheet}'`),
        said(
          `arkene er: ${workbook.sheets.map((s) => s.name).join(', ')}; velg med sheet: under inndataen`,
          `its sheets are: ${workbook.sheets.map((s) => s.name).join(', ')}; choose one with sheet: under the input`,
        ),
      );
      return { result: null, rows: 0 };
    }
    const target = rels.get(sheet.rid);
    const sheetEntry = target === undefined ? undefined : part(target);
    if (!sheetEntry) throw new ZipError(said(`arket '${sheet.name}' mangler i arbeidsboken`, `sheet '${sheet.name}' is missing from the workbook`));
    const dates = dateStyles(await textOf(src, part('xl/styles.xml')));
    const strings = part('xl/sharedStrings.xml');
    const shared = strings ? await sharedStrings((chunk) => openEntry(src, strings, chunk), typeof sink === 'function') : new SharedTable();
    const ctx: SheetContext = { shared, dates, date1904: workbook.date1904, mark: options.decimal ?? ',', headerRow: options.headerRow };
    // A sink made on demand lets the byte scanner try first: what it leaves to saxes is read again, from the start, into a new sink.
    const fast = typeof sink === 'function' ? await readSheet(() => openEntry(src, sheetEntry, SCANNED_CHUNK), file, ctx, sink(), diags, true) : null;
    if (fast) return fast;
    // The reference path reads every sheet to its end: it is never null.
    return (await readSheet(() => openEntry(src, sheetEntry), file, ctx, typeof sink === 'function' ? sink() : sink, diags, false))!;
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    diags.error(origin, 'xlsx-broken', e.why, said('åpne filen i Excel og lagre den på nytt som .xlsx', 'open the file in Excel and save it again as .xlsx'));
    return { result: null, rows: 0 };
  }
}

/**
 * Reads the worksheet into a sink: with `fast`, by the byte scanner, or null
 * (nothing reported) when it meets something it leaves to saxes, or when the
 * reading stops early — a header or cell the reader reports —, so that what
 * is reported, and where, is the reference's own.
 */
async function readSheet<T>(
  chunks: () => AsyncIterable<Uint8Array>,
  file: string,
  ctx: SheetContext,
  sink: TableSink<T>,
  diags: Diagnostics,
  fast: boolean,
): Promise<{ result: T | null; rows: number } | null> {
  const feed = new SinkFeed(sink, diags);
  const reader = new SheetReader(file, feed, ctx);
  if (fast) {
    const scanner = new XmlBytes(new ScannedSheet(reader), () => !feed.reading);
    reader.scanner = scanner;
    if (summing.on && isLedgerSink(sink)) reader.ledger = sink as LedgerSink<unknown>;
    try {
      for await (const chunk of chunks()) {
        scanner.push(chunk);
        if (!feed.reading) return null;
      }
      scanner.end();
    } catch (e) {
      // A damaged archive, too, is left to the reference: it may have stopped at an XML error before the damage.
      if (e instanceof XmlFallback || e instanceof ZipError) return null;
      throw e;
    }
    if (!feed.reading) return null;
    reader.absorb();
  } else {
    const sax = new SaxSheet(reader);
    const decoder = new TextDecoder();
    let whole = true;
    for await (const chunk of chunks()) {
      sax.write(decoder.decode(chunk, { stream: true }));
      // An unusable header or a broken cell: the rest is not read, nor checked for its closing tags.
      if (!feed.reading) {
        whole = false;
        break;
      }
    }
    if (whole) sax.end();
  }
  const headerRow = ctx.headerRow;
  const origin: SourcePos = { file, line: 1, col: 1 };
  const result = feed.end({
    at: headerRow ? { file, line: headerRow, col: 1 } : origin,
    hint: headerRow
      ? said(`rad ${headerRow} (header_row:) er tom eller finnes ikke`, `row ${headerRow} (header_row:) is empty or missing`)
      : said(
          'arket trenger en overskriftsrad med minst to kolonnenavn; angi raden med header_row: under inndataen',
          'the sheet needs a header row of at least two column names; give its number with header_row: under the input',
        ),
  });
  return { result, rows: feed.rows };
}

/** Whether a ledger sink's rows are summed by the reader (off: each row is handed to the sink, the reference the differential tests hold the sums against). */
export const summing = { on: true };

/** Bytes inflated at a time for the byte scanner: zlib's 16 KiB pieces cost three times as long to hand over. */
const SCANNED_CHUNK = 1 << 18;

async function textOf(src: ByteSource, e: ZipEntry | undefined): Promise<string> {
  return e ? entryText(src, e) : '';
}

/** Parses a small XML part whole (workbook, relations, styles), calling `open` for each element. */
function eachElement(xml: string, open: (tag: SaxesTagPlain, path: readonly string[]) => void): void {
  // A part the workbook does not have (no styles, say) reads as empty.
  if (xml === '') return;
  const p = new SaxesParser({ xmlns: false, position: false } as const);
  const path: string[] = [];
  p.on('error', (e) => {
    throw new ZipError(said(`en del av arbeidsboken er ikke gyldig XML (${e.message})`, `a part of the workbook is not valid XML (${e.message})`));
  });
  p.on('opentag', (t) => {
    path.push(local(t.name));
    open(t, path);
    if (t.isSelfClosing) path.pop();
  });
  p.on('closetag', (t) => {
    if (!t.isSelfClosing) path.pop();
  });
  p.write(xml).close();
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function readWorkbook(xml: string): { sheets: { name: string; rid: string }[]; date1904: boolean } {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  eachElement(xml, (t) => {
    const name = local(t.name);
    if (name === 'sheet') {
      const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1] ?? '';
      sheets.push({ name: t.attributes.name ?? '', rid });
    } else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(t.attributes.date1904 ?? '');
  });
  return { sheets, date1904 };
}

/** Relation id → part name in the archive (`rId1` → `xl/worksheets/sheet1.xml`). */
function readRelations(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  eachElement(xml, (t) => {
    if (local(t.name) !== 'Relationship') return;
    const target = t.attributes.Target ?? '';
    out.set(t.attributes.Id ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  });
  return out;
}

/** Number formats Excel builds in that show a date or time. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** The cell styles (indexes into cellXfs) whose number format is a date: a serial number in such a cell is a date. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const out = new Set<number>();
  let xf = 0;
  eachElement(xml, (t, path) => {
    const name = local(t.name);
    if (name === 'numFmt') custom.set(Number(t.attributes.numFmtId), t.attributes.formatCode ?? '');
    else if (name === 'xf' && path[path.length - 2] === 'cellXfs') {
      const id = Number(t.attributes.numFmtId ?? 0);
      const code = custom.get(id);
      if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) out.add(xf);
      xf++;
    }
  });
  return out;
}

/** A format code shows a date when, outside quoted text, brackets and escapes, it has day, month or year letters. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmy]/i.test(bare) && !/General/i.test(bare);
}

/** The shared strings table, streamed: `<si>` by `<si>`, the runs of each joined, phonetic hints left out. */
class SharedStrings {
  readonly out = new SharedTable();
  private inT = false;
  private inPhonetic = false;

  get wants(): boolean {
    return this.inT;
  }

  open(name: string, selfClosing: boolean): void {
    if (name === 'si') this.out.begin();
    else if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !selfClosing) this.inT = !this.inPhonetic;
  }

  text(text: string): void {
    if (this.inT) this.out.addText(text);
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'si') this.out.finish();
  }
}

/** The shared strings: by the byte scanner when `fast` (saxes reads what it leaves, from the start), else by saxes. */
async function sharedStrings(chunks: (size?: number) => AsyncIterable<Uint8Array>, fast: boolean): Promise<SharedTable> {
  if (fast) {
    const strings = new SharedStrings();
    const scanner: XmlBytes = new XmlBytes({
      open: (name, _, selfClosing) => strings.open(name, selfClosing),
      text: (start, end) => {
        // Text with no entity or CR is kept as the bytes it is: never a string.
        if (strings.wants) {
          if (scanner.plain) strings.out.addBytes(scanner.buf, start, end);
          else strings.text(scanner.text(start, end));
        }
      },
      close: (name) => strings.close(name),
    });
    try {
      for await (const c of chunks(SCANNED_CHUNK)) scanner.push(c);
      scanner.end();
      strings.out.seal();
      return strings.out;
    } catch (e) {
      if (!(e instanceof XmlFallback || e instanceof ZipError)) throw e;
    }
  }
  const strings = new SharedStrings();
  const p = new SaxesParser({ xmlns: false, position: false } as const);
  p.on('error', (e) => {
    throw new ZipError(
      said(`delte tekster i arbeidsboken er ikke gyldig XML (${e.message})`, `the workbook's shared strings are not valid XML (${e.message})`),
    );
  });
  p.on('opentag', (t) => strings.open(local(t.name), t.isSelfClosing));
  p.on('text', (text) => strings.text(text));
  p.on('closetag', (t) => strings.close(local(t.name)));
  const decoder = new TextDecoder();
  for await (const c of chunks()) p.write(decoder.decode(c, { stream: true }));
  p.write(decoder.decode()).close();
  strings.out.seal();
  return strings.out;
}

interface SheetContext {
  readonly shared: SharedTable;
  readonly dates: ReadonlySet<number>;
  readonly date1904: boolean;
  readonly mark: DecimalMark;
  readonly headerRow: number | undefined;
}

/** A cell as the sheet gives it, before it is text. */
interface RawCell {
  col: number;
  type: string;
  style: number;
  value: string;
  formula: boolean;
  inline: string;
  /** A shared string cell's index, read from the digits' bytes by the scanner (−1 when it is in `value`), and how many digits. */
  index: number;
  digits: number;
  /** A number cell's value as plainDecimal gives it, when the scanner read it from the bytes (its text then is not in `value`); else null. */
  plain: string | null;
  /** A number cell's value in whole øre, when the summing reader read it from the bytes ({@link plainOre}); then `oreRead`. */
  ore: number;
  oreRead: boolean;
}

/** Saxes' events for a worksheet, into a {@link SheetReader}: the reference path. */
class SaxSheet {
  private readonly p = new SaxesParser({ xmlns: false, position: false } as const);

  constructor(private readonly reader: SheetReader) {
    this.p.on('error', (e) => {
      reader.fail(said(`arket er ikke gyldig XML (${e.message})`, `the sheet is not valid XML (${e.message})`));
    });
    this.p.on('opentag', (t) => reader.open(local(t.name), (name) => t.attributes[name], t.isSelfClosing));
    this.p.on('text', (text) => reader.text(text));
    this.p.on('closetag', (t) => reader.close(local(t.name)));
  }

  write(text: string): void {
    if (!this.reader.failed) this.p.write(text);
  }

  end(): void {
    if (!this.reader.failed) this.p.close();
  }
}

/** The byte scanner's events for a worksheet, into a {@link SheetReader}. */
class ScannedSheet implements XmlHandler {
  private readonly attribute = (name: string) => this.reader.scanner!.attribute(name);

  constructor(private readonly reader: SheetReader) {}

  open(local: string, _: string, selfClosing: boolean): void {
    const x = this.reader.scanner!;
    // A cell's attributes are read from their bytes: a million cells, no string for any.
    if (local === 'c') this.reader.openCell(refColumn(x), cellType(x), cellStyle(x), selfClosing);
    else if (local === 'row') this.reader.openRow(rowNumber(x), selfClosing);
    else this.reader.open(local, this.attribute, selfClosing);
  }

  text(start: number, end: number): void {
    const reader = this.reader;
    if (!reader.wants) return;
    const x = reader.scanner!;
    if (reader.wantsIndex) {
      const n = digits(x.buf, start, end);
      if (n >= 0) {
        reader.index(n, end - start);
        return;
      }
    } else if (reader.wantsNumber) {
      const plain = plainNumber(x.buf, start, end, reader.mark);
      if (plain !== null) {
        reader.number(plain);
        return;
      }
    }
    reader.text(x.text(start, end));
  }

  close(local: string): void {
    this.reader.close(local);
  }

  /**
   * Cells of the shape a writer gives every cell of a ledger, one after
   * another, read from their bytes with the same calls their events make:
   * `<c r="B2" t="s" s="1"><v>12</v></c>` — attributes `r`, `t`, `s` only,
   * each once, in any order, one space before each, double quotes, printable
   * ASCII values; a value of printable ASCII text. Anything else, or a cell
   * cut by the chunk's end, ends the run: the scanner reads it.
   */
  skim(buf: Buffer, at: number, limit: number): number {
    let i = at;
    for (;;) {
      const end = this.plainCell(buf, i, limit);
      if (end < 0) return i;
      i = end;
    }
  }

  /** The plain cell at `buf[at]`, read: where it ends, or −1 (nothing read) when it is not one. */
  private plainCell(buf: Buffer, at: number, limit: number): number {
    if (at + 3 >= limit || buf[at] !== LT || buf[at + 1] !== 99 || buf[at + 2] !== SPACE) return -1;
    let r = -1;
    let rEnd = -1;
    let t = -1;
    let tEnd = -1;
    let s = -1;
    let sEnd = -1;
    let i = at + 2;
    // ` n="value"`, each n one of r, t, s, once.
    while (buf[i] === SPACE) {
      if (i + 4 >= limit || buf[i + 2] !== EQ || buf[i + 3] !== QUOTE) return -1;
      const name = buf[i + 1];
      const from = i + 4;
      i = from;
      while (i < limit && attributeByte(buf[i]!)) i++;
      if (i >= limit || buf[i] !== QUOTE) return -1;
      if (name === 114 && r < 0) {
        r = from;
        rEnd = i;
      } else if (name === 116 && t < 0) {
        t = from;
        tEnd = i;
      } else if (name === 115 && s < 0) {
        s = from;
        sEnd = i;
      } else return -1;
      i++;
    }
    // `><v>`, the value, `</v></c>`.
    if (i + 4 >= limit || buf[i] !== GT || buf[i + 1] !== LT || buf[i + 2] !== 118 || buf[i + 3] !== GT) return -1;
    const from = i + 4;
    i = from;
    while (i < limit && textByte(buf[i]!)) i++;
    const to = i;
    // `</v></c>`.
    if (
      i + 8 > limit ||
      buf[i] !== LT ||
      buf[i + 1] !== SLASH ||
      buf[i + 2] !== 118 ||
      buf[i + 3] !== GT ||
      buf[i + 4] !== LT ||
      buf[i + 5] !== SLASH ||
      buf[i + 6] !== 99 ||
      buf[i + 7] !== GT
    )
      return -1;
    const reader = this.reader;
    reader.openCell(r < 0 || r === rEnd ? -1 : letters(buf, r, rEnd), t < 0 ? 'n' : typeOf(buf, t, tEnd), s < 0 ? 0 : styleOf(buf, s, sEnd), false);
    reader.open('v', this.attribute, false);
    // The amount of a row the reader sums, whole here (nothing can follow it): its øre straight from the bytes, no text.
    if (to > from && !(reader.wantsOre && reader.ore(plainOre(buf, from, to)))) this.text(from, to);
    reader.close('v');
    reader.close('c');
    return i + 8;
  }
}

const LT = 60;
const GT = 62;
const EQ = 61;
const QUOTE = 34;
const SPACE = 32;
const SLASH = 47;

/** A byte the scanner takes as itself in a double-quoted attribute value: printable ASCII but `"`, `&`, `<`. */
const attributeByte = (b: number) => b >= 32 && b < 127 && b !== QUOTE && b !== 38 && b !== LT;
/** A byte the scanner takes as itself in text: printable ASCII but `&`, `<`, `]`. */
const textByte = (b: number) => b >= 32 && b < 127 && b !== 38 && b !== LT && b !== 93;

/** The column the letters of `buf[from, to)` (a cell's reference) name, as {@link columnNumber} reads them. */
function letters(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** A cell's type from the bytes of its `t` value (ASCII), as {@link cellType} reads it. */
const typeOf = (buf: Buffer, from: number, to: number): string => (to - from === 1 && buf[from] === 115 ? 's' : latin1(buf, from, to));

/** A cell's style from the bytes of its `s` value (ASCII), as {@link cellStyle} reads it. */
function styleOf(buf: Buffer, from: number, to: number): number {
  const n = digits(buf, from, to);
  return n >= 0 ? n : Number(latin1(buf, from, to));
}

/** Turns a worksheet's elements and text, as a parser gives them, into a header and rows. */
class SheetReader {
  private readonly view: SheetRow;
  private rowNumber = 0;
  /** The row's cells with a value: the first `count` of `cells`, objects reused from row to row (a million rows make no garbage of them). */
  private readonly cells: SheetCell[] = [];
  private count = 0;
  /** The cell being read, when `inCell`: one object, reused for every cell. */
  private readonly cell: RawCell = {
    col: 0,
    type: 'n',
    style: 0,
    value: '',
    formula: false,
    inline: '',
    index: -1,
    digits: 0,
    plain: null,
    ore: 0,
    oreRead: false,
  };
  private inCell = false;
  private into: 'v' | 't' | null = null;
  /** The header's first and last column (1-based). */
  private first = 0;
  private last = 0;
  failed = false;
  /** The byte scanner, when it is the one reading. */
  scanner: XmlBytes | null = null;
  /** With the byte scanner, a ledger sink: its rows are summed ({@link SheetSums}) when it gives a plan. */
  ledger: LedgerSink<unknown> | null = null;
  private sums: SheetSums | null = null;
  /** The column (1-based) of the amounts the reader sums: −1 when it sums none. */
  private oreColumn = -1;

  constructor(
    private readonly file: string,
    private readonly feed: SinkFeed<unknown>,
    private readonly ctx: SheetContext,
  ) {
    this.view = new SheetRow(file, ctx.shared);
  }

  /** Whether text now is part of a value. */
  get wants(): boolean {
    return this.into !== null;
  }

  /** Whether text now is the whole value of a number cell (not a date) in the amount column of rows this reader sums. */
  get wantsOre(): boolean {
    const c = this.cell;
    return this.oreColumn === c.col && this.into === 'v' && c.type === 'n' && c.value === '' && c.plain === null && !c.oreRead && !this.ctx.dates.has(c.style);
  }

  /** The amount cell's value in øre, as {@link plainOre} read it: false (nothing kept) when it gave null. */
  ore(ore: number | null): boolean {
    if (ore === null) return false;
    this.cell.ore = ore;
    this.cell.oreRead = true;
    return true;
  }

  /** Whether text now is the first of a shared string cell's value: its index, which the scanner may read from the bytes. */
  get wantsIndex(): boolean {
    const c = this.cell;
    return this.into === 'v' && c.type === 's' && c.value === '' && c.index < 0;
  }

  /** Whether text now is the first of a number cell's value (not a date): what the scanner may read from the bytes, as {@link plainNumber}. */
  get wantsNumber(): boolean {
    const c = this.cell;
    return this.into === 'v' && c.type === 'n' && c.value === '' && c.plain === null && !this.ctx.dates.has(c.style);
  }

  get mark(): DecimalMark {
    return this.ctx.mark;
  }

  /** The number cell's value, as {@link plainDecimal} gives it, read from the bytes by the scanner. */
  number(plain: string): void {
    this.cell.plain = plain;
  }

  /** The index a shared string cell's value gives, read from its `digits` digits. */
  index(n: number, digits: number): void {
    this.cell.index = n;
    this.cell.digits = digits;
  }

  text(text: string): void {
    if (this.into === 'v') {
      const c = this.cell;
      // More text after digits read as an index (a comment between them): the value is text again, as it was written.
      if (c.index >= 0) {
        c.value = String(c.index).padStart(c.digits, '0');
        c.index = -1;
      }
      // Likewise after a number read from the bytes: in the shapes plainNumber reads, the text differs from its plain form in the mark only.
      if (c.plain !== null) {
        c.value = this.ctx.mark === '.' ? c.plain : c.plain.replace(',', '.');
        c.plain = null;
      }
      c.value += text;
    } else if (this.into === 't') this.cell.inline += text;
  }

  fail(why: Said): void {
    if (this.failed) return;
    this.failed = true;
    this.feed.fail(
      { file: this.file, line: this.rowNumber || 1, col: 1 },
      'xlsx-broken',
      why,
      said('åpne filen i Excel og lagre den på nytt som .xlsx', 'open the file in Excel and save it again as .xlsx'),
    );
  }

  open(name: string, attribute: (name: string) => string | undefined, selfClosing: boolean): void {
    if (name === 'row') {
      const r = attribute('r');
      this.openRow(r ? Number(r) : undefined, selfClosing);
    } else if (name === 'c') {
      const ref = attribute('r');
      this.openCell(ref ? columnNumber(ref) : -1, attribute('t') ?? 'n', Number(attribute('s') ?? 0), selfClosing);
    } else if (this.inCell) {
      if (name === 'v') this.into = 'v';
      else if (name === 'f') this.cell.formula = true;
      else if (name === 'rPh') this.into = null;
      else if (name === 't' && this.cell.type === 'inlineStr') this.into = 't';
    }
  }

  /** A row opens: its number from its `r` (undefined when it has none: the one after the last). */
  openRow(r: number | undefined, selfClosing: boolean): void {
    this.rowNumber = r === undefined ? this.rowNumber + 1 : r;
    this.count = 0;
    if (selfClosing) this.close('row');
  }

  /** A cell opens: its column from its reference (−1 when it has none: the one after the last), its type and style. */
  openCell(ref: number, type: string, style: number, selfClosing: boolean): void {
    const c = this.cell;
    c.col = ref >= 0 ? ref : (this.count > 0 ? this.cells[this.count - 1]!.col : 0) + 1;
    c.type = type;
    c.style = style;
    c.value = '';
    c.formula = false;
    c.inline = '';
    c.index = -1;
    c.digits = 0;
    c.plain = null;
    c.oreRead = false;
    this.inCell = true;
    if (selfClosing) this.close('c');
  }

  close(name: string): void {
    if (name === 'v' || name === 't') this.into = null;
    else if (name === 'c' && this.inCell) {
      const c = this.cell;
      if (c.type === 's') {
        // A shared string is looked up when it is read: most are in columns the sink never reads.
        const at = c.index >= 0 ? c.index : Number(c.value);
        if (!this.ctx.shared.has(at))
          this.fail(
            said(
              `cellen ${cellName(c.col, this.rowNumber)} viser til en delt tekst som mangler`,
              `cell ${cellName(c.col, this.rowNumber)} refers to a missing shared string`,
            ),
          );
        else if (!this.ctx.shared.empty(at)) this.keep(c.col, '', at | 0);
      } else if (c.oreRead) this.keep(c.col, '', ORE, c.ore);
      else {
        const text = this.text_(c);
        if (text !== null && text !== '') this.keep(c.col, text, -1);
      }
      this.inCell = false;
    } else if (name === 'row') this.row();
  }

  /** Adds a cell with a value to the row. */
  private keep(col: number, text: string, shared: number, ore = 0): void {
    const c = this.cells[this.count];
    if (c === undefined) this.cells.push({ col, text, shared, ore });
    else {
      c.col = col;
      c.text = text;
      c.shared = shared;
      c.ore = ore;
    }
    this.count++;
  }

  /** The value as text of a cell that is not a shared string; null after reporting a cell that cannot be read. */
  private text_(c: RawCell): string | null {
    switch (c.type) {
      case 'inlineStr':
        return c.inline;
      case 'str':
      case 'e':
        return c.value;
      case 'b':
        return c.value === '1' ? 'TRUE' : 'FALSE';
      case 'd':
        return c.value.slice(0, 10);
      default: {
        if (c.plain !== null) return c.plain;
        if (c.value === '') {
          if (c.formula)
            this.fail(
              said(
                `cellen ${cellName(c.col, this.rowNumber)} har en formel uten beregnet verdi`,
                `cell ${cellName(c.col, this.rowNumber)} has a formula with no computed value`,
              ),
            );
          return c.formula ? null : '';
        }
        const plain = this.ctx.dates.has(c.style) ? serialDate(c.value, this.ctx.date1904) : plainDecimal(c.value, this.ctx.mark);
        if (plain === null)
          this.fail(
            said(
              `cellen ${cellName(c.col, this.rowNumber)} har tallet '${c.value}', som ikke kan leses`,
              `cell ${cellName(c.col, this.rowNumber)} holds the number '${c.value}', which cannot be read`,
            ),
          );
        return plain;
      }
    }
  }

  private row(): void {
    const count = this.count;
    if (this.failed || count === 0) return;
    if (!this.feed.started) {
      const cells = this.cells.slice(0, count);
      for (const c of cells) if (c.shared >= 0) c.text = this.ctx.shared.get(c.shared);
      const given = this.ctx.headerRow;
      if (given !== undefined ? this.rowNumber !== given : cells.length < 2 || cells.some((c) => isNumber(c.text))) {
        if (given !== undefined && this.rowNumber > given)
          this.feed.fail(
            { file: this.file, line: given, col: 1 },
            'xlsx-header',
            said(`rad ${given} (header_row:) er tom`, `row ${given} (header_row:) is empty`),
            said('angi raden som har kolonnenavnene', 'give the row that holds the column names'),
          );
        return;
      }
      this.first = cells[0]!.col;
      this.last = cells[cells.length - 1]!.col;
      const names = Array.from({ length: this.last - this.first + 1 }, () => '');
      for (const c of cells) names[c.col - this.first] = c.text.trim();
      this.feed.header({
        file: this.file,
        numbers: { decimal: this.ctx.mark, declared: true },
        names,
        at: { file: this.file, line: this.rowNumber, col: this.first },
      });
      this.view.size(names.length, this.first);
      const plan = this.ledger && this.feed.reading ? this.ledger.plan() : null;
      // Values summed by class are left to the row path, which asks the sink of each row.
      if (plan && !plan.classed && plan.count === names.length) {
        this.sums = new SheetSums(plan, this.ctx.shared, this.file, this.first);
        // Øre read from the bytes are what SheetSums reads from plainNumber's text only with the workbook's own mark, declared.
        if (plan.numbers.declared && plan.numbers.decimal === this.ctx.mark) this.oreColumn = this.first + plan.amount;
      }
      return;
    }
    const cells = this.cells;
    for (let i = 0; i < count; i++) {
      const c = cells[i]!;
      if (c.col < this.first || c.col > this.last) {
        this.feed.diags.error(
          { file: this.file, line: this.rowNumber, col: c.col },
          'csv-field-count',
          said(
            `cellen ${cellName(c.col, this.rowNumber)} ('${this.view.textOf(c)}') står i en kolonne uten overskrift`,
            `cell ${cellName(c.col, this.rowNumber)} ('${this.view.textOf(c)}') is in a column with no header`,
          ),
          said('gi kolonnen et navn i overskriftsraden, eller slett verdien', 'give the column a name in the header row, or delete the value'),
        );
        return;
      }
    }
    if (this.sums) this.sums.add(this.rowNumber, cells, count);
    else {
      this.view.fill(this.rowNumber, cells, count);
      this.feed.row(this.view);
    }
  }

  /** The rows summed, if they were, handed to the sink as its entries. */
  absorb(): void {
    if (!this.sums) return;
    this.feed.rows += this.sums.rows;
    this.sums.absorb(this.ledger!);
  }
}

/** One worksheet row, as wide as the header; a shared string is decoded when its field is read. */
class SheetRow implements RowView {
  line = 0;
  count = 0;
  private values: string[] = [];
  private shared = new Int32Array(0);
  private first = 1;

  constructor(
    private readonly file: string,
    private readonly table: SharedTable,
  ) {}

  size(count: number, first: number): void {
    this.count = count;
    this.first = first;
    this.values = new Array<string>(count).fill('');
    this.shared = new Int32Array(count).fill(-1);
  }

  /** The row numbered `line`, of the first `count` of `cells`. */
  fill(line: number, cells: readonly SheetCell[], count: number): void {
    this.line = line;
    // A loop, not fill(): a builtin's call costs more than a row's few fields.
    const values = this.values;
    const shared = this.shared;
    for (let i = 0; i < values.length; i++) {
      values[i] = '';
      shared[i] = -1;
    }
    for (let i = 0; i < count; i++) {
      const c = cells[i]!;
      this.values[c.col - this.first] = c.text;
      this.shared[c.col - this.first] = c.shared;
    }
  }

  field(i: number): string {
    const s = this.shared[i]!;
    return s < 0 ? this.values[i]! : this.table.get(s);
  }

  textOf(c: SheetCell): string {
    return c.shared < 0 ? c.text : this.table.get(c.shared);
  }

  at(i: number): SourcePos {
    return { file: this.file, line: this.line, col: this.first + i };
  }
}

const isNumber = (s: string) => /^-?\d+([.,]\d+)?$/.test(s.trim()) || /^\d{4}-\d{2}-\d{2}$/.test(s);

/** A cell's column, read from the bytes of its r="C12" as {@link columnNumber} reads the text; −1 when it has none. */
function refColumn(x: XmlBytes): number {
  const a = x.attributeAt('r');
  if (a < 0) return -1;
  const from = x.valueFrom(a);
  if (from < 0) return columnNumber(x.attribute('r')!);
  const to = x.valueTo(a);
  return from === to ? -1 : letters(x.buf, from, to);
}

/** A row's number, read from the bytes of its r="12" as Number() reads the text; undefined when it has none or it is empty. */
function rowNumber(x: XmlBytes): number | undefined {
  const a = x.attributeAt('r');
  if (a < 0) return undefined;
  const from = x.valueFrom(a);
  const n = from < 0 ? -1 : digits(x.buf, from, x.valueTo(a));
  if (n >= 0) return n;
  const r = x.attribute('r')!;
  return r ? Number(r) : undefined;
}

/** A cell's type: `s`, the usual one, without a string made for it. */
function cellType(x: XmlBytes): string {
  const a = x.attributeAt('t');
  if (a < 0) return 'n';
  const from = x.valueFrom(a);
  if (from >= 0 && x.valueTo(a) - from === 1 && x.buf[from] === 115) return 's';
  return x.attribute('t')!;
}

/** A cell's style: its digits read from the bytes, or the text as Number() reads it. */
function cellStyle(x: XmlBytes): number {
  const a = x.attributeAt('s');
  if (a < 0) return 0;
  const from = x.valueFrom(a);
  const n = from < 0 ? -1 : digits(x.buf, from, x.valueTo(a));
  return n >= 0 ? n : Number(x.attribute('s'));
}

/** The whole number `buf[from, to)` writes with one to nine ASCII digits (as Number() would read them), or −1. */
function digits(buf: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * A number cell's value `buf[from, to)`, as {@link plainDecimal} gives it for
 * its text, in the shape a writer gives numbers and plainDecimal leaves as
 * written (but the mark): `-?(0|[1-9]\d*)(\.\d*[1-9])?`, not `-0`. No float and
 * no regular expression between the bytes and the text; null for any other
 * shape (the text is then decoded and read by plainDecimal).
 */
export function plainNumber(buf: Buffer, from: number, to: number, mark: DecimalMark): string | null {
  let i = from;
  if (i < to && buf[i] === 45) i++;
  const int = i;
  while (i < to && buf[i]! >= 48 && buf[i]! <= 57) i++;
  const intEnd = i;
  if (intEnd === int || (buf[int] === 48 && intEnd - int > 1)) return null;
  if (i === to) return buf[int] === 48 && int > from ? null : latin1(buf, from, to);
  if (buf[i] !== 46) return null;
  i++;
  if (i === to) return null;
  while (i < to && buf[i]! >= 48 && buf[i]! <= 57) i++;
  if (i !== to || buf[to - 1] === 48) return null;
  if (mark === '.') return latin1(buf, from, to);
  // One flat string, made once: the bytes with a comma for the point (a concatenation would be flattened again when the amount is read).
  const n = to - from;
  if (scratch.length < n) scratch = Buffer.allocUnsafe(2 * n);
  for (let k = 0; k < n; k++) scratch[k] = buf[from + k]!;
  scratch[intEnd - from] = 44;
  return latin1(scratch, 0, n);
}

/** Where plainNumber puts a number's bytes with a comma. */
let scratch = Buffer.allocUnsafe(64);

const latin1 = (buf: Buffer, from: number, to: number): string => (buf as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(from, to);

/** `C12` → 3. */
function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** 3, 12 → `C12`: how Excel names a cell, for messages. */
export function cellName(col: number, row: number): string {
  let s = '';
  for (let n = col; n > 0; ) {
    const letter = (n - 1) % 26;
    s = String.fromCharCode(65 + letter) + s;
    n = (n - 1 - letter) / 26;
  }
  return `${s}${row}`;
}

/**
 * A date cell's serial number as an ISO date. Whole days only (a time of
 * day is dropped), counted from the workbook's epoch: 1900 (with Lotus
 * 1-2-3's 29 February 1900, which Excel keeps, so serials after it are one
 * day ahead) or 1904.
 */
function serialDate(stored: string, date1904: boolean): string | null {
  const m = /^(\d{1,6})(?:\.\d*)?$/.exec(stored.trim());
  if (!m) return null;
  const days = Number(m[1]);
  if (date1904) return addDays('1904-01-01', days);
  if (days === 0 || days === 60) return null;
  return addDays('1899-12-31', days > 60 ? days - 1 : days);
}
