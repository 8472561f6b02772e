import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanAmount } from '../src/inputs/amount.js';
import { scaledText, subtract } from '../src/inputs/decimal.js';
import { plainSaftAmount } from '../src/inputs/saft-amount.js';

/** The plain path: the side's amount scanned, checked unsigned, negated for a credit, written back as text. */
function reference(text: string, debit: boolean): string | null {
  const a = scanAmount(text, { decimal: '.', declared: true });
  if ('error' in a || a.units < 0n) return null;
  return scaledText(debit ? a : subtract({ units: 0n, scale: 0 }, a), '.');
}

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
// What exports write: `179057.25`, `0.00`, `12`, and near misses the plain path must leave to the scanner.
const plain = fc
  .tuple(
    fc.oneof(
      fc.constant('0'),
      fc.tuple(fc.constantFrom(...'123456789'), digits(0, 20)).map(([a, b]) => a + b),
    ),
    fc.option(digits(1, 4)),
  )
  .map(([int, frac]) => (frac === null ? int : `${int}.${frac}`));
const nearMiss = fc.oneof(
  fc.tuple(digits(0, 6), fc.constantFrom('', '.', ','), digits(0, 4)).map(([a, m, b]) => a + m + b),
  fc.tuple(fc.constantFrom('-', '+', ' ', '00', '.', '1 ', '1e', 'NOK '), plain).map(([p, t]) => p + t),
  fc.tuple(plain, fc.constantFrom('.', ' ', '-', 'e2', ',00', '\u00a0')).map(([t, s]) => t + s),
  fc.string({ maxLength: 10 }),
);

describe('plainSaftAmount: the row text of a SAF-T amount without scanning it', () => {
  it('is, wherever it answers, what scanning, negating and writing the amount gives', () => {
    fc.assert(
      fc.property(fc.oneof(plain, nearMiss), fc.boolean(), (text, debit) => {
        const fast = plainSaftAmount(text, debit);
        if (fast !== null) expect(fast).toBe(reference(text, debit));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers for every amount written plainly, debit and credit, zero included', () => {
    fc.assert(
      fc.property(plain, fc.boolean(), (text, debit) => {
        expect(plainSaftAmount(text, debit)).toBe(reference(text, debit));
      }),
      { numRuns: 1000 },
    );
    expect(plainSaftAmount('0.00', false)).toBe('0.00');
    expect(plainSaftAmount('0.10', false)).toBe('-0.10');
  });
});
