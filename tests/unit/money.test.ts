import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distribute } from '../../src/money/distribute.js';
import { Money } from '../../src/money/money.js';
import { Ratio } from '../../src/money/ratio.js';
import { roundToUnit } from '../../src/money/rounding.js';

const m = (s: string) => Money.parse(s)!;
const r = (s: string) => Ratio.parse(s)!;
const ORE = m('0.01');
const KRONE = m('1');
const amounts = (d: ReturnType<typeof distribute>) => Object.fromEntries([...d.amounts].map(([k, v]) => [k, v.toFixed2()]));

describe('Ratio', () => {
  it('reads percentages, fractions and decimals exactly', () => {
    expect(r('45.87%').eq(Ratio.of(4587n, 10000n))).toBe(true);
    expect(r('1/3').eq(Ratio.of(1n, 3n))).toBe(true);
    expect(r('0.25').eq(Ratio.of(1n, 4n))).toBe(true);
    expect(r('-12').eq(Ratio.of(-12n))).toBe(true);
  });
  it('rejects what is not a number', () => {
    for (const bad of ['', 'abc', '1e3', '1,5', '1/0', '%', '45.87 %%']) expect(Ratio.parse(bad)).toBeNull();
  });
  it('prints exact decimals, or 12 places when the decimal does not end', () => {
    expect(r('45.87%').toDecimalString()).toBe('0.4587');
    expect(r('1/3').toDecimalString()).toBe('0.333333333333');
    expect(r('2/3').toDecimalString()).toBe('0.666666666667');
    expect(r('1').toDecimalString()).toBe('1');
    expect(r('-1/8').toDecimalString()).toBe('-0.125');
  });
  it('floors and rounds halves away from zero', () => {
    expect(r('-1.5').floor()).toBe(-2n);
    expect(r('2.5').roundHalfAwayFromZero()).toBe(3n);
    expect(r('-2.5').roundHalfAwayFromZero()).toBe(-3n);
    expect(r('2.4999').roundHalfAwayFromZero()).toBe(2n);
  });
});

describe('Money', () => {
  it('is built from text only and keeps every digit', () => {
    expect(m('12345678901234567890.12').plus(m('0.01')).toFixed2()).toBe('12345678901234567890.13');
    expect(Money.parse('1 000')).toBeNull();
    expect(Money.parse('1e5')).toBeNull();
  });
  it('does not pretend an amount with more decimals has two', () => {
    expect(() => m('0.005').toFixed2()).toThrow();
    expect(m('0.005').toPlain()).toBe('0.005');
  });
  it('rounds to a unit, halves away from zero', () => {
    expect(roundToUnit(r('888861.034578'), ORE).toFixed2()).toBe('888861.03');
    expect(roundToUnit(r('367580.8'), KRONE).toFixed2()).toBe('367581.00');
    expect(roundToUnit(r('-0.005'), ORE).toFixed2()).toBe('-0.01');
  });
});

