import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../../src/agreement/read.js';
import { driverTable } from '../../src/compute/drivers.js';
import { buildInvoices } from '../../src/compute/invoice.js';
import { validateInvoicing } from '../../src/validate/invoicing.js';
import { settle } from '../../src/compute/settle.js';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import type { ActualsRow } from '../../src/inputs/actuals.js';
import type { PaymentRow } from '../../src/inputs/payments.js';
import { Money } from '../../src/money/money.js';
import { Ratio } from '../../src/money/ratio.js';
import { STANDARD_VAT_RATE } from '../../src/money/vat.js';
import type { Invoice } from '../../src/reports/invoice.js';
import type { BroughtForward } from '../../src/reports/settlement.js';
import type { Agreement } from '../../src/agreement/model.js';
import { parseYaml } from '../../src/agreement/yaml-library.js';

/**
 * The year's documents as one ledger per party, over generated years: a
 * budget and actuals (so the charge is above or below what was invoiced
 * a-konto: credit years included), schedules of 1 to 4 instalments or none,
 * payments partial, missing or double, both VAT modes, and a balance
 * brought forward from last year (owed, to the party's credit, or none).
 * Per party: Σ documents = charge + brought forward (+ VAT), Σ VAT = 25 %
 * of that within one øre per document, every deduction line cites an a-konto invoice and every
 * a-konto invoice is cited (a BillingReference each), and numbers are
 * unique and taken only by invoices and credit notes.
 */
const at = { file: 'x.csv', line: 2, col: 1 };
const row = (category: string, amount: Money): ActualsRow => ({ category, amount, at, categoryAt: at, rows: 1 });
const ORGS = ['964000026', '964000107', '964000115'];
const SCHEDULES = [null, ['100%'], ['50%', '50%'], ['40%', '60%'], ['25%', '25%', '25%', '25%'], ['1/3', '1/3', '1/3']];
const ONE_ORE = Money.parse('0.01')!;

function agreementText(buyers: number, vat: boolean, parts: readonly string[] | null, carry = false): string {
  const parties = [
    '  h: { name: H kommune, org: "964000018", bank_account: "1503.12.34562", address: { postcode: "6413", city: Molde } }',
    ...ORGS.slice(0, buyers).map((org, i) => `  p${i}: { name: P${i} kommune, org: "${org}", address: { postcode: "6390", city: Vestnes }, reference: R${i} }`),
  ];
  const schedule = parts ? `  akonto:\n${parts.map((p, i) => `    - { due: 2024-0${i + 3}-28, part: ${p} }`).join('\n')}\n` : '';
  return `samkost: 1
agreement: T
year: 2024
host: h
parties:
${parties.join('\n')}
invoicing: { first_number: 5001${vat ? ', vat: standard' : ''} }
items:
  - { id: drift, label: Drift, actuals: { category: [drift] }, key: equal }
settlement:
${schedule}  final_due: 2025-01-31
${carry ? '  carry_forward: [operating]\n' : ''}`;
}

const year = fc.record({
  buyers: fc.integer({ min: 1, max: 3 }),
  vat: fc.boolean(),
  parts: fc.constantFrom(...SCHEDULES),
  budget: fc.bigInt({ min: 1n, max: 500_000_000n }),
  actual: fc.bigInt({ min: 0n, max: 500_000_000n }),
  // Per payment: which party (index), how much in øre, and whether it was paid twice.
  payments: fc.array(fc.record({ party: fc.nat(3), ore: fc.bigInt({ min: 1n, max: 200_000_000n }), twice: fc.boolean() }), { maxLength: 6 }),
  // Per party (by index), the operating balance last year carried forward, in øre: owed, to its credit, or none.
  brought: fc.array(fc.oneof(fc.constant(0n), fc.bigInt({ min: -300_000_000n, max: 300_000_000n })), { minLength: 4, maxLength: 4 }),
});

type Year = typeof year extends fc.Arbitrary<infer T> ? T : never;

/** Last year's carried-forward balances as the settle command hands them in: per party, operating only. */
function broughtForward(y: Year, a: Agreement): BroughtForward {
  return {
    at,
    title: 'T',
    year: 2023,
    file: '../2023/agreement.yaml',
    files: [],
    balances: a.parties.map((party, i) => ({
      party,
      kinds: { operating: i === 0 ? Money.ZERO : Money.fromUnits(y.brought[i - 1]!, 2), investment: Money.ZERO },
    })),
  };
}

