import { mod10 } from './check-digits.js';

/**
 * The KID (payment reference) on a settlement invoice: the year, the paying
 * party's organisation number and a MOD10 check digit — 14 digits. Built
 * from the org number rather than the party's position, so reordering the
 * parties in the agreement never changes a KID already sent out.
 */
export function settlementKid(year: number, org: string): string {
  const body = `${year}${org}`;
  return body + mod10(body);
}

/** A KID is valid when its last digit is the MOD10 check digit of the rest. */
export function isValidMod10Kid(kid: string): boolean {
  return /^\d{2,25}$/.test(kid) && mod10(kid.slice(0, -1)) === Number(kid.slice(-1));
}
