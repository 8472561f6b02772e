import type { Invoice, InvoiceParty } from '../reports/invoice.js';
import type { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { ORG_SCHEME } from '../agreement/endpoint.js';
import { invoiceCsv } from './invoice-data.js';
import { contractReference, invoiceSubject, vatText } from './invoice-doc.js';
import { billedHow, billedName } from './invoice-lines.js';
import { label } from './labels.js';
import { escapeMarkup as esc } from './markup.js';
import type { Locale } from './locale.js';

/** EHF 3 is Peppol BIS Billing 3.0: these two identifiers say so (BT-24, BT-23). */
export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const UBL = 'urn:oasis:names:specification:ubl:schema:xsd';
/** VATEX-EU-O: "Not subject to VAT", the exemption reason code of category O. */
const NOT_SUBJECT = 'VATEX-EU-O';

/** The VAT rate as EHF writes it: `25`. */
function vatPercent(inv: Invoice): string {
  return inv.vat.rate.times(Ratio.of(100n)).toDecimalString(2);
}

/** An element whose text is escaped; nothing for an empty value (PEPPOL-EN16931-R008: no empty elements). */
function el(name: string, text: string | undefined, attrs = ''): string {
  return text === undefined || text === '' ? '' : `<${name}${attrs}>${esc(text)}</${name}>`;
}

/**
 * The specification attached to the document (BG-24): the invoice's CSV, the
 * rows `--format csv` writes, embedded as base64 text/csv (BR-CL-24 allows
 * csv), so a receiver's accounts system keeps the figures with the invoice.
 */
function specification(inv: Invoice, locale: Locale): string {
  const name = `${label('specification', locale).toLowerCase()}-${inv.number ?? inv.buyer.id}`;
  const csv = Buffer.from(invoiceCsv(inv, locale), 'utf8').toString('base64');
  return `<cac:AdditionalDocumentReference>${el('cbc:ID', name)}${el('cbc:DocumentDescription', label('specificationText', locale))}<cac:Attachment>${el('cbc:EmbeddedDocumentBinaryObject', csv, ` mimeCode="text/csv" filename="${esc(name)}.csv"`)}</cac:Attachment></cac:AdditionalDocumentReference>`;
}

/**
 * One invoice as EHF (Peppol BIS Billing 3.0, UBL 2.1): an Invoice (380),
 * or a CreditNote (381) when the party is owed money. Every amount is read
 * from the invoice model, the same the JSON and HTML copies print; nothing
 * is computed here.
 */
export function invoiceEhf(inv: Invoice, locale: Locale): string {
  const credit = inv.type === 'credit-note';
  const root = credit ? 'CreditNote' : 'Invoice';
  const cur = ` currencyID="${esc(inv.agreement.currency)}"`;
  const amt = (name: string, m: Money) => el(name, m.toFixed2(), cur);
  const taxCategory = (tag: string) =>
    `<cac:${tag}>${el('cbc:ID', inv.vat.category)}${inv.vat.category === 'S' ? el('cbc:Percent', vatPercent(inv)) : ''}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:${tag}>`;
  const party = (p: InvoiceParty, seller: boolean) => {
    const a = p.address;
    const vatId =
      seller && inv.vat.category === 'S'
        ? `<cac:PartyTaxScheme>${el('cbc:CompanyID', `NO${p.org}MVA`)}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`
        : '';
    // The seller's contact (BG-6): invoicing.contact, its name defaulting to the host's reference (Vår ref.).
    const c = inv.agreement.invoicing.contact;
    const contactName = c?.name ?? inv.seller.reference;
    const contactFields = seller ? `${el('cbc:Name', contactName)}${el('cbc:Telephone', c?.phone)}${el('cbc:ElectronicMail', c?.email)}` : '';
    const contact = contactFields ? `<cac:Contact>${contactFields}</cac:Contact>` : '';
    // Delivered to the party's own org number, unless the agreement names another Peppol address (a sub-unit, an accounting office).
    const endpoint = p.endpoint ?? { scheme: ORG_SCHEME, id: p.org };
    const country = `<cac:Country>${el('cbc:IdentificationCode', a.country)}</cac:Country>`;
    const address = `${el('cbc:StreetName', a.street)}${el('cbc:CityName', a.city)}${el('cbc:PostalZone', a.postcode)}${country}`;
    const legal = `${el('cbc:RegistrationName', p.name)}${el('cbc:CompanyID', p.org, ` schemeID="${ORG_SCHEME}"`)}`;
    return `<cac:Party>
${el('cbc:EndpointID', endpoint.id, ` schemeID="${esc(endpoint.scheme)}"`)}
<cac:PartyName>${el('cbc:Name', p.name)}</cac:PartyName>
<cac:PostalAddress>${address}</cac:PostalAddress>
${vatId}<cac:PartyLegalEntity>${legal}</cac:PartyLegalEntity>${contact}
</cac:Party>`;
  };
  // One note only (PEPPOL-EN16931-R002): what the document is for, the VAT statement, a carry-forward.
  const notes = [
    invoiceSubject(inv, locale),
    vatText(inv, locale),
    ...(inv.kinds.investment.carriedForward || inv.kinds.operating.carriedForward ? [label('carriedRule', locale)] : []),
  ];
  const t = inv.totals;
  const lineTag = credit ? 'CreditNoteLine' : 'InvoiceLine';
  const qtyTag = credit ? 'CreditedQuantity' : 'InvoicedQuantity';
  const lines = inv.billed.map((b, i) => {
    const how = billedHow(b, inv, locale);
    return `<cac:${lineTag}>
${el('cbc:ID', String(i + 1))}
${el(`cbc:${qtyTag}`, b.quantity.toDecimalString(12), ' unitCode="C62"')}
${amt('cbc:LineExtensionAmount', b.amount)}
<cac:Item>${el('cbc:Description', how)}${el('cbc:Name', billedName(b, inv, locale))}${taxCategory('ClassifiedTaxCategory')}</cac:Item>
<cac:Price>${el('cbc:PriceAmount', b.price.toPlain().includes('.') ? b.price.toPlain() : b.price.toFixed2(), cur)}</cac:Price>
</cac:${lineTag}>`;
  });
  const exemption =
    inv.vat.category === 'O' ? `${el('cbc:TaxExemptionReasonCode', NOT_SUBJECT)}${el('cbc:TaxExemptionReason', label('vatOutside', locale))}` : '';
  const account = `<cac:PayeeFinancialAccount>${el('cbc:ID', inv.seller.bankAccount)}</cac:PayeeFinancialAccount>`;
  // A credit note has no KID (nothing is paid by it), but says which account the refund concerns.
  const payment = `<cac:PaymentMeans>${el('cbc:PaymentMeansCode', '30', ' name="Credit transfer"')}${el('cbc:PaymentID', inv.kid)}${account}</cac:PaymentMeans>`;
  const percent = inv.vat.category === 'S' ? el('cbc:Percent', vatPercent(inv)) : '';
  const category = `<cac:TaxCategory>${el('cbc:ID', inv.vat.category)}${percent}${exemption}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="${UBL}:${root}-2" xmlns:cac="${UBL}:CommonAggregateComponents-2" xmlns:cbc="${UBL}:CommonBasicComponents-2">
${el('cbc:CustomizationID', CUSTOMIZATION_ID)}
${el('cbc:ProfileID', PROFILE_ID)}
${el('cbc:ID', inv.number)}
${el('cbc:IssueDate', inv.date)}
${credit ? '' : el('cbc:DueDate', inv.due)}
${el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', credit ? '381' : '380')}
${el('cbc:Note', notes.join(' '))}
${el('cbc:DocumentCurrencyCode', inv.agreement.currency)}
${el('cbc:AccountingCost', inv.buyer.accountingCost)}
${el('cbc:BuyerReference', inv.buyerReference)}
<cac:InvoicePeriod>${el('cbc:StartDate', inv.period.start)}${el('cbc:EndDate', inv.period.end)}</cac:InvoicePeriod>
${inv.buyer.orderReference ? `<cac:OrderReference>${el('cbc:ID', inv.buyer.orderReference)}</cac:OrderReference>` : ''}
${inv.settles.map((n) => `<cac:BillingReference><cac:InvoiceDocumentReference>${el('cbc:ID', n)}</cac:InvoiceDocumentReference></cac:BillingReference>`).join('\n')}
<cac:ContractDocumentReference>${el('cbc:ID', contractReference(inv))}</cac:ContractDocumentReference>
${specification(inv, locale)}
<cac:AccountingSupplierParty>
${party(inv.seller, true)}
</cac:AccountingSupplierParty>
<cac:AccountingCustomerParty>
${party(inv.buyer, false)}
</cac:AccountingCustomerParty>
${payment}
<cac:TaxTotal>
${amt('cbc:TaxAmount', t.vat)}
<cac:TaxSubtotal>${amt('cbc:TaxableAmount', t.net)}${amt('cbc:TaxAmount', t.vat)}${category}</cac:TaxSubtotal>
</cac:TaxTotal>
<cac:LegalMonetaryTotal>
${amt('cbc:LineExtensionAmount', t.net)}
${amt('cbc:TaxExclusiveAmount', t.net)}
${amt('cbc:TaxInclusiveAmount', t.gross)}
${t.prepaid.isZero() ? '' : amt('cbc:PrepaidAmount', t.prepaid)}
${amt('cbc:PayableAmount', t.payable)}
</cac:LegalMonetaryTotal>
${lines.join('\n')}
</${root}>
`.replace(/\n{2,}/g, '\n');
}
