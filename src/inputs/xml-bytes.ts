/**
 * A byte-level XML scanner for the large parts samkost reads (a worksheet,
 * its shared strings, a SAF-T file): it walks the bytes once, makes a string
 * only for a name it has not seen and for the text a reader asks for, and
 * hands the reader the same events, in the same order, as saxes (the
 * reference parser) would: an element opening (with its attributes), text,
 * an element closing — a self-closing one opening then closing.
 *
 * It reads well-formed UTF-8 XML of plain shape: an XML declaration, elements
 * with ASCII names (namespace prefixes kept in the name, as saxes keeps them
 * with `xmlns: false`), attributes in either quote, character data with the
 * predefined and numeric entities, CDATA sections (not handed on: the readers
 * take only saxes' text events), comments, whitespace, CR LF and CR line
 * ends. Whatever else it meets — a DOCTYPE, a processing instruction, a name
 * or character outside that shape, and every well-formedness error — throws
 * {@link XmlFallback}, and the caller reads the part from its start with
 * saxes: every error, and its position, is then the reference's own. So
 * nothing the scanner accepts is something saxes would reject.
 */

/** Something the byte scanner leaves to the reference parser: the part is read again, from its start, with saxes. */
export class XmlFallback extends Error {}

/** What a reader of the scanner's events implements. Names are interned: the same name is the same string. */
export interface XmlHandler {
  /** An element opens; `local` is its name without a prefix. Attributes: {@link XmlBytes.attribute}. */
  open(local: string, name: string, selfClosing: boolean): void;
  /** Character data in `buf[start, end)` (raw: decode with {@link XmlBytes.text}); never empty. */
  text(start: number, end: number): void;
  close(local: string): void;
  /**
   * Elements at `buf[at]` (a `<` opening one, inside the root) that the
   * handler reads from their bytes itself, as it would have read their
   * events: where they end (before `limit`), or `at` to leave them to the
   * scanner. What it reads must be whole elements that open and close there,
   * of a shape the scanner reads alike — ASCII names and attribute values, no
   * line end, entity, comment or CDATA —, so that its lines, columns and open
   * elements are what they were.
   */
  skim?(buf: Buffer, at: number, limit: number): number;
}

const LT = 60;
const GT = 62;
const AMP = 38;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQ = 61;
const BANG = 33;
const QUESTION = 63;
const LF = 10;
const CR = 13;
const BRACKET = 93;
const MINUS = 45;

/** Byte classes: 0 plain text, 1 LF, 2 CR, 3 `&`, 4 `]`, 5 `<`, 6 the lead of a multibyte sequence, 7 not allowed. */
const TEXT = new Uint8Array(256);
for (let b = 0; b < 32; b++) TEXT[b] = 7;
TEXT[9] = 0;
TEXT[LF] = 1;
TEXT[CR] = 2;
TEXT[AMP] = 3;
TEXT[BRACKET] = 4;
TEXT[LT] = 5;
for (let b = 0x80; b < 0x100; b++) TEXT[b] = 6;

/** Name bytes: 1 may start a name, 2 may only follow. ASCII only: anything else is left to saxes. */
const NAME = new Uint8Array(256);
for (let b = 65; b <= 90; b++) NAME[b] = NAME[b + 32] = 1;
NAME[95] = NAME[58] = 1;
for (let b = 48; b <= 57; b++) NAME[b] = 2;
NAME[45] = NAME[46] = 2;

const isSpace = (b: number) => b === 32 || b === 9 || b === LF || b === CR;

interface Name {
  /** The element opened after this one, the last time. */
  next: Name | undefined;
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly local: string;
  readonly hash: number;
}

/** Texts the scanner remembers (a power of two). */
const RECENT = 4096;
/** Bytes of a new chunk scanned together with a token the last one cut. */
const BRIDGE = 4096;
/** Longer texts are decoded each time. */
const SHORT = 64;

