/**
 * Exact rational numbers on bigint. Shares (45.87 %, 1/3, a population
 * fraction) are rarely finite decimals, so they are kept as fractions until
 * money is rounded — never as a JS number.
 */
export class Ratio {
  /** Always reduced, with a positive denominator. */
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Ratio(0n, 1n);
  static readonly ONE = new Ratio(1n, 1n);

  static of(num: bigint, den: bigint = 1n): Ratio {
    if (den === 1n) return new Ratio(num, 1n);
    if (den === 0n) throw new RangeError('Ratio with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    return g > 1n ? new Ratio(num / g, den / g) : new Ratio(num, den);
  }

  /**
   * Reads `45.87%`, `1/3`, `0.25`, `-12`, `1e3` is not accepted: agreement
   * authors write numbers the way they print them. Returns null when the text
   * is not one of these forms.
   */
  static parse(text: string): Ratio | null {
    const t = text.trim();
    const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
    if (percent) return Ratio.parseDecimal(percent[1]!)!.div(Ratio.of(100n));
    const fraction = /^([+-]?\d+)\s*\/\s*(\d+)$/.exec(t);
    if (fraction) {
      const den = BigInt(fraction[2]!);
      return den === 0n ? null : Ratio.of(BigInt(fraction[1]!), den);
    }
    return Ratio.parseDecimal(t);
  }

  /** Reads a plain decimal (`-1234.5`); null for anything else. */
  static parseDecimal(text: string): Ratio | null {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) return null;
    const frac = m[3] ?? '';
    const num = BigInt(m[2]! + frac) * (m[1] === '-' ? -1n : 1n);
    return Ratio.of(num, pow10(frac.length));
  }

  plus(o: Ratio): Ratio {
    return Ratio.sum(this.num, this.den, o.num, o.den);
  }
  minus(o: Ratio): Ratio {
    return Ratio.sum(this.num, this.den, -o.num, o.den);
  }

  /**
   * a/b + c/d, both reduced (Knuth 4.5.1): with g = gcd(b, d), only a
   * factor of g can cancel from the sum, so the gcd taken is of g and the
   * numerator, not of the two long products — and none at all when one
   * denominator is 1 (a whole number, a population) or they share no factor.
   */
  private static sum(a: bigint, b: bigint, c: bigint, d: bigint): Ratio {
    if (b === d) return b === 1n ? new Ratio(a + c, 1n) : Ratio.of(a + c, b);
    if (d === 1n) return new Ratio(a + c * b, b);
    if (b === 1n) return new Ratio(a * d + c, d);
    const g = gcd(b, d);
    if (g === 1n) return new Ratio(a * d + c * b, b * d);
    const t = a * (d / g) + c * (b / g);
    const g2 = gcd(t < 0n ? -t : t, g);
    return g2 === 1n ? new Ratio(t, (b / g) * d) : new Ratio(t / g2, (b / g) * (d / g2));
  }
  /**
   * Cancels crosswise before multiplying (Knuth 4.5.1): both factors are
   * reduced, so gcd(a, d) and gcd(c, b) are all there is to cancel, and each
   * pairs a long number with a short one when a short factor multiplies a
   * long product (a thousand years of index changes), where the gcd of the
   * two long products took seconds per year.
   */
  times(o: Ratio): Ratio {
    if (this.num === 0n || o.num === 0n) return Ratio.ZERO;
    // A whole number has nothing to cancel against: no gcd with a denominator of 1.
    const g1 = o.den === 1n ? 1n : gcd(this.num < 0n ? -this.num : this.num, o.den);
    const g2 = this.den === 1n ? 1n : gcd(o.num < 0n ? -o.num : o.num, this.den);
    return new Ratio((this.num / g1) * (o.num / g2), (this.den / g2) * (o.den / g1));
  }
  div(o: Ratio): Ratio {
    if (o.num === 0n) throw new RangeError('division by zero');
    return this.times(o.num < 0n ? new Ratio(-o.den, -o.num) : new Ratio(o.den, o.num));
  }
  neg(): Ratio {
    return new Ratio(-this.num, this.den);
  }
  abs(): Ratio {
    return this.num < 0n ? this.neg() : this;
  }
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  cmp(o: Ratio): -1 | 0 | 1 {
    const a = this.num * o.den;
    const b = o.num * this.den;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  eq(o: Ratio): boolean {
    return this.num === o.num && this.den === o.den;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  /** Largest integer not above this value. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** Nearest integer, halves away from zero (the `half-up` of accounting). */
  roundHalfAwayFromZero(): bigint {
    return divideHalfAway(this.num, this.den);
  }

  /**
   * The fewest decimals that write this value exactly, or null when its
   * expansion never ends: den = 2^a·5^b divides 10^max(a, b).
   */
  decimalPlaces(): number | null {
    let twos = 0;
    let fives = 0;
    let d = this.den;
    for (; d % 2n === 0n; twos++) d /= 2n;
    for (; d % 5n === 0n; fives++) d /= 5n;
    return d === 1n ? Math.max(twos, fives) : null;
  }

  /** True when the value has a finite decimal expansion. */
  isFiniteDecimal(): boolean {
    return this.decimalPlaces() !== null;
  }

  /**
   * Decimal text: exact when the expansion is finite within `maxPlaces`,
   * otherwise rounded half-up to `maxPlaces`. Trailing zeros are dropped
   * (`0.4587`, `0.5`, `1`).
   */
  toDecimalString(maxPlaces = 12): string {
    // round(num × 10^places / den), in integers: no fraction to reduce.
    const scaled = divideHalfAway(this.num * pow10(maxPlaces), this.den);
    const neg = scaled < 0n;
    const digits = (neg ? -scaled : scaled).toString().padStart(maxPlaces + 1, '0');
    const int = digits.slice(0, digits.length - maxPlaces);
    const frac = digits.slice(digits.length - maxPlaces).replace(/0+$/, '');
    return (neg && scaled !== 0n ? '-' : '') + int + (frac ? '.' + frac : '');
  }
}

/**
 * num ÷ den to the nearest integer, halves away from zero, so a credit
 * rounds as the mirror image of a charge: the one rounding of exact values,
 * used for money, shares and printed decimals alike.
 */
export function divideHalfAway(num: bigint, den: bigint): bigint {
  const neg = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const n = (2n * a + b) / (2n * b);
  return neg ? -n : n;
}

/** 10^0 … 10^40 (the most digits the agreement reads), made once: amounts and decimals scale by them all the time. */
const POWERS = Array.from({ length: 41 }, (_, n) => 10n ** BigInt(n));

/** 10^n, for n ≥ 0. */
export function pow10(n: number): bigint {
  return POWERS[n] ?? 10n ** BigInt(n);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  // Below 2^53 every integer is exact as a double and % on doubles is exact, so
  // Euclid runs on plain numbers — the common case (populations, shares in
  // hundredths), many times faster than bigint division. An integer, never an amount.
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return x === 0 ? 1n : BigInt(x);
  }
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a === 0n ? 1n : a;
}
