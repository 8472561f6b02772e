import { describe, expect, it } from 'vitest';
import { mod10 } from '../../src/norway/check-digits.js';
import { formatAccountNumber, isValidAccountNumber } from '../../src/norway/account.js';
import { invoiceKid, isValidMod10Kid } from '../../src/norway/kid.js';
import { isValidOrgNumber } from '../../src/norway/orgnr.js';

/** Numbers published by their owners, not made by our code. */
describe('organisasjonsnummer (MOD11)', () => {
  it('accepts real, published org numbers', () => {
    for (const n of ['974760673' /* Brønnøysundregistrene */, '981276957' /* DNB ASA */, '923609016' /* Equinor ASA */]) expect(isValidOrgNumber(n)).toBe(true);
  });
  it('rejects a wrong check digit, a wrong length and a remainder that gives 10', () => {
    expect(isValidOrgNumber('974760674')).toBe(false);
    expect(isValidOrgNumber('97476067')).toBe(false);
    expect(isValidOrgNumber('97476067a')).toBe(false);
    // 96400000x: the weighted sum leaves remainder 1, so no check digit exists.
    for (let d = 0; d <= 9; d++) expect(isValidOrgNumber(`96400000${d}`)).toBe(false);
  });
});

describe('kontonummer (MOD11)', () => {
  it("accepts the banks' common example account", () => {
    expect(isValidAccountNumber('86011117947')).toBe(true);
    expect(formatAccountNumber('86011117947')).toBe('8601.11.17947');
  });
  it('rejects a changed digit', () => {
    expect(isValidAccountNumber('86011117948')).toBe(false);
    expect(isValidAccountNumber('86011117')).toBe(false);
  });
});

describe('KID (MOD10, Luhn)', () => {
  it('agrees with the standard Luhn test numbers', () => {
    for (const n of ['79927398713', '4111111111111111', '49927398716', '0000000000']) expect(isValidMod10Kid(n)).toBe(true);
    expect(isValidMod10Kid('79927398710')).toBe(false);
    expect(mod10('7992739871')).toBe(3);
  });
  it('an invoice KID is the invoice number and its check digit, and valid', () => {
    // By hand, Luhn from the right: 3·2 + 0 + 1·2 + 1 + 2·2 + 0 + 2·2 = 17 → check digit 3.
    const kid = invoiceKid(2021103n);
    expect(kid).toBe('20211033');
    expect(isValidMod10Kid(kid)).toBe(true);
    expect(invoiceKid(2021104n)).not.toBe(kid);
  });
  it('every single-digit error changes the check digit', () => {
    const kid = invoiceKid(9747606731n);
    for (let i = 0; i < kid.length - 1; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === kid[i]) continue;
        expect(isValidMod10Kid(kid.slice(0, i) + d + kid.slice(i + 1))).toBe(false);
      }
    }
  });
});
