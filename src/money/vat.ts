import { Ratio } from './ratio.js';

/**
 * The Norwegian general VAT rate (merverdiavgiftsloven § 5-1), 25 %: the one
 * place it is written. An amount "including VAT" is divided by 1 + the rate;
 * an invoice in VAT mode adds the rate; every text prints it from here.
 */
export const STANDARD_VAT_RATE: Ratio = Ratio.of(25n, 100n);

/** What an amount including VAT at `rate` is multiplied by to exclude it: 1 / (1 + rate). */
export function vatExcludingFactor(rate: Ratio): Ratio {
  return Ratio.ONE.div(Ratio.ONE.plus(rate));
}

/** The rate as help texts write it: `25` (followed by ` %`). */
export const STANDARD_VAT_PERCENT = STANDARD_VAT_RATE.times(Ratio.of(100n)).toDecimalString(2);
