import { mod11 } from './check-digits.js';

/**
 * Norwegian organisation numbers: 9 digits, the last a MOD11 check digit with
 * weights 3 2 7 6 5 4 3 2 (Brønnøysundregistrene).
 */
export function isValidOrgNumber(s: string): boolean {
  return /^\d{9}$/.test(s) && mod11(s.slice(0, 8), [3, 2, 7, 6, 5, 4, 3, 2]) === Number(s[8]);
}
