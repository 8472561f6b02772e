import type { ItemKind } from '../agreement/model.js';
import type { BilledLine, BroughtForwardLine, DeductionLine, Invoice, InvoiceLine, ItemLine } from '../reports/invoice.js';
import type { KeyDerivation } from '../reports/keys.js';
import type { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { roundToUnit } from '../money/rounding.js';
import { stepText } from './basis-steps.js';
import { billedText, limitText } from './explain-text.js';
import { fill } from './fill.js';
import { kindLabel, label, measureLabel } from './labels.js';
import { formatCount, formatMoney, formatShare, type Locale } from './locale.js';

const HUNDRED = Ratio.of(100n);
export { fill } from './fill.js';

/** What a line is called: the item's label, or the a-konto instalment. */
export function lineTitle(l: InvoiceLine, inv: Invoice, locale: Locale): string {
  if (l.source === 'item') return l.item.label;
  const doc = inv.document.kind === 'akonto' ? inv.document : { instalment: 1, of: 1 };
  return fill(label('akontoLine', locale), { kind: kindLabel(l.kind, locale).toLowerCase(), n: String(doc.instalment), of: String(doc.of) });
}

/** A billed line's name: the line's title, the a-konto invoice it deducts, or the year whose balance it brings forward. */
export function billedName(b: BilledLine, inv: Invoice, locale: Locale): string {
  if (b.line.source === 'akonto-invoice') return deductionTitle(b.line, locale);
  if (b.line.source === 'brought-forward') return broughtForwardTitle(b.line, locale);
  return lineTitle(b.line, inv, locale);
}

/** How a billed line arose, in one sentence: what EHF's line description says. */
export function billedHow(b: BilledLine, inv: Invoice, locale: Locale): string {
  if (b.line.source === 'akonto-invoice') return deductionHow(b.line, inv, locale);
  if (b.line.source === 'brought-forward') return broughtForwardHow(b.line, inv, locale);
  return lineHow(b.line, inv, locale).join('; ');
}

/** `Overført fra ROR-IKT 2023 (investering)`: last year's balance, by the agreement and year it comes from. */
export function broughtForwardTitle(l: BroughtForwardLine, locale: Locale): string {
  return fill(label('broughtForwardLine', locale), { title: l.from.title, year: String(l.from.year), kind: kindLabel(l.kind, locale).toLowerCase() });
}

/** Where last year's balance comes from: its settlement, by the agreement file it was computed from. */
export function broughtForwardHow(l: BroughtForwardLine, inv: Invoice, locale: Locale): string {
  return fill(label(inv.vat.category === 'S' ? 'broughtForwardHowVat' : 'broughtForwardHow', locale), {
    title: l.from.title,
    year: String(l.from.year),
    kind: kindLabel(l.kind, locale).toLowerCase(),
    file: l.from.file,
  });
}

/** `A-kontofaktura 1301001 (termin 1 av 4)`: what a deduction line takes off, by the number the party booked. */
export function deductionTitle(d: DeductionLine, locale: Locale): string {
  return fill(label(d.number !== undefined ? 'deductionLine' : 'deductionLineUnnumbered', locale), {
    number: d.number ?? '',
    n: String(d.instalment),
    of: String(d.of),
  });
}

/** How a deduction line arose: the invoice's billed kinds, excluding VAT (its VAT was declared on that invoice). */
export function deductionHow(d: DeductionLine, inv: Invoice, locale: Locale): string {
  const kinds = d.kinds.map((k: ItemKind) => kindLabel(k, locale).toLowerCase()).join(', ');
  return fill(label(inv.vat.category === 'S' ? 'deductionHowVat' : 'deductionHow', locale), { kinds });
}

/** The most decimals of a percentage a printed share is given with. */
const MAX_PLACES = 24;

/**
 * The share as printed: the decimal percentage with the fewest places (2 to
 * 24) that, multiplied by the shared basis and rounded as the item rounds,
 * gives the line's rounded product — so a calculator reproduces the printed
 * amount from the printed share. At each length the nearest decimal is tried
 * first, then the one below and the one above: when the exact product lies
 * on a half unit, only a decimal on the right side of the share rounds the
 * same way.
 */
export function printedShare(l: ItemLine): { readonly percent: Ratio; readonly places: number } {
  const target = roundToUnit(l.exact, l.item.rounding.unit);
  const pct = l.share!.times(HUNDRED);
  for (let places = 2; places <= MAX_PLACES; places++) {
    const scale = Ratio.of(10n ** BigInt(places));
    const floor = pct.times(scale).floor();
    const candidates = [Ratio.parseDecimal(pct.toDecimalString(places))!, Ratio.of(floor).div(scale), Ratio.of(floor + 1n).div(scale)];
    const hit = candidates.find((c) => roundToUnit(c.div(HUNDRED).times(l.shared.toRatio()), l.item.rounding.unit).eq(target));
    if (hit) return { percent: hit, places };
  }
  return { percent: pct, places: MAX_PLACES };
}

/** A printed share as text: exactly the decimal that reproduces the amount. */
function shareText(l: ItemLine, locale: Locale): string {
  const p = printedShare(l);
  return formatShare(p.percent.div(HUNDRED), locale, p.places);
}

/** The share column: as many decimals as the product needs. */
export function lineShare(l: InvoiceLine, locale: Locale): string {
  return l.source === 'item' && l.share ? shareText(l, locale) : '';
}

/** How a line's amount arose, in words and figures, one sentence a line — what a recipient checks with a calculator. */
export function lineHow(l: InvoiceLine, inv: Invoice, locale: Locale): string[] {
  const m = (x: Money) => formatMoney(x, locale);
  if (l.source === 'akonto')
    return [fill(label('akontoOf', locale), { part: formatShare(l.part, locale, 2).replace(/[,.]00( ?%)$/, '$1'), budgeted: m(l.budgeted) })];
  // The item's own amount needs no words, and a per-party price's step is about every party's quantity, not this one's.
  const out = l.steps.filter((s) => s.detail.kind !== 'amount' && s.detail.kind !== 'own-price').map((s) => `${stepText(s.detail, locale)}: ${m(s.amount)}`);
  switch (l.method) {
    case 'key': {
      if (!l.shared.eq(l.basis)) out.push(fill(label('sharedOf', locale), { basis: m(l.basis), direct: m(l.basis.minus(l.shared)), shared: m(l.shared) }));
      if (l.derivation) out.push(`${label('key', locale)}: ${keyWords(l.derivation, inv.buyer.id, locale)}`);
      const rounded = roundToUnit(l.exact, l.item.rounding.unit);
      out.push(`${shareText(l, locale)} × ${m(l.shared)} = ${m(rounded)}`);
      const bump = l.amount.minus(rounded);
      if (!bump.isZero()) out.push(fill(label('lrBump', locale), { diff: `${bump.sign() > 0 ? '+' : ''}${m(bump)}` }));
      break;
    }
    case 'own':
      if (l.billed) {
        out.push(...l.billed.map((b) => billedText(b, locale)));
        break;
      }
      out.push(
        l.unitPrice
          ? `${formatCount(l.quantity!, locale)} × ${m(l.unitPrice)} = ${m(l.amount)}`
          : fill(label('ownQuantity', locale), { q: formatCount(l.quantity!, locale) }),
      );
      break;
    case 'party':
      out.push(
        l.threshold
          ? fill(label('belowThreshold', locale), { threshold: m(l.threshold), name: inv.buyer.name })
          : fill(label('wholeItem', locale), { name: inv.buyer.name }),
      );
      break;
    case 'direct':
      out.push(fill(label('directLine', locale), { name: inv.buyer.name }));
      break;
    case 'limit':
    case 'redistributed':
      out.push(
        limitText(
          l,
          {
            party: inv.buyer.id,
            method: l.method,
            exact: l.exact,
            amount: l.amount,
            ...(l.share ? { share: l.share } : {}),
            ...(l.limit ? { limit: l.limit } : {}),
          },
          locale,
        ),
      );
      break;
  }
  return out;
}

/**
 * A key in words with the party's own figures: `50 % likt mellom 2 (1/2) +
 * 50 % etter folketall (2 011 av 34 071)`.
 */
export function keyWords(d: KeyDerivation, party: string, locale: Locale): string {
  const share = d.shares.get(party);
  const pct = (r: Ratio) => formatShare(r, locale, 2).replace(/[,.]00( ?%)$/, '$1');
  switch (d.kind) {
    case 'shares':
      return `${label('fixedShare', locale)} ${share ? formatShare(share, locale) : '–'}`;
    case 'equal':
      return `${label('equalSplit', locale)} ${d.count} (1/${d.count})`;
    case 'proportional': {
      const v = d.values.get(party);
      const measure = measureLabel(d.measure, locale);
      return `${measure} ${v ? formatCount(v, locale) : '–'} ${label('of', locale)} ${formatCount(d.total, locale)}`;
    }
    case 'blend':
      return d.parts.map((p) => `${pct(p.weight)} ${keyWords(p.derivation, party, locale)}`).join(' + ');
  }
}
