import type { Address } from '../agreement/model.js';
import type { Invoice, InvoiceLine, InvoiceParty } from '../reports/invoice.js';
import type { Money } from '../money/money.js';
import { toCsv } from './csv.js';
import { invoiceKinds } from './invoice-doc.js';
import { billedName, lineShare, lineTitle } from './invoice-lines.js';
import { kindLabel, label, marker } from './labels.js';
import { formatMoneyPlain, type Locale } from './locale.js';
import { kindJson, lastYearJson } from './settlement-json.js';

const money = (m: Money) => m.toFixed2();

function lineJson(l: InvoiceLine, kind: string): object {
  if (l.source === 'akonto') return { source: 'akonto', kind, budgeted: money(l.budgeted), part: l.part.toDecimalString(12), amount: money(l.amount) };
  return {
    source: 'item',
    item: l.item.id,
    label: l.item.label,
    kind,
    basis: money(l.basis),
    shared: money(l.shared),
    method: l.method,
    ...(l.key ? { key: l.key } : {}),
    ...(l.share ? { share: l.share.toDecimalString(12) } : {}),
    ...(l.quantity ? { quantity: l.quantity.toDecimalString(12) } : {}),
    ...(l.unitPrice ? { unit_price: money(l.unitPrice) } : {}),
    amount: money(l.amount),
  };
}

/** An invoice as JSON: money as two-decimal strings, shares exact (FORMAT §4); the same figures the EHF carries. */
export function invoiceJson(inv: Invoice, locale: Locale): object {
  const address = (a: Address) => ({ ...(a.street ? { street: a.street } : {}), postcode: a.postcode, city: a.city, country: a.country });
  const party = (p: InvoiceParty) => ({ id: p.id, name: p.name, org: p.org, address: address(p.address) });
  const t = inv.totals;
  return {
    document: inv.document.kind,
    ...(inv.document.kind === 'akonto' ? { instalment: inv.document.instalment, instalments: inv.document.of } : {}),
    type: inv.type,
    number: inv.number ?? null,
    date: inv.date,
    due: inv.due ?? null,
    period: inv.period,
    agreement: inv.agreement.title,
    year: inv.agreement.year,
    currency: inv.agreement.currency,
    seller: {
      ...party(inv.seller),
      ...(inv.seller.reference ? { reference: inv.seller.reference } : {}),
      bank_account: inv.seller.bankAccount,
      ...(inv.agreement.invoicing.contact ? { contact: inv.agreement.invoicing.contact } : {}),
    },
    buyer: {
      ...party(inv.buyer),
      reference: inv.buyerReference ?? null,
      ...(inv.buyer.orderReference ? { order_reference: inv.buyer.orderReference } : {}),
      ...(inv.buyer.accountingCost ? { accounting_cost: inv.buyer.accountingCost } : {}),
      ...(inv.buyer.endpoint ? { endpoint: `${inv.buyer.endpoint.scheme}:${inv.buyer.endpoint.id}` } : {}),
    },
    kid: inv.kid ?? null,
    vat: { status: inv.vat.status, category: inv.vat.category, rate: inv.vat.rate.toDecimalString(4) },
    lines: invoiceKinds(inv).flatMap((kind) => inv.lines[kind].map((l) => lineJson(l, kind))),
    billed: inv.billed.map((b) => ({
      name: billedName(b, inv, locale),
      ...(b.line.source === 'akonto-invoice' ? { deducts: b.line.number ?? null, instalment: b.line.instalment } : {}),
      ...(b.line.source === 'brought-forward'
        ? { brought_forward: { agreement: b.line.from.title, year: b.line.from.year, file: b.line.from.file, kind: b.line.kind } }
        : {}),
      quantity: b.quantity.toDecimalString(12),
      price: money(b.price),
      amount: money(b.amount),
    })),
    kinds: Object.fromEntries(invoiceKinds(inv).map((k) => [k, kindJson(inv.kinds[k])])),
    document_totals: { net: money(t.net), vat: money(t.vat), gross: money(t.gross), prepaid: money(t.prepaid), payable: money(t.payable) },
    due_now: money(inv.type === 'credit-note' ? t.payable.neg() : t.payable),
    carried_forward: money(inv.carriedForward),
    settles: inv.settles,
    paid_from: inv.paidFrom,
    payments: inv.payments.map((p) => ({ date: p.date ?? null, kind: p.kind, amount: money(p.amount), ...(p.text ? { text: p.text } : {}) })),
    ...(inv.broughtForward ? { brought_forward: lastYearJson(inv.broughtForward) } : {}),
  };
}

