import { invoiceKinds, type Invoice } from '../compute/invoice.js';
import type { Money } from '../money/money.js';
import { invoiceFacts, invoiceTitle, lineSplit, paymentText, totalLabel } from './invoice-doc.js';
import { kindLabel, label } from './labels.js';
import { formatDate, formatMoney, formatShare, type Locale } from './locale.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Print rules: A4 with margins, system fonts only, nothing fetched. Amounts
 * never wrap, and a table row never splits across pages.
 */
const STYLE = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #111; line-height: 1.35; }
main { max-width: 180mm; margin: 0 auto; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm; }
h1 { font-size: 17pt; margin: 0 0 1mm 0; }
h2 { font-size: 11pt; margin: 6mm 0 2mm 0; }
.sub { color: #444; margin: 0; }
.parties { display: flex; gap: 10mm; margin-top: 6mm; }
.parties section { flex: 1; border-top: 0.4mm solid #111; padding-top: 2mm; }
.parties h3 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.05em; color: #555; margin: 0 0 1mm 0; }
dl.facts { display: grid; grid-template-columns: auto auto; gap: 0.5mm 4mm; margin: 0; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; margin-top: 1mm; }
th, td { padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
thead th { border-bottom: 0.3mm solid #111; font-size: 8.5pt; color: #333; }
tbody tr { break-inside: avoid; }
tbody td { border-bottom: 0.1mm solid #ccc; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 600; }
tfoot tr:first-child td { border-top: 0.3mm solid #111; }
.note { color: #444; font-size: 8.5pt; margin: 1mm 0; }
.total { margin-top: 7mm; border: 0.5mm solid #111; padding: 3mm 4mm; display: flex; justify-content: space-between; align-items: baseline; break-inside: avoid; }
.total .amount { font-size: 15pt; font-weight: 700; white-space: nowrap; }
.total p { margin: 1mm 0 0 0; }
footer { margin-top: 8mm; color: #555; font-size: 8pt; }
`;

/** One invoice as a self-contained, printable HTML page (A4, no external assets). */
export function invoiceHtml(inv: Invoice, locale: Locale): string {
  const m = (x: Money) => esc(formatMoney(x, locale));
  const title = `${invoiceTitle(inv, locale)} ${inv.number}`;
  const partyBlock = (heading: string, p: Invoice['buyer']) =>
    `<section><h3>${esc(heading)}</h3><strong>${esc(p.name)}</strong><br>${esc(label('orgNumber', locale))} ${esc(p.org)}</section>`;
  const sections = invoiceKinds(inv).map((kind) => {
    const k = inv.kinds[kind];
    const rows = inv.lines[kind]
      .map((l) => `<tr><td>${esc(l.item.label)}</td><td class="num">${m(l.basis)}</td><td>${esc(lineSplit(l, locale))}</td><td class="num">${l.share ? esc(formatShare(l.share, locale)) : ''}</td><td class="num">${m(l.amount)}</td></tr>`)
      .join('\n');
    const foot = (name: string, amount: Money) => `<tr><td colspan="4">${esc(name)}</td><td class="num">${m(amount)}</td></tr>`;
    return `<h2>${esc(kindLabel(kind, locale))}</h2>
${k.carriedForward ? `<p class="note">${esc(label('carriedRule', locale))}</p>` : ''}
<table>
<thead><tr><th>${esc(label('item', locale))}</th><th class="num">${esc(label('basis', locale))}</th><th>${esc(label('split', locale))}</th><th class="num">${esc(label('share', locale))}</th><th class="num">${esc(label('amount', locale))}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot>
${foot(`${label('subtotal', locale)} ${kindLabel(kind, locale).toLowerCase()}`, k.charged)}
${foot(label('akontoPaid', locale), k.paid.neg())}
${foot(k.carriedForward ? label('carriedForward', locale) : label('balance', locale), k.balance)}
</tfoot>
</table>`;
  });
  const payments = inv.payments.length
    ? `<h2>${esc(label(inv.paidFrom === 'schedule' ? 'paymentsAssumed' : 'payments', locale))}</h2>
<table>
<thead><tr><th>${esc(label('date', locale))}</th><th>${esc(label('kind', locale))}</th><th>${esc(label('label', locale))}</th><th class="num">${esc(label('amount', locale))}</th></tr></thead>
<tbody>
${inv.payments.map((p) => `<tr><td>${p.date ? esc(formatDate(p.date, locale)) : ''}</td><td>${esc(kindLabel(p.kind, locale))}</td><td>${esc(p.text ?? '')}</td><td class="num">${m(p.amount)}</td></tr>`).join('\n')}
</tbody>
</table>`
    : '';
  return `<!DOCTYPE html>
<html lang="${locale === 'nb' ? 'nb' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(title)} — ${esc(inv.buyer.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<div>
<h1>${esc(title)}</h1>
<p class="sub">${esc(label('settlementOf', locale))} ${esc(inv.agreement.title)} ${inv.agreement.year}</p>
</div>
<dl class="facts">
${invoiceFacts(inv, locale)
  .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
  .join('\n')}
</dl>
</header>
<div class="parties">
${partyBlock(label('seller', locale), inv.seller)}
${partyBlock(label('buyer', locale), inv.buyer)}
</div>
${sections.join('\n')}
<div class="total">
<div><strong>${esc(totalLabel(inv, locale))}</strong><p>${esc(paymentText(inv, locale))}</p></div>
<div class="amount">${m(inv.dueNow.abs())}</div>
</div>
${payments}
<footer>${esc(label('balanceRule', locale))}</footer>
</main>
</body>
</html>
`;
}
