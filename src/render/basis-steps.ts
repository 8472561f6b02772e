import { describeSelector } from '../agreement/selector.js';
import type { PriceDetail, StepDetail } from '../reports/allocation.js';
import type { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { formatCount, formatDecimal, formatMoney, type Locale } from './locale.js';

/**
 * A basis step in words, from the numbers the step used, in the report's
 * language (the JSON's `text` too). A step that changes an amount starts
 * from it (`500 000,00 × 1,03`), so each step reads on its own — on an
 * invoice line, too, where the item's written amount is not repeated.
 * Amounts and quantities are grouped as the tables group them and keep all
 * their decimals; factors and percentages are never grouped.
 */
export function stepText(d: StepDetail, locale: Locale): string {
  const nb = locale === 'nb';
  const num = (r: Ratio, places = 12) => formatDecimal(r, locale, places);
  const kr = (m: Money) => formatMoney(m, locale);
  const from = (m: Money | undefined) => (m ? `${kr(m)} ` : '');
  const pct = (r: Ratio) => `${num(r.times(Ratio.of(100n)), 6)} %`;
  switch (d.kind) {
    case 'amount':
      return nb ? 'beløp skrevet i avtalen' : 'amount written in the agreement';
    case 'actuals':
      return nb
        ? `${formatCount(Ratio.of(BigInt(d.rows)), locale)} regnskapslinje${d.rows === 1 ? '' : 'r'} med ${describeSelector(d.selector, true)}`
        : `${formatCount(Ratio.of(BigInt(d.rows)), locale)} actuals row${d.rows === 1 ? '' : 's'} with ${describeSelector(d.selector)}`;
    case 'percent': {
      const above = d.above;
      const part = (base: string) => (above ? (nb ? `delen av ${base} over ${kr(above)}` : `the part of ${base} above ${kr(above)}`) : base);
      const text =
        d.reading === 'less' ? `${pct(d.percent)} × ${part(`(${kr(d.of)} − ${kr(d.deduct)})`)}` : `${pct(d.percent)} × ${part(kr(d.of))} − ${kr(d.deduct)}`;
      return d.roundedToOre ? `${text}, ${nb ? 'rundet til øre' : 'rounded to øre'}` : text;
    }
    case 'vat':
      return nb
        ? `beløpet er inkludert ${num(d.rate.times(Ratio.of(100n)), 6)} % mva.: ${from(d.start)}× 1/${num(Ratio.ONE.plus(d.rate), 6)}`
        : `amount includes ${num(d.rate.times(Ratio.of(100n)), 6)} % VAT: ${from(d.start)}× 1/${num(Ratio.ONE.plus(d.rate), 6)}`;
    case 'index': {
      const changes = d.changes.length ? ` (${d.changes.map((c) => `${c.year}: ${pct(c.change)}`).join(', ')})` : '';
      if (d.rate)
        return nb
          ? `enhetsprisen indeksert med ${d.series} fra ${d.from}${changes}: ${kr(d.rate.before)} × ${num(d.factor)} = ${formatCount(d.rate.exact, locale)}, rundet til ${kr(d.unit)} før bruk`
          : `unit price indexed by ${d.series} from ${d.from}${changes}: ${kr(d.rate.before)} × ${num(d.factor)} = ${formatCount(d.rate.exact, locale)}, rounded to ${kr(d.unit)} before use`;
      if (d.prices === 'steps')
        return nb
          ? `trinnprisene indeksert med ${d.series} fra ${d.from}${changes}: × ${num(d.factor)}, hver rundet til ${kr(d.unit)} før bruk (siste trinn: ${from(d.start)}× ${num(d.factor)})`
          : `step prices indexed by ${d.series} from ${d.from}${changes}: × ${num(d.factor)}, each rounded to ${kr(d.unit)} before use (last step: ${from(d.start)}× ${num(d.factor)})`;
      return nb
        ? `indeksert med ${d.series} fra ${d.from}${changes}: ${from(d.start)}× ${num(d.factor)}, rundet til ${kr(d.unit)}`
        : `indexed by ${d.series} from ${d.from}${changes}: ${from(d.start)}× ${num(d.factor)}, rounded to ${kr(d.unit)}`;
    }
    case 'round':
      return d.start ? (nb ? `${kr(d.start)} rundet til øre` : `${kr(d.start)} rounded to øre`) : nb ? 'rundet til øre' : 'rounded to øre';
    case 'own-price':
      return nb ? `hver kommune prises etter egen ${d.driver}` : `each party priced on its own ${d.driver}`;
    case 'limit': {
      const over = d.items.join(', ');
      const by = d.redistribute ? (nb ? `, omfordelt etter ${d.redistribute}` : `, redistributed by ${d.redistribute}`) : '';
      return nb ? `justering av hver kommunes sum over ${over}${by}` : `adjustment of each party's sum over ${over}${by}`;
    }
    case 'price': {
      const price = priceText(d.price, locale);
      if (!d.summed) return price;
      return nb ? `${d.summed} summert over kommunene; ${price}` : `${d.summed} summed over the parties; ${price}`;
    }
  }
}

export function priceText(p: PriceDetail, locale: Locale): string {
  const text = bandText(p, locale);
  if (!p.min) return text;
  const kr = formatMoney(p.min, locale);
  return locale === 'nb' ? `${text}; under trinnets minstebeløp, så ${kr}` : `${text}; below the step's minimum, so ${kr}`;
}

function bandText(p: PriceDetail, locale: Locale): string {
  const nb = locale === 'nb';
  const num = (r: Ratio) => formatCount(r, locale);
  const kr = (m: Money) => formatMoney(m, locale);
  const per = p.periods.eq(Ratio.ONE) ? '' : ` × ${num(p.periods)} ${nb ? 'måneder' : 'months'}`;
  switch (p.kind) {
    case 'unit':
      return `${num(p.quantity)} × ${kr(p.unit)}${per}`;
    case 'step':
    case 'volume': {
      const bound = p.upTo === null ? (nb ? 'det åpne siste trinnet' : 'open last step') : nb ? `trinnet opp til ${num(p.upTo)}` : `step up to ${num(p.upTo)}`;
      const price = p.kind === 'step' ? kr(p.price) : `${num(p.quantity)} × ${kr(p.price)}`;
      return nb ? `${num(p.quantity)} faller i ${bound}: ${price}${per}` : `${num(p.quantity)} falls in the ${bound}: ${price}${per}`;
    }
    case 'graduated':
      return `${nb ? 'trinnvis' : 'graduated'}: ${p.bands.map((b) => `${num(b.units)} × ${kr(b.price)}`).join(' + ') || '0'}${per}`;
  }
}
