import type { Invoice, VatTerms } from '../reports/invoice.js';
import { toCsv } from './csv.js';
import { invoiceTitle } from './invoice-doc.js';
import { billedName } from './invoice-lines.js';
import { label } from './labels.js';
import { formatDate, formatMoneyPlain, type Locale } from './locale.js';

/**
 * The VAT code of a line in the sales module: the Norwegian SAF-T standard
 * tax code (Skatteetaten, "Standard Tax Codes", Standard_Tax_Codes.csv of its
 * saf-t repository; ../shared/saft/example-v1.10-with-entries.xml maps its
 * "Utgående avgift, høy sats" to 3): 3 "Utgående merverdiavgift", regular
 * rate, for `vat: standard`; 6 "Omsetning og uttak utenfor
 * merverdiavgiftsloven" for a cost share outside the VAT act.
 */
export function standardTaxCode(vat: VatTerms): string {
  return vat.category === 'S' ? '3' : '6';
}

/** The basis's columns, in order; README "Sending invoices" documents each. */
const COLUMNS = [
  'basisOrg',
  'basisCustomer',
  'basisDocument',
  'basisNumber',
  'basisDate',
  'basisDue',
  'basisKid',
  'basisReference',
  'basisLine',
  'basisText',
  'basisVatCode',
  'basisNet',
  'basisVat',
  'basisRefers',
] as const;

/**
 * The invoice basis ("fakturagrunnlag") a sales module imports: one row per
 * line of every invoice and credit note of the run — the lines the EHF
 * carries, with the customer's org number, the document's number, dates and
 * KID, the line's SAF-T VAT code, net and VAT. Amounts are signed as they
 * move the customer's balance: a credit note's lines are negative. A
 * statement bills nothing and has no number, so it has no rows.
 */
export function invoiceBasisCsv(invoices: readonly Invoice[], locale: Locale): string {
  const m = (x: Parameters<typeof formatMoneyPlain>[0]) => formatMoneyPlain(x, locale);
  const rows: string[][] = [];
  for (const inv of invoices) {
    if (inv.type === 'statement') continue;
    const sign = inv.type === 'credit-note' ? -1n : 1n;
    inv.billed.forEach((b, i) => {
      const refers = b.line.source === 'akonto-invoice' ? (b.line.number ?? '') : inv.type === 'credit-note' ? inv.settles.join(' ') : '';
      rows.push([
        inv.buyer.org,
        inv.buyer.name,
        invoiceTitle(inv, locale),
        inv.number ?? '',
        formatDate(inv.date, locale),
        inv.due ? formatDate(inv.due, locale) : '',
        inv.kid ?? '',
        inv.buyerReference ?? '',
        String(i + 1),
        billedName(b, inv, locale),
        standardTaxCode(inv.vat),
        m(sign < 0n ? b.amount.neg() : b.amount),
        m(sign < 0n ? b.vat.neg() : b.vat),
        refers,
      ]);
    });
  }
  const numeric = COLUMNS.map((c) => c === 'basisNet' || c === 'basisVat');
  return toCsv(
    COLUMNS.map((c) => label(c, locale)),
    rows,
    numeric,
    locale,
  );
}
