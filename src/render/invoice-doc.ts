import { ITEM_KINDS, type Address, type ItemKind } from '../agreement/model.js';
import type { BroughtForwardLine, DeductionLine, Invoice, InvoiceParty } from '../reports/invoice.js';
import type { Money } from '../money/money.js';
import { formatAccountNumber } from '../norway/account.js';
import type { Block, Doc } from './doc.js';
import { broughtForwardHow, broughtForwardTitle, deductionHow, deductionTitle, fill, lineHow, lineShare, lineTitle } from './invoice-lines.js';
import { kindLabel, label } from './labels.js';
import { formatDate, formatDecimal, formatMoney, type Locale } from './locale.js';
import { Ratio } from '../money/ratio.js';

/** The kinds an invoice shows: those with lines, a-konto, payments or a balance. */
export function invoiceKinds(inv: Invoice): ItemKind[] {
  const shown = ITEM_KINDS.filter(
    (k) => inv.lines[k].length > 0 || !inv.kinds[k].invoiced.isZero() || !inv.kinds[k].paid.isZero() || !inv.kinds[k].balance.isZero(),
  );
  return shown.length ? shown : ['operating'];
}

/** The facts at the top of an invoice, label and value, in print order. */
export function invoiceFacts(inv: Invoice, locale: Locale): [string, string][] {
  // A statement has no number, KID or due date; a credit note no KID or due date (nothing is paid by it).
  const fact = (name: Parameters<typeof label>[0], value: string | undefined): [string, string][] =>
    value === undefined ? [] : [[label(name, locale), value]];
  const facts: [string, string][] = [
    ...fact('invoiceNumber', inv.number),
    [label('invoiceDate', locale), formatDate(inv.date, locale)],
    ...fact('dueDate', inv.due === undefined ? undefined : formatDate(inv.due, locale)),
    ...fact('kid', inv.kid),
    ...fact('bankAccount', inv.type === 'invoice' ? formatAccountNumber(inv.seller.bankAccount) : undefined),
    [label('period', locale), `${formatDate(inv.period.start, locale)}–${formatDate(inv.period.end, locale)}`],
    ...(inv.buyerReference !== undefined ? [[label('yourRef', locale), inv.buyerReference] as [string, string]] : []),
  ];
  if (inv.buyer.orderReference) facts.push([label('orderReference', locale), inv.buyer.orderReference]);
  if (inv.buyer.accountingCost) facts.push([label('accountingCost', locale), inv.buyer.accountingCost]);
  if (inv.seller.reference) facts.push([label('ourRef', locale), inv.seller.reference]);
  if (inv.settles.length) facts.push([label(inv.type === 'credit-note' ? 'credits' : 'settlesAkonto', locale), inv.settles.join(', ')]);
  return facts;
}

/** `Faktura`, `Kreditnota`, or the statement's title where nothing is billed. */
export function invoiceTitle(inv: Invoice, locale: Locale): string {
  return label(inv.type === 'credit-note' ? 'creditNote' : inv.type === 'statement' ? 'statement' : 'invoice', locale);
}

/** The title with the number, when the document has one: `Faktura 1301005`. */
export function numberedTitle(inv: Invoice, locale: Locale): string {
  return inv.number !== undefined ? `${invoiceTitle(inv, locale)} ${inv.number}` : invoiceTitle(inv, locale);
}

/**
 * The contract a document bills under (EHF ContractDocumentReference, BT-12):
 * the agreement's title, the same every year, so the receiver can match each
 * year's invoices to the one agreement in its contract register.
 */
export function contractReference(inv: Invoice): string {
  return inv.agreement.title;
}

/** What the document is for: the final settlement of the year, or an a-konto instalment. */
export function invoiceSubject(inv: Invoice, locale: Locale): string {
  const a = inv.agreement;
  if (inv.document.kind === 'akonto')
    return `${fill(label('akontoTitle', locale), { year: String(a.year), n: String(inv.document.instalment), of: String(inv.document.of) })} — ${a.title}`;
  return `${label('settlementOf', locale)} ${a.title} ${a.year}`;
}