/** Bytes enough for any one token the scanner waits for the end of before giving up on its shape. */
const TOKEN_LIMIT = 1 << 20;

export class XmlBytes {
  /** The bytes being scanned: what was left of the last chunk, then the new one. */
  buf: Buffer = Buffer.alloc(0);
  /** The current line (1-based), as saxes counts lines: LF, CR LF and CR each end one. */
  line = 1;
  /** In buf, the byte after the tag an event is for: its column, {@link XmlBytes.column}(after), is where saxes is at that event. */
  after = 0;
  private i = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  /** Stream offset where the current line starts, and continuation bytes since (a character is one column, whatever its bytes). */
  private lineStart = 0;
  private extra = 0;
  private started = false;
  private depth = 0;
  private rootClosed = false;
  // Open elements' names, for matching their ends.
  private readonly stack: Name[] = [];
  /** Names seen, by hash (open addressing; a document has a few dozen). */
  private names: (Name | undefined)[] = new Array(256);
  private nameCount = 0;
  /** The element opened last. */
  private last: Name | undefined = undefined;
  private work: Buffer = Buffer.alloc(0);
  /** Texts decoded lately, by hash of their bytes: a ledger repeats its accounts, dates and categories a million times. */
  private readonly recentBytes = new Uint8Array(RECENT * SHORT);
  private readonly recentLength = new Int32Array(RECENT).fill(-1);
  private readonly recentText: string[] = new Array(RECENT).fill('');
  // The attributes of the element just opened: name and value bounds in buf, and whether the value needs decoding.
  private count = 0;
  private nameStart = new Int32Array(16);
  private nameEnd = new Int32Array(16);
  private valueStart = new Int32Array(16);
  private valueEnd = new Int32Array(16);
  private valueRaw = new Uint8Array(16);
  // Whether the text handed on last holds an entity or a CR.
  private raw = false;
  /** Whether the handler reads some elements from their bytes ({@link XmlHandler.skim}). */
  private readonly skims: boolean;

  constructor(
    private readonly handler: XmlHandler,
    /** Stops scanning (the reader is done: it failed, or read what it needs). */
    private readonly stopped: () => boolean = () => false,
  ) {
    this.skims = handler.skim !== undefined;
  }

  /** The 1-based column of buf[at] on the current line. */
  column(at: number): number {
    return this.base + at - this.lineStart - this.extra + 1;
  }

