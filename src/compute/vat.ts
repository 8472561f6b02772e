import type { Agreement } from '../agreement/model.js';
import type { Money } from '../money/money.js';
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