/** Every document of the year: each a-konto instalment (dated 15 January), then the final (10 January next year). */
function documents(y: Year, withPayments = true, carry = false): Invoice[] {
  const { agreement: a } = readAgreement(parseYaml(agreementText(y.buyers, y.vat, y.parts, carry)), 't.yaml');
  if (!a) throw new Error('generated agreement does not read');
  const payments: PaymentRow[] = y.payments.flatMap((p, i) => {
    const party = `p${p.party % y.buyers}`;
    const one = (n: number): PaymentRow => ({
      party,
      amount: Money.fromUnits(p.ore, 2),
      kind: 'operating',
      at: { ...at, line: 2 + 2 * i + n },
      text: `betaling ${i}.${n}`,
    });
    return p.twice ? [one(0), one(1)] : [one(0)];
  });
  const settled = settle({
    agreement: a,
    actuals: [row('drift', Money.fromUnits(y.actual, 2))],
    drivers: driverTable(a, [], new Diagnostics()),
    budget: [row('drift', Money.fromUnits(y.budget, 2))],
    payments: withPayments ? payments : null,
    broughtForward: broughtForward(y, a),
  });
  if (!settled.report) throw new Error(settled.diagnostics.map((d) => d.code).join(', '));
  const rounds = [...(y.parts ?? []).map((_, i) => ({ akonto: i + 1, date: '2024-01-15' })), { date: '2025-01-10' }];
  return rounds.flatMap((r) => {
    const ready = validateInvoicing(a, { date: r.date, ...('akonto' in r ? { akonto: r.akonto } : {}) });
    if (!ready.report) throw new Error(ready.diagnostics.map((d) => d.code).join(', '));
    return buildInvoices(settled.report!, ready.report, r.date);
  });
}

/** A document's net as the party books it: a credit note takes off, a statement bills nothing. */
const signed = (inv: Invoice, m: Money) => (inv.type === 'credit-note' ? m.neg() : inv.type === 'statement' ? Money.ZERO : m);

function checkYear(y: Year, docs = documents(y)): void {
  const charged = (party: string, all: Invoice[]) => all.find((d) => d.buyer.id === party && d.document.kind === 'final')!.kinds.operating.charged;
  for (let i = 0; i < y.buyers; i++) {
    const party = `p${i}`;
    const mine = docs.filter((d) => d.buyer.id === party);
    // What the party owes for the year: its charge, plus what last year left open (the final's line citing last year).
    const brought = Money.fromUnits(y.brought[i]!, 2);
    const charge = charged(party, mine).plus(brought);
    const final = mine.find((d) => d.document.kind === 'final')!;
    // Each document adds up by itself: its lines are its net, its VAT the rate on that net.
    for (const d of mine) {
      expect(Money.sum(d.billed.map((b) => b.amount)).toFixed2(), `${party}: ${d.type} lines`).toBe(d.totals.net.toFixed2());
      expect(d.totals.vat.toFixed2()).toBe(Money.round(d.totals.net.toRatio().times(d.vat.rate), ONE_ORE).toFixed2());
    }
    const net = Money.sum(mine.map((d) => signed(d, d.totals.net)));
    const vat = Money.sum(mine.map((d) => signed(d, d.totals.vat)));
    // Σ documents = charge + brought forward (+ VAT): no a-konto billed twice, none forgotten, last year's balance billed once.
    expect(net.toFixed2(), `${party}: Σ net`).toBe(charge.toFixed2());
    const exactVat = charge.toRatio().times(y.vat ? STANDARD_VAT_RATE : Ratio.ZERO);
    const slack = Ratio.of(BigInt(mine.length)).times(ONE_ORE.toRatio());
    expect(vat.toRatio().minus(exactVat).abs().cmp(slack) <= 0, `${party}: Σ VAT ${vat.toFixed2()} against ${exactVat.toDecimalString(4)}`).toBe(true);
    // Last year's balance is one line of the final, citing last year.
    const cites = final.billed.filter((b) => b.line.source === 'brought-forward');
    if (final.type !== 'statement')
      expect(cites.map((b) => b.amount.toFixed2())).toEqual(
        brought.isZero() ? [] : [final.type === 'credit-note' ? brought.neg().toFixed2() : brought.toFixed2()],
      );
    // Every a-konto invoice of the party is cited on the final by a deduction line and a BillingReference.
    const akonto = mine.filter((d) => d.document.kind === 'akonto' && !d.totals.net.isZero()).map((d) => d.number);
    const deducted = final.billed.flatMap((b) => (b.line.source === 'akonto-invoice' ? [b.line.number] : []));
    if (final.type !== 'statement') {
      expect(deducted, `${party}: deduction lines`).toEqual(akonto);
      expect(final.settles, `${party}: BillingReference`).toEqual(akonto);
    }
    // With a schedule, payments change no document.
    if (y.parts) {
      const without = documents(y, false).find((d) => d.buyer.id === party && d.document.kind === 'final')!;
      expect([without.type, without.totals]).toEqual([final.type, final.totals]);
    }
  }
  // Numbers: unique, and only on invoices and credit notes; a KID only on invoices.
  const numbered = docs.filter((d) => d.type !== 'statement');
  expect(new Set(numbered.map((d) => d.number)).size).toBe(numbered.length);
  for (const d of docs) {
    expect(d.number === undefined, `${d.type} numbered`).toBe(d.type === 'statement');
    expect(d.kid === undefined).toBe(d.type !== 'invoice');
    expect(d.due === undefined).toBe(d.type !== 'invoice');
  }
}