  /** Scans a chunk; a token cut at its end waits for the next. */
  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const rest = this.buf.length - this.i;
    if (rest === 0) {
      this.base += this.buf.length;
      this.buf = bytes;
      this.i = 0;
      this.scan(false);
      return;
    }
    // A token cut by the chunk's end: it and the start of the new chunk are scanned in a buffer kept from chunk to chunk, then the
    // chunk itself from where that ended — a copy of a few bytes, not of the chunk (nor a new buffer each time, with its page faults).
    if (rest > TOKEN_LIMIT) throw new XmlFallback('a token too long');
    const bridge = bytes.length < BRIDGE ? bytes.length : BRIDGE;
    this.join(bytes.subarray(0, bridge));
    this.scan(false, rest);
    if (this.i >= rest) {
      this.base += rest;
      this.i -= rest;
      this.buf = bytes;
      this.scan(false);
      return;
    }
    if (this.stopped()) return;
    // The token is longer than the bridge: the rest of the chunk is copied after it.
    this.join(bytes.subarray(bridge));
    this.scan(false);
  }

  /** buf becomes its unread bytes, then `more`, in the buffer kept for it. */
  private join(more: Uint8Array): void {
    const tail = this.buf.subarray(this.i);
    this.base += this.i;
    const size = tail.length + more.length;
    let work = this.work;
    if (work.length < size) work = Buffer.allocUnsafe(size > 2 * work.length ? size + 2 * BRIDGE : 2 * work.length);
    if (tail.buffer === work.buffer) work.copyWithin(0, tail.byteOffset - work.byteOffset, tail.byteOffset - work.byteOffset + tail.length);
    else work.set(tail, 0);
    work.set(more, tail.length);
    this.work = work;
    this.buf = work.subarray(0, size);
    this.i = 0;
  }

  /** The end of the part: everything must have been read, and the root element closed. */
  end(): void {
    this.scan(true);
    if (this.stopped()) return;
    if (this.i < this.buf.length || !this.rootClosed) throw new XmlFallback('unfinished');
  }

  /** How many attributes the element just opened has. */
  get attributeCount(): number {
    return this.count;
  }

  /** The value of attribute `name` (its whole name, prefix and all) of the element just opened, decoded. */
  attribute(name: string): string | undefined {
    const a = this.attributeAt(name);
    if (a < 0) return undefined;
    const v = (this.buf as unknown as Slicing).utf8Slice(this.valueStart[a]!, this.valueEnd[a]!);
    return this.valueRaw[a] ? entities(v) : v;
  }

  /** Which attribute of the element just opened is named `name` (its whole name), or −1. */
  attributeAt(name: string): number {
    for (let a = 0; a < this.count; a++) {
      const s = this.nameStart[a]!;
      if (this.nameEnd[a]! - s !== name.length) continue;
      let same = true;
      for (let k = 0; k < name.length; k++)
        if (this.buf[s + k] !== name.charCodeAt(k)) {
          same = false;
          break;
        }
      if (same) return a;
    }
    return -1;
  }

  /**
   * Where attribute `a`'s value is in buf, when its bytes are its value (no
   * entity to decode): a reader may then read it from there without a string.
   * −1 when they are not.
   */
  valueFrom(a: number): number {
    return this.valueRaw[a] ? -1 : this.valueStart[a]!;
  }

  /** The end of attribute `a`'s value in buf. */
  valueTo(a: number): number {
    return this.valueEnd[a]!;
  }

  /** Whether the text handed on last is its bytes as they stand (no entity, no CR to decode). */
  get plain(): boolean {
    return !this.raw;
  }

  /** The text handed on last, decoded: line ends as LF, entities replaced. */
  text(start: number, end: number): string {
    const buf = this.buf;
    if (this.raw) return entities((buf as unknown as Slicing).utf8Slice(start, end).replace(/\r\n?/g, '\n'));
    const n = end - start;
    if (n > SHORT) return (buf as unknown as Slicing).utf8Slice(start, end);
    let h = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ buf[k]!, 16777619);
    const slot = (h >>> 0) & (RECENT - 1);
    const at = slot * SHORT;
    const bytes = this.recentBytes;
    if (this.recentLength[slot] === n && same(bytes, at, buf, start, n)) return this.recentText[slot]!;
    const text = (buf as unknown as Slicing).utf8Slice(start, end);
    for (let k = 0; k < n; k++) bytes[at + k] = buf[start + k]!;
    this.recentLength[slot] = n;
    this.recentText[slot] = text;
    return text;
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = this.base + at;
    this.extra = 0;
  }

  /** Scans tokens from i while they start before `until`. */
  private scan(final: boolean, until = 0x7fffffff): void {
    const buf = this.buf;
    const n = buf.length;
    let i = this.i;
    if (!this.started) {
      const head = this.prolog(final);
      if (head < 0) return;
      i = head;
      this.started = true;
    }
    // Whether the reader stopped is asked once a chunk: events after it are for a reader that ignores them.
    if (this.stopped()) return;
    while (i < n && i < until) {
      if (buf[i] !== LT) {
        const end = this.chars(i, final);
        if (end < 0) break;
        i = end;
        continue;
      }
      if (i + 1 >= n) break;
      const b = buf[i + 1]!;
      let end: number;
      if (b === SLASH) end = this.closeTag(i);
      else if (b === BANG) end = this.bang(i);
      else if (b === QUESTION) throw new XmlFallback('a processing instruction');
      else {
        if (this.skims && this.depth > 0) {
          // The text it hands on has no entity or CR.
          this.raw = false;
          const skimmed = this.handler.skim!(buf, i, n);
          if (skimmed > i) {
            this.after = skimmed;
            i = skimmed;
            continue;
          }
        }
        end = this.openTag(i);
      }
      if (end < 0) break;
      i = end;
    }
    this.i = i;
  }

  /** The byte order mark and XML declaration, if any: where the content starts, or −1 to wait for more bytes. */
  private prolog(final: boolean): number {
    const buf = this.buf;
    let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    // TextDecoder drops the byte order mark: saxes never counts it.
    this.lineStart = this.base + i;
    if (buf.length - i < 6 && !final) return -1;
    if (buf.toString('latin1', i, i + 5) !== '<?xml') return i;
    const close = buf.indexOf('?>', i);
    if (close < 0) {
      if (final || buf.length > 4096) throw new XmlFallback('an unfinished declaration');
      return -1;
    }
    const decl = buf.toString('latin1', i, close + 2);
    const m =
      /^<\?xml[ \t]+version[ \t]*=[ \t]*(["'])1\.0\1(?:[ \t]+encoding[ \t]*=[ \t]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:[ \t]+standalone[ \t]*=[ \t]*(["'])(?:yes|no)\4)?[ \t]*\?>$/.exec(
        decl,
      );
    if (!m || (m[3] !== undefined && !/^utf-?8$/i.test(m[3]))) throw new XmlFallback('a declaration of another shape');
    i = close + 2;
    return i;
  }

  /** Character data from `i` to the next `<`: checked, handed on inside the root. −1 to wait for more bytes. */
  private chars(start: number, final: boolean): number {
    const buf = this.buf;
    const n = buf.length;
    let raw = false;
    let blank = true;
    let i = start;
    // Text cut by the chunk's end is scanned again, whole, with the next: `cut`, and the line count is put back.
    const line = this.line;
    const lineStart = this.lineStart;
    const extra = this.extra;
    let cut = false;
    for (;;) {
      if (i >= n) {
        if (final && this.depth === 0 && blank) return n;
        cut = true;
        break;
      }
      const b = buf[i]!;
      const k = TEXT[b]!;
      if (k === 0) {
        if (b !== 32 && b !== 9) blank = false;
        i++;
        continue;
      }
      if (k === 5) break;
      if (k === 1) {
        i++;
        this.newline(i);
      } else if (k === 2) {
        if (i + 1 >= n && !final) {
          cut = true;
          break;
        }
        raw = true;
        i += buf[i + 1] === LF ? 2 : 1;
        this.newline(i);
      } else if (k === 3) {
        const e = entity(buf, i, final);
        if (e < 0) {
          cut = true;
          break;
        }
        raw = true;
        blank = false;
        i = e;
      } else if (k === 4) {
        if (i + 2 >= n && !final) {
          cut = true;
          break;
        }
        if (buf[i + 1] === BRACKET && buf[i + 2] === GT) throw new XmlFallback(']]> in text');
        blank = false;
        i++;
      } else if (k === 6) {
        const e = this.utf8(i, final);
        if (e < 0) {
          cut = true;
          break;
        }
        blank = false;
        i = e;
      } else throw new XmlFallback('a character XML does not allow');
    }
    if (cut) return final ? -1 : this.rewind(start, line, lineStart, extra);
    if (this.depth === 0) {
      if (!blank) throw new XmlFallback('text outside the root element');
      return i;
    }
    this.raw = raw;
    this.handler.text(start, i);
    return i;
  }

  /** A multibyte UTF-8 character at `i`, checked as XML allows it: the index after it, or −1 to wait for more bytes. */
  private utf8(i: number, final: boolean): number {
    const buf = this.buf;
    const b = buf[i]!;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    if (i + size > buf.length) {
      if (final) throw new XmlFallback('a cut character');
      return -1;
    }
    let cp: number;
    if (size === 2) {
      if (b < 0xc2) throw new XmlFallback('not UTF-8');
      cp = b & 0x1f;
    } else if (size === 3) cp = b & 0x0f;
    else {
      if (b > 0xf4) throw new XmlFallback('not UTF-8');
      cp = b & 0x07;
    }
    for (let k = 1; k < size; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) throw new XmlFallback('not UTF-8');
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates, past U+10FFFF, and the two noncharacters XML 1.0 excludes.
    if ((size === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || cp >= 0xfffe)) || (size === 4 && (cp < 0x10000 || cp > 0x10ffff)))
      throw new XmlFallback('not an XML character');
    this.extra += size - 1;
    return i + size;
  }

  /** `<name attr="v" …>` or `<name …/>` at `i`: the index after it, or −1 to wait for more bytes. */
  private openTag(start: number): number {
    const buf = this.buf;
    const n = buf.length;
    if (this.rootClosed) throw new XmlFallback('a second root element');
    let i = start + 1;
    if (NAME[buf[i]!] !== 1) throw new XmlFallback('a name of another shape');
    // The element that followed the last one opened, the last time it was opened, most likely follows it again: its bytes are compared first.
    let name = this.last?.next;
    if (name !== undefined) {
      const len = name.bytes.length;
      if (i + len < n && NAME[buf[i + len]!] === 0 && same(name.bytes, 0, buf, i, len)) i += len;
      else name = undefined;
    }
    if (name === undefined) {
      let h = 0x811c9dc5 | 0;
      while (i < n && NAME[buf[i]!]! > 0) {
        h = Math.imul(h ^ buf[i]!, 16777619);
        i++;
      }
      if (i >= n) return this.wait(start);
      name = this.intern(start + 1, i, h);
      if (this.last) this.last.next = name;
    }
    this.last = name;
    const line = this.line;
    const lineStart = this.lineStart;
    const extra = this.extra;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      let spaced = false;
      while (i < n && isSpace(buf[i]!)) {
        spaced = true;
        const b = buf[i]!;
        i++;
        if (b === LF) this.newline(i);
        else if (b === CR) {
          if (i >= n) return this.rewind(start, line, lineStart, extra);
          if (buf[i] === LF) i++;
          this.newline(i);
        }
      }
      if (i >= n) return this.rewind(start, line, lineStart, extra);
      const b = buf[i]!;
      if (b === GT) {
        i++;
        break;
      }
      if (b === SLASH) {
        if (i + 1 >= n) return this.rewind(start, line, lineStart, extra);
        if (buf[i + 1] !== GT) throw new XmlFallback('a broken tag');
        selfClosing = true;
        i += 2;
        break;
      }
      if (!spaced || NAME[b] !== 1) throw new XmlFallback('an attribute of another shape');
      const ns = i;
      while (i < n && NAME[buf[i]!]! > 0) i++;
      const ne = i;
      while (i < n && (buf[i] === 32 || buf[i] === 9)) i++;
      if (i >= n) return this.rewind(start, line, lineStart, extra);
      if (buf[i] !== EQ) throw new XmlFallback('an attribute of another shape');
      i++;
      while (i < n && (buf[i] === 32 || buf[i] === 9)) i++;
      if (i >= n) return this.rewind(start, line, lineStart, extra);
      const q = buf[i]!;
      if (q !== QUOTE && q !== APOS) throw new XmlFallback('an attribute of another shape');
      i++;
      const vs = i;
      let raw = 0;
      for (;;) {
        if (i >= n) return this.rewind(start, line, lineStart, extra);
        const c = buf[i]!;
        if (c === q) break;
        const k = TEXT[c]!;
        // A tab saxes would turn into a space, a line end it would normalise: left to it.
        if ((k === 0 && c !== 9) || k === 4) i++;
        else if (k === 3) {
          const e = entity(buf, i, false);
          if (e < 0) return this.rewind(start, line, lineStart, extra);
          raw = 1;
          i = e;
        } else if (k === 6) {
          const e = this.utf8(i, false);
          if (e < 0) return this.rewind(start, line, lineStart, extra);
          i = e;
        } else throw new XmlFallback('an attribute value of another shape');
      }
      const ve = i;
      i++;
      // saxes rejects an attribute named twice.
      for (let a = 0; a < count; a++)
        if (this.nameEnd[a]! - this.nameStart[a]! === ne - ns && same(buf, this.nameStart[a]!, buf, ns, ne - ns))
          throw new XmlFallback('an attribute named twice');
      if (count === this.nameStart.length) this.growAttributes();
      this.nameStart[count] = ns;
      this.nameEnd[count] = ne;
      this.valueStart[count] = vs;
      this.valueEnd[count] = ve;
      this.valueRaw[count] = raw;
      count++;
    }
    this.count = count;
    this.after = i;
    if (selfClosing) {
      if (this.depth === 0) this.rootClosed = true;
      this.handler.open(name.local, name.name, true);
      this.handler.close(name.local);
    } else {
      this.stack.push(name);
      this.depth++;
      this.handler.open(name.local, name.name, false);
    }
    return i;
  }

  /** A tag cut by the chunk's end: line counting as before it, and wait for more bytes. */
  private rewind(start: number, line: number, lineStart: number, extra: number): number {
    this.line = line;
    this.lineStart = lineStart;
    this.extra = extra;
    return this.wait(start);
  }

  private wait(start: number): number {
    if (this.buf.length - start > TOKEN_LIMIT) throw new XmlFallback('a token too long');
    this.i = start;
    return -1;
  }

  /** `</name>` at `i`, matching the open element. */
  private closeTag(start: number): number {
    const buf = this.buf;
    const n = buf.length;
    const open = this.stack[this.stack.length - 1];
    if (!open) throw new XmlFallback('a closing tag with none open');
    const len = open.bytes.length;
    let i = start + 2;
    if (i + len >= n) return this.wait(start);
    for (let k = 0; k < len; k++) if (buf[i + k] !== open.bytes[k]) throw new XmlFallback('a closing tag that does not match');
    i += len;
    const line = this.line;
    const lineStart = this.lineStart;
    const extra = this.extra;
    while (i < n && isSpace(buf[i]!)) {
      const b = buf[i]!;
      i++;
      if (b === LF) this.newline(i);
      else if (b === CR) {
        if (i >= n) return this.rewind(start, line, lineStart, extra);
        if (buf[i] === LF) i++;
        this.newline(i);
      }
    }
    if (i >= n) return this.rewind(start, line, lineStart, extra);
    if (buf[i] !== GT) throw new XmlFallback('a closing tag of another shape');
    this.stack.pop();
    this.depth--;
    this.after = i + 1;
    if (this.depth === 0) this.rootClosed = true;
    this.handler.close(open.local);
    return i + 1;
  }

  /** A comment or a CDATA section at `i` (neither handed on); anything else `<!` begins is left to saxes. */
  private bang(start: number): number {
    const buf = this.buf;
    const n = buf.length;
    if (n - start < 9) return this.wait(start);
    const comment = buf[start + 2] === MINUS && buf[start + 3] === MINUS;
    if (!comment && (buf.toString('latin1', start, start + 9) !== '<![CDATA[' || this.depth === 0)) throw new XmlFallback('a declaration or section');
    const line = this.line;
    const lineStart = this.lineStart;
    const extra = this.extra;
    let i = start + (comment ? 4 : 9);
    for (;;) {
      if (i + 2 >= n) return this.rewind(start, line, lineStart, extra);
      const b = buf[i]!;
      if (comment && b === MINUS && buf[i + 1] === MINUS) {
        if (buf[i + 2] !== GT) throw new XmlFallback('-- in a comment');
        return i + 3;
      }
      if (!comment && b === BRACKET && buf[i + 1] === BRACKET && buf[i + 2] === GT) return i + 3;
      const k = TEXT[b]!;
      if (k === 1) {
        i++;
        this.newline(i);
      } else if (k === 2) {
        i += buf[i + 1] === LF ? 2 : 1;
        this.newline(i);
      } else if (k === 6) {
        const e = this.utf8(i, false);
        if (e < 0) return this.rewind(start, line, lineStart, extra);
        i = e;
      } else if (k === 7) throw new XmlFallback('a character XML does not allow');
      else i++;
    }
  }

  private intern(s: number, e: number, h: number): Name {
    let mask = this.names.length - 1;
    let slot = h & mask;
    for (let x = this.names[slot]; x !== undefined; x = this.names[slot]) {
      if (x.bytes.length === e - s && same(x.bytes, 0, this.buf, s, e - s)) return x;
      slot = (slot + 1) & mask;
    }
    const name = internalized((this.buf as unknown as Slicing).latin1Slice(s, e));
    const local = internalized(name.slice(name.indexOf(':') + 1));
    const entry: Name = { next: undefined, bytes: Uint8Array.prototype.slice.call(this.buf, s, e), name, local, hash: h };
    this.names[slot] = entry;
    if (2 * ++this.nameCount > this.names.length) {
      const old = this.names;
      this.names = new Array(old.length * 2);
      mask = this.names.length - 1;
      for (const x of old) {
        if (x === undefined) continue;
        let k = x.hash & mask;
        while (this.names[k] !== undefined) k = (k + 1) & mask;
        this.names[k] = x;
      }
    }
    return entry;
  }

  private growAttributes(): void {
    const size = this.nameStart.length * 2;
    const grow = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.nameStart = grow(this.nameStart, (k) => new Int32Array(k));
    this.nameEnd = grow(this.nameEnd, (k) => new Int32Array(k));
    this.valueStart = grow(this.valueStart, (k) => new Int32Array(k));
    this.valueEnd = grow(this.valueEnd, (k) => new Int32Array(k));
    this.valueRaw = grow(this.valueRaw, (k) => new Uint8Array(k));
  }
}