/** The sentence under the total: where to pay, or that nothing is to be paid. */
export function paymentText(inv: Invoice, locale: Locale): string {
  if (inv.type === 'credit-note') return label('creditRule', locale);
  if (inv.type === 'statement') return label('statementRule', locale);
  if (inv.totals.payable.sign() <= 0) return label(inv.totals.payable.isZero() ? 'nothingDue' : 'creditRule', locale);
  return label('payTo', locale)
    .replace('{account}', formatAccountNumber(inv.seller.bankAccount))
    .replace('{kid}', inv.kid ?? '')
    .replace('{due}', inv.due ? formatDate(inv.due, locale) : '');
}

/** The total line's label: what the party pays, or what it has to its credit. */
export function totalLabel(inv: Invoice, locale: Locale): string {
  return label(inv.type === 'credit-note' ? 'toCredit' : inv.type === 'statement' ? 'nothingDue' : 'toPay', locale);
}

/** The VAT statement every invoice carries. */
export function vatText(inv: Invoice, locale: Locale): string {
  return inv.vat.category === 'S' ? fill(label('vatStandard', locale), { rate: vatPercentText(inv, locale) }) : label('vatOutside', locale);
}

/** The invoice's VAT rate as printed, from its terms: `25 %`. */
export function vatPercentText(inv: Invoice, locale: Locale): string {
  return `${formatDecimal(inv.vat.rate.times(Ratio.of(100n)), locale, 6)} %`;
}

/**
 * `Org.nr. 964000085`, and for a VAT-registered seller `964000085 MVA`
 * (bokføringsforskriften § 5-1-1: the seller's number with MVA on a VAT invoice).
 */
export function orgText(inv: Invoice, p: InvoiceParty, seller: boolean, locale: Locale): string {
  return `${label('orgNumber', locale)} ${p.org}${seller && inv.vat.category === 'S' ? ' MVA' : ''}`;
}

/** An address on one line: `Rådhusveien 1, 9479 Harstad`. */
export function addressText(a: Address): string {
  return [a.street, `${a.postcode} ${a.city}`, a.country === 'NO' ? '' : a.country].filter((x) => x).join(', ');
}

/**
 * The summary at the end: per kind charged, a-konto paid and balance; then
 * the document's totals (VAT when charged, prepaid) down to what is paid or
 * credited. Printed once, after every line.
 */
export function invoiceSummary(inv: Invoice, locale: Locale): { kinds: [string, Money, Money, Money, boolean, Money][]; totals: [string, Money][] } {
  // Set against the charge: the a-konto invoiced where there is a schedule, else the payments.
  const invoicedAkonto = inv.paidFrom !== 'none' && ITEM_KINDS.some((k) => !inv.kinds[k].invoiced.isZero());
  const kinds = invoiceKinds(inv).map((k): [string, Money, Money, Money, boolean, Money] => [
    kindLabel(k, locale),
    inv.kinds[k].charged,
    (invoicedAkonto ? inv.kinds[k].invoiced : inv.kinds[k].paid).neg(),
    inv.kinds[k].balance,
    inv.kinds[k].carriedForward,
    inv.kinds[k].broughtForward,
  ]);
  const t = inv.totals;
  const totals: [string, Money][] = [];
  if (inv.vat.category === 'S')
    totals.push([label('net', locale), t.net], [`${label('vat', locale)} ${vatPercentText(inv, locale)}`, t.vat], [label('gross', locale), t.gross]);
  if (!t.prepaid.isZero()) totals.push([label('prepaid', locale), t.prepaid.neg()]);
  totals.push([totalLabel(inv, locale), t.payable]);
  return { kinds, totals };
}

/** What the summary sets against the charge: the a-konto invoiced, or (without a schedule) the a-konto paid. */
export function summaryAgainst(inv: Invoice): 'akontoInvoiced' | 'akontoPaid' {
  return ITEM_KINDS.some((k) => !inv.kinds[k].invoiced.isZero()) ? 'akontoInvoiced' : 'akontoPaid';
}

/** The brought-forward lines of a final document: per billed kind, the balance last year carried forward. */
export function broughtForwardLines(inv: Invoice): BroughtForwardLine[] {
  return inv.billed.flatMap((b) => (b.line.source === 'brought-forward' ? [b.line] : []));
}

/** Whether the summary needs a brought-forward column: only when last year left a balance on a kind shown. */
export function showsBroughtForward(inv: Invoice): boolean {
  return invoiceKinds(inv).some((k) => !inv.kinds[k].broughtForward.isZero());
}

