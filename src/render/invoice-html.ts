import type { Invoice, InvoiceParty } from '../reports/invoice.js';
import type { Money } from '../money/money.js';
import {
  addressText,
  broughtForwardLines,
  deductions,
  invoiceFacts,
  invoiceKinds,
  invoiceSubject,
  invoiceSummary,
  numberedTitle,
  orgText,
  paymentText,
  showsBroughtForward,
  summaryAgainst,
  totalLabel,
  vatText,
} from './invoice-doc.js';
import { broughtForwardHow, broughtForwardTitle, deductionHow, deductionTitle, lineHow, lineShare, lineTitle } from './invoice-lines.js';
import { kindLabel, label } from './labels.js';
import { escapeMarkup as esc } from './markup.js';
import { formatDate, formatMoney, type Locale } from './locale.js';

/** Text for a CSS string: the page footer is drawn by the browser from `content:`. */
const cssString = (s: string) =>
  `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\n\r]/g, ' ')}"`;

/**
 * Print rules: A4 with margins, system fonts only, nothing fetched. Amounts
 * never wrap, a table row never splits across pages, a table's header
 * repeats on every page it spans, and the totals come once, at the end.
 * The page's margin boxes carry the invoice number, KID and page number on
 * every printed page.
 */
const STYLE = `
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #111; line-height: 1.35; }
main { max-width: 180mm; margin: 0 auto; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm; }
h1 { font-size: 17pt; margin: 0 0 1mm 0; }
h2 { font-size: 11pt; margin: 6mm 0 2mm 0; break-after: avoid; }
.sub { color: #444; margin: 0; }
.parties { display: flex; gap: 10mm; margin-top: 6mm; }
.parties section { flex: 1; border-top: 0.4mm solid #111; padding-top: 2mm; }
.parties h3 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.05em; color: #555; margin: 0 0 1mm 0; }
dl.facts { display: grid; grid-template-columns: auto auto; gap: 0.5mm 4mm; margin: 0; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; margin-top: 1mm; }
th, td { padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
thead th { border-bottom: 0.3mm solid #111; font-size: 8.5pt; color: #333; }
tbody tr { break-inside: avoid; }
tbody td { border-bottom: 0.1mm solid #ccc; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td .how { display: block; color: #444; font-size: 8.5pt; }
.note { color: #444; font-size: 8.5pt; margin: 1mm 0; }
.summary { break-inside: avoid; }
.summary td.strong { font-weight: 600; }
.total { margin-top: 7mm; border: 0.5mm solid #111; padding: 3mm 4mm; display: flex; justify-content: space-between; align-items: baseline; break-inside: avoid; }
.total .amount { font-size: 15pt; font-weight: 700; white-space: nowrap; }
.total p { margin: 1mm 0 0 0; }
footer { margin-top: 8mm; color: #555; font-size: 8pt; }
`;

/** The page box: A4, and on every page the document's number and KID at the foot, with the page number. */
function pageStyle(inv: Invoice, locale: Locale): string {
  const left = inv.kid !== undefined ? `${numberedTitle(inv, locale)} · ${label('kid', locale)} ${inv.kid}` : numberedTitle(inv, locale);
  const box = 'font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 8pt; color: #555;';
  return `@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: ${cssString(left)}; ${box} }
  @bottom-right { content: ${cssString(`${label('page', locale)} `)} counter(page) " / " counter(pages); ${box} } }`;
}