/**
 * The string V8 keeps once for its text (as it keeps every property name):
 * a reader compares each name with its own literals a million times, and
 * two such strings are told apart by their address, not their characters.
 */
function internalized(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

/** Whether `a[i, i + n)` and `b[j, j + n)` hold the same bytes (Buffer.compare checks its arguments at a cost that shows on short names). */
function same(a: Uint8Array, i: number, b: Uint8Array, j: number, n: number): boolean {
  if (b.length - j < n || a.length - i < n) return false;
  for (let k = 0; k < n; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/** Node's own slicers, without Buffer#toString's argument checks (the scanner's bounds are its own). */
interface Slicing {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The end of the entity reference at `buf[i]` (an `&`), checked as saxes checks it; −1 to wait for more bytes. */
function entity(buf: Uint8Array, i: number, final: boolean): number {
  const n = buf.length;
  let j = i + 1;
  while (j < n && j - i <= 12 && buf[j] !== 59) j++;
  if (j >= n) {
    if (final) throw new XmlFallback('a cut entity');
    return -1;
  }
  if (buf[j] !== 59) throw new XmlFallback('an entity of another shape');
  const body = Buffer.from(buf.buffer, buf.byteOffset + i + 1, j - i - 1).toString('latin1');
  if (!Object.hasOwn(PREDEFINED, body)) {
    const m = /^#(?:([0-9]+)|x([0-9a-fA-F]+))$/.exec(body);
    if (!m) throw new XmlFallback('an entity the scanner does not know');
    const cp = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2]!, 16);
    const ok = cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) throw new XmlFallback('a character reference XML does not allow');
  }
  return j + 1;
}

/** Text with its entities replaced (they were checked when scanned). */
function entities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)) : PREDEFINED[e]!,
  );
}
