import type { Balances, FileHash, KindBalance, SettlementReport } from '../reports/settlement.js';
import { Money } from '../money/money.js';
import type { ByKind } from '../reports/by-kind.js';
import { allocationJson, money, ratio } from './allocation-json.js';
import type { Locale } from './locale.js';

/** One kind's settlement: a carried-forward balance is not due now, and the other way round. */
export function kindJson(k: KindBalance): object {
  return {
    charged: money(k.charged),
    invoiced: money(k.invoiced),
    paid: money(k.paid),
    brought_forward: money(k.broughtForward),
    balance: money(k.balance),
    due_now: money(k.carriedForward ? Money.ZERO : k.balance),
    carried_forward: money(k.carriedForward ? k.balance : Money.ZERO),
  };
}

function balancesJson(b: Balances & { readonly kinds: ByKind<KindBalance> }): object {
  return {
    charged: money(b.charged),
    invoiced: money(b.invoiced),
    paid: money(b.paid),
    brought_forward: money(b.broughtForward),
    balance: money(b.balance),
    due_now: money(b.dueNow),
    carried_forward: money(b.carriedForward),
    kinds: { operating: kindJson(b.kinds.operating), investment: kindJson(b.kinds.investment) },
  };
}

/** Last year's agreement, as this year's settlement brought its balances forward: its file and every file read for it, by SHA-256. */
export function lastYearJson(b: { readonly title: string; readonly year: number; readonly file: string; readonly files: readonly FileHash[] }): object {
  return { agreement: b.title, year: b.year, file: b.file, files: b.files.map((f) => ({ path: f.path, sha256: f.sha256 })) };
}

/**
 * The allocation's JSON with the settlement in `parties`: charged, paid and
 * balance per party (FORMAT §4), per kind under `kinds`, plus the a-konto
 * schedule and where `paid` came from.
 */
export function settlementJson(r: SettlementReport, locale: Locale): object {
  return {
    ...allocationJson(r.allocation, locale),
    paid_from: r.paidFrom,
    final_due: r.finalDue ?? null,
    parties: r.parties.map((p) => ({
      id: p.party.id,
      name: p.party.name,
      host: p.isHost,
      ...balancesJson(p),
      ...(p.scheduled ? { scheduled: { operating: money(p.scheduled.operating), investment: money(p.scheduled.investment) } } : {}),
      payments: p.payments.map((x) => ({ date: x.date ?? null, kind: x.kind, amount: money(x.amount), ...(x.text ? { text: x.text } : {}) })),
      akonto_invoices: p.akontoInvoices.map((i) => ({
        instalment: i.instalment,
        number: i.number ?? null,
        due: i.due,
        net: money(i.net),
        vat: money(i.vat),
        gross: money(i.gross),
      })),
      open_akonto: money(p.openAkonto),
      prepaid: money(p.prepaid),
    })),
    parties_total: balancesJson(r.totals),
    akonto: r.schedule
      ? r.schedule.map((s) => ({
          party: s.party.id,
          budgeted: { operating: money(s.budgeted.operating), investment: money(s.budgeted.investment) },
          instalments: s.instalments.map((i) => ({
            due: i.due,
            part: ratio(i.part),
            operating: money(i.amounts.operating),
            investment: money(i.amounts.investment),
            total: money(i.total),
          })),
        }))
      : null,
    ...(r.broughtForward ? { brought_forward: lastYearJson(r.broughtForward) } : {}),
  };
}
