import type { NumberStyle } from './amount.js';

/**
 * An amount read from bytes, in whole øre: its sign and its magnitude as
 * `hi · 10^9 + lo`, with 0 ≤ lo < 10^9 and 0 ≤ hi < 10^6 — each half a
 * whole number well inside 32 bits (see {@link OreSums}).
 */
export interface OreParts {
  negative: boolean;
  hi: number;
  lo: number;
}

/** Øre digits an amount read from bytes may have: 15, so the part above the last nine stays below 10^6. */
export const MAX_ORE_DIGITS = 15;
const BILLION = 1_000_000_000;

const SPACE = 32;
const TAB = 9;
const MINUS = 45;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** A group separator of the space kind (space, no-break, narrow no-break, thin: scanWritten makes each one space), or the thousands mark. */
const SPACE_KIND = 1;
const MARK_KIND = 2;

/**
 * Reads the amount `buf[s, e)` into `out` as whole øre, without a string,
 * when it has one of the forms Norwegian ledgers write — `-1234,50`,
 * `1 234,50` (space, no-break, narrow no-break or thin space between
 * groups), `1.234,50`, `kr 1 234,50`, `kr -1 234,50`, `(1 234,50)`,
 * `−1 234,50` (U+2212), `1 234,-` (also `,–` and `,−`) — with the value
 * amount.ts's scanKroner gives it: each form here is one scanPlain or
 * scanWritten reads, read by the same rules (groups of three after a first
 * group of one to three digits not starting with 0, one kind of separator,
 * the ambiguous `1.234` refused when the decimal mark was only inferred,
 * `,-` with a decimal comma only).
 *
 * False for anything else — another currency word or case, a `+`, a space
 * after a sign, more than two decimals, more than 15 digits of øre, any
 * form scanKroner refuses — and the caller reads the cell with scanKroner
 * itself: a false here never changes what is read, only how fast.
 * tests/ledger-bytes.differential.test.ts holds this against scanKroner.
 */
