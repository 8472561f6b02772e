/** Bytes of lines an input's reader keeps for the excerpts: the first row of each of some 60 000 entries of 70 bytes; beyond them, lines are read again. */
export const KEPT_BYTES = 1 << 22;

/**
 * Lines of a streamed input kept as bytes while it is read — its header and
 * the first row of each entry, the lines diagnostics about its rows point
 * at — so that the excerpts of those diagnostics need not read the file
 * again (cli/excerpts.ts reads only the lines not kept). Kept as written,
 * line break and all but the line feed, and decoded only when quoted; once
 * `limit` bytes are kept, later lines are not, and are read from the file.
 */
/** Bytes of a line copied natively rather than byte by byte: beyond them, the subarray costs less than the loop. */
const LONG_LINE = 128;

export class KeptLines {
  private pool: Uint8Array;
  private used = 0;
  private numbers = new Int32Array(256);
  private starts = new Int32Array(257);
  private count = 0;
  private full = false;

  /** `initial`: bytes of the first pool; a reader that keeps megabytes asks for its limit at once (memory is zeroed as it is touched), and no pool is copied into a larger. */
  constructor(
    private readonly limit = KEPT_BYTES,
    initial = 1 << 14,
  ) {
    this.pool = new Uint8Array(initial);
  }

  /** Whether no more lines are kept: a reader can then leave off finding them. */
  get filled(): boolean {
    return this.full;
  }

  /** Keeps line `line`, `buf[s, e)`; lines come in rising order, and a line kept already is not kept again. */
  keep(line: number, buf: Uint8Array, s: number, e: number): void {
    if (this.full || (this.count > 0 && this.numbers[this.count - 1] === line)) return;
    const n = e - s;
    if (this.used + n > this.limit) {
      this.full = true;
      return;
    }
    if (this.used + n > this.pool.length) {
      let size = this.pool.length * 2;
      while (size < this.used + n) size *= 2;
      const pool = new Uint8Array(size);
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    if (this.count + 1 >= this.numbers.length) {
      const numbers = new Int32Array(this.numbers.length * 2);
      numbers.set(this.numbers);
      this.numbers = numbers;
      const starts = new Int32Array(this.numbers.length + 1);
      starts.set(this.starts);
      this.starts = starts;
    }
    // Byte by byte when short (a subarray to copy it from would be one more object a line); a long line (SAF-T's, some 300 bytes) natively.
    const pool = this.pool;
    if (n > LONG_LINE) pool.set(buf.subarray(s, e), this.used);
    else for (let i = s, j = this.used; i < e; i++, j++) pool[j] = buf[i]!;
    this.numbers[this.count] = line;
    this.starts[this.count] = this.used;
    this.used += n;
    this.count++;
    this.starts[this.count] = this.used;
  }

  /** The bytes of line `line` as written (without its line feed), when it was kept. */
  get(line: number): Uint8Array | undefined {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.numbers[mid]!;
      if (at === line) return this.pool.subarray(this.starts[mid]!, this.starts[mid + 1]!);
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}
