import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { fixtureFacts, ROOT, samkost, usageError } from './cli.js';

/**
 * The EHF read back as XML by an independent parser and held against the
 * JSON invoice of the same run, to the øre; the document arithmetic of
 * EN 16931 redone here in integers; every "share × basis = amount" the
 * printed copy shows redone as a calculator would; and every number and KID
 * of a fixture's year (each a-konto instalment and the final settlement)
 * unique. The official Peppol rules are run on the same files by
 * `npm run validate:ehf` (see README).
 */
const fixtures = readdirSync(path.join(ROOT, 'fixtures')).filter((f) => existsSync(path.join(ROOT, 'fixtures', f, 'expected/invoices')));
const parser = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (n) => ['InvoiceLine', 'CreditNoteLine', 'BillingReference'].includes(n),
});

/** `1234.50` → 123450 øre, exactly. */
function ore(s: string): bigint {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a two-decimal amount: ${s}`);
  return (m[1] ? -1n : 1n) * (BigInt(m[2]!) * 100n + BigInt(m[3]!));
}

type Node = { '#text'?: string; [k: string]: unknown };
const text = (n: unknown): string => (typeof n === 'object' && n !== null ? ((n as Node)['#text'] ?? '') : String(n));

interface InvoiceJson {
  type: 'invoice' | 'credit-note' | 'statement';
  number: string;
  kid: string | null;
  due: string | null;
  agreement: string;
  buyer: { org: string; name: string; reference: string; accounting_cost?: string; order_reference?: string; endpoint?: string };
  seller: { org: string; bank_account: string; contact?: { name?: string; phone?: string; email?: string } };
  billed: { name: string; quantity: string; price: string; amount: string }[];
  document_totals: { net: string; vat: string; gross: string; prepaid: string; payable: string };
  settles: string[];
}

/** Every document of the fixture's year in one format: a-konto 1..n and the final settlement. */
async function documents(fixture: string, format: string): Promise<Map<string, string>> {
  const out = tempDir('ehf');
  const { year: y, instalments } = fixtureFacts(fixture);
  const runs = [...Array.from({ length: instalments }, (_, i) => ['--akonto', String(i + 1), '--date', `${y}-01-15`]), ['--date', `${y + 1}-01-10`]];
  for (const r of runs) expect((await samkost(['invoices', `fixtures/${fixture}`, '--out', out, '--format', format, ...r])).code).toBe(0);
  // The invoice basis written beside the EHF is one file for every party: read by basisRows, not here.
  const files = new Map(
    readdirSync(out)
      .filter((f) => !f.startsWith('fakturagrunnlag-'))
      .map((f) => [f.replace(/\.[a-z]+$/, ''), readFileSync(path.join(out, f), 'utf8')]),
  );
  return files;
}

/** The invoice basis of every run of the fixture's year (a-konto 1..n, final), as rows of cells, header first. */
async function basisRows(fixture: string): Promise<Map<string, string[][]>> {
  const out = tempDir('basis');
  const { year: y, instalments } = fixtureFacts(fixture);
  const runs = [...Array.from({ length: instalments }, (_, i) => ['--akonto', String(i + 1), '--date', `${y}-01-15`]), ['--date', `${y + 1}-01-10`]];
  for (const r of runs) expect((await samkost(['invoices', `fixtures/${fixture}`, '--out', out, '--format', 'ehf', ...r])).code).toBe(0);
  return new Map(
    readdirSync(out)
      .filter((f) => f.startsWith('fakturagrunnlag-') && f.endsWith('.csv'))
      .map((f) => [
        path.join(out, f),
        readFileSync(path.join(out, f), 'utf8')
          .replace(/^\ufeff/, '')
          .split('\r\n')
          .filter((l) => l)
          .map((l) => l.split(';')),
      ]),
  );
}

/**
 * The UBL 2.1 schema's order of the children the EHF writes (maindoc
 * UBL-Invoice-2.1.xsd / UBL-CreditNote-2.1.xsd, and the aggregates of
 * UBL-CommonAggregateComponents-2.1.xsd), as Peppol BIS 3.0 uses them: an
 * element out of this order makes the document invalid against the schema,
 * which an access point checks before any Schematron rule.
 */
const UBL_ORDER: Record<string, string[]> = {
  Invoice: [
    'CustomizationID',
    'ProfileID',
    'ID',
    'IssueDate',
    'DueDate',
    'InvoiceTypeCode',
    'Note',
    'TaxPointDate',
    'DocumentCurrencyCode',
    'AccountingCost',
    'BuyerReference',
    'InvoicePeriod',
    'OrderReference',
    'BillingReference',
    'DespatchDocumentReference',
    'ReceiptDocumentReference',
    'OriginatorDocumentReference',
    'ContractDocumentReference',
    'AdditionalDocumentReference',
    'ProjectReference',
    'AccountingSupplierParty',
    'AccountingCustomerParty',
    'PayeeParty',
    'TaxRepresentativeParty',
    'Delivery',
    'PaymentMeans',
    'PaymentTerms',
    'AllowanceCharge',
    'TaxTotal',
    'LegalMonetaryTotal',
    'InvoiceLine',
  ],
  CreditNote: [
    'CustomizationID',
    'ProfileID',
    'ID',
    'IssueDate',
    'TaxPointDate',
    'CreditNoteTypeCode',
    'Note',
    'DocumentCurrencyCode',
    'AccountingCost',
    'BuyerReference',
    'InvoicePeriod',
    'OrderReference',
    'BillingReference',
    'DespatchDocumentReference',
    'ReceiptDocumentReference',
    'ContractDocumentReference',
    'AdditionalDocumentReference',
    'OriginatorDocumentReference',
    'ProjectReference',
    'AccountingSupplierParty',
    'AccountingCustomerParty',
    'PayeeParty',
    'TaxRepresentativeParty',
    'Delivery',
    'PaymentMeans',
    'PaymentTerms',
    'AllowanceCharge',
    'TaxTotal',
    'LegalMonetaryTotal',
    'CreditNoteLine',
  ],
  Party: ['EndpointID', 'PartyIdentification', 'PartyName', 'PostalAddress', 'PartyTaxScheme', 'PartyLegalEntity', 'Contact'],
  Contact: ['ID', 'Name', 'Telephone', 'Telefax', 'ElectronicMail'],
  PaymentMeans: ['ID', 'PaymentMeansCode', 'PaymentDueDate', 'PaymentChannelCode', 'InstructionID', 'InstructionNote', 'PaymentID', 'PayeeFinancialAccount'],
  AdditionalDocumentReference: ['ID', 'DocumentTypeCode', 'DocumentDescription', 'Attachment'],
  PostalAddress: ['StreetName', 'AdditionalStreetName', 'CityName', 'PostalZone', 'CountrySubentity', 'AddressLine', 'Country'],
  LegalMonetaryTotal: [
    'LineExtensionAmount',
    'TaxExclusiveAmount',
    'TaxInclusiveAmount',
    'AllowanceTotalAmount',
    'ChargeTotalAmount',
    'PrepaidAmount',
    'PayableRoundingAmount',
    'PayableAmount',
  ],
  InvoiceLine: [
    'ID',
    'Note',
    'InvoicedQuantity',
    'LineExtensionAmount',
    'AccountingCost',
    'InvoicePeriod',
    'OrderLineReference',
    'DocumentReference',
    'AllowanceCharge',
    'Item',
    'Price',
  ],
  CreditNoteLine: [
    'ID',
    'Note',
    'CreditedQuantity',
    'LineExtensionAmount',
    'AccountingCost',
    'InvoicePeriod',
    'OrderLineReference',
    'DocumentReference',
    'AllowanceCharge',
    'Item',
    'Price',
  ],
  Item: ['Description', 'Name', 'BuyersItemIdentification', 'SellersItemIdentification', 'ClassifiedTaxCategory'],
};

const ordered = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, preserveOrder: true });
type OrderedNode = Record<string, OrderedNode[]>;

/** Every element whose children UBL_ORDER lists, checked in document order: the names out of the schema's sequence, or none. */
function outOfOrder(xml: string): string[] {
  const bad: string[] = [];
  const walk = (nodes: OrderedNode[]) => {
    for (const n of nodes) {
      const name = Object.keys(n).find((k) => k !== ':@' && k !== '#text' && k !== '?xml');
      if (!name) continue;
      const children = n[name]!;
      const order = UBL_ORDER[name];
      if (order) {
        const names = children.map((c) => Object.keys(c).find((k) => k !== ':@')!).filter((k) => k !== '#text');
        const unknown = names.filter((k) => !order.includes(k));
        if (unknown.length) bad.push(`${name}: ${unknown.join(', ')} not in the list`);
        const idx = names.map((k) => order.indexOf(k));
        idx.forEach((v, i) => {
          if (i > 0 && v < idx[i - 1]!) bad.push(`${name}: ${names[i]} after ${names[i - 1]}`);
        });
      }
      walk(children);
    }
  };
  walk(ordered.parse(xml) as OrderedNode[]);
  return bad;
}

describe('EHF read back', () => {
  for (const fixture of fixtures) {
    it(`${fixture}: every EHF equals its JSON invoice to the øre and adds up as EN 16931 requires`, { timeout: 60_000 }, async () => {
      const ehf = await documents(fixture, 'ehf');
      const json = await documents(fixture, 'json');
      const csv = await documents(fixture, 'csv');
      // An EHF for exactly the invoices that bill something: none is missing, none is sent for nothing.
      const billing = [...json].filter(([, t]) => {
        const inv = JSON.parse(t) as InvoiceJson;
        return inv.billed.length > 0 && ore(inv.document_totals.payable) !== 0n;
      });
      expect([...ehf.keys()].sort()).toEqual(billing.map(([name]) => name).sort());
      if (fixture !== 'ror-ikt-2023-investment') expect(ehf.size, 'this fixture bills something').toBeGreaterThan(0);
      for (const [name, xml] of ehf) {
        const inv = JSON.parse(json.get(name)!) as InvoiceJson;
        const doc = parser.parse(xml) as Record<string, Node>;
        const credit = inv.type === 'credit-note';
        const root = doc[credit ? 'CreditNote' : 'Invoice'] as Record<string, unknown>;
        expect(root, `${name} is a ${inv.type}`).toBeDefined();
        expect(text(root[credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode'])).toBe(credit ? '381' : '380');
        expect(text(root.ID)).toBe(inv.number);
        expect(text(root.BuyerReference)).toBe(inv.buyer.reference);
        // The elements UBL and Peppol define, in the schema's order.
        expect(outOfOrder(xml), name).toEqual([]);
        // The agreement as the contract, and the specification attached: the invoice's own CSV, byte for byte.
        expect(text((root.ContractDocumentReference as Record<string, Node>).ID)).toBe(inv.agreement);
        const attached = (root.AdditionalDocumentReference as { Attachment: { EmbeddedDocumentBinaryObject: Node } }).Attachment.EmbeddedDocumentBinaryObject;
        expect(attached['@_mimeCode']).toBe('text/csv');
        expect(attached['@_filename']).toBe(`spesifikasjon-${inv.number}.csv`);
        expect(Buffer.from(text(attached), 'base64').toString('utf8')).toBe(csv.get(name));
        // What the agreement gives per party: the posting string, the order number, a Peppol address other than the org number.
        expect(root.AccountingCost === undefined ? undefined : text(root.AccountingCost)).toBe(inv.buyer.accounting_cost);
        expect(root.OrderReference === undefined ? undefined : text((root.OrderReference as Record<string, Node>).ID)).toBe(inv.buyer.order_reference);
        const buyerEndpoint = (root.AccountingCustomerParty as { Party: { EndpointID: Node } }).Party.EndpointID;
        expect(`${buyerEndpoint['@_schemeID']}:${text(buyerEndpoint)}`).toBe(inv.buyer.endpoint ?? `0192:${inv.buyer.org}`);
        const contact = (root.AccountingSupplierParty as { Party: { Contact?: Record<string, Node> } }).Party.Contact;
        if (inv.seller.contact) {
          expect(text(contact!.Name)).toBe(inv.seller.contact.name);
          expect(text(contact!.Telephone)).toBe(inv.seller.contact.phone);
          expect(text(contact!.ElectronicMail)).toBe(inv.seller.contact.email);
        }
        const party = (p: string) => (root[p] as { Party: { EndpointID: Node; PartyLegalEntity: { CompanyID: Node } } }).Party;
        expect(text(party('AccountingSupplierParty').EndpointID)).toBe(inv.seller.org);
        expect(text(party('AccountingCustomerParty').PartyLegalEntity.CompanyID)).toBe(inv.buyer.org);
        if (credit) {
          // A credit note says which account the refund concerns, with no KID (nothing is paid by it).
          const refund = root.PaymentMeans as { PaymentMeansCode: Node; PaymentID?: Node; PayeeFinancialAccount: { ID: Node } };
          expect(text(refund.PaymentMeansCode)).toBe('30');
          expect(refund.PaymentID).toBeUndefined();
          expect(text(refund.PayeeFinancialAccount.ID)).toBe(inv.seller.bank_account);
          expect(
            (root.BillingReference as { InvoiceDocumentReference: { ID: string } }[] | undefined)?.map((r) => text(r.InvoiceDocumentReference.ID)) ?? [],
          ).toEqual(inv.settles);
        } else {
          const means = root.PaymentMeans as { PaymentMeansCode: Node; PaymentID: Node; PayeeFinancialAccount: { ID: Node } };
          expect(text(means.PaymentMeansCode)).toBe('30');
          expect(text(means.PaymentID)).toBe(inv.kid);
          expect(text(means.PayeeFinancialAccount.ID)).toBe(inv.seller.bank_account);
          expect(text(root.DueDate)).toBe(inv.due);
        }
        const lines = root[credit ? 'CreditNoteLine' : 'InvoiceLine'] as Record<string, Node>[];
        expect(lines.map((l) => text(l.LineExtensionAmount))).toEqual(inv.billed.map((b) => b.amount));
        expect(lines.map((l) => text(l[credit ? 'CreditedQuantity' : 'InvoicedQuantity']))).toEqual(inv.billed.map((b) => b.quantity));
        const total = root.LegalMonetaryTotal as Record<string, Node>;
        const t = inv.document_totals;
        expect(text(total.LineExtensionAmount)).toBe(t.net);
        expect(text(total.TaxInclusiveAmount)).toBe(t.gross);
        expect(text(total.PayableAmount)).toBe(t.payable);
        expect(total.PrepaidAmount ? text(total.PrepaidAmount) : '0.00').toBe(t.prepaid);
        expect(text((root.TaxTotal as Record<string, Node>).TaxAmount)).toBe(t.vat);
        // The arithmetic, in øre: lines sum to the net (BR-CO-10), net + VAT = gross (BR-CO-15), gross − prepaid = payable (BR-CO-16).
        expect(lines.reduce((s, l) => s + ore(text(l.LineExtensionAmount)), 0n)).toBe(ore(t.net));
        expect(ore(t.net) + ore(t.vat)).toBe(ore(t.gross));
        expect(ore(t.gross) - ore(t.prepaid)).toBe(ore(t.payable));
        expect(ore(t.payable) > 0n, `${name}: nothing is sent for nothing`).toBe(true);
        // BR-27: a price is never negative; a line that takes money off has a negative quantity.
        for (const l of lines) expect(text((l.Price as Record<string, Node>).PriceAmount)).not.toMatch(/^-/);
      }
    });

    it(`${fixture}: the invoice basis has a row per billed line of every invoice and credit note, and adds up to each document`, {
      timeout: 60_000,
    }, async () => {
      const basis = await basisRows(fixture);
      const json = await documents(fixture, 'json');
      const header = 'Kundens org.nr.;Kunde;Dokument;Fakturanr.;Fakturadato;Forfallsdato;KID;Deres ref.;Linje;Tekst;Mva-kode;Netto;Mva;Gjelder faktura';
      const rows = [...basis.values()].flatMap((r) => {
        expect(r[0]!.join(';')).toBe(header);
        return r.slice(1);
      });
      const billing = [...json.values()]
        .map((t) => JSON.parse(t) as InvoiceJson & { date: string; vat: { category: string } })
        .filter((i) => i.type !== 'statement');
      // No basis file where nothing is billed; otherwise one row per billed line, and no row for a statement.
      expect(basis.size > 0).toBe(billing.length > 0);
      expect(rows.length).toBe(billing.reduce((n, i) => n + i.billed.length, 0));
      const amount = (s: string) => ore(s.replace(',', '.'));
      // The workbook beside each CSV holds the same cells: texts as text, amounts as numbers, dates as dates.
      for (const [file, csvRows] of basis) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file.replace(/\.csv$/, '.xlsx'));
        const ws = wb.worksheets[0]!;
        expect(ws.name).toBe('Fakturagrunnlag');
        expect(ws.rowCount).toBe(csvRows.length);
        csvRows.slice(1).forEach((r, i) => {
          const row = ws.getRow(i + 2);
          expect([1, 4, 7, 10, 11].map((c) => String(row.getCell(c).value ?? ''))).toEqual([r[0], r[3], r[6], r[9], r[10]]);
          expect((row.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(r[4]);
          expect([12, 13].map((c) => (row.getCell(c).value as number).toFixed(2))).toEqual([r[11]!.replace(',', '.'), r[12]!.replace(',', '.')]);
        });
      }
      for (const inv of billing) {
        const mine = rows.filter((r) => r[3] === inv.number);
        expect(
          mine.map((r) => r[9]),
          `${inv.number}: the EHF's lines, by name`,
        ).toEqual(inv.billed.map((b) => b.name));
        for (const r of mine) {
          expect([r[0], r[1], r[6], r[7]]).toEqual([inv.buyer.org, inv.buyer.name, inv.kid ?? '', inv.buyer.reference ?? '']);
          expect(r[2]).toBe(inv.type === 'credit-note' ? 'Kreditnota' : 'Faktura');
          expect(r[4]).toBe(inv.date);
          expect(r[5]).toBe(inv.due ?? '');
          // SAF-T standard tax codes: 3 output VAT at the regular rate, 6 outside the VAT act.
          expect(r[10]).toBe(inv.vat.category === 'S' ? '3' : '6');
        }
        // Signed as the customer's balance moves: a credit note's rows add up to minus the document.
        const sign = inv.type === 'credit-note' ? -1n : 1n;
        expect(mine.reduce((n, r) => n + amount(r[11]!), 0n)).toBe(sign * ore(inv.document_totals.net));
        expect(mine.reduce((n, r) => n + amount(r[12]!), 0n)).toBe(sign * ore(inv.document_totals.vat));
      }
    });

    it(`${fixture}: every invoice of the year has its own number and KID`, { timeout: 60_000 }, async () => {
      const docs = [...(await documents(fixture, 'json')).values()].map((t) => JSON.parse(t) as InvoiceJson & { type: string });
      // A statement takes no number and no KID; every invoice and credit note takes its own.
      for (const d of docs.filter((x) => x.type === 'statement')) expect([d.number, d.kid]).toEqual([null, null]);
      expect(docs.length).toBeGreaterThan(0);
      const all = docs.filter((x) => x.type !== 'statement');
      expect(new Set(all.map((i) => i.number)).size).toBe(all.length);
      const invoices = all.filter((x) => x.type === 'invoice');
      expect(new Set(invoices.map((i) => i.kid)).size).toBe(invoices.length);
    });
  }

  it("the VAT-registered host's year, checked by hand (see the fixture's comment): a partial and a double payment change no invoice", async () => {
    const json = await documents('namsos-flatanger-2024-invoices', 'json');
    const doc = (party: string) => JSON.parse(json.get(`faktura-2024-${party}`)!) as InvoiceJson & { type: string };
    // The a-konto invoiced the whole charge: the finals bill nothing and are statements, not a credit note.
    expect([doc('flatanger').type, doc('osen').type]).toEqual(['statement', 'statement']);
    expect(doc('flatanger').document_totals).toEqual({ net: '0.00', vat: '0.00', gross: '0.00', prepaid: '0.00', payable: '0.00' });
    const s = JSON.parse((await samkost(['settle', 'fixtures/namsos-flatanger-2024-invoices', '--format', 'json'])).stdout) as {
      parties: { id: string; open_akonto: string; akonto_invoices: { vat: string }[] }[];
    };
    const party = (id: string) => s.parties.find((p) => p.id === id)!;
    expect(party('flatanger').open_akonto).toBe('98382.31');
    expect(party('osen').open_akonto).toBe('-994502.86');
    expect(party('flatanger').akonto_invoices.map((i) => i.vat)).toEqual(['269676.47', '269676.46']);
  });

  it('a carried-forward kind stays out of the EHF, and the billed kind still adds up', async () => {
    const dir = tempDir('carry');
    writeFileSync(
      path.join(dir, 'agreement.yaml'),
      `samkost: 1
agreement: Test
year: 2024
host: a
inputs: { payments: payments.csv }
parties:
  a: { name: A kommune, org: "964000018", bank_account: "1503.12.34562", address: { postcode: "6413", city: Molde } }
  b: { name: B kommune, org: "964000026", address: { postcode: "6390", city: Vestnes }, reference: B-2024 }
items:
  - { id: drift, label: Drift, amount: 1000, key: equal }
  - { id: inv, label: Investering, amount: 800, key: equal, kind: investment }
settlement: { carry_forward: [investment], final_due: 2025-01-31 }
invoicing: { first_number: 9001 }
`,
    );
    writeFileSync(path.join(dir, 'payments.csv'), 'party;kind;amount\nb;drift;300\nb;investering;700\n');
    const run = await samkost(['invoices', dir, '--out', path.join(dir, 'out'), '--format', 'ehf', '--date', '2025-01-10']);
    expect(run.code).toBe(0);
    const root = (parser.parse(readFileSync(path.join(dir, 'out', 'faktura-2024-b.xml'), 'utf8')) as { Invoice: Record<string, unknown> }).Invoice;
    const lines = root.InvoiceLine as Record<string, Node>[];
    // Operating: charged 500, a-konto 300, due 200. Investment: 400 charged, 700 paid, −300 carried forward — not billed.
    expect(lines.map((l) => text((l.Item as Record<string, Node>).Name))).toEqual(['Drift']);
    const total = root.LegalMonetaryTotal as Record<string, Node>;
    expect([text(total.LineExtensionAmount), text(total.PrepaidAmount), text(total.PayableAmount)]).toEqual(['500.00', '300.00', '200.00']);
  });

  it('--reference gives a party its buyer reference, and names only known parties', async () => {
    const out = tempDir('ref');
    const ok = await samkost([
      'invoices',
      'fixtures/harstad-ibestad-settlement',
      '--out',
      out,
      '--format',
      'ehf',
      '--date',
      '2022-01-10',
      '--reference',
      'ibestad=PO 4711',
    ]);
    expect(ok.code).toBe(0);
    expect(readFileSync(path.join(out, 'faktura-2021-ibestad.xml'), 'utf8')).toContain('<cbc:BuyerReference>PO 4711</cbc:BuyerReference>');
    const bad = await samkost([
      'invoices',
      'fixtures/harstad-ibestad-settlement',
      '--out',
      path.join(out, 'x'),
      '--date',
      '2022-01-10',
      '--reference',
      'ibestadd=1',
    ]);
    usageError(bad, "--reference nevner ingen kommune 'ibestadd'");
    expect(bad.stderr).toContain("mente du 'ibestad'");
    const none = await samkost(['invoices', 'fixtures/harstad-ibestad-settlement', '--out', path.join(out, 'y'), '--date', '2022-01-10', '--akonto', '3']);
    usageError(none, '--akonto 3: planen har 2 terminer');
  });

  it('the buyer reference is required for EHF only, and an order reference stands in for it there', async () => {
    const dir = tempDir('reference');
    const agreement = readFileSync(path.join(ROOT, 'tests/errors/invoice-reference/agreement.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'agreement.yaml'), agreement);
    // The printable copy needs no reference: no "Deres ref." line, and the JSON says null.
    const html = await samkost(['invoices', dir, '--out', path.join(dir, 'html'), '--format', 'html', '--date', '2025-01-10']);
    expect(html.code).toBe(0);
    expect(readFileSync(path.join(dir, 'html', 'faktura-2024-b.html'), 'utf8')).not.toContain('Deres ref.');
    expect((await samkost(['invoices', dir, '--out', path.join(dir, 'json'), '--format', 'json', '--date', '2025-01-10'])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'json', 'faktura-2024-b.json'), 'utf8')).buyer.reference).toBeNull();
    const ehf = await samkost(['invoices', dir, '--out', path.join(dir, 'ehf'), '--format', 'ehf', '--date', '2025-01-10']);
    expect(ehf.code).toBe(1);
    expect(ehf.stderr).toContain('[invoice-reference]');
    // PEPPOL-EN16931-R003: a buyer reference or an order reference.
    writeFileSync(path.join(dir, 'agreement.yaml'), agreement.replace('city: Vestnes } }', 'city: Vestnes }, order_reference: PO-77 }'));
    const ordered = await samkost(['invoices', dir, '--out', path.join(dir, 'ehf'), '--format', 'ehf', '--date', '2025-01-10']);
    expect(ordered.code).toBe(0);
    const xml = readFileSync(path.join(dir, 'ehf', 'faktura-2024-b.xml'), 'utf8');
    expect(xml).toContain('<cac:OrderReference><cbc:ID>PO-77</cbc:ID></cac:OrderReference>');
    expect(xml).not.toContain('BuyerReference');
  });

  it('a party with nothing to invoice gets no EHF, and the tool says so', async () => {
    const out = tempDir('ehf');
    const run = await samkost(['invoices', 'fixtures/ror-ikt-2023-investment', '--out', out, '--format', 'ehf', '--date', '2024-01-10']);
    expect(run.code).toBe(0);
    expect(readdirSync(out)).toEqual([]);
    expect(run.stderr).toContain('ingen EHF til Vestnes kommune: ingenting faktureres, årsoppgjøret er en kontoutskrift (saldo -237 589,69 overføres)');
    const en = await samkost(['invoices', 'fixtures/ror-ikt-2023-investment', '--out', out, '--format', 'ehf', '--date', '2024-01-10', '--locale', 'en']);
    expect(en.stderr).toContain('no EHF for Vestnes kommune: nothing is billed, the annual settlement is a statement (balance -237,589.69 carried forward)');
  });
});

