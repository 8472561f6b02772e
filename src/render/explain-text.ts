import { priceText, stepText } from './basis-steps.js';
import type { Explanation, ItemExplanation } from '../reports/explanation.js';
import type { KeyDerivation } from '../reports/keys.js';
import type { AllocationLine, BilledPeriod } from '../reports/allocation.js';
import { dateNb } from '../dates/date.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import { fill } from './fill.js';
import { kindLabel, label, measureLabel } from './labels.js';
import { formatCount, formatMoney, formatShare, type Locale } from './locale.js';

/** A party's charge as a readable chain: basis steps, key, product, rounding — item by item. */
export function explanationText(e: Explanation, locale: Locale): string {
  const a = e.report.agreement;
  const m = (x: Money) => formatMoney(x, locale);
  const out = [`${e.party.name} — ${label('explanation', locale).toLowerCase()}, ${a.title} ${a.year}`, ''];
  const ms = e.membership;
  if (ms) {
    const dates = [ms.joined ? `${label('joined', locale)} ${ms.joined}` : '', ms.left ? `${label('left', locale)} ${ms.left}` : '']
      .filter((d) => d)
      .join(', ');
    out.push(`${label('member', locale)} ${ms.months} ${label('of12Months', locale)} ${a.year} (${dates}): ${label('keysForMonths', locale)}`, '');
  }
  for (const i of e.items) {
    for (const l of itemLines(e, i, locale)) out.push(l);
    out.push('');
  }
  out.push(`${label('sum', locale)}: ${m(e.total)}`);
  return out.join('\n') + '\n';
}

function itemLines(e: Explanation, i: ItemExplanation, locale: Locale): string[] {
  const m = (x: Money) => formatMoney(x, locale);
  const out = [`${i.item.label} (${i.item.id}) · ${kindLabel(i.item.kind, locale)}`, `  ${label('basis', locale)}:`];
  for (const s of i.steps) {
    out.push(`    ${stepText(s.detail, locale)}: ${m(s.amount)}`);
    for (const r of s.rows ?? [])
      out.push(
        `      ${r.at.record ? `${r.at.file} ${label('saftRecord', locale).replace('{t}', r.at.record.transaction).replace('{r}', r.at.record.record)}` : `${r.at.file}:${r.at.line}`}  ${[r.category, r.account ?? '', ...Object.values(r.columns ?? {})].filter((v) => v !== '').join(' ')}${r.party ? ` (${r.party})` : ''}${r.rows > 1 ? `  (${label('rowsFirstHere', locale).replace('{n}', String(r.rows))})` : ''}  ${m(r.amount)}`,
      );
  }
  out.push(`    = ${m(i.basis)}`);
  if (i.derivation) {
    if (!i.shared.eq(i.basis)) out.push(`  ${label('sharedPart', locale)}: ${m(i.shared)}`);
    out.push(`  ${label('key', locale)} ${i.derivation.key}:`, ...derivationLines(e, i.derivation, locale, '    '));
  }
  for (const l of i.lines) out.push(`  ${lineText(e, i, l, locale)}`);
  const rounding = i.item.rounding;
  out.push(`  ${label('rounding', locale)}: ${formatMoney(rounding.unit, locale)} kr, ${label(rounding.method, locale)}`);
  if (!i.unallocated.isZero()) {
    const over = i.unallocated.sign() < 0;
    out.push(`  ${label(over ? 'itemOverAllocated' : 'itemRemainder', locale)}: ${m(over ? i.unallocated.neg() : i.unallocated)}`);
  }
  out.push(`  → ${m(i.amount)}`);
  return out;
}

