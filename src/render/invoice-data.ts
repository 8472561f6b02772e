import { invoiceKinds, type Invoice } from '../compute/invoice.js';
import type { Money } from '../money/money.js';
import { toCsv } from './csv.js';
import { kindLabel, label } from './labels.js';
import { formatMoneyPlain, formatDecimal, type Locale } from './locale.js';

/** An invoice as JSON: money as two-decimal strings, shares exact (FORMAT §4). */
export function invoiceJson(inv: Invoice): object {
  const money = (m: Money) => m.toFixed2();
  const party = (p: Invoice['buyer']) => ({ id: p.id, name: p.name, org: p.org });
  return {
    number: inv.number,
    date: inv.date,
    due: inv.due,
    agreement: inv.agreement.title,
    year: inv.agreement.year,
    currency: inv.agreement.currency,
    seller: { ...party(inv.seller), bank_account: inv.seller.bankAccount },
    buyer: party(inv.buyer),
    kid: inv.kid,
    lines: invoiceKinds(inv).flatMap((kind) =>
      inv.lines[kind].map((l) => ({
        item: l.item.id,
        label: l.item.label,
        kind,
        basis: money(l.basis),
        method: l.method,
        ...(l.key ? { key: l.key } : {}),
        ...(l.share ? { share: l.share.toDecimalString(12) } : {}),
        ...(l.quantity ? { quantity: l.quantity.toDecimalString(12) } : {}),
        amount: money(l.amount),
      })),
    ),
    totals: Object.fromEntries(invoiceKinds(inv).map((k) => [k, { charged: money(inv.kinds[k].charged), paid: money(inv.kinds[k].paid), balance: money(inv.kinds[k].balance), carried_forward: inv.kinds[k].carriedForward }])),
    due_now: money(inv.dueNow),
    carried_forward: money(inv.carriedForward),
    paid_from: inv.paidFrom,
    payments: inv.payments.map((p) => ({ date: p.date ?? null, kind: p.kind, amount: money(p.amount), ...(p.text ? { text: p.text } : {}) })),
  };
}

/**
 * An invoice as CSV, for an ERP import: one row per line, then per kind the
 * subtotal, a-konto paid and balance, then the amount due — with the KID on
 * every row so each row stands on its own.
 */
export function invoiceCsv(inv: Invoice, locale: Locale): string {
  const m = (x: Money) => formatMoneyPlain(x, locale);
  const header = ['row', label('invoiceNumber', locale), label('kid', locale), label('item', locale), label('label', locale), label('kind', locale), label('basis', locale), label('key', locale), label('share', locale), label('amount', locale)];
  const base = [inv.number, inv.kid];
  const rows: string[][] = [];
  for (const kind of invoiceKinds(inv)) {
    const k = inv.kinds[kind];
    for (const l of inv.lines[kind]) rows.push(['line', ...base, l.item.id, l.item.label, kindLabel(kind, locale), m(l.basis), l.key ?? l.method, l.share ? formatDecimal(l.share, locale) : '', m(l.amount)]);
    rows.push(['subtotal', ...base, '', '', kindLabel(kind, locale), '', '', '', m(k.charged)]);
    rows.push(['paid', ...base, '', '', kindLabel(kind, locale), '', '', '', m(k.paid)]);
    rows.push([k.carriedForward ? 'carried-forward' : 'balance', ...base, '', '', kindLabel(kind, locale), '', '', '', m(k.balance)]);
  }
  rows.push(['due', ...base, '', '', '', '', '', '', m(inv.dueNow)]);
  return toCsv(header, rows, [false, false, false, false, false, false, true, false, true, true], locale);
}
