import { ITEM_KINDS, type Id, type Item, type ItemKind, type Party } from '../agreement/model.js';
import { addDays, type IsoDate } from '../dates/date.js';
import { Diagnostics, type Computed } from '../diagnostics/diagnostic.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { invoiceKid } from '../norway/kid.js';
import { byKind } from '../reports/by-kind.js';
import type { BroughtForward, PartySettlement, SettlementReport } from '../reports/settlement.js';
import { said } from '../text/said.js';
import { dateNb } from '../dates/date.js';
import type {
  AkontoLine,
  BilledLine,
  BroughtForwardLine,
  DeductionLine,
  Invoice,
  InvoiceDocument,
  InvoiceLine,
  InvoiceParty,
  ItemLine,
  VatTerms,
} from '../reports/invoice.js';
import { documentNumber } from './numbers.js';
import { vatByLine, vatOn, vatTerms } from './vat.js';

export interface InvoiceOptions {
  /** The invoice date; the core never reads the clock. */
  readonly date: IsoDate;
  /** Instalment n (1-based) of the a-konto schedule instead of the final settlement. */
  readonly akonto?: number;
  /** Buyer references given on the command line, by party id, over those in the agreement. */
  readonly references?: ReadonlyMap<Id, string>;
  /**
   * Whether the invoices are sent as EHF, where a buyer reference or an
   * order reference is required (PEPPOL-EN16931-R003); the printable copies
   * go without.
   */
  readonly ehf?: boolean;
}

/** Without `invoicing.payment_terms_days`, a final invoice falls due at least this many days after its date. */
export const DEFAULT_TERMS_DAYS = 30;

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
    if (opts.ehf && !reference(p.party) && !p.party.orderReference)
      diags.error(
        p.party.at,
        'invoice-reference',
        said(
          `kommunen '${p.party.id}' har ingen referanse for fakturaene sine (Deres ref.), som EHF krever`,
          `party '${p.party.id}' has no reference for its invoices (Deres ref.), which EHF requires`,
        ),
        said(
          `legg til reference: "<referansen ${p.party.name} ber om>" (eller order_reference:) for kommunen '${p.party.id}', eller gi --reference ${p.party.id}=REF`,
          `add reference: "<the reference ${p.party.name} asks for>" (or order_reference:) to party '${p.party.id}', or give --reference ${p.party.id}=REF`,
        ),
      );
  }
  const akonto = a.settlement?.akonto ?? [];
  const document: InvoiceDocument = opts.akonto === undefined ? { kind: 'final' } : { kind: 'akonto', instalment: opts.akonto, of: akonto.length };
  const instalment = document.kind === 'akonto' ? akonto[document.instalment - 1] : undefined;
  const terms = a.invoicing.paymentTermsDays?.value ?? DEFAULT_TERMS_DAYS;
  const byTerms = addDays(opts.date, terms);
  // A final invoice written late still gives the party its terms: the later of the agreed date and date + terms.
  const due = instalment?.due ?? (r.finalDue && r.finalDue > byTerms ? r.finalDue : byTerms);
  if (instalment && due < opts.date) {
    diags.error(
      instalment.at,
      'invoice-due-date',
      said(
        `fakturaen ville forfalt ${dateNb(due)}, før fakturadatoen ${dateNb(opts.date)}`,
        `the invoice would fall due on ${due}, before its date ${opts.date}`,
      ),
      said(
        'en a-kontofaktura sendes før terminen forfaller: gi en tidligere --date',
        'an a-konto invoice is sent before its instalment falls due: give an earlier --date',
      ),
    );
  } else if (!instalment && r.finalDue && due > r.finalDue) {
    diags.warning(
      a.settlement?.finalDueAt ?? a.invoicing.at,
      'invoice-terms',
      said(
        `sluttfakturaen datert ${dateNb(opts.date)} forfaller ${dateNb(due)} (${terms} dagers betalingsfrist), etter den avtalte datoen ${dateNb(r.finalDue)}`,
        `the final invoice dated ${opts.date} falls due on ${due} (${terms} days' terms), after the agreed date ${r.finalDue}`,
      ),
      said(
        `flytt final_due til ${dateNb(due)} eller senere, eller si fra til kommunene at sluttfakturaen forfaller senere enn avtalt`,
        `move final_due to ${due} or later, or tell the parties the final invoice falls due later than agreed`,
      ),
    );
  }
  if (diags.hasErrors) return diags.failure();

  const seller = host as InvoiceParty & { bankAccount: string };
  const vat = vatTerms(a);
  const carried = new Set(a.settlement?.carryForward ?? []);
  const bodies = buyers.map((p) => ({
    p,
    body: document.kind === 'final' ? finalBody(r, p, vat, carried) : akontoBody(r, p, document.instalment, vat),
  }));
  // Numbers go to invoices and credit notes only: in the final round, the parties with a statement take none.
  const numbered = bodies.filter((x) => x.body.type !== 'statement').map((x) => x.p.party.id);
  const invoices = bodies.map(({ p, body }): Invoice => {
    const buyer = p.party as InvoiceParty;
    const number = body.type === 'statement' ? null : documentNumber(a, document, numbered.indexOf(buyer.id))!;
    return {
      document,
      ...(number !== null ? { number: String(number) } : {}),
      ...(number !== null && body.type === 'invoice' ? { kid: invoiceKid(number), due } : {}),
      date: opts.date,
      period: { start: `${a.year}-01-01`, end: `${a.year}-12-31` },
      agreement: a,
      seller,
      buyer,
      ...(reference(buyer) ? { buyerReference: reference(buyer)! } : {}),
      vat,
      paidFrom: r.paidFrom,
      ...(r.broughtForward && document.kind === 'final' ? { broughtForward: lastYearOf(r.broughtForward) } : {}),
      ...body,
      billed: withVat(body.billed, vat),
    };
  });
  return diags.result(invoices);
}

