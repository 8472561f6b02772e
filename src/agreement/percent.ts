import { Ratio } from '../money/ratio.js';
import { type Said, said } from '../text/said.js';

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

/** A rate as written: a value, or a bare number that could be read two ways. */
export type RateReading = { readonly kind: 'rate'; readonly value: Ratio } | { readonly kind: 'bare'; readonly text: string; readonly asWritten: Ratio };

/**
 * Reads a share, weight or rate: `45.87%` (`45.87 %`), an exact fraction
 * `1/3`, or a decimal below one, `0.4587`. A bare number of one or more
 * (`5`, `3.9`, `-2`) is the typo of a percentage written without `%` far
 * more often than a rate of 500 %, so it is not read either way: it comes
 * back as `bare`, for an error naming both readings. `decimalComma` takes
 * `3,0%` as the command line is typed in Norway (an agreement's YAML
 * writes decimal points). Null when the text is no number at all.
 */
export function readRate(text: string, decimalComma = false): RateReading | null {
  const t = decimalComma ? text.trim().replace(/^([+-]?\d+),(\d+)(\s*%)?$/, '$1.$2$3') : text.trim();
  const value = Ratio.parse(t);
  if (value === null) return null;
  if (Ratio.parseDecimal(t) !== null && value.abs().cmp(Ratio.ONE) >= 0) return { kind: 'bare', text: t, asWritten: value };
  return { kind: 'rate', value };
}

/**
 * The two readings of a bare number where a rate belongs, and how to write
 * each; `as` writes a value the way the user gives it (`--assume deflator=3%`).
 */
export function bareRate(
  bare: Extract<RateReading, { kind: 'bare' }>,
  what: Said,
  as: (value: string) => string = (v) => v,
): { readonly message: Said; readonly hint: Said } {
  const percent = Ratio.parse(`${bare.text}%`)!;
  const nb = (r: Ratio) => formatPercent(r, ',');
  const en = (r: Ratio) => formatPercent(r);
  const whole = as(`${bare.asWritten.times(Ratio.of(100n)).toDecimalString(6)}%`);
  return {
    message: said(
      `${what.nb} er skrevet uten %: '${bare.text}' kan bety ${nb(percent)} eller ${bare.text.replace('.', ',')} × 100 % = ${nb(bare.asWritten)}`,
      `${what.en} is written without %: '${bare.text}' could mean ${en(percent)} or ${bare.text} × 100 % = ${en(bare.asWritten)}`,
    ),
    hint: said(
      `skriv ${as(`${bare.text}%`)} for ${nb(percent)} (eller ${whole} om det er ment)`,
      `write ${as(`${bare.text}%`)} for ${en(percent)} (or ${whole} if that is meant)`,
    ),
  };
}
