import type { Price, Tier } from '../agreement/model.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import type { PriceDetail } from '../reports/allocation.js';

export type PriceResult = { readonly amount: Money; readonly detail: PriceDetail } | { readonly aboveLastStep: Tier };

/**
 * The price of a quantity for the whole period. Quantities and prices are
 * finite decimals, so the result is exact and needs no rounding.
 */
export function priceOf(price: Price, q: Ratio): PriceResult {
  const periods = price.periods;
  if (price.kind === 'unit') {
    const amount = Money.fromFinite(price.unit.toRatio().times(q).times(periods));
    return { amount, detail: { kind: 'unit', quantity: q, unit: price.unit, periods } };
  }
  const tiers = price.tiers;
  const index = tiers.findIndex((t) => t.upTo === null || q.cmp(t.upTo) <= 0);
  if (index < 0) return { aboveLastStep: tiers[tiers.length - 1]! };
  const tier = tiers[index]!;
  switch (price.mode) {
    case 'step':
      return {
        amount: Money.fromFinite(tier.price.toRatio().times(periods)),
        detail: { kind: 'step', quantity: q, upTo: tier.upTo, price: tier.price, periods },
      };
    case 'volume':
      return {
        amount: Money.fromFinite(tier.price.toRatio().times(q).times(periods)),
        detail: { kind: 'volume', quantity: q, upTo: tier.upTo, price: tier.price, periods },
      };
    case 'graduated': {
      let total = Ratio.ZERO;
      let below = Ratio.ZERO;
      const bands: { units: Ratio; price: Money }[] = [];
      for (const t of tiers.slice(0, index + 1)) {
        const top = t.upTo === null || q.cmp(t.upTo) < 0 ? q : t.upTo;
        const units = top.minus(below);
        if (units.sign() > 0) {
          total = total.plus(units.times(t.price.toRatio()));
          bands.push({ units, price: t.price });
        }
        below = top;
      }
      return { amount: Money.fromFinite(total.times(periods)), detail: { kind: 'graduated', bands, periods } };
    }
  }
}
