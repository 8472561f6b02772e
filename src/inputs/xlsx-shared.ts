/** Entries decoded lately, by index (a power of two): a ledger's accounts and categories repeat a million times. */
const RECENT = 4096;

/**
 * A workbook's shared strings table, held compactly: the UTF-8 bytes of
 * every entry, one after another in one buffer, and where each ends. An
 * entry is decoded only when a cell the reader keeps refers to it — most of a
 * ledger's distinct texts are in a column no one reads (a posting's own
 * text), and as strings they would cost three times their bytes.
 */
export class SharedTable {
  private bytes: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** Entry i is bytes[starts[i], ends[i]). */
  private starts: Int32Array = new Int32Array(1 << 12);
  private ends: Int32Array = new Int32Array(1 << 12);
  private count = 0;
  /** Where the entry being made starts. */
  private current = 0;
  private readonly recentIndex = new Int32Array(RECENT).fill(-1);
  private readonly recentText: string[] = new Array(RECENT).fill('');

  /** How many entries the table has. */
  get length(): number {
    return this.count;
  }

  /** Starts a new entry: the one being made is put aside, unfinished. */
  begin(): void {
    this.current = this.used;
  }

  /** Adds UTF-8 bytes to the entry being made. */
  addBytes(from: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    this.bytes.set(from.subarray(start, end), this.used);
    this.used += end - start;
  }

  /** Adds text to the entry being made. */
  addText(text: string): void {
    this.room(3 * text.length);
    this.used += this.bytes.write(text, this.used);
  }

  /** Adds the entry being made, as it stands (it may be added again, with more, when the part closes an entry twice). */
  finish(): void {
    if (this.count === this.ends.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[this.count] = this.current;
    this.ends[this.count++] = this.used;
  }

  /** The table is whole: what was kept free to grow into is given back. */
  seal(): void {
    this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
    this.starts = this.starts.slice(0, this.count);
    this.ends = this.ends.slice(0, this.count);
  }

  /** Whether `i` (a cell's value read as a number) names an entry: as an array index would, -0 naming the first. */
  has(i: number): boolean {
    return (i | 0) === i && i >= 0 && i < this.count;
  }

  /** Whether entry `i` is the empty text. */
  empty(i: number): boolean {
    return this.ends[i] === this.starts[i];
  }

  /** Entry `i` (one {@link has} accepts) as text. */
  get(i: number): string {
    const slot = i & (RECENT - 1);
    if (this.recentIndex[slot] === i) return this.recentText[slot]!;
    const text = (this.bytes as unknown as { utf8Slice(s: number, e: number): string }).utf8Slice(this.starts[i]!, this.ends[i]!);
    this.recentIndex[slot] = i;
    this.recentText[slot] = text;
    return text;
  }

  /** Whether entry `i` starts and ends with a byte above space: a text a trim that looks at its ends only (actuals.ts's) leaves as it is. */
  bare(i: number): boolean {
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    // A non-ASCII character's bytes are all 0x80 or above: the byte test is the character test.
    return e > s && this.bytes[s]! > 32 && this.bytes[e - 1]! > 32;
  }

  /** A hash of entry `i`'s bytes (FNV-1a). */
  hash(i: number): number {
    const bytes = this.bytes;
    let h = 0x811c9dc5;
    for (let k = this.starts[i]!, e = this.ends[i]!; k < e; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
    return h;
  }

  /** Whether entries `i` and `j` have the same bytes, so the same text. */
  same(i: number, j: number): boolean {
    const bytes = this.bytes;
    const a = this.starts[i]!;
    const b = this.starts[j]!;
    const n = this.ends[i]! - a;
    if (this.ends[j]! - b !== n) return false;
    for (let k = 0; k < n; k++) if (bytes[a + k] !== bytes[b + k]) return false;
    return true;
  }

  /** Makes room for `more` bytes after those used. */
  private room(more: number): void {
    if (this.used + more <= this.bytes.length) return;
    const need = this.used + more;
    const bytes = Buffer.allocUnsafe(2 * this.bytes.length < need ? need : 2 * this.bytes.length);
    this.bytes.copy(bytes, 0, 0, this.used);
    this.bytes = bytes;
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}
