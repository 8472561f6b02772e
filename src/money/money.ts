import { Decimal } from 'decimal.js';
import { Ratio } from './ratio.js';

/**
 * Our own decimal context: enough significant digits that adding and
 * multiplying finite amounts is exact for any ledger we will meet, so decimal
 * rounding never happens by accident — only in {@link roundToUnit}.
 */
const D = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
type Dec = InstanceType<typeof D>;

/**
 * An amount of money in kroner: a finite decimal, built only from text or by
 * a named rounding. A `Money` is never a share and never a JS number.
 */
export class Money {
  private constructor(private readonly d: Dec) {}

  static readonly ZERO = new Money(new D(0));

  /** Reads `1937782.94`, `-500`, `+12.5`. Null for anything else. */
  static parse(text: string): Money | null {
    return /^[+-]?\d+(\.\d+)?$/.test(text) ? new Money(new D(text)) : null;
  }

  /** An exact value with a finite decimal expansion; throws otherwise (a programming error). */
  static fromFinite(r: Ratio): Money {
    if (!r.isFiniteDecimal()) throw new RangeError(`not a finite decimal: ${r.num}/${r.den}`);
    return new Money(new D(r.num.toString()).div(new D(r.den.toString())));
  }

  static sum(items: Iterable<Money>): Money {
    let acc = Money.ZERO;
    for (const m of items) acc = acc.plus(m);
    return acc;
  }

  plus(o: Money): Money {
    return new Money(this.d.plus(o.d));
  }
  minus(o: Money): Money {
    return new Money(this.d.minus(o.d));
  }
  neg(): Money {
    return new Money(this.d.neg());
  }
  abs(): Money {
    return new Money(this.d.abs());
  }
  sign(): -1 | 0 | 1 {
    return this.d.isZero() ? 0 : this.d.isNeg() ? -1 : 1;
  }
  isZero(): boolean {
    return this.d.isZero();
  }
  cmp(o: Money): -1 | 0 | 1 {
    return this.d.cmp(o.d) as -1 | 0 | 1;
  }
  eq(o: Money): boolean {
    return this.d.eq(o.d);
  }

  /** The exact value as a fraction, for products with shares. */
  toRatio(): Ratio {
    return Ratio.parseDecimal(this.d.toFixed())!;
  }

  /** Exact product with a share: not money until it is rounded. */
  times(r: Ratio): Ratio {
    return this.toRatio().times(r);
  }

  /** Fixed two decimals with `.` (the JSON and machine format). Throws if that would round. */
  toFixed2(): string {
    const s = this.d.toFixed(2);
    if (!new D(s).eq(this.d)) throw new RangeError(`amount ${this.d.toFixed()} has more than two decimals`);
    return s;
  }

  /** All significant decimals, at least two (`0.008` stays `0.008`). */
  toPlain(): string {
    return this.d.decimalPlaces() <= 2 ? this.d.toFixed(2) : this.d.toFixed();
  }
}
