import { mod11 } from './check-digits.js';

/**
 * Norwegian bank account numbers (kontonummer): 11 digits, the last a MOD11
 * check digit with weights 5 4 3 2 7 6 5 4 3 2.
 */
export function isValidAccountNumber(s: string): boolean {
  return /^\d{11}$/.test(s) && mod11(s.slice(0, 10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === Number(s[10]);
}

/** `1234.56.78903`, as account numbers are printed on Norwegian invoices. */
export function formatAccountNumber(s: string): string {
  return `${s.slice(0, 4)}.${s.slice(4, 6)}.${s.slice(6)}`;
}