export function oreFromBytes(buf: Uint8Array, s: number, e: number, { decimal, declared }: NumberStyle, latin: boolean, out: OreParts): boolean {
  let i = s;
  let end = e;
  // scanWritten trims the cell; a Unicode space at its ends is left to it.
  while (i < end && (buf[i] === SPACE || buf[i] === TAB)) i++;
  while (end > i && (buf[end - 1] === SPACE || buf[end - 1] === TAB)) end--;
  if (i === end) return false;
  let negative = false;
  let paren = false;
  // `(…)`: negative, and no sign inside.
  if (buf[i] === 40) {
    if (buf[end - 1] !== 41) return false;
    paren = true;
    negative = true;
    i++;
    end--;
  }
  let w = minusAt(buf, i, end, latin);
  if (w > 0) {
    if (paren) return false;
    negative = true;
    i += w;
  }
  // `kr` before the number (lower case; scanWritten's other currency words are left to it), then spaces, then perhaps the sign.
  if (buf[i] === 107 && buf[i + 1] === 114 && i + 1 < end) {
    i += 2;
    while (i < end && buf[i] === SPACE) i++;
    w = minusAt(buf, i, end, latin);
    if (w > 0) {
      if (paren || negative) return false;
      negative = true;
      i += w;
    }
  }
  const mark = decimal === ',' ? 44 : 46;
  const thousands = decimal === ',' ? 46 : 44;
  // The number: first a check of its form, counting its digits.
  const first = i;
  while (i < end && buf[i]! >= DIGIT_0 && buf[i]! <= DIGIT_9) i++;
  let digits = i - first;
  if (digits === 0) return false;
  let kind = 0;
  let groups = 0;
  for (;;) {
    const k = separatorAt(buf, i, end, latin, thousands);
    if (k === 0) break;
    // The first group: one to three digits, not starting with 0; then groups of three, all of one kind.
    if (groups === 0 && (digits > 3 || buf[first] === DIGIT_0)) return false;
    if (kind !== 0 && (k & 3) !== kind) return false;
    kind = k & 3;
    i += k >> 2;
    for (let d = 0; d < 3; d++, i++) if (!(i < end && buf[i]! >= DIGIT_0 && buf[i]! <= DIGIT_9)) return false;
    if (i < end && buf[i]! >= DIGIT_0 && buf[i]! <= DIGIT_9) return false;
    digits += 3;
    groups++;
  }
  let scale = 0;
  let dash = false;
  if (i < end) {
    if (buf[i] !== mark) return false;
    i++;
    const d = decimal === ',' ? dashAt(buf, i, end, latin) : 0;
    if (d > 0 && i + d === end) {
      // `1 234,-`: whole kroner.
      dash = true;
      i = end;
    } else {
      const from = i;
      while (i < end && buf[i]! >= DIGIT_0 && buf[i]! <= DIGIT_9) i++;
      scale = i - from;
      if (i !== end || scale === 0 || scale > 2) return false;
      digits += scale;
    }
  }
  // `1.234` (or `1,234` with a decimal point) reads two ways unless the mark was declared: scanWritten reports it.
  if (!declared && !dash && scale === 0 && groups === 1 && kind === MARK_KIND) return false;
  const ore = digits + 2 - scale;
  if (ore > MAX_ORE_DIGITS) return false;
  // Then the value: øre digit p (from the right) goes to hi when p ≥ 9, else to lo; the missing decimals are zeros at the right.
  let hi = 0;
  let lo = 0;
  let p = ore - 1;
  for (let k = first; k < end; k++) {
    const c = buf[k]!;
    if (c < DIGIT_0 || c > DIGIT_9) continue;
    if (p >= 9) hi = hi * 10 + (c - DIGIT_0);
    else lo = lo * 10 + (c - DIGIT_0);
    p--;
  }
  for (; p >= 0; p--) lo *= 10;
  out.negative = negative;
  out.hi = hi;
  out.lo = lo;
  return true;
}

/** Bytes of a minus sign at `i`: `-`, or U+2212 in UTF-8 (scanWritten reads it as `-`). */
function minusAt(buf: Uint8Array, i: number, end: number, latin: boolean): number {
  if (i >= end) return 0;
  if (buf[i] === MINUS) return 1;
  return !latin && buf[i] === 0xe2 && buf[i + 1] === 0x88 && buf[i + 2] === 0x92 && i + 2 < end ? 3 : 0;
}

/** Bytes of the dash of `,-` at `i`: `-`, or U+2013 or U+2212 in UTF-8. */
function dashAt(buf: Uint8Array, i: number, end: number, latin: boolean): number {
  const m = minusAt(buf, i, end, latin);
  if (m > 0) return m;
  return !latin && buf[i] === 0xe2 && buf[i + 1] === 0x80 && buf[i + 2] === 0x93 && i + 2 < end ? 3 : 0;
}

/** A group separator at `i`: its kind in the low two bits and its width in bytes above them; 0 when there is none. */
function separatorAt(buf: Uint8Array, i: number, end: number, latin: boolean, thousands: number): number {
  if (i >= end) return 0;
  const c = buf[i]!;
  if (c === SPACE) return (1 << 2) | SPACE_KIND;
  if (c === thousands) return (1 << 2) | MARK_KIND;
  if (latin) return c === 0xa0 ? (1 << 2) | SPACE_KIND : 0;
  if (c === 0xc2 && buf[i + 1] === 0xa0 && i + 1 < end) return (2 << 2) | SPACE_KIND;
  // U+202F narrow no-break space, U+2009 thin space.
  if (c === 0xe2 && buf[i + 1] === 0x80 && (buf[i + 2] === 0xaf || buf[i + 2] === 0x89) && i + 2 < end) return (3 << 2) | SPACE_KIND;
  return 0;
}

