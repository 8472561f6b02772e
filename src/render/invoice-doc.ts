import { invoiceKinds, type Invoice, type InvoiceLine } from '../compute/invoice.js';
import type { Money } from '../money/money.js';
import { formatAccountNumber } from '../norway/account.js';
import type { Block, Doc } from './doc.js';
import { kindLabel, label } from './labels.js';
import { formatDate, formatDecimal, formatMoney, formatShare, type Locale } from './locale.js';

/** The facts at the top of an invoice, label and value, in print order. */
export function invoiceFacts(inv: Invoice, locale: Locale): [string, string][] {
  return [
    [label('invoiceNumber', locale), inv.number],
    [label('invoiceDate', locale), formatDate(inv.date, locale)],
    [label('dueDate', locale), formatDate(inv.due, locale)],
    [label('kid', locale), inv.kid],
    [label('bankAccount', locale), formatAccountNumber(inv.seller.bankAccount)],
    [label('agreement', locale), `${inv.agreement.title} ${inv.agreement.year}`],
  ];
}

/** `Faktura`, or `Kreditnota` when the host owes the party. */
export function invoiceTitle(inv: Invoice, locale: Locale): string {
  return label(inv.dueNow.sign() < 0 ? 'creditNote' : 'invoice', locale);
}

/** How a line was reached: `nøkkel ror2023`, `direkte`, `egen mengde 120`, or the party charged. */
export function lineSplit(l: InvoiceLine, locale: Locale): string {
  if (l.method === 'key') return `${label('lineKey', locale)} ${l.key}`;
  if (l.method === 'own') return `${label('own', locale)} ${formatDecimal(l.quantity!, locale)}`;
  if (l.method === 'direct') return label('direct', locale);
  return label('chargedTo', locale);
}

/** The sentence under the total: where to pay, or that nothing is to be paid. */
export function paymentText(inv: Invoice, locale: Locale): string {
  if (inv.dueNow.sign() < 0) return label('creditRule', locale);
  if (inv.dueNow.isZero()) return label('nothingDue', locale);
  return label('payTo', locale).replace('{account}', formatAccountNumber(inv.seller.bankAccount)).replace('{kid}', inv.kid).replace('{due}', formatDate(inv.due, locale));
}

/** The total line's label: what the party pays, or what it has to its credit. */
export function totalLabel(inv: Invoice, locale: Locale): string {
  return label(inv.dueNow.sign() < 0 ? 'toCredit' : 'toPay', locale);
}

/** The invoice as a document of tables, for Markdown. */
export function invoiceDoc(inv: Invoice, locale: Locale): Doc {
  const m = (x: Money) => formatMoney(x, locale);
  const party = (p: Invoice['buyer']) => `${p.name} (${label('orgNumber', locale)} ${p.org})`;
  const blocks: Block[] = invoiceKinds(inv).map((kind) => {
    const k = inv.kinds[kind];
    const summary = [
      [`${label('subtotal', locale)} ${kindLabel(kind, locale).toLowerCase()}`, '', '', '', m(k.charged)],
      [label('akontoPaid', locale), '', '', '', m(k.paid.neg())],
      [k.carriedForward ? label('carriedForward', locale) : label('balance', locale), '', '', '', m(k.balance)],
    ];
    return {
      heading: kindLabel(kind, locale),
      notes: k.carriedForward ? [label('carriedRule', locale)] : [],
      columns: [
        { title: label('item', locale), align: 'left' },
        { title: label('basis', locale), align: 'right' },
        { title: label('split', locale), align: 'left' },
        { title: label('share', locale), align: 'right' },
        { title: label('amount', locale), align: 'right' },
      ],
      rows: inv.lines[kind].map((l) => [l.item.label, m(l.basis), lineSplit(l, locale), l.share ? formatShare(l.share, locale) : '', m(l.amount)]),
      footer: summary,
    };
  });
  blocks.push({
    heading: totalLabel(inv, locale),
    notes: [paymentText(inv, locale)],
    columns: [
      { title: '', align: 'left' },
      { title: label('amount', locale), align: 'right' },
    ],
    rows: [[totalLabel(inv, locale), m(inv.dueNow.abs())]],
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
    title: `${invoiceTitle(inv, locale)} ${inv.number} — ${label('settlementOf', locale)} ${inv.agreement.title} ${inv.agreement.year}`,
    notes: [`${label('seller', locale)}: ${party(inv.seller)}`, `${label('buyer', locale)}: ${party(inv.buyer)}`, ...facts],
    blocks,
  };
}