describe('the year as one ledger per party (property)', () => {
  it('Σ documents = charge + brought forward (+ VAT), VAT once over the year, every a-konto invoice cited, numbers unique', () => {
    fc.assert(
      fc.property(year, (y) => checkYear(y)),
      { numRuns: 60 },
    );
  });

  it('fails when the final drops the line bringing last year forward', () => {
    const y: Year = { buyers: 1, vat: true, parts: null, budget: 100_000_00n, actual: 80_000_00n, payments: [], brought: [-5_000_00n, 0n, 0n, 0n] };
    checkYear(y);
    const dropped = documents(y).map((d) => {
      if (d.document.kind !== 'final') return d;
      const billed = d.billed.filter((b) => b.line.source !== 'brought-forward');
      const net = Money.sum(billed.map((b) => b.amount));
      const vat = Money.round(net.toRatio().times(d.vat.rate), ONE_ORE);
      return { ...d, billed, totals: { ...d.totals, net, vat, gross: net.plus(vat), payable: net.plus(vat) } };
    });
    expect(() => checkYear(y, dropped)).toThrow(/Σ net/);
  });

  it("last year's balance carried forward again: a statement, which takes no number", () => {
    const y: Year = { buyers: 2, vat: false, parts: null, budget: 100_000_00n, actual: 0n, payments: [], brought: [-12_345_67n, 2_000_00n, 0n, 0n] };
    const finals = documents(y, true, true).filter((d) => d.document.kind === 'final');
    expect(finals.map((d) => [d.type, d.number, d.carriedForward.toFixed2()])).toEqual([
      ['statement', undefined, '-12345.67'],
      ['statement', undefined, '2000.00'],
    ]);
  });

  it('a credit year: the charge below the a-konto invoiced is credited, citing the a-konto invoices', () => {
    const y: Year = { buyers: 1, vat: true, parts: ['50%', '50%'], budget: 100_000_00n, actual: 80_000_00n, payments: [], brought: [0n, 0n, 0n, 0n] };
    checkYear(y);
    const final = documents(y).find((d) => d.document.kind === 'final')!;
    // 80 000 × ½ = 40 000 charged, 2 × 25 000 invoiced: 10 000 + 2 500 VAT credited.
    expect([final.type, final.totals.net.toFixed2(), final.totals.vat.toFixed2(), final.settles]).toEqual([
      'credit-note',
      '10000.00',
      '2500.00',
      ['5001', '5002'],
    ]);
  });

  it('nothing to bill: a statement, and the number it would have taken stays free', () => {
    const y: Year = { buyers: 2, vat: false, parts: ['100%'], budget: 100_000_00n, actual: 100_000_00n, payments: [], brought: [0n, 0n, 0n, 0n] };
    const docs = documents(y);
    expect(docs.filter((d) => d.document.kind === 'final').map((d) => [d.type, d.number])).toEqual([
      ['statement', undefined],
      ['statement', undefined],
    ]);
  });
});