const lastYearOf = (b: BroughtForward): NonNullable<Invoice['broughtForward']> => ({ title: b.title, year: b.year, file: b.file, files: b.files });

type Body = Pick<Invoice, 'type' | 'lines' | 'kinds' | 'billedKinds' | 'billed' | 'totals' | 'carriedForward' | 'payments' | 'settles'>;

/**
 * The year-end document, per billed kind: each item's charge, less each
 * a-konto invoice of the year (its own line, citing its number, excluding
 * VAT) — so the VAT of the year's documents adds up to the VAT of the
 * charge — and plus the balance last year carried forward, citing last year. Payments never change it when a schedule exists; without one,
 * the payments received are deducted as prepaid. Below zero it is a credit
 * note crediting the difference; at zero, a statement.
 */
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
              ...(l.limit ? { limit: l.limit } : {}),
              ...(l.billed ? { billed: l.billed } : {}),
              ...(l.threshold ? { threshold: l.threshold } : {}),
              ...unitPriced(i.item, l.quantity, l.amount),
            }),
          ),
      ),
  );
  const billedKinds = ITEM_KINDS.filter((k) => !carried.has(k));
  const deductions = p.akontoInvoices
    .map(
      (i): DeductionLine => ({
        source: 'akonto-invoice',
        instalment: i.instalment,
        of: p.akontoInvoices.length,
        ...(i.number !== undefined ? { number: i.number } : {}),
        kinds: billedKinds.filter((k) => !i.amounts[k].isZero()),
        amount: Money.sum(billedKinds.map((k) => i.amounts[k])).neg(),
      }),
    )
    .filter((d) => !d.amount.isZero());
  const from = r.broughtForward;
  const brought = from
    ? billedKinds
        .filter((kind) => !p.kinds[kind].broughtForward.isZero())
        .map(
          (kind): BroughtForwardLine => ({
            source: 'brought-forward',
            kind,
            from: { title: from.title, year: from.year, file: from.file },
            amount: p.kinds[kind].broughtForward,
          }),
        )
    : [];
  const billedLines: BilledLine[] = [...billedKinds.flatMap((k) => lines[k]).map(bill), ...brought.map(bill), ...deductions.map(bill)];
  const net = Money.sum(billedLines.map((l) => l.amount));
  const vatAmount = vatOn(net, vat);
  const prepaid = p.prepaid;
  const settles = deductions.flatMap((d) => (d.number !== undefined ? [d.number] : []));
  // With a schedule the payments change no invoice: they are not on it (the settlement lists what is open).
  const base = { lines, kinds: p.kinds, billedKinds, carriedForward: p.carriedForward, payments: r.schedule ? [] : p.payments, settles };
  if (net.sign() < 0) {
    // A real reduction: the charge is below what was invoiced a-konto. The credit note bills the same lines, negated.
    const creditNet = net.neg();
    const creditVat = vatOn(creditNet, vat);
    const gross = creditNet.plus(creditVat);
    return {
      ...base,
      type: 'credit-note',
      billed: billedLines.map(negate),
      totals: { net: creditNet, vat: creditVat, gross, prepaid: Money.ZERO, payable: gross },
    };
  }
  const gross = net.plus(vatAmount);
  const totals = { net, vat: vatAmount, gross, prepaid, payable: gross.minus(prepaid) };
  // Nothing billed and nothing paid to set against it: a statement, which consumes no number.
  if (net.isZero() && prepaid.isZero()) return { ...base, type: 'statement', billed: [], totals };
  return { ...base, type: 'invoice', billed: billedLines, totals };
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
  const kinds = byKind((k) => ({
    charged: inst.amounts[k],
    invoiced: Money.ZERO,
    paid: Money.ZERO,
    broughtForward: Money.ZERO,
    balance: inst.amounts[k],
    carriedForward: false,
  }));
  return {
    type: 'invoice',
    lines,
    kinds,
    billedKinds: ITEM_KINDS,
    billed: all.map(bill),
    totals: { net, vat: vatAmount, gross: net.plus(vatAmount), prepaid: Money.ZERO, payable: net.plus(vatAmount) },
    carriedForward: Money.ZERO,
    payments: [],
    settles: [],
  };
}

/** A line billed once at its amount, or at its quantity × unit price; a negative amount as quantity −1. */
function bill(line: InvoiceLine | DeductionLine | BroughtForwardLine): BilledLine {
  // The VAT of each line is set once the document's lines are known (withVat).
  if (line.source === 'item' && line.unitPrice && line.quantity)
    return { line, quantity: line.quantity, price: line.unitPrice, amount: line.amount, vat: Money.ZERO };
  const q = line.amount.sign() < 0 ? Ratio.of(-1n) : Ratio.ONE;
  return { line, quantity: q, price: line.amount.abs(), amount: line.amount, vat: Money.ZERO };
}

/** The billed lines with each one's part of the document's VAT. */
function withVat(billed: readonly BilledLine[], vat: VatTerms): BilledLine[] {
  const parts = vatByLine(
    billed.map((b) => b.amount),
    vat,
  );
  return billed.map((b, i) => ({ ...b, vat: parts[i]! }));
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
