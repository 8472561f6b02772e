import type { Id, Party } from './model.js';
import { monthsBetween } from '../dates/date.js';
import { Ratio } from '../money/ratio.js';

/**
 * The part of the agreement year a party was a member: its whole months of
 * membership in that year, over 12. 1 for a party without `joined:` or
 * `left:`; 0 for one that joined after the year or left before it.
 */
export function memberFraction(party: Party, year: number): Ratio {
  const m = party.membership;
  if (!m) return Ratio.ONE;
  const from = m.joined && m.joined > `${year}-01-01` ? m.joined : `${year}-01-01`;
  const to = m.left && m.left < `${year}-12-31` ? m.left : `${year}-12-31`;
  return Ratio.of(BigInt(to < from ? 0 : monthsBetween(from, to)), 12n);
}

/** True when a party among these was a member for only part of the year (`joined:`/`left:`). */
export function partYear(parties: readonly Party[], year: number): boolean {
  return parties.some((p) => !memberFraction(p, year).eq(Ratio.ONE));
}

/** Each value times the party's part of the year; parties that were no member at all drop out. */
export function byMembership(parties: readonly Party[], values: ReadonlyMap<Id, Ratio>, year: number): Map<Id, Ratio> {
  const out = new Map<Id, Ratio>();
  for (const p of parties) {
    const f = memberFraction(p, year);
    const v = values.get(p.id);
    if (!f.isZero() && v) out.set(p.id, v.times(f));
  }
  return out;
}

/** A party's population for the year: its one figure, or the year's of a series; undefined when it has none. */
export function populationIn(party: Party, year: number): Ratio | undefined {
  const pop = party.population;
  return pop?.kind === 'fixed' ? pop.value : pop?.values.get(year);
}
