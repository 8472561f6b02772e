import { ITEM_KINDS, type Agreement, type Id, type ItemKind, type Party } from '../agreement/model.js';
import { Diagnostics, type Computed } from '../diagnostics/diagnostic.js';
import { closestParty, partyResolver } from '../agreement/party-names.js';
import type { PaymentRow } from '../inputs/payments.js';
import { distribute } from '../money/distribute.js';
import { Money } from '../money/money.js';
import { ORE } from '../money/rounding.js';
import { allocate } from './allocate.js';
import { invoiceNumber } from './numbers.js';
import { vatOn, vatTerms } from './vat.js';
import type { VatTerms } from '../reports/invoice.js';
import { budgetAllocation, type BudgetedInput } from './budget.js';
import { byKind, type ByKind } from '../reports/by-kind.js';
import type { AllocationReport } from '../reports/allocation.js';
import { said } from '../text/said.js';
import { declaredParties } from '../agreement/phrases.js';
import { dateNb } from '../dates/date.js';
import type {
  AkontoInvoice,
  Balances,
  BroughtForward,
  Instalment,
  KindBalance,
  PaidFrom,
  PartySchedule,
  PartySettlement,
  SettlementReport,
} from '../reports/settlement.js';

/** What a settlement reads beyond the allocation's inputs. */
export interface SettleInput extends BudgetedInput {
  /** What each party paid; null when no payments file is given. */
  readonly payments: readonly PaymentRow[] | null;
  /** Last year's carried-forward balances, when the agreement names last year. */
  readonly broughtForward?: BroughtForward;
}

/**
 * The year-end settlement: each party's share of the actual costs against
 * what it paid. Pure; like {@link allocate}, it returns every problem found
 * instead of a report.
 */
export function settle(input: SettleInput): Computed<SettlementReport> {
  const a = input.agreement;
  const diags = new Diagnostics();
  const allocation = diags.take(allocate(input));
  const akonto = a.settlement?.akonto ?? [];
  const budget = akonto.length
    ? budgetAllocation(
        input,
        diags,
        said('a-konto betales etter budsjettet, men avtalen har ikke noe budsjett', 'a-konto is paid on the budget, but the agreement has no budget'),
      )
    : null;
  const received = input.payments ? checkPayments(a, input.payments, diags) : null;
  const brought = input.broughtForward;
  if (brought) checkBroughtForward(a, brought, diags);
  if (diags.hasErrors || !allocation) return diags.failure();

  const schedule = budget ? a.parties.map((p) => scheduleFor(p, budget, akonto)) : null;
  const paidFrom: PaidFrom = input.payments ? 'payments' : schedule ? 'schedule' : 'none';
  const carried = new Set(a.settlement?.carryForward ?? []);
  const vat = vatTerms(a);
  const parties = allocation.parties.map((totals): PartySettlement => {
    const id = totals.party.id;
    const isHost = id === a.host;
    const own = schedule?.find((s) => s.party.id === id);
    const payments = received
      ? received
          .filter((p) => p.party === id)
          .map((p) => ({ kind: p.kind, amount: p.amount, ...(p.date ? { date: p.date } : {}), ...(p.text ? { text: p.text } : {}) }))
      : (own?.instalments ?? []).flatMap((i) =>
          ITEM_KINDS.filter((k) => !i.amounts[k].isZero()).map((kind) => ({
            kind,
            // Assumed paid as invoiced: VAT included under `vat: standard`.
            amount: i.amounts[kind].plus(vatOn(i.amounts[kind], vat)),
            date: i.due,
          })),
        );
    const akontoInvoices = own && !isHost ? akontoInvoicesOf(a, id, own, vat) : [];
    const kinds = byKind((kind): KindBalance => {
      const charged = totals[kind];
      const paid = Money.sum(payments.filter((p) => p.kind === kind).map((p) => p.amount));
      const invoiced = own ? Money.sum(own.instalments.map((i) => i.amounts[kind])) : Money.ZERO;
      const broughtForward = brought?.balances.find((b) => b.party.id === id)?.kinds[kind] ?? Money.ZERO;
      // Without a schedule, payments settle the charge; outside VAT they are comparable to it as they stand.
      const settledByPayments = !own && vat.category === 'O' ? paid : Money.ZERO;
      const balance = charged.plus(broughtForward).minus(invoiced).minus(settledByPayments);
      return { charged, invoiced, paid, broughtForward, balance, carriedForward: carried.has(kind) };
    });
    const scheduled = own ? byKind((k) => Money.sum(own.instalments.map((i) => i.amounts[k]))) : undefined;
    const paidAll = Money.sum(payments.map((p) => p.amount));
    // The host's a-konto is internal: it has no invoices to leave open.
    const openAkonto = own ? Money.sum(own.instalments.map((i) => i.total.plus(vatOn(i.total, vat)))).minus(paidAll) : Money.ZERO;
    const prepaid = own ? Money.ZERO : Money.sum(payments.filter((p) => !carried.has(p.kind)).map((p) => p.amount));
    return {
      party: totals.party,
      isHost,
      kinds,
      payments,
      akontoInvoices,
      openAkonto: isHost ? Money.ZERO : openAkonto,
      prepaid,
      ...sums(kinds),
      ...(scheduled ? { scheduled } : {}),
    };
  });
  const totals = byKind((kind): KindBalance => {
    const sum = (f: (k: KindBalance) => Money) => Money.sum(parties.map((p) => f(p.kinds[kind])));
    return {
      charged: sum((k) => k.charged),
      invoiced: sum((k) => k.invoiced),
      paid: sum((k) => k.paid),
      broughtForward: sum((k) => k.broughtForward),
      balance: sum((k) => k.balance),
      carriedForward: carried.has(kind),
    };
  });
  return diags.result({
    allocation,
    schedule,
    paidFrom,
    parties,
    totals: { kinds: totals, ...sums(totals) },
    ...(a.settlement?.finalDue ? { finalDue: a.settlement.finalDue } : {}),
    ...(brought ? { broughtForward: brought } : {}),
  });
}