/** The deduction lines of a final document: each a-konto invoice it settles. */
export function deductions(inv: Invoice): DeductionLine[] {
  return inv.billed.flatMap((b) => (b.line.source === 'akonto-invoice' ? [b.line] : []));
}

/** The invoice as a document of tables, for Markdown. */
export function invoiceDoc(inv: Invoice, locale: Locale): Doc {
  const m = (x: Money) => formatMoney(x, locale);
  const party = (p: InvoiceParty, seller: boolean) => `${p.name}, ${addressText(p.address)} (${orgText(inv, p, seller, locale)})`;
  const blocks: Block[] = invoiceKinds(inv).map((kind) => ({
    heading: kindLabel(kind, locale),
    notes: inv.kinds[kind].carriedForward ? [label('carriedRule', locale)] : [],
    columns: [
      { title: label('item', locale), align: 'left' },
      { title: label('how', locale), align: 'left' },
      { title: label('share', locale), align: 'right' },
      { title: label('amount', locale), align: 'right' },
    ],
    rows: inv.lines[kind].map((l) => [lineTitle(l, inv, locale), lineHow(l, inv, locale).join('; '), lineShare(l, locale), m(l.amount)]),
    footer: [],
  }));
  const brought = broughtForwardLines(inv);
  if (brought.length)
    blocks.push({
      heading: label('broughtForward', locale),
      notes: [],
      columns: [
        { title: label('item', locale), align: 'left' },
        { title: label('how', locale), align: 'left' },
        { title: label('amount', locale), align: 'right' },
      ],
      rows: brought.map((l) => [broughtForwardTitle(l, locale), broughtForwardHow(l, inv, locale), m(l.amount)]),
      footer: [],
    });
  const taken = deductions(inv);
  if (taken.length)
    blocks.push({
      heading: label('akontoDeducted', locale),
      notes: [],
      columns: [
        { title: label('item', locale), align: 'left' },
        { title: label('how', locale), align: 'left' },
        { title: label('amount', locale), align: 'right' },
      ],
      rows: taken.map((d) => [deductionTitle(d, locale), deductionHow(d, inv, locale), m(d.amount)]),
      footer: [],
    });
  const summary = invoiceSummary(inv, locale);
  const bf = showsBroughtForward(inv);
  blocks.push({
    heading: label('summary', locale),
    notes: [],
    columns: [
      { title: label('kind', locale), align: 'left' },
      { title: label('chargedActual', locale), align: 'right' },
      ...(bf ? [{ title: label('broughtForward', locale), align: 'right' as const }] : []),
      { title: label(summaryAgainst(inv), locale), align: 'right' },
      { title: label('balance', locale), align: 'right' },
    ],
    rows: summary.kinds.map(([k, charged, paid, balance, carried, brought]) => [
      carried ? `${k} (${label('carriedForward', locale).toLowerCase()})` : k,
      m(charged),
      ...(bf ? [m(brought)] : []),
      m(paid),
      m(balance),
    ]),
    footer: [],
  });
  blocks.push({
    heading: totalLabel(inv, locale),
    notes: [paymentText(inv, locale), vatText(inv, locale)],
    columns: [
      { title: '', align: 'left' },
      { title: label('amount', locale), align: 'right' },
    ],
    rows: summary.totals.map(([k, v]) => [k, m(v)]),
    footer: [],
  });
  if (inv.payments.length) {
    blocks.push({
      heading: label(inv.paidFrom === 'schedule' ? 'paymentsAssumed' : 'payments', locale),
      notes: [],
      columns: [
        { title: label('date', locale), align: 'left' },
        { title: label('kind', locale), align: 'left' },
        { title: label('label', locale), align: 'left' },
        { title: label('amount', locale), align: 'right' },
      ],
      rows: inv.payments.map((p) => [p.date ? formatDate(p.date, locale) : '', kindLabel(p.kind, locale), p.text ?? '', m(p.amount)]),
      footer: [],
    });
  }
  const facts = invoiceFacts(inv, locale).map(([k, v]) => `${k}: ${v}`);
  return {
    title: `${numberedTitle(inv, locale)} — ${invoiceSubject(inv, locale)}`,
    notes: [`${label('seller', locale)}: ${party(inv.seller, true)}`, `${label('buyer', locale)}: ${party(inv.buyer, false)}`, ...facts],
    blocks,
  };
}
