import { ITEM_KINDS, type Agreement, type Id, type Item, type ItemKind, type Party } from '../agreement/model.js';
import { addDays, type IsoDate } from '../dates/date.js';
import { Diagnostics, type Computed, type Diagnostic, type SourcePos } from '../diagnostics/diagnostic.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { ORE, roundToUnit } from '../money/rounding.js';
import { STANDARD_VAT_RATE } from '../money/vat.js';
import { invoiceKid } from '../norway/kid.js';
import { byKind } from '../reports/by-kind.js';
import type { PartySettlement, SettlementReport } from '../reports/settlement.js';
import { said } from '../text/said.js';
import { dateNb } from '../dates/date.js';
import type { AkontoLine, BilledLine, Invoice, InvoiceDocument, InvoiceLine, InvoiceParty, ItemLine, VatTerms } from '../reports/invoice.js';

export interface InvoiceOptions {
  /** The invoice date; the core never reads the clock. */
  readonly date: IsoDate;
  /** Instalment n (1-based) of the a-konto schedule instead of the final settlement. */
  readonly akonto?: number;
  /** Buyer references given on the command line, by party id, over those in the agreement. */
  readonly references?: ReadonlyMap<Id, string>;
}

/** Without `final_due`, an invoice falls due this many days after its date. */
export const DEFAULT_TERMS_DAYS = 30;

/** VAT on an amount, to the øre, halves away from zero (so a credit mirrors a charge). */
function vatOn(amount: Money, terms: VatTerms): Money {
  return roundToUnit(amount.times(terms.rate), ORE);
}

/**
 * The parties invoiced, in agreement order, and how many numbers one round
 * of documents takes: the series runs a-konto 1, a-konto 2, …, final, each
 * over the invoiced parties in agreement order — so a re-run numbers every
 * document the same.
 */
export function invoiceNumber(a: Agreement, buyer: Id, document: InvoiceDocument): bigint | null {
  const first = a.invoicing.firstNumber;
  if (first === undefined) return null;
  const buyers = a.parties.filter((p) => p.id !== a.host);
  const round = document.kind === 'akonto' ? document.instalment - 1 : (a.settlement?.akonto.length ?? 0);
  return first.value + BigInt(round * buyers.length + buyers.findIndex((p) => p.id === buyer));
}

/** The numbers the agreement's documents take, first and last: what must not overlap another agreement's of the same host. */
export function invoiceNumberRange(a: Agreement): { readonly first: bigint; readonly last: bigint; readonly at: SourcePos } | null {
  const first = a.invoicing.firstNumber;
  if (first === undefined) return null;
  const count = (a.settlement?.akonto.length ?? 0) + 1;
  const buyers = a.parties.filter((p) => p.id !== a.host).length;
  return { first: first.value, last: first.value + BigInt(Math.max(count * buyers - 1, 0)), at: first.at };
}

/**
 * Invoice numbers must be unique in the host's series: an agreement whose
 * numbers overlap those of another agreement of the same host (by org
 * number) given to the same `check` is an error at its `first_number`.
 */
export function invoiceNumberClashes(a: Agreement, others: readonly Agreement[]): Diagnostic[] {
  const org = (x: Agreement) => x.parties.find((p) => p.id === x.host)?.org;
  const mine = invoiceNumberRange(a);
  if (!mine || !org(a)) return [];
  const diags = new Diagnostics();
  for (const o of others) {
    const theirs = invoiceNumberRange(o);
    if (!theirs || org(o) !== org(a) || theirs.last < mine.first || mine.last < theirs.first) continue;
    diags.error(
      mine.at,
      'invoice-number-clash',
      said(
        `fakturanumrene ${mine.first}–${mine.last} overlapper ${theirs.first}–${theirs.last} i ${o.title} ${o.year} (${o.file}), fra samme vertskommune`,
        `invoice numbers ${mine.first}–${mine.last} overlap ${theirs.first}–${theirs.last} of ${o.title} ${o.year} (${o.file}), from the same host`,
      ),
      said(
        `la denne avtalens serie begynne etter ${theirs.last}: first_number: ${theirs.last + 1n}`,
        `start this agreement's series after ${theirs.last}: first_number: ${theirs.last + 1n}`,
      ),
    );
  }
  return diags.list;
}

