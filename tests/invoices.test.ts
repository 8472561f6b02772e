import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  kid: string;
  due: string;
  buyer: { org: string; reference: string };
  seller: { org: string; bank_account: string };
  billed: { quantity: string; price: string; amount: string }[];
  document_totals: { net: string; vat: string; gross: string; prepaid: string; payable: string };
  settles: string[];
}

/** Every document of the fixture's year in one format: a-konto 1..n and the final settlement. */
async function documents(fixture: string, format: string): Promise<Map<string, string>> {
  const out = tempDir('ehf');
  const { year: y, instalments } = fixtureFacts(fixture);
  const runs = [...Array.from({ length: instalments }, (_, i) => ['--akonto', String(i + 1), '--date', `${y}-01-15`]), ['--date', `${y + 1}-01-10`]];
  for (const r of runs) expect((await samkost(['invoices', `fixtures/${fixture}`, '--out', out, '--format', format, ...r])).code).toBe(0);
  const files = new Map(readdirSync(out).map((f) => [f.replace(/\.[a-z]+$/, ''), readFileSync(path.join(out, f), 'utf8')]));
  return files;
}

describe('EHF read back', () => {
  for (const fixture of fixtures) {
    it(`${fixture}: every EHF equals its JSON invoice to the øre and adds up as EN 16931 requires`, { timeout: 60_000 }, async () => {
      const ehf = await documents(fixture, 'ehf');
      const json = await documents(fixture, 'json');
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
        const party = (p: string) => (root[p] as { Party: { EndpointID: Node; PartyLegalEntity: { CompanyID: Node } } }).Party;
        expect(text(party('AccountingSupplierParty').EndpointID)).toBe(inv.seller.org);
        expect(text(party('AccountingCustomerParty').PartyLegalEntity.CompanyID)).toBe(inv.buyer.org);
        if (credit) {
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
