import { divideHalfAway, pow10, Ratio } from './ratio.js';

/**
 * An amount of money in kroner: an exact decimal held as integer units at a
 * decimal scale (1937782.94 = 193778294 × 10⁻²), built only from text or by
 * a named rounding. Sums, differences and comparisons are bigint operations,
 * so no decimal rounding can happen by accident — only in `roundToUnit`. A
 * `Money` is never a share and never a JS number.
 */
export class Money {
  /** Always normalised: no trailing zero digit in `units` when `scale` > 0, so equal amounts have equal fields. */
  private constructor(
    private readonly units: bigint,
    private readonly scale: number,
  ) {}

  static readonly ZERO = new Money(0n, 0);

  /** Reads `1937782.94`, `-500`, `+12.5`. Null for anything else. */
  static parse(text: string): Money | null {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) return null;
    const units = BigInt(m[2]! + (m[3] ?? ''));
    return Money.of(m[1] === '-' ? -units : units, m[3]?.length ?? 0);
  }

  /** An exact value with a finite decimal expansion; throws otherwise (a programming error). */
  static fromFinite(r: Ratio): Money {
    const scale = r.decimalPlaces();
    if (scale === null) throw new RangeError(`internal: not a finite decimal: ${r.num}/${r.den}`);
    return Money.of((r.num * pow10(scale)) / r.den, scale);
  }

  /**
   * `x` rounded to a multiple of `unit`, halves away from zero — in integers
   * only: n = round(x ÷ unit), then n × unit. The one rounding step, used by
   * `roundToUnit`.
   */
  static round(x: Ratio, unit: Money): Money {
    // x ÷ unit = x.num × 10^scale ÷ (x.den × units)
    return unit.multiple(divideHalfAway(x.num * pow10(unit.scale), x.den * unit.units));
  }

  /** This amount `n` times, exactly: n whole rounding units. */
  multiple(n: bigint): Money {
    return Money.of(this.units * n, this.scale);
  }

  /** units × 10^-scale, exactly: how the ledger reader hands over the amounts it summed in integers. */
  static fromUnits(units: bigint, scale: number): Money {
    return Money.of(units, scale);
  }

  /** units × 10^-scale. */
  private static of(units: bigint, scale: number): Money {
    while (scale > 0 && units % 10n === 0n) {
      units /= 10n;
      scale--;
    }
    return new Money(units, scale);
  }

  /** Exact sum, added at the finest scale present. */
  static sum(items: Iterable<Money>): Money {
    let units = 0n;
    let scale = 0;
    // A list by index: a ledger's sums are lists of tens of thousands, added before the compiler has optimised this, where an iterator costs a call a step.
    const list = Array.isArray(items) ? (items as readonly Money[]) : [...items];
    for (let i = 0; i < list.length; i++) {
      const m = list[i]!;
      if (m.scale > scale) {
        units *= pow10(m.scale - scale);
        scale = m.scale;
      }
      units += m.scale === scale ? m.units : m.units * pow10(scale - m.scale);
    }
    return Money.of(units, scale);
  }

  /** Both amounts' units at their common (finer) scale. */
  private aligned(o: Money): [bigint, bigint, number] {
    if (this.scale === o.scale) return [this.units, o.units, this.scale];
    return this.scale > o.scale
      ? [this.units, o.units * pow10(this.scale - o.scale), this.scale]
      : [this.units * pow10(o.scale - this.scale), o.units, o.scale];
  }

  // Nothing added or taken away is the amount itself (a Money never changes, and is normalised).
  plus(o: Money): Money {
    if (o.units === 0n) return this;
    if (this.units === 0n) return o;
    const [a, b, scale] = this.aligned(o);
    return Money.of(a + b, scale);
  }
  minus(o: Money): Money {
    if (o.units === 0n) return this;
    const [a, b, scale] = this.aligned(o);
    return Money.of(a - b, scale);
  }
  neg(): Money {
    return new Money(-this.units, this.scale);
  }
  abs(): Money {
    return this.units < 0n ? this.neg() : this;
  }
  sign(): -1 | 0 | 1 {
    return this.units === 0n ? 0 : this.units < 0n ? -1 : 1;
  }
  isZero(): boolean {
    return this.units === 0n;
  }
  cmp(o: Money): -1 | 0 | 1 {
    const [a, b] = this.aligned(o);
    return a === b ? 0 : a < b ? -1 : 1;
  }
  eq(o: Money): boolean {
    return this.units === o.units && this.scale === o.scale;
  }

  /** The exact value as a fraction, for products with shares. */
  toRatio(): Ratio {
    // Kept: the same amount meets many shares (a basis split 50 ways), and a Money never changes.
    this.ratio ??= Ratio.of(this.units, pow10(this.scale));
    return this.ratio;
  }
  private ratio?: Ratio;

  /** This amount as a fraction of another (not zero), exactly: one fraction reduced once, not two divided. */
  over(o: Money): Ratio {
    return Ratio.of(this.units * pow10(o.scale), o.units * pow10(this.scale));
  }

  /** Exact product with a share: not money until it is rounded. */
  times(r: Ratio): Ratio {
    return this.toRatio().times(r);
  }

  /** Fixed two decimals with `.` (the JSON and machine format). Throws if that would round. */
  toFixed2(): string {
    if (this.scale > 2) throw new RangeError(`amount ${this.digits(this.scale)} has more than two decimals`);
    return this.digits(2);
  }

  /** All significant decimals, at least two (`0.008` stays `0.008`). */
  toPlain(): string {
    return this.digits(Math.max(2, this.scale));
  }

  /** The decimal text with exactly `places` (≥ scale) decimals. */
  private digits(places: number): string {
    const units = this.units * pow10(places - this.scale);
    const neg = units < 0n;
    const s = (neg ? -units : units).toString().padStart(places + 1, '0');
    return `${neg ? '-' : ''}${s.slice(0, s.length - places)}${places ? '.' + s.slice(s.length - places) : ''}`;
  }
}
