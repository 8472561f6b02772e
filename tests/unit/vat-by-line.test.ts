import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatByLine, vatOn, vatTerms } from '../../src/compute/vat.js';
import { Money } from '../../src/money/money.js';
import { Ratio } from '../../src/money/ratio.js';
import type { Agreement } from '../../src/agreement/model.js';

const standard = vatTerms({ invoicing: { vat: 'standard' } } as Agreement);
const outside = vatTerms({ invoicing: { vat: 'outside-scope' } } as Agreement);
const ore = (n: bigint) => Money.fromUnits(n, 2);
/** Lines of a document in øre, deductions (negative) included, as the final invoice has them. */
const lines = fc.array(fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }), { minLength: 1, maxLength: 12 });

describe('VAT per line of the invoice basis', () => {
  it("adds up to the document's VAT exactly, each line within one øre of its exact VAT", () => {
    fc.assert(
      fc.property(lines, (units) => {
        const amounts = units.map(ore);
        const parts = vatByLine(amounts, standard);
        expect(Money.sum(parts).eq(vatOn(Money.sum(amounts), standard))).toBe(true);
        parts.forEach((p, i) => {
          const off = p.toRatio().minus(amounts[i]!.times(standard.rate));
          expect(off.abs().cmp(Ratio.parseDecimal('0.01')!) <= 0, `line ${i}: ${p.toFixed2()}`).toBe(true);
        });
      }),
    );
  });

  it('is zero on every line outside the VAT act', () => {
    fc.assert(
      fc.property(lines, (units) => {
        expect(vatByLine(units.map(ore), outside).every((p) => p.isZero())).toBe(true);
      }),
    );
  });

  it('mirrors under negation, as a credit note mirrors the invoice it reverses', () => {
    fc.assert(
      fc.property(lines, (units) => {
        const pos = vatByLine(units.map(ore), standard);
        const neg = vatByLine(
          units.map((u) => ore(-u)),
          standard,
        );
        expect(neg.map((m) => m.toFixed2())).toEqual(pos.map((m) => m.neg().toFixed2()));
      }),
    );
  });
});
