import type { BilledLine, Invoice, VatTerms } from '../reports/invoice.js';
import { Ratio } from '../money/ratio.js';
import { invoiceTitle } from './invoice-doc.js';
import { billedName } from './invoice-lines.js';
import { label } from './labels.js';
import type { Locale } from './locale.js';
import { dateColumn, moneyColumn, numberColumn, type Sheet, sheet, textColumn } from './sheet.js';

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

/** One line of one document, as the basis lists it. */
interface BasisRow {
  readonly inv: Invoice;
  readonly b: BilledLine;
  readonly n: number;
  /** −1 on a credit note: its lines move the customer's balance the other way. */
  readonly sign: 1n | -1n;
}

/**
 * The invoice basis ("fakturagrunnlag") a sales module imports: one row per
 * line of every invoice and credit note of the run — the lines the EHF
 * carries, with the customer's org number, the document's number, dates and
 * KID, the line's SAF-T VAT code, net and VAT. Amounts are signed as they
 * move the customer's balance: a credit note's rows add up to minus what it
 * credits. A statement bills nothing and has no number, so it has no rows.
 * The columns are documented in README "Sending invoices".
 */
export function invoiceBasisSheet(invoices: readonly Invoice[], locale: Locale): Sheet {
  const rows: BasisRow[] = invoices
    .filter((inv) => inv.type !== 'statement')
    .flatMap((inv) => inv.billed.map((b, i) => ({ inv, b, n: i + 1, sign: inv.type === 'credit-note' ? (-1n as const) : (1n as const) })));
  const signed = (r: BasisRow, m: BilledLine['amount']) => (r.sign < 0n ? m.neg() : m);
  return sheet<BasisRow>(
    label('basisSheet', locale),
    [
      textColumn(label('basisOrg', locale), (r) => r.inv.buyer.org),
      textColumn(label('basisCustomer', locale), (r) => r.inv.buyer.name),
      textColumn(label('basisDocument', locale), (r) => invoiceTitle(r.inv, locale)),
      textColumn(label('basisNumber', locale), (r) => r.inv.number),
      dateColumn(label('basisDate', locale), (r) => r.inv.date),
      dateColumn(label('basisDue', locale), (r) => r.inv.due),
      textColumn(label('basisKid', locale), (r) => r.inv.kid),
      textColumn(label('basisReference', locale), (r) => r.inv.buyerReference),
      numberColumn(label('basisLine', locale), (r) => Ratio.of(BigInt(r.n))),
      textColumn(label('basisText', locale), (r) => billedName(r.b, r.inv, locale)),
      textColumn(label('basisVatCode', locale), (r) => standardTaxCode(r.inv.vat)),
      moneyColumn(label('basisNet', locale), (r) => signed(r, r.b.amount)),
      moneyColumn(label('basisVat', locale), (r) => signed(r, r.b.vat)),
      textColumn(label('basisRefers', locale), (r) =>
        r.b.line.source === 'akonto-invoice' ? r.b.line.number : r.inv.type === 'credit-note' ? r.inv.settles.join(' ') : undefined,
      ),
    ],
    rows,
  );
}
