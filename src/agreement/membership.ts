import type { Party } from './model.js';
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