/** A balance brought forward belongs to a party of this year: one that is gone would lose it silently. */
function checkBroughtForward(a: Agreement, brought: BroughtForward, diags: Diagnostics): void {
  for (const { party, kinds } of brought.balances) {
    const open = ITEM_KINDS.filter((k) => !kinds[k].isZero());
    if (open.length === 0 || a.parties.some((p) => p.id === party.id)) continue;
    const nb = open.map((k) => `${k === 'operating' ? 'drift' : 'investering'} ${kinds[k].toFixed2().replace('.', ',')}`).join(', ');
    const en = open.map((k) => `${k} ${kinds[k].toFixed2()}`).join(', ');
    diags.error(
      brought.at,
      'brought-forward-party',
      said(
        `${party.name} ('${party.id}') har en saldo overført fra ${brought.title} ${brought.year} (${nb}), men er ikke med i ${a.year}`,
        `${party.name} ('${party.id}') has a balance brought forward from ${brought.title} ${brought.year} (${en}), but is not a party in ${a.year}`,
      ),
      said(
        `før opp '${party.id}' under parties: (med left: ${a.year}-01-01 om den har gått ut), så saldoen gjøres opp i ${a.year}`,
        `list '${party.id}' under parties: (with left: ${a.year}-01-01 if it has left), so its balance is settled in ${a.year}`,
      ),
    );
  }
}

/** Each budgeted amount split over the instalments by their parts, to the øre, adding up exactly. */
function scheduleFor(party: Party, budget: AllocationReport, akonto: NonNullable<Agreement['settlement']>['akonto']): PartySchedule {
  const totals = budget.parties.find((p) => p.party.id === party.id)!;
  const budgeted = byKind((k) => totals[k]);
  // Zero-padded ids: a tie in the remainder goes to the larger part, then to the earliest instalment.
  const quotas = akonto.map((inst, i) => ({ id: String(i).padStart(4, '0'), share: inst.part }));
  const split = byKind((k) => distribute(budgeted[k], quotas, { unit: ORE, method: 'largest-remainder' }).amounts);
  const instalments = akonto.map((inst, i): Instalment => {
    const amounts = byKind((k) => split[k].get(quotas[i]!.id)!);
    return { due: inst.due, part: inst.part, amounts, total: amounts.operating.plus(amounts.investment) };
  });
  return { party, budgeted, instalments };
}