describe('distribute', () => {
  const ror = ['molde:45.87%', 'vestnes:12.39%', 'rauma:12.35%', 'aukra:8.37%', 'hustadvika:21.02%'].map((s) => {
    const [id, share] = s.split(':') as [string, string];
    return { id, share: r(share) };
  });
  it('half-up rounds each line and reports the remainder (DOMAIN §1)', () => {
    const d = distribute(m('1937782.94'), ror, { unit: ORE, method: 'half-up' });
    expect(amounts(d)).toEqual({ molde: '888861.03', vestnes: '240091.31', rauma: '239316.19', aukra: '162192.43', hustadvika: '407321.97' });
    expect(d.unallocated.toFixed2()).toBe('0.01');
  });
  it('largest remainder gives the missing øre to the largest fractional part (Molde)', () => {
    const d = distribute(m('1937782.94'), ror, { unit: ORE, method: 'largest-remainder' });
    expect(amounts(d).molde).toBe('888861.04');
    expect(d.unallocated.toFixed2()).toBe('0.00');
  });
  it('99.99 split 75/25 gives 74.99/25.00 — the fractional part decides, not the share', () => {
    const d = distribute(
      m('99.99'),
      [
        { id: 'a', share: r('75%') },
        { id: 'b', share: r('25%') },
      ],
      { unit: ORE, method: 'largest-remainder' },
    );
    expect(amounts(d)).toEqual({ a: '74.99', b: '25.00' });
  });
  it('breaks equal fractional parts by larger share, then by id', () => {
    const thirds = ['c', 'a', 'b'].map((id) => ({ id, share: r('1/3') }));
    expect(amounts(distribute(m('1.00'), thirds, { unit: ORE, method: 'largest-remainder' }))).toEqual({ c: '0.33', a: '0.34', b: '0.33' });
    const d = distribute(
      m('0.01'),
      [
        { id: 'z', share: r('1/2') },
        { id: 'a', share: r('1/2') },
      ],
      { unit: ORE, method: 'largest-remainder' },
    );
    expect(amounts(d)).toEqual({ z: '0.00', a: '0.01' });
  });
  it('mirrors a credit: a negative basis gives the negated split', () => {
    const pos = distribute(
      m('100.00'),
      [
        { id: 'a', share: r('1/3') },
        { id: 'b', share: r('2/3') },
      ],
      { unit: ORE, method: 'largest-remainder' },
    );
    const neg = distribute(
      m('-100.00'),
      [
        { id: 'a', share: r('1/3') },
        { id: 'b', share: r('2/3') },
      ],
      { unit: ORE, method: 'largest-remainder' },
    );
    expect(amounts(neg)).toEqual({ a: '-33.33', b: '-66.67' });
    expect(amounts(pos)).toEqual({ a: '33.33', b: '66.67' });
  });
  it('in whole kroner, distributes the basis rounded to the unit and reports the øre left', () => {
    const d = distribute(
      m('100.40'),
      [
        { id: 'a', share: r('1/2') },
        { id: 'b', share: r('1/2') },
      ],
      { unit: KRONE, method: 'largest-remainder' },
    );
    expect(amounts(d)).toEqual({ a: '50.00', b: '50.00' });
    expect(d.unallocated.toFixed2()).toBe('0.40');
  });
  it('refuses shares that do not sum to 1', () => {
    expect(() => distribute(m('1'), [{ id: 'a', share: r('0.5') }], { unit: ORE, method: 'half-up' })).toThrow();
  });
});

describe('Money (integer units at a decimal scale)', () => {
  it('is equal whatever the scale it was written at', () => {
    expect(m('12.50').eq(m('12.5'))).toBe(true);
    expect(m('-0.00').eq(Money.ZERO)).toBe(true);
    expect(m('-0.00').toFixed2()).toBe('0.00');
    expect(m('0.008').toPlain()).toBe('0.008');
    expect(m('-1937782.9').toFixed2()).toBe('-1937782.90');
    expect(m('1.005').cmp(m('1.01'))).toBe(-1);
    expect(() => m('1.005').toFixed2()).toThrow(/more than two decimals/);
  });
  it('adds, subtracts and compares exactly, at any scale (checked against Ratio)', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
      .map(([u, s]) => Money.fromFinite(Ratio.of(u, 10n ** BigInt(s))));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 12 }), amount, (xs, y) => {
        const sum = Money.sum(xs);
        expect(sum.toRatio().eq(xs.reduce((acc, x) => acc.plus(x.toRatio()), Ratio.ZERO))).toBe(true);
        expect(sum.plus(y).minus(y).eq(sum)).toBe(true);
        expect(sum.cmp(y)).toBe(sum.toRatio().cmp(y.toRatio()));
        expect(Money.parse(sum.toPlain())!.eq(sum)).toBe(true);
      }),
    );
  });
});

describe('Ratio products cancel crosswise (issue 25: a 1 023-year index series)', () => {
  const ratio = fc.tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 30n })).map(([n, d]) => Ratio.of(n, d));
  it('times and div equal the product reduced once, num and den unchanged by a second reduction', () => {
    fc.assert(
      fc.property(ratio, ratio, (a, b) => {
        const product = a.times(b);
        const once = Ratio.of(a.num * b.num, a.den * b.den);
        expect([product.num, product.den]).toEqual([once.num, once.den]);
        if (!b.isZero()) {
          const quotient = a.div(b);
          const q = Ratio.of(a.num * b.den, a.den * b.num);
          expect([quotient.num, quotient.den]).toEqual([q.num, q.den]);
        }
      }),
    );
  });
  it('a thousand changes of twelve digits multiply in a moment, exactly', { timeout: 20_000 }, () => {
    // Each product's gcd ran on two long numbers: 1 023 such years took 45 s of CPU.
    let factor = Ratio.ONE;
    let num = 1n;
    let den = 1n;
    for (let y = 0; y < 1_023; y++) {
      const change = Ratio.parse(`3.${String(100_000_007 + y * 7_919).slice(0, 9)}%`)!;
      factor = factor.times(Ratio.ONE.plus(change));
      num *= Ratio.ONE.plus(change).num;
      den *= Ratio.ONE.plus(change).den;
    }
    expect(factor.times(Ratio.of(den)).div(Ratio.of(num)).eq(Ratio.ONE)).toBe(true);
  });
});
