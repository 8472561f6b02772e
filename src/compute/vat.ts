import type { Agreement } from '../agreement/model.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { ORE, roundToUnit } from '../money/rounding.js';
import { STANDARD_VAT_RATE } from '../money/vat.js';
import type { VatTerms } from '../reports/invoice.js';

/** The VAT terms of an agreement's documents: category O outside VAT, S at the standard rate. */
export function vatTerms(a: Agreement): VatTerms {
  return a.invoicing.vat === 'standard'
    ? { status: 'standard', category: 'S', rate: STANDARD_VAT_RATE }
    : { status: 'outside-scope', category: 'O', rate: Ratio.ZERO };
}

/** VAT on a document's net, to the øre, halves away from zero (so a credit mirrors a charge). */
export function vatOn(amount: Money, terms: VatTerms): Money {
  return roundToUnit(amount.times(terms.rate), ORE);
}

/**
 * Each line's part of the VAT of their sum, by cumulative rounding: line k
 * takes round(VAT of lines 1..k) − round(VAT of lines 1..k−1). The parts add
 * up to vatOn(Σ amounts) exactly, and each is within one øre of its exact
 * VAT, without a line's VAT being guessed or a remainder put on the last.
 */
export function vatByLine(amounts: readonly Money[], terms: VatTerms): Money[] {
  let sum = Money.ZERO;
  let before = Money.ZERO;
  return amounts.map((a) => {
    sum = sum.plus(a);
    const upTo = vatOn(sum, terms);
    const part = upTo.minus(before);
    before = upTo;
    return part;
  });
}
