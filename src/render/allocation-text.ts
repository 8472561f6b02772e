import type { AllocationLine, AllocationReport, ItemResult } from '../reports/allocation.js';
import { fill } from './fill.js';
import { describeSelector } from '../agreement/selector.js';
import { Money } from '../money/money.js';
import { kindLabel, label, marker } from './labels.js';
import type { Block, Doc } from './doc.js';
import { formatCount, formatMoney, formatShare, type Locale } from './locale.js';

export function allocationDoc(r: AllocationReport, locale: Locale): Doc {
  const a = r.agreement;
  const m = (x: Money) => formatMoney(x, locale);
  const blocks: Block[] = r.items.map((i) => itemBlock(r, i, locale));
  const both = r.items.some((i) => i.item.kind === 'investment');
  const summaryColumns = [
    { title: label('party', locale), align: 'left' as const },
    { title: label('operating', locale), align: 'right' as const },
    ...(both ? [{ title: label('investment', locale), align: 'right' as const }] : []),
    { title: label('sum', locale), align: 'right' as const },
  ];
  const summaryRows = r.parties.map((p) => [p.party.name, m(p.operating), ...(both ? [m(p.investment)] : []), m(p.charged)]);
  const footer = [
    [
      label('sum', locale),
      m(r.totals.operating.minus(unallocatedOf(r, 'operating'))),
      ...(both ? [m(r.totals.investment.minus(unallocatedOf(r, 'investment')))] : []),
      m(r.total.minus(r.unallocated)),
    ],
  ];
  if (!r.unallocated.isZero()) {
    // Rounding that gave out more than the basis is said so, as a positive amount, not as a negative remainder.
    const over = r.unallocated.sign() < 0;
    const shown = (x: Money) => m(over ? x.neg() : x);
    footer.push([
      label(over ? 'overAllocated' : 'unallocated', locale),
      shown(unallocatedOf(r, 'operating')),
      ...(both ? [shown(unallocatedOf(r, 'investment'))] : []),
      shown(r.unallocated),
    ]);
  }
  blocks.push({ heading: label('perParty', locale), notes: [], columns: summaryColumns, rows: summaryRows, footer });
  if (r.ignored.length) {
    blocks.push({
      heading: label('ignored', locale),
      notes: [],
      columns: [
        { title: label('selection', locale), align: 'left' },
        { title: label('reason', locale), align: 'left' },
        { title: label('rows', locale), align: 'right' },
        { title: label('amount', locale), align: 'right' },
      ],
      rows: r.ignored.map((g) => [describeSelector(g.rule.selector), g.rule.reason, String(g.rows), m(g.amount)]),
      footer: [],
    });
  }
  return { title: `${a.title} ${a.year} — ${label('allocation', locale)}`, notes: [roundingText(r, locale)], blocks };
}

function roundingText(r: AllocationReport, locale: Locale): string {
  const u = r.agreement.rounding.unit;
  const unitText = u.toPlain() === '0.01' ? label('ore', locale) : u.toPlain() === '1.00' ? label('krone', locale) : `${formatMoney(u, locale)} kr`;
  return `${label('rounding', locale)}: ${unitText}, ${label(r.agreement.rounding.method, locale)}`;
}

function unallocatedOf(r: AllocationReport, kind: 'operating' | 'investment'): Money {
  return r.items.filter((i) => i.item.kind === kind).reduce((acc, i) => acc.plus(i.unallocated), Money.ZERO);
}

function itemBlock(r: AllocationReport, i: ItemResult, locale: Locale): Block {
  const m = (x: Money) => formatMoney(x, locale);
  const name = (id: string) => r.agreement.parties.find((p) => p.id === id)?.name ?? id;
  const t = i.item.target;
  const how =
    t.kind === 'key'
      ? `${label('key', locale)} ${t.key}`
      : t.kind === 'party'
        ? `${label('chargedTo', locale)} ${name(t.party)}`
        : t.kind === 'limit'
          ? `${label('limitOf', locale)} ${t.limit.items.map((x) => x.id).join(', ')}`
          : label('own', locale);
  const notes = [`${label('basis', locale)} ${m(i.basis)} · ${how} · ${kindLabel(i.item.kind, locale)}`];
  const shareCell = (l: AllocationLine) =>
    l.method === 'key'
      ? formatShare(l.share!, locale)
      : l.method === 'own'
        ? `${label('own', locale)} ${formatCount(l.quantity!, locale)}`
        : l.method === 'direct'
          ? label('direct', locale)
          : l.threshold
            ? fill(label('upToThreshold', locale), { threshold: m(l.threshold) })
            : l.method === 'limit' || l.method === 'redistributed'
              ? l.share
                ? formatShare(l.share, locale)
                : marker(l.method, locale)
              : '';
  const rows = i.lines.map((l) => [name(l.party), shareCell(l), m(l.amount)]);
  const allocatedTotal = i.basis.minus(i.unallocated);
  const totalShare = i.shares
    ? formatShare(
        [...i.shares.values()].reduce((a, b) => a.plus(b)),
        locale,
      )
    : '';
  const footer = [[label('sum', locale), totalShare, m(allocatedTotal)]];
  if (!i.unallocated.isZero())
    footer.push(i.unallocated.sign() < 0 ? [label('overAllocated', locale), '', m(i.unallocated.neg())] : [label('unallocated', locale), '', m(i.unallocated)]);
  return {
    heading: `${i.item.label} (${i.item.id})`,
    notes,
    columns: [
      { title: label('party', locale), align: 'left' },
      { title: label('share', locale), align: 'right' },
      { title: label('amount', locale), align: 'right' },
    ],
    rows,
    footer,
  };
}
