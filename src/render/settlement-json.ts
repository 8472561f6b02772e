import type { KindBalance, SettlementReport } from '../compute/settle.js';
import type { Money } from '../money/money.js';
import { allocationJson } from './allocation-json.js';

const money = (m: Money) => m.toFixed2();

/**
 * The allocation's JSON with the settlement in `parties`: charged, paid and
 * balance per party (FORMAT §4), kept per kind as well, plus the a-konto
 * schedule and where `paid` came from.
 */
export function settlementJson(r: SettlementReport): object {
  const kind = (k: KindBalance) => ({ charged: money(k.charged), paid: money(k.paid), balance: money(k.balance), carried_forward: k.carriedForward });
  return {
    ...allocationJson(r.allocation),
    paid_from: r.paidFrom,
    final_due: r.finalDue ?? null,
    parties: r.parties.map((p) => ({
      id: p.party.id,
      name: p.party.name,
      host: p.isHost,
      charged: money(p.charged),
      paid: money(p.paid),
      balance: money(p.balance),
      due_now: money(p.dueNow),
      carried_forward: money(p.carriedForward),
      operating: kind(p.kinds.operating),
      investment: kind(p.kinds.investment),
      ...(p.scheduled ? { scheduled: { operating: money(p.scheduled.operating), investment: money(p.scheduled.investment) } } : {}),
      payments: p.payments.map((x) => ({ date: x.date ?? null, kind: x.kind, amount: money(x.amount), ...(x.text ? { text: x.text } : {}) })),
    })),
    settlement_totals: {
      charged: money(r.totals.charged),
      paid: money(r.totals.paid),
      balance: money(r.totals.balance),
      due_now: money(r.totals.dueNow),
      carried_forward: money(r.totals.carriedForward),
      operating: kind(r.totals.kinds.operating),
      investment: kind(r.totals.kinds.investment),
    },
    akonto: r.schedule
      ? r.schedule.map((s) => ({
          party: s.party.id,
          budgeted: { operating: money(s.budgeted.operating), investment: money(s.budgeted.investment) },
          instalments: s.instalments.map((i) => ({
            due: i.due,
            part: i.part.toDecimalString(12),
            operating: money(i.amounts.operating),
            investment: money(i.amounts.investment),
            total: money(i.total),
          })),
        }))
      : null,
  };
}