/**
 * An invoice as CSV, for an ERP import: one row per line, then per kind the
 * subtotal, a-konto paid and balance, then the document's totals — with the
 * invoice number and KID on every row so each row stands on its own.
 */
export function invoiceCsv(inv: Invoice, locale: Locale): string {
  const m = (x: Money) => formatMoneyPlain(x, locale);
  const header = [
    marker('row', locale),
    label('invoiceNumber', locale),
    label('kid', locale),
    label('item', locale),
    label('label', locale),
    label('kind', locale),
    label('basis', locale),
    label('key', locale),
    label('share', locale),
    label('amount', locale),
  ];
  const base = [inv.number ?? '', inv.kid ?? ''];
  const rows: string[][] = [];
  for (const kind of invoiceKinds(inv)) {
    const k = inv.kinds[kind];
    for (const l of inv.lines[kind]) {
      const title = lineTitle(l, inv, locale);
      if (l.source === 'akonto') rows.push([marker('line', locale), ...base, 'akonto', title, kindLabel(kind, locale), m(l.budgeted), '', '', m(l.amount)]);
      else
        rows.push([
          marker('line', locale),
          ...base,
          l.item.id,
          title,
          kindLabel(kind, locale),
          // A party's own ledger rows are not a share of anything: no basis to show (not a 0,00).
          l.method === 'direct' ? '' : m(l.shared),
          l.key ?? marker(l.method, locale),
          lineShare(l, locale),
          m(l.amount),
        ]);
    }
    rows.push([marker('subtotal', locale), ...base, '', '', kindLabel(kind, locale), '', '', '', m(k.charged)]);
    if (!k.invoiced.isZero()) rows.push([marker('invoiced', locale), ...base, '', '', kindLabel(kind, locale), '', '', '', m(k.invoiced)]);
    else rows.push([marker('paid', locale), ...base, '', '', kindLabel(kind, locale), '', '', '', m(k.paid)]);
    rows.push([marker(k.carriedForward ? 'carried-forward' : 'balance', locale), ...base, '', '', kindLabel(kind, locale), '', '', '', m(k.balance)]);
  }
  for (const b of inv.billed) {
    if (b.line.source === 'brought-forward')
      rows.push([marker('brought-forward', locale), ...base, '', billedName(b, inv, locale), kindLabel(b.line.kind, locale), '', '', '', m(b.amount)]);
  }
  for (const b of inv.billed) {
    if (b.line.source !== 'akonto-invoice') continue;
    rows.push([marker('deduction', locale), ...base, b.line.number ?? '', billedName(b, inv, locale), '', '', '', '', m(b.amount)]);
  }
  const t = inv.totals;
  if (inv.vat.category === 'S')
    rows.push([marker('net', locale), ...base, '', '', '', '', '', '', m(t.net)], [marker('vat', locale), ...base, '', '', '', '', '', '', m(t.vat)]);
  if (!t.prepaid.isZero()) rows.push([marker('prepaid', locale), ...base, '', '', '', '', '', '', m(t.prepaid)]);
  rows.push([
    marker(inv.type === 'credit-note' ? 'credit' : inv.type === 'statement' ? 'statement' : 'due', locale),
    ...base,
    '',
    '',
    '',
    '',
    '',
    '',
    m(t.payable),
  ]);
  return toCsv(header, rows, [false, false, false, false, false, false, true, false, false, true], locale);
}