function lineText(e: Explanation, i: ItemExplanation, l: AllocationLine, locale: Locale): string {
  const m = (x: Money) => formatMoney(x, locale);
  const exact = `${label('rawProduct', locale)} ${formatCount(l.exact, locale)}`;
  switch (l.method) {
    case 'key':
      return `${formatShare(l.share!, locale)} × ${m(i.shared)} = ${exact} → ${m(l.amount)}`;
    case 'direct':
      return `${label('directRows', locale)}: ${m(l.amount)}`;
    case 'own':
      if (l.billed)
        return [
          `${label('ownPrice', locale)} (${formatCount(l.quantity!, locale)}):`,
          ...l.billed.map((b) => `  ${billedText(b, locale)}`),
          `  ${exact} → ${m(l.amount)}`,
        ].join('\n  ');
      return `${label('ownPrice', locale)} (${formatCount(l.quantity!, locale)}): ${l.raised ? `${priceText(l.raised, locale)}: ` : ''}${exact} → ${m(l.amount)}`;
    case 'party':
      if (l.threshold) return `${fill(label('belowThreshold', locale), { threshold: m(l.threshold), name: e.party.name })}: ${exact} → ${m(l.amount)}`;
      return `${label('chargedWhole', locale)} ${e.party.name}: ${exact} → ${m(l.amount)}`;
    case 'limit':
    case 'redistributed':
      return limitText(i, l, locale);
  }
}

/** One period a party was billed for: its dates, the part of the year, the year's price and that price × the part. */
export function billedText(b: BilledPeriod, locale: Locale): string {
  const nb = locale === 'nb';
  const date = (d: string) => (nb ? dateNb(d) : d);
  const unit = b.by === 'months' ? (nb ? 'måneder' : 'months') : nb ? 'dager' : 'days';
  const part = `${b.count} ${nb ? 'av' : 'of'} ${b.of} ${unit}`;
  return `${date(b.from)}–${date(b.to)}, ${part}: ${priceText(b.price, locale)} × ${b.count}/${b.of} = ${formatCount(b.exact, locale)}`;
}

/** A limit line in words: the party's sum and the bound it was brought to, or its share of what the limits moved. */
export function limitText(i: { readonly item: ItemExplanation['item'] }, l: AllocationLine, locale: Locale): string {
  const m = (x: Money) => formatMoney(x, locale);
  const t = i.item.target;
  const items = t.kind === 'limit' ? t.limit.items.map((x) => x.id).join(', ') : '';
  const key = t.kind === 'limit' ? (t.limit.redistribute?.key ?? '') : '';
  const d = l.limit!;
  const side = d.bound ? label(d.bound.side === 'min' ? 'limitMin' : 'limitMax', locale) : '';
  const signed = (x: Money) => `${x.sign() > 0 ? '+' : ''}${m(x)}`;
  if (l.method === 'limit') return `${fill(label('limitSum', locale), { items, sum: m(d.sum), side, bound: m(d.bound!.amount) })} → ${signed(l.amount)}`;
  if (d.bound) return `${fill(label('redistributedToBound', locale), { key, side, bound: m(d.bound.amount), sum: m(d.sum) })} → ${signed(l.amount)}`;
  return `${fill(label('redistributedShare', locale), { shared: m(d.shared!), key })}: ${formatShare(l.share!, locale)} × ${m(d.shared!)} = ${label('rawProduct', locale)} ${formatCount(l.exact, locale)} → ${signed(l.amount)}`;
}

function derivationLines(e: Explanation, d: KeyDerivation, locale: Locale, indent: string): string[] {
  const me = e.party.id;
  const share = d.shares.get(me);
  const pct = (r: Ratio) => formatShare(r, locale);
  const out: string[] = [];
  switch (d.kind) {
    case 'shares':
      out.push(`${indent}${label('fixedShares', locale)}: ${share ? pct(share) : '–'}`);
      break;
    case 'equal':
      out.push(`${indent}${label('equalSplit', locale)} ${d.count}: 1/${d.count} = ${share ? pct(share) : '–'}`);
      break;
    case 'proportional': {
      const v = d.values.get(me);
      out.push(
        `${indent}${measureLabel(d.measure, locale)}: ${v ? formatCount(v, locale) : '–'} ${label('of', locale)} ${formatCount(d.total, locale)} = ${share ? pct(share) : '–'}`,
      );
      break;
    }
    case 'blend':
      for (const part of d.parts) {
        out.push(`${indent}${pct(part.weight)} × (${part.derivation.key}):`, ...derivationLines(e, part.derivation, locale, `${indent}  `));
      }
      out.push(`${indent}= ${share ? pct(share) : '–'}`);
      break;
  }
  const before = d.unrounded?.get(me);
  if (before && share) out.push(`${indent}${label('roundedTo', locale)} ${label('precision', locale)}: ${pct(before)} → ${pct(share)}`);
  return out;
}
