import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemLine } from '../../src/compute/invoice.js';
import { Money } from '../../src/money/money.js';
import { Ratio } from '../../src/money/ratio.js';
import { roundToUnit } from '../../src/money/rounding.js';
import { printedSharePlaces } from '../../src/render/invoice-lines.js';

/** Just what the share printer reads of a key line. */
function keyLine(share: Ratio, shared: Money, unit = '0.01'): ItemLine {
  const exact = share.times(shared.toRatio());
  const rounding = { unit: Money.parse(unit)!, method: 'half-up' as const };
  return { source: 'item', item: { rounding } as ItemLine['item'], basis: shared, shared, steps: [], method: 'key', share, exact, amount: roundToUnit(exact, rounding.unit) };
}

/** The share as printed with `places` decimals of a percent, times the basis, rounded: what a calculator shows. */
function onCalculator(l: ItemLine, places: number): Money {
  const shown = Ratio.parseDecimal(l.share!.times(Ratio.of(100n)).toDecimalString(places))!.div(Ratio.of(100n));
  return roundToUnit(shown.times(l.shared.toRatio()), l.item.rounding.unit);
}

describe('shares on the printed invoice', () => {
  it('a share printed at 4 decimals that a calculator cannot reproduce gets more', () => {
    // 0.154512345 × 8 345 464.99 = 1 289 477.37 (rounded); at 15.4512 % a calculator gives 1 289 474.49.
    const l = keyLine(Ratio.parseDecimal('0.154512345')!, Money.parse('8345464.99')!);
    expect(onCalculator(l, 4).eq(l.amount)).toBe(false);
    const places = printedSharePlaces(l);
    expect(places).toBeGreaterThan(4);
    expect(onCalculator(l, places).eq(l.amount)).toBe(true);
  });

  it('any share of any basis is printed with the digits that reproduce its amount (fast-check)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), (a, b, units) => {
        const share = Ratio.of(a < b ? a : b, a < b ? b : a);
        const l = keyLine(share, Money.fromUnits(units, 2));
        expect(onCalculator(l, printedSharePlaces(l)).eq(l.amount)).toBe(true);
      }),
    );
  });
});
