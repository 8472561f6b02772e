import { Ratio } from '../money/ratio.js';

/** A share as people write it in messages: `99.99 %`, `33.333333 %` (`99,99 %` with a decimal comma). */
export function formatPercent(r: Ratio, mark: '.' | ',' = '.'): string {
  return `${r.times(Ratio.of(100n)).toDecimalString(6).replace('.', mark)} %`;
}

/**
 * A sum or a difference as it is, never rounded into something that looks
 * right: `99.999999999 %`, `0.000000001 %`; a value with no end to its
 * decimals is shown to 12 places and as the fraction it is.
 */
export function exactPercent(r: Ratio, mark: '.' | ',' = '.'): string {
  const pct = r.times(Ratio.of(100n));
  const places = pct.decimalPlaces();
  if (places !== null && places <= 20) return `${pct.toDecimalString(places).replace('.', mark)} %`;
  // Cut, not rounded: 99.9999999999999… % must not read as 100… %.
  const cut = pct
    .abs()
    .times(Ratio.of(10n ** 12n))
    .floor();
  const shown = Ratio.of(pct.sign() < 0 ? -cut : cut, 10n ** 12n);
  return `${shown.toDecimalString(12).replace('.', mark)}… % (${r.num}/${r.den})`;
}
