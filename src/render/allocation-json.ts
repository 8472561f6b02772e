import { stepText } from './basis-steps.js';
import type { AllocationLine, AllocationReport, ItemResult } from '../compute/report.js';
import { describeSelector } from '../compute/select.js';
import type { Money } from '../money/money.js';

const money = (m: Money) => m.toFixed2();

/**
 * The JSON contract of FORMAT.md §4: money as two-decimal strings, shares as
 * exact decimal strings (12 places where the decimal does not end).
 */
export function allocationJson(r: AllocationReport): object {
  const a = r.agreement;
  return {
    agreement: a.title,
    year: a.year,
    currency: a.currency,
    host: a.host,
    rounding: { unit: a.rounding.unit.toPlain(), method: a.rounding.method },
    items: r.items.map(itemJson),
    parties: r.parties.map((p) => ({
      id: p.party.id,
      name: p.party.name,
      operating: money(p.operating),
      investment: money(p.investment),
      charged: money(p.charged),
      // FORMAT §4 lists paid and balance for allocate too; an allocation knows no payments, so nothing is paid.
      paid: '0.00',
      balance: money(p.charged),
    })),
    total: money(r.total),
    totals: { operating: money(r.totals.operating), investment: money(r.totals.investment) },
    unallocated: money(r.unallocated),
    ignored: r.ignored.map((g) => ({ selector: describeSelector(g.rule.selector), reason: g.rule.reason, rows: g.rows, amount: money(g.amount) })),
  };
}

function itemJson(i: ItemResult): object {
  const t = i.item.target;
  const direct = i.lines.filter((l) => l.method === 'direct');
  return {
    id: i.item.id,
    label: i.item.label,
    kind: i.item.kind,
    basis: money(i.basis),
    ...(t.kind === 'key' ? { key: t.key } : t.kind === 'party' ? { party: t.party } : { per_party: true }),
    ...(i.shares ? { shares: Object.fromEntries([...i.shares].map(([id, s]) => [id, s.toDecimalString(12)])) } : {}),
    allocations: Object.fromEntries([...i.allocations].map(([id, m]) => [id, money(m)])),
    ...(direct.length ? { direct: Object.fromEntries(direct.map((l) => [l.party, money(l.amount)])) } : {}),
    unallocated: money(i.unallocated),
    rounding: { unit: i.item.rounding.unit.toPlain(), method: i.item.rounding.method },
    basis_steps: i.steps.map((s) => ({ step: s.step, text: stepText(s.detail, 'en'), amount: s.amount.toPlain() })),
    lines: i.lines.map(lineJson),
  };
}

function lineJson(l: AllocationLine): object {
  return {
    party: l.party,
    method: l.method,
    ...(l.key ? { key: l.key } : {}),
    ...(l.share ? { share: l.share.toDecimalString(12) } : {}),
    ...(l.quantity ? { quantity: l.quantity.toDecimalString(12) } : {}),
    exact: l.exact.toDecimalString(12),
    amount: money(l.amount),
  };
}