describe('the printed copy', () => {
  /** `15,4512 % × 1 937 782,94 = 299 406,32` redone in integers, halves away from zero as the items round. */
  function reproduces(pct: string, basis: string, amount: string): boolean {
    const num = (s: string) => s.replace(/ /g, '').replace(',', '.');
    const [pi, pf = ''] = num(pct).split('.');
    const shareScaled = BigInt(pi! + pf); // percent × 10^pf.length
    const product = shareScaled * ore(num(basis)); // øre × percent × 10^k
    const den = 100n * 10n ** BigInt(pf.length);
    const rounded = (2n * (product < 0n ? -product : product) + den) / (2n * den);
    return (product < 0n ? -rounded : rounded) === ore(num(amount));
  }

  for (const fixture of fixtures) {
    it(`${fixture}: every share × basis on the invoice gives the printed amount on a calculator`, () => {
      const dir = path.join(ROOT, 'fixtures', fixture, 'expected/invoices');
      let checked = 0;
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/(\d+,\d+) % × (-?[\d ]+,\d\d) = (-?[\d ]+,\d\d)/g)) {
          expect(reproduces(m[1]!, m[2]!, m[3]!), `${f}: ${m[0]}`).toBe(true);
          checked++;
        }
      }
      // Harstad–Ibestad charges whole items to the party: no share to check.
      if (fixture !== 'harstad-ibestad-settlement') expect(checked).toBeGreaterThan(0);
    });
  }
});
