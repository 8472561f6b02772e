import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../../src/agreement/read.js';
import { deviation } from '../../src/compute/deviation.js';
import type { DeviationSign } from '../../src/reports/deviation.js';
import { driverTable } from '../../src/compute/drivers.js';
import { settle } from '../../src/compute/settle.js';
import type { SettlementReport } from '../../src/reports/settlement.js';
import { Diagnostics, type Computed } from '../../src/diagnostics/diagnostic.js';
import type { ActualsRow } from '../../src/inputs/actuals.js';
import type { PaymentRow } from '../../src/inputs/payments.js';
import { Money } from '../../src/money/money.js';
import { parseYaml } from '../../src/agreement/yaml-library.js';

const at = { file: 'x.csv', line: 2, col: 1 };
const money = (s: string) => Money.parse(s)!;
const row = (category: string, amount: string, line = 2): ActualsRow => ({
  category,
  amount: money(amount),
  at: { ...at, line },
  categoryAt: { ...at, line },
  rows: 1,
});
const pay = (party: string, amount: string, extra: Partial<PaymentRow> = {}, line = 2): PaymentRow => ({
  party,
  amount: money(amount),
  kind: 'operating',
  at: { ...at, line },
  ...extra,
});

function agreement(body: string, parties = '  a: { name: A, population: 7000 }\n  b: { name: B, population: 3000 }\n') {
  const { agreement: a, diagnostics } = readAgreement(parseYaml(`samkost: 1\nagreement: T\nyear: 2024\nhost: a\nparties:\n${parties}${body}`), 't.yaml');
  if (!a) throw new Error(diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  return a;
}

interface Run {
  actuals?: ActualsRow[];
  budget?: ActualsRow[] | null;
  payments?: PaymentRow[] | null;
}
function settled(body: string, r: Run = {}, parties?: string): Computed<SettlementReport> {
  const a = agreement(body, parties);
  return settle({
    agreement: a,
    actuals: r.actuals ?? [],
    drivers: driverTable(a, [], new Diagnostics()),
    budget: r.budget ?? null,
    payments: r.payments ?? null,
  });
}
function run(body: string, r: Run = {}, parties?: string): SettlementReport {
  const s = settled(body, r, parties);
  if (!s.report) throw new Error(s.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  return s.report;
}
/** The codes of what was found; none when a report came out. */
const codes = (c: Computed<unknown>): string[] => (c.report ? [] : c.diagnostics.map((d) => d.code));
const by = (r: SettlementReport, f: (p: SettlementReport['parties'][number]) => Money) =>
  Object.fromEntries(r.parties.map((p) => [p.party.id, f(p).toFixed2()]));

const DRIFT = 'items:\n  - { id: d, label: D, actuals: { category: [drift] }, key: population }\n';
const THIRDS = 'settlement:\n  akonto:\n    - { due: 2024-03-31, part: 1/3 }\n    - { due: 2024-06-30, part: 1/3 }\n    - { due: 2024-09-30, part: 1/3 }\n';

describe('a-konto schedule', () => {
  it('splits each budgeted share by the parts, to the øre, the extra øre on the earliest instalment', () => {
    const r = run(`items:\n  - { id: x, label: X, amount: 100, party: b }\n${THIRDS}`);
    const b = r.schedule!.find((s) => s.party.id === 'b')!;
    expect(b.instalments.map((i) => i.total.toFixed2())).toEqual(['33.34', '33.33', '33.33']);
    expect(r.paidFrom).toBe('schedule');
    expect(by(r, (p) => p.paid)).toEqual({ a: '0.00', b: '100.00' });
  });

  it('is computed on the budget, not on the actuals', () => {
    const r = run(DRIFT + THIRDS, { budget: [row('drift', '3000')], actuals: [row('drift', '6000')] });
    expect(r.schedule!.map((s) => s.budgeted.operating.toFixed2())).toEqual(['2100.00', '900.00']);
    expect(by(r, (p) => p.charged)).toEqual({ a: '4200.00', b: '1800.00' });
    expect(by(r, (p) => p.balance)).toEqual({ a: '2100.00', b: '900.00' });
  });

  it('needs a budget when the items read the ledger, and says so instead of assuming zero', () => {
    expect(codes(settled(DRIFT + THIRDS, { actuals: [row('drift', '6000')] }))).toEqual(['budget-missing']);
  });

  it('does not need one when every amount is written in the agreement', () => {
    expect(() => run(`items:\n  - { id: x, label: X, amount: 100, key: equal }\n${THIRDS}`)).not.toThrow();
  });
});

describe('payments', () => {
  it('paid comes from the payments file when there is one, even with a schedule', () => {
    const r = run(`items:\n  - { id: x, label: X, amount: 1000, key: equal }\n${THIRDS}`, { payments: [pay('a', '100'), pay('b', '600', {}, 3)] });
    expect(r.paidFrom).toBe('payments');
    expect(by(r, (p) => p.paid)).toEqual({ a: '100.00', b: '600.00' });
    expect(by(r, (p) => p.scheduled!.operating)).toEqual({ a: '500.00', b: '500.00' });
    // The final bills charged − invoiced (nothing here); what the payments leave is open a-konto, never a new bill.
    expect(by(r, (p) => p.invoiced)).toEqual({ a: '500.00', b: '500.00' });
    expect(by(r, (p) => p.balance)).toEqual({ a: '0.00', b: '0.00' });
    expect(by(r, (p) => p.openAkonto)).toEqual({ a: '0.00', b: '-100.00' });
  });

  it('without payments or a schedule, paid is zero and the report says where paid came from', () => {
    expect(run('items:\n  - { id: x, label: X, amount: 1000, key: equal }\n').paidFrom).toBe('none');
  });

  it('a payment from an unknown party and a repeated payment are errors, all reported together', () => {
    const payments = [
      pay('a', '100', { date: '2024-04-30' }),
      pay('c', '5', {}, 3),
      pay('a', '100', { date: '2024-04-30' }, 4),
      pay('a', '100', { date: '2024-08-31' }, 5),
    ];
    expect(codes(settled('items:\n  - { id: x, label: X, amount: 1000, key: equal }\n', { payments }))).toEqual(['payment-party', 'payment-duplicate']);
  });

  it('a payment without a kind goes to the only kind the agreement has, investment included', () => {
    const r = run('items:\n  - { id: x, label: X, amount: 1000, key: equal, kind: investment }\n', { payments: [pay('b', '300', { kind: null })] });
    const b = r.parties.find((p) => p.party.id === 'b')!;
    expect(b.kinds.investment.paid.toFixed2()).toBe('300.00');
    expect(b.kinds.operating.paid.toFixed2()).toBe('0.00');
    expect(b.payments.map((p) => p.kind)).toEqual(['investment']);
  });

  it('a payment without a kind is an error where the agreement has both kinds, never a silent operating payment', () => {
    const body = 'items:\n  - { id: x, label: X, amount: 1000, key: equal }\n  - { id: y, label: Y, amount: 500, key: equal, kind: investment }\n';
    expect(codes(settled(body, { payments: [pay('b', '300', { kind: null }), pay('a', '10', { kind: 'investment' }, 3)] }))).toEqual(['payment-kind']);
  });

  it('the same amount on two dates, or with two texts, is two payments', () => {
    const payments = [pay('a', '100', { text: 'rate 1' }), pay('a', '100', { text: 'rate 2' }, 3)];
    expect(by(run('items:\n  - { id: x, label: X, amount: 1000, key: equal }\n', { payments }), (p) => p.paid).a).toBe('200.00');
  });
});

describe('operating and investment', () => {
  const BOTH = 'items:\n  - { id: d, label: D, amount: 1000, key: equal }\n  - { id: i, label: I, amount: 400, key: equal, kind: investment }\n';
  it('are settled apart, and a carried-forward kind is not due now', () => {
    const payments = [pay('b', '300', { kind: 'investment' }), pay('b', '500', {}, 3)];
    const r = run(`${BOTH}settlement:\n  carry_forward: investment\n`, { payments });
    const b = r.parties.find((p) => p.party.id === 'b')!;
    expect(b.kinds.operating.balance.toFixed2()).toBe('0.00');
    expect(b.kinds.investment.balance.toFixed2()).toBe('-100.00');
    expect(b.carriedForward.toFixed2()).toBe('-100.00');
    expect(b.dueNow.toFixed2()).toBe('0.00');
    expect(b.balance.toFixed2()).toBe('-100.00');
  });
});

describe('deviation', () => {
  const dev = (sign: DeviationSign) => {
    const a = agreement(DRIFT + 'ignore:\n  - { category: [pc], reason: direkte }\n');
    const body = {
      agreement: a,
      drivers: driverTable(a, [], new Diagnostics()),
      budget: [row('drift', '3000')],
      actuals: [row('drift', '3300'), row('pc', '99', 3)],
    };
    return deviation(body, sign).report!;
  };
  it('avvik = budsjett − regnskap by default, split per party by the key', () => {
    const r = dev('budget-minus-actual');
    expect(r.categories.map((c) => [c.category, c.deviation.toFixed2()])).toEqual([['drift', '-300.00']]);
    expect(r.parties.map((p) => p.total.deviation.toFixed2())).toEqual(['-210.00', '-90.00']);
  });
  it('the other sign convention flips every deviation and nothing else', () => {
    const r = dev('actual-minus-budget');
    expect(r.categoryTotal.deviation.toFixed2()).toBe('300.00');
    expect(r.categoryTotal.budget.toFixed2()).toBe('3000.00');
    expect(r.parties.map((p) => p.total.deviation.toFixed2())).toEqual(['210.00', '90.00']);
  });
  it('rows outside the split stay out of the category table', () => {
    expect(dev('budget-minus-actual').categories.map((c) => c.category)).toEqual(['drift']);
  });
});

describe('settlement invariants (fast-check)', () => {
  const toText = (n: bigint) => `${n < 0n ? '-' : ''}${(n < 0n ? -n : n) / 100n}.${String((n < 0n ? -n : n) % 100n).padStart(2, '0')}`;
  const amount = fc.bigInt({ min: 0n, max: 99_999_999_99n }).map(toText);
  const cents = fc.bigInt({ min: -10_000_000_00n, max: 10_000_000_00n }).map((n) => money(toText(n)));

  it('instalments add up exactly to each budgeted share, for any amount and any parts', () => {
    fc.assert(
      fc.property(amount, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), (basis, weights) => {
        const total = weights.reduce((x, y) => x + y, 0);
        const parts = weights.map((w, i) => `    - { due: 2024-${String(i + 1).padStart(2, '0')}-28, part: ${w}/${total} }`).join('\n');
        const r = run(`items:\n  - { id: x, label: X, amount: ${basis}, key: population }\nsettlement:\n  akonto:\n${parts}\n`);
        for (const s of r.schedule!) expect(Money.sum(s.instalments.map((i) => i.total)).eq(s.budgeted.operating)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('Σ balance = Σ charged − Σ paid, and reordering the parties changes no party figure', () => {
    fc.assert(
      fc.property(amount, fc.array(cents, { minLength: 0, maxLength: 5 }), fc.boolean(), (basis, paid, swap) => {
        const body = `items:\n  - { id: x, label: X, amount: ${basis}, key: population }\n`;
        const payments = paid.map((m, i) => pay(i % 2 ? 'a' : 'b', m.toFixed2(), { text: `p${i}` }, i + 2));
        const one = run(body, { payments });
        const parties = swap ? '  b: { name: B, population: 3000 }\n  a: { name: A, population: 7000 }\n' : undefined;
        const two = run(body, { payments }, parties);
        expect(one.totals.balance.eq(one.totals.charged.minus(one.totals.paid))).toBe(true);
        expect(Money.sum(one.parties.map((p) => p.balance)).eq(one.totals.balance)).toBe(true);
        const norm = (r: SettlementReport) => Object.fromEntries(r.parties.map((p) => [p.party.id, [p.charged, p.paid, p.balance].map((m) => m.toFixed2())]));
        expect(norm(two)).toEqual(norm(one));
      }),
      { numRuns: 100 },
    );
  });
});
