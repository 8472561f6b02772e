import type { Id, Item, Price, PricePeriod, Tier } from '../agreement/model.js';
import { addDays, daysBetween, monthsBetween } from '../dates/date.js';
import { Ratio } from '../money/ratio.js';
import type { BilledPeriod } from '../reports/allocation.js';
import { priceOf } from './price.js';

/** A party's price over the year: each period it was billed for, and their sum, exactly. */
export type Billing =
  | { readonly periods: readonly BilledPeriod[]; readonly exact: Ratio }
  /** Billed for the whole year at one price: the plain price, and every output is as without periods. */
  | { readonly plain: Price }
  | { readonly aboveLastStep: Tier };

/**
 * What a party pays for its own quantity under `periods:` and `connected:`:
 * each price period cut to the party's connection, priced for the whole
 * year and multiplied by the part of the year it covers — whole months of
 * 12 (as membership counts), or days of the year's days under `prorate:
 * days`. Null for an item with neither.
 */
export function billing(item: Item, price: Price, year: number, party: Id, q: Ratio): Billing | null {
  if (!item.dated && !item.connected) return null;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const dated: readonly Pick<PricePeriod, 'from' | 'to' | 'unit' | 'tiers'>[] = item.dated ?? [{ from: start }];
  const c = item.connected?.get(party);
  const by = item.prorate?.by ?? 'months';
  const periods: BilledPeriod[] = [];
  const prices: Price[] = [];
  let exact = Ratio.ZERO;
  for (const [i, p] of dated.entries()) {
    const next = dated[i + 1];
    const until = p.to ?? (next ? addDays(next.from, -1) : end);
    const from = c?.from && c.from > p.from ? c.from : p.from;
    const to = c?.to && c.to < until ? c.to : until;
    if (to < from) continue;
    const own = periodPrice(price, p);
    const r = priceOf(own, q);
    if ('aboveLastStep' in r) return r;
    const count = by === 'months' ? monthsBetween(from, to) : daysBetween(from, to);
    const of = by === 'months' ? 12 : daysBetween(start, end);
    const part = Ratio.of(BigInt(count), BigInt(of));
    const amount = r.amount.toRatio().times(part);
    periods.push({ from, to, count, of, by, price: r.detail, yearly: r.amount, exact: amount });
    prices.push(own);
    exact = exact.plus(amount);
  }
  if (periods.length === 1 && periods[0]!.count === periods[0]!.of) return { plain: prices[0]! };
  return { periods, exact };
}

/** The price in a period: the price as written, with the period's own unit price or steps when it gives them. */
function periodPrice(price: Price, p: Pick<PricePeriod, 'unit' | 'tiers'>): Price {
  if (price.kind === 'unit') return p.unit ? { ...price, unit: p.unit } : price;
  return p.tiers ? { ...price, tiers: p.tiers } : price;
}
