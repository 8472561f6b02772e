import { ITEM_KINDS, type Item, type ItemKind } from '../agreement/model.js';
import type { IsoDate } from '../dates/date.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { invoiceKid } from '../norway/kid.js';
import { byKind } from '../reports/by-kind.js';
import type { BroughtForward, PartySettlement, SettlementReport } from '../reports/settlement.js';
import type { AkontoLine, BilledLine, BroughtForwardLine, DeductionLine, Invoice, InvoiceLine, ItemLine, VatTerms } from '../reports/invoice.js';
import type { InvoiceReady } from '../validate/invoicing.js';
import { documentNumber } from './numbers.js';
import { vatByLine, vatOn, vatTerms } from './vat.js';

/**
 * One invoice per party except the host, whose share is settled inside its
 * own accounts: the final settlement, or one instalment of the a-konto
 * schedule. What the agreement must give an invoice was checked before
 * (validate/invoicing.ts): `ready` carries it.
 */
export function buildInvoices(r: SettlementReport, ready: InvoiceReady, date: IsoDate): Invoice[] {
  const a = r.allocation.agreement;
  const { document, due, seller } = ready;
  const vat = vatTerms(a);
  const carried = new Set(a.settlement?.carryForward ?? []);
  const bodies = r.parties
    .filter((p) => !p.isHost)
    .map((p) => ({
      p,
      body: document.kind === 'final' ? finalBody(r, p, vat, carried) : akontoBody(r, p, document.instalment, vat),
    }));
  // Numbers go to invoices and credit notes only: in the final round, the parties with a statement take none.
  const numbered = bodies.filter((x) => x.body.type !== 'statement').map((x) => x.p.party.id);
  return bodies.map(({ p, body }): Invoice => {
    const buyer = ready.buyers.get(p.party.id);
    if (!buyer) throw new Error(`internal: party '${p.party.id}' was not validated for invoicing`);
    const number = body.type === 'statement' ? null : documentNumber(ready.firstNumber, a, document, numbered.indexOf(p.party.id));
    return {
      document,
      ...(number !== null ? { number: String(number) } : {}),
      ...(number !== null && body.type === 'invoice' ? { kid: invoiceKid(number), due } : {}),
      date,
      period: { start: `${a.year}-01-01`, end: `${a.year}-12-31` },
      agreement: a,
      seller,
      buyer: buyer.party,
      ...(buyer.reference ? { buyerReference: buyer.reference } : {}),
      vat,
      paidFrom: r.paidFrom,
      ...(r.broughtForward && document.kind === 'final' ? { broughtForward: lastYearOf(r.broughtForward) } : {}),
      ...body,
      billed: withVat(body.billed, vat),
    };
  });
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