/**
 * One invoice per party except the host, whose share is settled inside its
 * own accounts: the final settlement, or with `akonto` one instalment of the
 * schedule. Every fact an invoice needs that the agreement lacks (an org
 * number, an address, a buyer reference, the host's bank account and number
 * series) is reported, all at once.
 */
export function buildInvoices(r: SettlementReport, opts: InvoiceOptions): Computed<Invoice[]> {
  const a = r.allocation.agreement;
  const diags = new Diagnostics();
  const host = a.parties.find((p) => p.id === a.host)!;
  const buyers = r.parties.filter((p) => !p.isHost);
  const reference = (p: Party) => opts.references?.get(p.id) ?? p.reference;
  const need = (p: Party) => {
    if (!p.org)
      diags.error(
        p.at,
        'invoice-org',
        said(`kommunen '${p.id}' har ikke organisasjonsnummer, som en faktura må vise`, `party '${p.id}' has no org number, which an invoice must show`),
        said(
          `legg til org: "<9 sifre>" for kommunen '${p.id}' (Brønnøysundregistrene har det)`,
          `add org: "<9 digits>" to party '${p.id}' (Brønnøysundregistrene has it)`,
        ),
      );
    if (!p.address)
      diags.error(
        p.at,
        'invoice-address',
        said(`kommunen '${p.id}' har ingen adresse, som en faktura må vise`, `party '${p.id}' has no address, which an invoice must show`),
        said(
          `legg til address: { street: Rådhusveien 1, postcode: "9479", city: Harstad } for kommunen '${p.id}'`,
          `add address: { street: Rådhusveien 1, postcode: "9479", city: Harstad } to party '${p.id}'`,
        ),
      );
  };
  need(host);
  if (!host.bankAccount)
    diags.error(
      host.at,
      'invoice-bank-account',
      said(`vertskommunen '${host.id}' har ikke noe kontonummer å betale til`, `host '${host.id}' has no bank account to be paid into`),
      said(`legg til bank_account: "<11 sifre>" for kommunen '${host.id}'`, `add bank_account: "<11 digits>" to party '${host.id}'`),
    );
  if (!a.invoicing.firstNumber)
    diags.error(
      a.invoicing.at,
      'invoice-number',
      said(
        'avtalen har ingen fakturanummerserie, så fakturaene kunne gjentatt en annen avtales numre',
        "the agreement has no invoice number series, so its invoices could repeat another agreement's numbers",
      ),
      said(
        'legg til invoicing: { first_number: <neste ledige nummer i vertskommunens serie> }',
        "add invoicing: { first_number: <the next free number in the host's series> }",
      ),
    );
  for (const p of buyers) {
    need(p.party);
    if (!reference(p.party))
      diags.error(
        p.party.at,
        'invoice-reference',
        said(
          `kommunen '${p.party.id}' har ingen referanse for fakturaene sine (Deres ref.), som EHF krever`,
          `party '${p.party.id}' has no reference for its invoices (Deres ref.), which EHF requires`,
        ),
        said(
          `legg til reference: "<referansen ${p.party.name} ber om>" for kommunen '${p.party.id}', eller gi --reference ${p.party.id}=REF`,
          `add reference: "<the reference ${p.party.name} asks for>" to party '${p.party.id}', or give --reference ${p.party.id}=REF`,
        ),
      );
  }
  const akonto = a.settlement?.akonto ?? [];
  const document: InvoiceDocument = opts.akonto === undefined ? { kind: 'final' } : { kind: 'akonto', instalment: opts.akonto, of: akonto.length };
  const instalment = document.kind === 'akonto' ? akonto[document.instalment - 1] : undefined;
  const due = instalment?.due ?? r.finalDue ?? addDays(opts.date, DEFAULT_TERMS_DAYS);
  if (due < opts.date) {
    const at = instalment?.at ?? a.settlement?.finalDueAt ?? a.invoicing.at;
    diags.error(
      at,
      'invoice-due-date',
      said(
        `fakturaen ville forfalt ${dateNb(due)}, før fakturadatoen ${dateNb(opts.date)}`,
        `the invoice would fall due on ${due}, before its date ${opts.date}`,
      ),
      instalment
        ? said(
            'en a-kontofaktura sendes før terminen forfaller: gi en tidligere --date',
            'an a-konto invoice is sent before its instalment falls due: give an earlier --date',
          )
        : said(
            'flytt settlement: final_due til etter fakturadatoen, eller gi en tidligere --date',
            'move settlement: final_due after the invoice date, or give an earlier --date',
          ),
    );
  }
  if (diags.hasErrors) return diags.failure();

  const seller = host as InvoiceParty & { bankAccount: string };
  const vat: VatTerms =
    a.invoicing.vat === 'standard'
      ? { status: 'standard', category: 'S', rate: STANDARD_VAT_RATE }
      : { status: 'outside-scope', category: 'O', rate: Ratio.ZERO };
  const carried = new Set(a.settlement?.carryForward ?? []);
  const invoices = buyers.map((p): Invoice => {
    const buyer = p.party as InvoiceParty;
    const number = invoiceNumber(a, buyer.id, document)!;
    const body = document.kind === 'final' ? finalBody(r, p, vat, carried) : akontoBody(r, p, document.instalment, vat);
    const settles =
      document.kind === 'final' ? akonto.map((_, i) => String(invoiceNumber(a, buyer.id, { kind: 'akonto', instalment: i + 1, of: akonto.length }))) : [];
    return {
      document,
      number: String(number),
      kid: invoiceKid(number),
      date: opts.date,
      due,
      period: { start: `${a.year}-01-01`, end: `${a.year}-12-31` },
      agreement: a,
      seller,
      buyer,
      buyerReference: reference(buyer)!,
      vat,
      settles,
      paidFrom: r.paidFrom,
      ...body,
    };
  });
  return diags.result(invoices);
}

