import type { Price, Tier } from '../agreement/model.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';

export type PriceResult = { readonly amount: Money; readonly text: string } | { readonly aboveLastStep: Tier };

/**
 * The price of a quantity for the whole period. Quantities and prices are
 * finite decimals, so the result is exact and needs no rounding.
 */
export function priceOf(price: Price, q: Ratio): PriceResult {
  const periods = price.periods;
  const per = periods.eq(Ratio.ONE) ? '' : ` × ${periods.toDecimalString()} months`;
  if (price.kind === 'unit') {
    const amount = Money.fromFinite(price.unit.toRatio().times(q).times(periods));
    return { amount, text: `${q.toDecimalString()} × ${price.unit.toPlain()}${per}` };
  }
  const tiers = price.tiers;
  const index = tiers.findIndex((t) => t.upTo === null || q.cmp(t.upTo) <= 0);
  if (index < 0) return { aboveLastStep: tiers[tiers.length - 1]! };
  const tier = tiers[index]!;
  const bound = tier.upTo === null ? 'open last step' : `step up to ${tier.upTo.toDecimalString()}`;
  switch (price.mode) {
    case 'step':
      return { amount: Money.fromFinite(tier.price.toRatio().times(periods)), text: `${q.toDecimalString()} falls in the ${bound}: ${tier.price.toPlain()}${per}` };
    case 'volume':
      return { amount: Money.fromFinite(tier.price.toRatio().times(q).times(periods)), text: `${q.toDecimalString()} falls in the ${bound}: ${q.toDecimalString()} × ${tier.price.toPlain()}${per}` };
    case 'graduated': {
      let total = Ratio.ZERO;
      let below = Ratio.ZERO;
      const parts: string[] = [];
      for (const t of tiers.slice(0, index + 1)) {
        const top = t.upTo === null || q.cmp(t.upTo) < 0 ? q : t.upTo;
        const units = top.minus(below);
        if (units.sign() > 0) {
          total = total.plus(units.times(t.price.toRatio()));
          parts.push(`${units.toDecimalString()} × ${t.price.toPlain()}`);
        }
        below = top;
      }
      return { amount: Money.fromFinite(total.times(periods)), text: `graduated: ${parts.join(' + ') || '0'}${per}` };
    }
  }
}