/** One invoice as a self-contained, printable HTML page (A4, no external assets). */
export function invoiceHtml(inv: Invoice, locale: Locale): string {
  const m = (x: Money) => esc(formatMoney(x, locale));
  const title = numberedTitle(inv, locale);
  const partyBlock = (heading: string, p: InvoiceParty, seller: boolean) =>
    `<section><h3>${esc(heading)}</h3><strong>${esc(p.name)}</strong><br>${esc(addressText(p.address))}<br>${esc(orgText(inv, p, seller, locale))}</section>`;
  const sections = invoiceKinds(inv).map((kind) => {
    const rows = inv.lines[kind]
      .map((l) => {
        const how = lineHow(l, inv, locale)
          .map((h) => `<span class="how">${esc(h)}</span>`)
          .join('');
        return `<tr><td>${esc(lineTitle(l, inv, locale))}${how}</td><td class="num">${esc(lineShare(l, locale))}</td><td class="num">${m(l.amount)}</td></tr>`;
      })
      .join('\n');
    return `<h2>${esc(kindLabel(kind, locale))}</h2>
${inv.kinds[kind].carriedForward ? `<p class="note">${esc(label('carriedRule', locale))}</p>` : ''}
<table>
<thead><tr><th>${esc(label('item', locale))}</th><th class="num">${esc(label('share', locale))}</th><th class="num">${esc(label('amount', locale))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  });
  const brought = broughtForwardLines(inv);
  const broughtTable = brought.length
    ? `<h2>${esc(label('broughtForward', locale))}</h2>
<table>
<thead><tr><th>${esc(label('item', locale))}</th><th class="num">${esc(label('amount', locale))}</th></tr></thead>
<tbody>
${brought.map((l) => `<tr><td>${esc(broughtForwardTitle(l, locale))}<span class="how">${esc(broughtForwardHow(l, inv, locale))}</span></td><td class="num">${m(l.amount)}</td></tr>`).join('\n')}
</tbody>
</table>
`
    : '';
  const taken = deductions(inv);
  const deductionTable = taken.length
    ? `<h2>${esc(label('akontoDeducted', locale))}</h2>
<table>
<thead><tr><th>${esc(label('item', locale))}</th><th class="num">${esc(label('amount', locale))}</th></tr></thead>
<tbody>
${taken.map((d) => `<tr><td>${esc(deductionTitle(d, locale))}<span class="how">${esc(deductionHow(d, inv, locale))}</span></td><td class="num">${m(d.amount)}</td></tr>`).join('\n')}
</tbody>
</table>`
    : '';
  const summary = invoiceSummary(inv, locale);
  const th = (key: Parameters<typeof label>[0], num = true) => `<th${num ? ' class="num"' : ''}>${esc(label(key, locale))}</th>`;
  const carriedNote = ` <span class="how">${esc(label('carriedForward', locale))}</span>`;
  const bf = showsBroughtForward(inv);
  const kindRow = ([k, charged, paid, balance, carried, broughtForward]: (typeof summary.kinds)[number]) =>
    `<tr><td>${esc(k)}${carried ? carriedNote : ''}</td><td class="num">${m(charged)}</td>${bf ? `<td class="num">${m(broughtForward)}</td>` : ''}<td class="num">${m(paid)}</td><td class="num">${m(balance)}</td></tr>`;
  const summaryTable = `<div class="summary">
<h2>${esc(label('summary', locale))}</h2>
<table>
<thead><tr>${th('kind', false)}${th('chargedActual')}${bf ? th('broughtForward') : ''}${th(summaryAgainst(inv))}${th('balance')}</tr></thead>
<tbody>
${summary.kinds.map(kindRow).join('\n')}
${summary.totals
  .slice(0, -1)
  .map(([k, v]) => `<tr><td colspan="${bf ? 4 : 3}" class="strong">${esc(k)}</td><td class="num">${m(v)}</td></tr>`)
  .join('\n')}
</tbody>
</table>
</div>`;
  const paymentRow = (p: Invoice['payments'][number]) =>
    `<tr><td>${p.date ? esc(formatDate(p.date, locale)) : ''}</td><td>${esc(kindLabel(p.kind, locale))}</td><td>${esc(p.text ?? '')}</td><td class="num">${m(p.amount)}</td></tr>`;
  const payments = inv.payments.length
    ? `<h2>${esc(label(inv.paidFrom === 'schedule' ? 'paymentsAssumed' : 'payments', locale))}</h2>
<table>
<thead><tr>${th('date', false)}${th('kind', false)}${th('label', false)}${th('amount')}</tr></thead>
<tbody>
${inv.payments.map(paymentRow).join('\n')}
</tbody>
</table>`
    : '';
  return `<!DOCTYPE html>
<html lang="${locale === 'nb' ? 'nb' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(title)} — ${esc(inv.buyer.name)}</title>
<style>${pageStyle(inv, locale)}${STYLE}</style>
</head>
<body>
<main>
<header>
<div>
<h1>${esc(title)}</h1>
<p class="sub">${esc(invoiceSubject(inv, locale))}</p>
</div>
<dl class="facts">
${invoiceFacts(inv, locale)
  .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
  .join('\n')}
</dl>
</header>
<div class="parties">
${partyBlock(label('seller', locale), inv.seller, true)}
${partyBlock(label('buyer', locale), inv.buyer, false)}
</div>
${sections.join('\n')}
${broughtTable}${deductionTable}
${summaryTable}
<div class="total">
<div><strong>${esc(totalLabel(inv, locale))}</strong><p>${esc(paymentText(inv, locale))}</p></div>
<div class="amount">${m(inv.totals.payable)}</div>
</div>
${payments}
<footer>${esc(vatText(inv, locale))} ${esc(label('balanceRule', locale))}</footer>
</main>
</body>
</html>
`;
}