type Body = Pick<Invoice, 'type' | 'lines' | 'kinds' | 'billedKinds' | 'billed' | 'totals' | 'carriedForward' | 'payments'>;

/** The year-end document: each item's line, the a-konto paid against the billed kinds, the balance. */
function finalBody(r: SettlementReport, p: PartySettlement, vat: VatTerms, carried: ReadonlySet<ItemKind>): Body {
  const lines = byKind((kind) =>
    r.allocation.items
      .filter((i) => i.item.kind === kind)
      .flatMap((i) =>
        i.lines
          .filter((l) => l.party === p.party.id)
          .map(
            (l): ItemLine => ({
              source: 'item',
              item: i.item,
              basis: i.basis,
              shared: i.shared,
              steps: i.steps,
              method: l.method,
              exact: l.exact,
              amount: l.amount,
              ...(i.derivation ? { derivation: i.derivation } : {}),
              ...(l.key ? { key: l.key } : {}),
              ...(l.share ? { share: l.share } : {}),
              ...(l.quantity ? { quantity: l.quantity } : {}),
              ...unitPriced(i.item, l.quantity, l.amount),
            }),
          ),
      ),
  );
  const billedKinds = ITEM_KINDS.filter((k) => !carried.has(k));
  const itemLines = billedKinds.flatMap((k) => lines[k]);
  const net = Money.sum(itemLines.map((l) => l.amount));
  const payments = p.payments.filter((x) => billedKinds.includes(x.kind));
  const paidNet = Money.sum(payments.map((x) => x.amount));
  // Each a-konto payment settled an a-konto invoice that carried its own VAT.
  const paidGross = Money.sum(payments.map((x) => x.amount.plus(vatOn(x.amount, vat))));
  const vatAmount = vatOn(net, vat);
  const asInvoice = net.plus(vatAmount).minus(paidGross);
  const carriedForward = p.carriedForward;
  if (asInvoice.sign() >= 0) {
    return {
      type: 'invoice',
      lines,
      kinds: p.kinds,
      billedKinds,
      billed: itemLines.map(bill),
      totals: { net, vat: vatAmount, gross: net.plus(vatAmount), prepaid: paidGross, payable: asInvoice },
      carriedForward,
      payments: p.payments,
    };
  }
  // A credit note bills what was paid as a positive line and each item's charge against it.
  const creditNet = paidNet.minus(net);
  const creditVat = vatOn(creditNet, vat);
  const billed: BilledLine[] = [
    { line: { source: 'prepaid', kinds: billedKinds.filter((k) => !p.kinds[k].paid.isZero()) }, quantity: Ratio.ONE, price: paidNet, amount: paidNet },
    ...itemLines.map((l) => negate(bill(l))),
  ];
  return {
    type: 'credit-note',
    lines,
    kinds: p.kinds,
    billedKinds,
    billed,
    totals: { net: creditNet, vat: creditVat, gross: creditNet.plus(creditVat), prepaid: Money.ZERO, payable: creditNet.plus(creditVat) },
    carriedForward,
    payments: p.payments,
  };
}

