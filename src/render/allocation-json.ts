import { stepText } from './basis-steps.js';
import type { AllocationLine, AllocationReport, ItemResult } from '../reports/allocation.js';
import { describeSelector } from '../agreement/selector.js';
import { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { Locale } from './locale.js';

/**
 * The JSON vocabulary every command shares (docs/schemas): money is a
 * two-decimal string; a ratio (a share, a weight, a deviation or change
 * relative to its base) is a decimal fraction string, exact where the
 * decimal ends and otherwise to 12 places (`"0.4587"` is 45.87 %); an entry
 * names itself with `id` and another entity by that entity's name (`party`,
 * `item`, `key`); an amount split by kind of cost sits under `kinds`, and
 * the sum row of a list is `<list>_total`, shaped as its entries.
 */
export const money = (m: Money): string => m.toFixed2();
export const ratio = (r: Ratio): string => r.toDecimalString(12);

/** FORMAT.md §4: items with shares and allocations, parties charged, paid and balance, totals per kind. */
export function allocationJson(r: AllocationReport, locale: Locale): object {
  const a = r.agreement;
  const owed = (charged: Money) => ({ charged: money(charged), paid: '0.00', balance: money(charged) });
  return {
    agreement: a.title,
    year: a.year,
    currency: a.currency,
    host: a.host,
    rounding: { unit: a.rounding.unit.toPlain(), method: a.rounding.method },
    items: r.items.map((i) => itemJson(i, locale)),
    // An allocation reads no payments: nothing is paid, and paid_from says so.
    paid_from: 'none',
    parties: r.parties.map((p) => ({
      id: p.party.id,
      name: p.party.name,
      host: p.party.id === a.host,
      ...owed(p.charged),
      kinds: { operating: owed(p.operating), investment: owed(p.investment) },
    })),
    parties_total: {
      ...owed(Money.sum(r.parties.map((p) => p.charged))),
      kinds: { operating: owed(Money.sum(r.parties.map((p) => p.operating))), investment: owed(Money.sum(r.parties.map((p) => p.investment))) },
    },
    total: money(r.total),
    totals: { operating: money(r.totals.operating), investment: money(r.totals.investment) },
    unallocated: money(r.unallocated),
    ignored: r.ignored.map((g) => ({ selector: describeSelector(g.rule.selector), reason: g.rule.reason, rows: g.rows, amount: money(g.amount) })),
  };
}

function itemJson(i: ItemResult, locale: Locale): object {
  const t = i.item.target;
  const direct = i.lines.filter((l) => l.method === 'direct');
  return {
    id: i.item.id,
    label: i.item.label,
    kind: i.item.kind,
    basis: money(i.basis),
    ...(t.kind === 'key' ? { key: t.key } : t.kind === 'party' ? { party: t.party } : { per_party: true }),
    ...(i.shares ? { shares: Object.fromEntries([...i.shares].map(([id, s]) => [id, ratio(s)])) } : {}),
    allocations: Object.fromEntries([...i.allocations].map(([id, m]) => [id, money(m)])),
    ...(direct.length ? { direct: Object.fromEntries(direct.map((l) => [l.party, money(l.amount)])) } : {}),
    unallocated: money(i.unallocated),
    rounding: { unit: i.item.rounding.unit.toPlain(), method: i.item.rounding.method },
    basis_steps: i.steps.map((s) => ({ step: s.step, text: stepText(s.detail, locale), amount: s.amount.toPlain() })),
    lines: i.lines.map(lineJson),
  };
}

function lineJson(l: AllocationLine): object {
  return {
    party: l.party,
    method: l.method,
    ...(l.key ? { key: l.key } : {}),
    ...(l.share ? { share: ratio(l.share) } : {}),
    ...(l.quantity ? { quantity: ratio(l.quantity) } : {}),
    exact: ratio(l.exact),
    amount: money(l.amount),
  };
}
