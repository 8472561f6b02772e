import type { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';

export type Locale = 'nb' | 'en';
export const LOCALES: readonly Locale[] = ['nb', 'en'];

/** `1 937 782,94` (nb) or `1,937,782.94` (en); always two decimals. */
export function formatMoney(m: Money, locale: Locale): string {
  const [int, frac] = m.toFixed2().split('.') as [string, string];
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'nb' ? ' ' : ',');
  return `${neg ? '-' : ''}${grouped}${locale === 'nb' ? ',' : '.'}${frac}`;
}

/** Plain machine form for CSV: no grouping, the locale's decimal mark. */
export function formatMoneyPlain(m: Money, locale: Locale): string {
  const s = m.toFixed2();
  return locale === 'nb' ? s.replace('.', ',') : s;
}

/** A share as a percentage with 2 to 4 decimals, e.g. `45,87 %`; exact values live in JSON. */
export function formatShare(r: Ratio, locale: Locale): string {
  const pct = r.times(Ratio.of(100n)).toDecimalString(4);
  const [int, frac = ''] = pct.split('.');
  const text = `${int}.${frac.padEnd(2, '0')}`;
  return locale === 'nb' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/** A share for CSV: the exact decimal (12 places at most), the locale's decimal mark. */
export function formatShareDecimal(r: Ratio, locale: Locale): string {
  const s = r.toDecimalString(12);
  return locale === 'nb' ? s.replace('.', ',') : s;
}
