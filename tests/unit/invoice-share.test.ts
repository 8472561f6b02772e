import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemLine } from '../../src/reports/invoice.js';
import { Money } from '../../src/money/money.js';
import { Ratio } from '../../src/money/ratio.js';
import { roundToUnit } from '../../src/money/rounding.js';
import { printedShare } from '../../src/render/invoice-lines.js';

/** Just what the share printer reads of a key line. */
function keyLine(share: Ratio, shared: Money, unit = '0.01'): ItemLine {
  const exact = share.times(shared.toRatio());
  const rounding = { unit: Money.parse(unit)!, method: 'half-up' as const };
  return {
    source: 'item',
    item: { rounding } as ItemLine['item'],
    basis: shared,
    shared,
    steps: [],
    method: 'key',
    share,
    exact,
    amount: roundToUnit(exact, rounding.unit),
  };
}

/** A percentage as printed, times the basis, rounded: what a calculator shows. */
function onCalculator(l: ItemLine, percent: Ratio): Money {
  return roundToUnit(percent.div(Ratio.of(100n)).times(l.shared.toRatio()), l.item.rounding.unit);
}

/** The share at `places` decimals of a percent, as 4-decimal printing used to show it. */
const rounded = (l: ItemLine, places: number) => Ratio.parseDecimal(l.share!.times(Ratio.of(100n)).toDecimalString(places))!;

describe('shares on the printed invoice', () => {
  it('a share printed at 4 decimals that a calculator cannot reproduce gets more', () => {
    // 0.154512345 × 8 345 464.99 = 1 289 477.37 (rounded); at 15.4512 % a calculator gives 1 289 474.49.
    const l = keyLine(Ratio.parseDecimal('0.154512345')!, Money.parse('8345464.99')!);
    expect(onCalculator(l, rounded(l, 4)).eq(l.amount)).toBe(false);
    const printed = printedShare(l);
    expect(printed.places).toBeGreaterThan(4);
    expect(onCalculator(l, printed.percent).eq(l.amount)).toBe(true);
    // What is printed is a decimal within the printed places of the share itself.
    expect(
      printed.percent
        .minus(l.share!.times(Ratio.of(100n)))
        .abs()
        .cmp(Ratio.of(1n, 10n ** BigInt(printed.places))),
    ).toBe(-1);
  });

  it('a product on a half øre is reproduced by a printed share on the right side of the exact one', () => {
    // 1/750 × 3.75 = 0.005 exactly, which rounds (half away from zero) to 0.01; the share is 0.1333… %,
    // and every nearest decimal of it (0.13, 0.133, …) lies below, giving a product under 0.005 → 0.00.
    const l = keyLine(Ratio.of(1n, 750n), Money.parse('3.75')!);
    expect(l.amount.toFixed2()).toBe('0.01');
    for (let places = 2; places <= 24; places++) expect(onCalculator(l, rounded(l, places)).toFixed2()).toBe('0.00');
    expect(onCalculator(l, printedShare(l).percent).eq(l.amount)).toBe(true);
  });

  it('any share of any basis is printed with the digits that reproduce its amount (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        (a, b, units) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const share = Ratio.of(lo, hi);
          const l = keyLine(share, Money.fromUnits(units, 2));
          const printed = printedShare(l);
          expect(printed.places).toBeLessThan(24);
          expect(onCalculator(l, printed.percent).eq(l.amount)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