/** One instalment of the schedule: per kind, that part of the party's budgeted share. */
function akontoBody(r: SettlementReport, p: PartySettlement, n: number, vat: VatTerms): Body {
  const schedule = r.schedule!.find((s) => s.party.id === p.party.id)!;
  const inst = schedule.instalments[n - 1]!;
  const lines = byKind((kind): AkontoLine[] =>
    schedule.budgeted[kind].isZero() ? [] : [{ source: 'akonto', kind, budgeted: schedule.budgeted[kind], part: inst.part, amount: inst.amounts[kind] }],
  );
  const all = ITEM_KINDS.flatMap((k) => lines[k]);
  const net = Money.sum(all.map((l) => l.amount));
  const vatAmount = vatOn(net, vat);
  const kinds = byKind((k) => ({ charged: inst.amounts[k], paid: Money.ZERO, balance: inst.amounts[k], carriedForward: false }));
  return {
    type: 'invoice',
    lines,
    kinds,
    billedKinds: ITEM_KINDS,
    billed: all.map(bill),
    totals: { net, vat: vatAmount, gross: net.plus(vatAmount), prepaid: Money.ZERO, payable: net.plus(vatAmount) },
    carriedForward: Money.ZERO,
    payments: [],
  };
}

/** A line billed once at its amount, or at its quantity × unit price; a negative amount as quantity −1. */
function bill(line: InvoiceLine): BilledLine {
  if (line.source === 'item' && line.unitPrice && line.quantity) return { line, quantity: line.quantity, price: line.unitPrice, amount: line.amount };
  const q = line.amount.sign() < 0 ? Ratio.of(-1n) : Ratio.ONE;
  return { line, quantity: q, price: line.amount.abs(), amount: line.amount };
}

function negate(b: BilledLine): BilledLine {
  return { ...b, quantity: b.quantity.neg(), amount: b.amount.neg() };
}

/**
 * A party priced on its own quantity at a unit price (licences per user)
 * is billed as quantity × unit price, when that product is the amount to
 * the øre — otherwise (a price step, a rounded product) as one line.
 */
function unitPriced(item: Item, quantity: Ratio | undefined, amount: Money): { unitPrice?: Money } {
  if (!quantity || quantity.sign() <= 0 || item.source.kind !== 'price' || item.source.price.kind !== 'unit' || item.vatIncluded || item.index) return {};
  const unit = item.source.price.unit.times(item.source.price.periods);
  if (!unit.isFiniteDecimal()) return {};
  const price = Money.fromFinite(unit);
  return quantity.times(price.toRatio()).eq(amount.toRatio()) ? { unitPrice: price } : {};
}
