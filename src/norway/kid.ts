import { mod10 } from './check-digits.js';

/**
 * The KID (payment reference) on an invoice: the invoice number and a MOD10
 * check digit. Invoice numbers are unique in the host's series, so every
 * invoice has its own KID and a payment is matched to the invoice it pays.
 */
export function invoiceKid(invoiceNumber: bigint): string {
  const body = invoiceNumber.toString();
  return body + mod10(body);
}

/** A KID is valid when its last digit is the MOD10 check digit of the rest. */
export function isValidMod10Kid(kid: string): boolean {
  return /^\d{2,25}$/.test(kid) && mod10(kid.slice(0, -1)) === Number(kid.slice(-1));
}
