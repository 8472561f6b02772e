import { Money } from './money.js';
import { Ratio } from './ratio.js';
import { roundToUnit, type Rounding } from './rounding.js';

export interface Quota {
  readonly id: string;
  readonly share: Ratio;
}

export interface Distribution {
  /** Rounded amount per id, in the order the quotas were given. */
  readonly amounts: ReadonlyMap<string, Money>;
  /** basis × share before rounding, per id. */
  readonly exact: ReadonlyMap<string, Ratio>;
  /** basis − Σ amounts: what rounding left unallocated (may be negative). */
  readonly unallocated: Money;
}

/**
 * The one allocation primitive: splits `basis` by `quotas` (shares summing to
 * exactly 1) under a rounding rule. Every key and item goes through here.
 *
 * Largest remainder: each line gets the floor of its exact quota in units;
 * the units still missing go one each to the lines with the largest
 * *fractional part* (not the largest share: 99.99 split 75/25 gives
 * 74.99/25.00). Ties go to the larger share, then to the id that sorts
 * first — both independent of the order the parties are listed in.
 * A negative basis is split as its absolute value and negated, so credits
 * mirror charges.
 */
export function distribute(basis: Money, quotas: readonly Quota[], rounding: Rounding): Distribution {
  const total = quotas.reduce((acc, q) => acc.plus(q.share), Ratio.ZERO);
  if (quotas.length > 0 && !total.eq(Ratio.ONE)) {
    throw new RangeError(`shares sum to ${total.toDecimalString()}, not 1`);
  }
  const exact = new Map(quotas.map((q) => [q.id, basis.times(q.share)] as const));
  const amounts = new Map<string, Money>();

  if (rounding.method === 'half-up') {
    for (const q of quotas) amounts.set(q.id, roundToUnit(exact.get(q.id)!, rounding.unit));
  } else if (quotas.length > 0) {
    const sign = basis.sign() < 0 ? -1n : 1n;
    const unit = rounding.unit.toRatio();
    const target = roundToUnit(basis.toRatio().abs(), rounding.unit).toRatio().div(unit).floor();
    const units = largestRemainder(
      target,
      quotas.map((q) => ({ ...q, units: exact.get(q.id)!.abs().div(unit) })),
    );
    for (const q of quotas) amounts.set(q.id, rounding.unit.multiple(sign * units.get(q.id)!));
  }
  const unallocated = basis.minus(Money.sum(amounts.values()));
  return { amounts, exact, unallocated };
}

/**
 * Whole units per id that add up to exactly `target`: each id gets the floor
 * of its exact `units`, and the units still missing go one each to the ids
 * with the largest fractional part; ties to the larger share, then to the id
 * that sorts first — independent of the order the ids are given in.
 */
export function largestRemainder(target: bigint, quotas: readonly (Quota & { readonly units: Ratio })[]): Map<string, bigint> {
  const lines = quotas.map((q) => {
    const floor = q.units.floor();
    return { q, floor, frac: q.units.minus(Ratio.of(floor)) };
  });
  let missing = target - lines.reduce((acc, l) => acc + l.floor, 0n);
  const byRemainder = [...lines].sort((a, b) => b.frac.cmp(a.frac) || b.q.share.cmp(a.q.share) || (a.q.id < b.q.id ? -1 : a.q.id > b.q.id ? 1 : 0));
  const bonus = new Set<string>();
  for (const l of byRemainder) {
    if (missing <= 0n) break;
    bonus.add(l.q.id);
    missing -= 1n;
  }
  return new Map(lines.map((l) => [l.q.id, l.floor + (bonus.has(l.q.id) ? 1n : 0n)]));
}
