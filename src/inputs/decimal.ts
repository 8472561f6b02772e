import type { DecimalMark, ScaledAmount } from './amount.js';
import { type Said, said } from '../text/said.js';

/**
 * The number a spreadsheet stored, as plain decimal text: `1234.5`,
 * `-0.01`, and the exponent forms Excel writes for very small or large
 * values (`1.5E-3` → `0.0015`). Done on the digits, never through a JS
 * number, so the stored value arrives with every digit it had. Null for
 * text that is not a number, and for an exponent past ±{@link MAX_EXPONENT}.
 * Linear in the text it reads and makes: no pattern here backtracks (a
 * `0+$` on `1E-234322`'s 234 322 digits took 37 s).
 */
export function plainDecimal(stored: string, mark: DecimalMark): string | null {
  // trim() drops what \s matches: one \s* at each end of the pattern would split a run of blanks in every way.
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(stored.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const sign = m[1] === '-' ? '-' : '';
  let int = m[2]!;
  let frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (exp > MAX_EXPONENT || exp < -MAX_EXPONENT) return null;
  if (exp > 0) {
    frac = frac.padEnd(exp, '0');
    int += frac.slice(0, exp);
    frac = frac.slice(exp);
  } else if (exp < 0) {
    int = int.padStart(-exp + 1, '0');
    frac = int.slice(int.length + exp) + frac;
    int = int.slice(0, int.length + exp);
  }
  int = int.replace(/^0+(?=\d)/, '') || '0';
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  frac = frac.slice(0, end);
  const zero = /^0*$/.test(int) && frac === '';
  return `${zero ? '' : sign}${int}${frac ? mark + frac : ''}`;
}

/**
 * The largest exponent {@link plainDecimal} writes out. A workbook stores
 * numbers as doubles, whose exponents stay within ±324; an exponent of a
 * billion would be a billion digits of text.
 */
export const MAX_EXPONENT = 1000;

/** `a − b`, exactly. */
export function subtract(a: ScaledAmount, b: ScaledAmount): ScaledAmount {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) - b.units * 10n ** BigInt(scale - b.scale), scale };
}

/** An exact amount as plain text with the given decimal mark (`-1234,50`): what a row's amount cell holds when samkost made it. */
export function scaledText({ units, scale }: ScaledAmount, mark: DecimalMark): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${int}${scale > 0 ? mark + frac : ''}`;
}

/** An exact amount in prose, grouped as the tables group it: `-1 234,50` (nb), `-1,234.50` (en). */
export function scaledSaid(a: ScaledAmount): Said {
  const group = (text: string, sep: string) => text.replace(/\d+/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep));
  return said(group(scaledText(a, ','), ' '), group(scaledText(a, '.'), ','));
}
