import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValuePattern } from '../src/agreement/model.js';
import { patternMatches } from '../src/compute/select.js';

/**
 * A range of integers compares short integers as numbers (compute/select.ts):
 * the same answers as comparing every integer as a BigInt, for integers of
 * any length around the 15 digits where the two ways meet, signs and leading
 * zeros among them, and for values that are not integers.
 */
const digits = fc.oneof(
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc
    .tuple(fc.constantFrom('', '+', '-'), fc.nat(3), fc.array(fc.constantFrom('0', '1', '5', '9'), { minLength: 1, maxLength: 18 }))
    .map(([sign, zeros, ds]) => `${sign}${'0'.repeat(zeros)}${ds.join('')}`),
  // Next to where numbers stop being exact (2^53), and to 15 and 16 digits: values one apart, which a number would take as one.
  fc
    .tuple(fc.constantFrom(2n ** 53n, 10n ** 15n, 10n ** 16n, 10n ** 17n), fc.integer({ min: -3, max: 3 }), fc.boolean())
    .map(([at, d, negative]) => String((negative ? -1n : 1n) * (at + BigInt(d)))),
  fc.constantFrom('999999999999999', '1000000000000000', '-999999999999999', '+000000000000001', '9007199254740993', '-0', '+0'),
);
const value = fc.oneof(digits, fc.constantFrom('', '4000a', ' 4000', '40.0', 'abc', '4e3'));
const at = { file: 'a.yaml', line: 1, col: 1 };

describe('a range of integers compares as BigInt compares (fast-check)', () => {
  it('the same answer for every value', () => {
    fc.assert(
      fc.property(digits, digits, value, (a, b, v) => {
        const [from, to] = BigInt(a) <= BigInt(b) ? [a, b] : [b, a];
        const p: ValuePattern = { kind: 'range', from, to, integers: true, at };
        const expected = /^[+-]?\d+$/.test(v) && BigInt(from) <= BigInt(v) && BigInt(v) <= BigInt(to);
        expect(patternMatches(p, v)).toBe(expected);
      }),
      { numRuns: 10_000 },
    );
  });
});