/** Each instalment of a party's schedule is an invoice: its number in the host's series, its net, VAT and total. */
function akontoInvoicesOf(a: Agreement, party: Id, own: PartySchedule, vat: VatTerms): AkontoInvoice[] {
  return own.instalments.map((i, n): AkontoInvoice => {
    const number = invoiceNumber(a, party, { kind: 'akonto', instalment: n + 1, of: own.instalments.length });
    const tax = vatOn(i.total, vat);
    return {
      instalment: n + 1,
      ...(number !== null ? { number: String(number) } : {}),
      due: i.due,
      amounts: i.amounts,
      net: i.total,
      vat: tax,
      gross: i.total.plus(tax),
    };
  });
}

type ReceivedPayment = PaymentRow & { readonly kind: ItemKind };

/**
 * A payment from a party the agreement does not know, or the same payment
 * twice, is never absorbed. A payment without a kind goes to the agreement's
 * only kind; where it has both, guessing one would book an investment
 * payment as operating (or the reverse), so it is an error.
 */
function checkPayments(a: Agreement, payments: readonly PaymentRow[], diags: Diagnostics): ReceivedPayment[] {
  const ids: Id[] = a.parties.map((p) => p.id);
  const kinds = ITEM_KINDS.filter((k) => a.items.some((i) => i.kind === k));
  const seen = new Map<string, PaymentRow>();
  const out: ReceivedPayment[] = [];
  // A bank export names the payer as it is registered: the name or the org number does as well as the id.
  const idOf = partyResolver(a.parties);
  for (const written of payments) {
    const p = { ...written, party: idOf(written.party) };
    if (p.kind === null && kinds.length !== 1) {
      diags.error(
        p.at,
        'payment-kind',
        said(
          'innbetalingen nevner ingen art, og avtalen har både drifts- og investeringsposter',
          'this payment names no kind, and the agreement has both operating and investment items',
        ),
        said(
          'skriv drift eller investering i en artskolonne, så innbetalingen føres mot riktig saldo',
          'write drift (operating) or investering (investment) in a kind column, so the payment is set against the right balance',
        ),
      );
    } else out.push({ ...p, kind: p.kind ?? kinds[0]! });
    if (!ids.includes(p.party)) {
      diags.error(
        p.at,
        'payment-party',
        said(`innbetaling fra ukjent kommune '${p.party}'`, `payment from unknown party '${p.party}'`),
        closestParty(p.party, a.parties) ?? declaredParties(ids),
      );
    }
    // A-konto is paid during the year, the final settlement in the next: a date outside both is likely another year's payment.
    if (p.date !== undefined && (p.date < `${a.year}-01-01` || p.date > `${a.year + 1}-12-31`)) {
      diags.warning(
        p.at,
        'payment-date',
        said(
          `innbetalingen er datert ${dateNb(p.date)}, utenfor ${a.year} og ${a.year + 1}, men føres mot ${a.title} ${a.year}`,
          `this payment is dated ${p.date}, outside ${a.year} and ${a.year + 1}, yet set against ${a.title} ${a.year}`,
        ),
        said(
          `sjekk at den hører til ${a.year}; en innbetaling for et annet år hører hjemme i det årets innbetalingsfil`,
          `check that it belongs to ${a.year}; a payment for another year goes in that year's payments file`,
        ),
      );
    }
    const key = JSON.stringify([p.party, p.kind, p.amount.toPlain(), p.date ?? '', p.text ?? '']);
    const first = seen.get(key);
    if (first) {
      diags.error(
        p.at,
        'payment-duplicate',
        said(
          `innbetalingen gjentar linje ${first.at.line} (samme kommune, art, beløp, dato og tekst)`,
          `this payment repeats line ${first.at.line} (same party, kind, amount, date and text)`,
        ),
        said(
          'slett kopien; er begge innbetalingene ekte, skill dem i tekstkolonnen',
          'delete the copy; if both payments are real, tell them apart in the text column',
        ),
      );
    } else seen.set(key, p);
  }
  return out;
}

function sums(kinds: ByKind<KindBalance>): Balances {
  const all = ITEM_KINDS.map((k) => kinds[k]);
  const balance = Money.sum(all.map((k) => k.balance));
  const carriedForward = Money.sum(all.filter((k) => k.carriedForward).map((k) => k.balance));
  return {
    charged: Money.sum(all.map((k) => k.charged)),
    invoiced: Money.sum(all.map((k) => k.invoiced)),
    paid: Money.sum(all.map((k) => k.paid)),
    broughtForward: Money.sum(all.map((k) => k.broughtForward)),
    balance,
    dueNow: balance.minus(carriedForward),
    carriedForward,
  };
}