/**
 * Sums of øre, one per entry, kept exactly without a bigint per row: each
 * sum is `big + hi · 10^9 + lo`, `hi` and `lo` in an Int32Array.
 *
 * Why it is exact: every number here is a whole number, and every one is
 * below 2^31 in size, so no addition rounds (a JavaScript number holds
 * every whole number below 2^53 exactly) and none overflows its Int32Array.
 * An amount adds at most 10^9 − 1 to `lo` (|lo| < 10^9 before, so
 * |lo| < 2·10^9 < 2^31 after), and `lo` then gives 10^9 to `hi` when it
 * reaches it, so |lo| < 10^9 again. An amount adds at most 10^6 (its
 * `hi`, below 10^6, plus a carry of one) to `hi`, which moves into the
 * entry's bigint whenever it reaches 2^30: so |hi| < 2^30 + 10^6 < 2^31.
 * The sum is read back as a bigint, `big + BigInt(hi) · 10^9n +
 * BigInt(lo)`. tests/unit/amount-bytes.test.ts holds this against bigint
 * sums at the largest amounts, both signs.
 */
/** Below this in size, an upper half times 10^9 plus a lower half is below 2^53: exact as a double. */
const SMALL_HI = 1 << 23;

export class OreSums {
  // By entry, four ints in a row: hi, lo, the rows counted ({@link count}), and one unused, so an entry's figures share a cache line.
  private cells = new Int32Array(4 * 256);
  private big: bigint[] = [];

  /** Room for entries below `n`. */
  reserve(n: number): void {
    if (4 * n <= this.cells.length) return;
    let size = this.cells.length * 2;
    while (size < 4 * n) size *= 2;
    const cells = new Int32Array(size);
    cells.set(this.cells);
    this.cells = cells;
  }

  /** Adds an amount read by {@link oreFromBytes} to entry `id`. */
  add(id: number, a: OreParts): void {
    const cells = this.cells;
    // Without a branch but the sign's: a branch first taken after a reader's code is compiled (the first carry, some thousand rows in) sends that code back to the interpreter until it is compiled again.
    const sign = a.negative ? -1 : 1;
    let lo = cells[4 * id + 1]! + sign * a.lo;
    const carry = lo >= BILLION ? 1 : lo <= -BILLION ? -1 : 0;
    lo -= carry * BILLION;
    let hi = cells[4 * id]! + sign * a.hi + carry;
    if (hi >= 1 << 30 || hi <= -(1 << 30)) {
      this.big[id] = (this.big[id] ?? 0n) + BigInt(hi) * 1_000_000_000n;
      hi = 0;
    }
    cells[4 * id] = hi;
    cells[4 * id + 1] = lo;
  }

  /** Adds øre already a bigint (an amount scanKroner read). */
  addBig(id: number, ore: bigint): void {
    this.big[id] = (this.big[id] ?? 0n) + ore;
  }

  /** Counts one row of entry `id` (kept here, beside its sum, for the reader that wants it). */
  count(id: number): void {
    this.cells[4 * id + 2]!++;
  }

  /** The rows {@link count} counted for entry `id`. */
  rows(id: number): number {
    return this.cells[4 * id + 2]!;
  }

  /**
   * The exact sum of entry `id`, in øre. With `|hi|` below 2^23, `hi · 10^9
   * + lo` is an integer below 2^23 · 10^9 + 10^9 < 2^53 in size, so the
   * double arithmetic is exact and one BigInt is made of it, not four
   * (an entry's sum nearly always: below 83 million kroner); larger ones
   * are added as bigints.
   */
  total(id: number): bigint {
    const hi = this.cells[4 * id]!;
    const lo = this.cells[4 * id + 1]!;
    const big = this.big[id];
    if (hi < SMALL_HI && hi > -SMALL_HI) return big === undefined ? BigInt(hi * BILLION + lo) : big + BigInt(hi * BILLION + lo);
    return (big ?? 0n) + BigInt(hi) * 1_000_000_000n + BigInt(lo);
  }
}
