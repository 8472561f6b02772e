import type { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';

import type { Locale } from '../text/said.js';

export { type Locale, LOCALES } from '../text/said.js';

/**
 * `1 937 782,94` (nb) or `1,937,782.94` (en): two decimals, or every decimal
 * an exact step has (5 % of 100,01 is `5,0005`) — never rounded for show.
 */
export function formatMoney(m: Money, locale: Locale): string {
  const [int, frac] = m.toPlain().split('.') as [string, string];
  return `${group(int, locale)}${locale === 'nb' ? ',' : '.'}${frac}`;
}

function group(int: string, locale: Locale): string {
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'nb' ? ' ' : ',')}`;
}

/** Whole thousands, rounded half away from zero from the exact amount: `28 790` — as councils print budget tables. */
export function formatThousands(m: Money, locale: Locale): string {
  const k = m.toRatio().div(Ratio.of(1000n)).roundHalfAwayFromZero();
  return group(k.toString(), locale);
}

/** A fraction as a percentage with one decimal: `-6,5 %`. */
export function formatPercent1(r: Ratio, locale: Locale): string {
  const tenths = r.times(Ratio.of(1000n)).roundHalfAwayFromZero();
  const neg = tenths < 0n;
  const abs = neg ? -tenths : tenths;
  const text = `${neg ? '-' : ''}${abs / 10n}${locale === 'nb' ? ',' : '.'}${abs % 10n}`;
  return locale === 'nb' ? `${text} %` : `${text}%`;
}

/** `30.04.2023` (nb) or `2023-04-30` (en). */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-');
  return locale === 'nb' ? `${d}.${m}.${y}` : iso;
}

/** A decimal written the machine way (`12.5`) with the locale's decimal mark instead: `12,5` (nb). */
export function localDecimal(text: string, locale: Locale): string {
  return locale === 'nb' ? text.replace('.', ',') : text;
}

/** Plain machine form for CSV and prose: no grouping, two decimals (more only where the amount has them), the locale's decimal mark. */
export function formatMoneyPlain(m: Money, locale: Locale): string {
  return localDecimal(m.toPlain(), locale);
}

/** A share as a percentage with 2 to `places` (4) decimals, e.g. `45,87 %`; exact values live in JSON. */
export function formatShare(r: Ratio, locale: Locale, places = 4): string {
  const pct = r.times(Ratio.of(100n)).toDecimalString(places);
  const [int, frac = ''] = pct.split('.');
  const text = localDecimal(`${int}.${frac.padEnd(2, '0')}`, locale);
  return locale === 'nb' ? `${text} %` : `${text}%`;
}

/** A count with thousands grouped (`34 071`), its decimals kept in full. */
export function formatCount(r: Ratio, locale: Locale): string {
  const [int, frac] = r.toDecimalString(12).split('.') as [string, string | undefined];
  return frac ? `${group(int, locale)}${locale === 'nb' ? ',' : '.'}${frac}` : group(int, locale);
}

/** An exact value (share, quantity, product): the decimal in full, `places` (12) at most, the locale's decimal mark. */
export function formatDecimal(r: Ratio, locale: Locale, places = 12): string {
  return localDecimal(r.toDecimalString(places), locale);
}
