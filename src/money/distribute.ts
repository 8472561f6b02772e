import { Money } from './money.js';
import { Ratio } from './ratio.js';
import { roundToUnit, type Rounding } from './rounding.js';

export interface Quota {
  readonly id: string;
  readonly share: Ratio;
}

/** One exact part of a basis: the parts of a basis add up to it exactly. */
export interface Part {
  /** Breaks ties in largest remainder: distinct, and independent of the order parts are given in. */
  readonly id: string;
  readonly exact: Ratio;
}

export interface Rounded {
  /** The rounded amount of each part, in the order the parts were given. */
  readonly amounts: readonly Money[];
  /** basis − Σ amounts: what rounding left unallocated (may be negative). */
  readonly unallocated: Money;
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
 * The one allocation primitive: rounds the exact parts of `basis` under a
 * rounding rule. Every line of every item goes through here — key lines,
 * direct ledger rows, a whole item charged to one party, per-party prices.
 *
 * `half-up`: each part rounded on its own, halves away from zero; what the
 * parts miss is reported as unallocated. `largest-remainder`: the parts add
 * up exactly to the basis rounded to the unit. Each part gets the floor of
 * its exact value in units; the units still missing go one each to the
 * parts with the largest *fractional part* (not the largest part: 99.99
 * split 75/25 gives 74.99/25.00). Ties go to the larger part, then to the id
 * that sorts first — both independent of the order the parts are given in.
 * A negative basis is split as its absolute value and negated, so credits
 * mirror charges.
 */
export function roundParts(basis: Money, parts: readonly Part[], rounding: Rounding): Rounded {
  let amounts: Money[] = [];
  if (rounding.method === 'half-up') {
    amounts = parts.map((p) => roundToUnit(p.exact, rounding.unit));
  } else if (parts.length > 0) {
    const sign = basis.sign() < 0 ? -1n : 1n;
    const unit = rounding.unit.toRatio();
    const target = roundToUnit(basis.toRatio().abs(), rounding.unit).toRatio().div(unit).floor();
    const units = largestRemainder(
      target,
      parts.map((p) => {
        const along = sign < 0n ? p.exact.neg() : p.exact;
        return { id: p.id, weight: along, units: along.div(unit) };
      }),
    );
    amounts = parts.map((p) => rounding.unit.multiple(sign * units.get(p.id)!));
  }
  return { amounts, unallocated: basis.minus(Money.sum(amounts)) };
}

/** Splits `basis` by `quotas` (shares summing to exactly 1): basis × share per id, rounded by {@link roundParts}. */
export function distribute(basis: Money, quotas: readonly Quota[], rounding: Rounding): Distribution {
  const total = quotas.reduce((acc, q) => acc.plus(q.share), Ratio.ZERO);
  if (quotas.length > 0 && !total.eq(Ratio.ONE)) {
    throw new RangeError(`internal: shares sum to ${total.toDecimalString()}, not 1`);
  }
  const exact = new Map(quotas.map((q) => [q.id, basis.times(q.share)] as const));
  const rounded = roundParts(
    basis,
    [...exact].map(([id, e]) => ({ id, exact: e })),
    rounding,
  );
  return { amounts: new Map(quotas.map((q, i) => [q.id, rounded.amounts[i]!])), exact, unallocated: rounded.unallocated };
}

/**
 * Whole units per id that add up to exactly `target`: each id gets the floor
 * of its exact `units`, and the units still missing go one each to the ids
 * with the largest fractional part; ties to the larger `weight`, then to the
 * id that sorts first — independent of the order the ids are given in.
 */
export function largestRemainder(
  target: bigint,
  quotas: readonly { readonly id: string; readonly weight: Ratio; readonly units: Ratio }[],
): Map<string, bigint> {
  const lines = quotas.map((q) => {
    const floor = q.units.floor();
    return { q, floor, frac: q.units.minus(Ratio.of(floor)) };
  });
  let missing = target - lines.reduce((acc, l) => acc + l.floor, 0n);
  const byRemainder = [...lines].sort((a, b) => b.frac.cmp(a.frac) || b.q.weight.cmp(a.q.weight) || (a.q.id < b.q.id ? -1 : a.q.id > b.q.id ? 1 : 0));
  const bonus = new Set<string>();
  for (const l of byRemainder) {
    if (missing <= 0n) break;
    bonus.add(l.q.id);
    missing -= 1n;
  }
  return new Map(lines.map((l) => [l.q.id, l.floor + (bonus.has(l.q.id) ? 1n : 0n)]));
}
