import { describe, expect, it } from 'vitest';
import { readAgreement } from '../../src/agreement/read.js';
import { allocate } from '../../src/compute/allocate.js';
import type { AllocationReport } from '../../src/reports/allocation.js';
import { driverTable } from '../../src/compute/drivers.js';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { Money } from '../../src/money/money.js';
import { notIndexed } from '../../src/scenario/projection.js';
import { parseYaml } from '../../src/agreement/yaml-library.js';

const HEAD = `samkost: 1
agreement: T
year: 2024
host: a
parties:
  a: { name: A, population: { 2023: 700, 2024: 7000 } }
  b: { name: B, population: 2000 }
  c: { name: C, population: 1000 }
`;

function allocated(body: string) {
  const { agreement, diagnostics } = readAgreement(parseYaml(HEAD + body), 't.yaml');
  if (!agreement) throw new Error(diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  return allocate({ agreement, actuals: [], drivers: driverTable(agreement, [], new Diagnostics()) });
}
function run(body: string): AllocationReport {
  const r = allocated(body);
  if (!r.report) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  return r.report;
}
const alloc = (r: AllocationReport, item: string) =>
  Object.fromEntries([...r.items.find((i) => i.item.id === item)!.allocations].map(([k, v]) => [k, v.toFixed2()]));
const basis = (r: AllocationReport, item: string) => r.items.find((i) => i.item.id === item)!.basis.toPlain();

describe('keys', () => {
  it('population uses the agreement year when given per year', () => {
    const r = run('items:\n  - { id: x, label: X, amount: 10000, key: population }\n');
    expect(alloc(r, 'x')).toEqual({ a: '7000.00', b: '2000.00', c: '1000.00' });
  });
  it('a blend is the weighted sum of its parts', () => {
    const r = run(`keys:
  k: { blend: [{ weight: 50%, key: equal }, { weight: 50%, key: population }] }
items:
  - { id: x, label: X, amount: 30000, key: k }
`);
    // a: 0.5 × 1/3 + 0.5 × 0.7 = 31/60 → 15 500; b: 1/6 + 0.1 → 8 000; c: 1/6 + 0.05 → 6 500
    expect(alloc(r, 'x')).toEqual({ a: '15500.00', b: '8000.00', c: '6500.00' });
  });
  it('parties: restricts a key, and built-ins inside a blend follow the restriction', () => {
    const r = run(`keys:
  ab: { equal: true, parties: [a, b] }
  k: { blend: [{ weight: 100%, key: population }], parties: [b, c] }
items:
  - { id: x, label: X, amount: 100, key: ab }
  - { id: y, label: Y, amount: 300, key: k }
`);
    expect(alloc(r, 'x')).toEqual({ a: '50.00', b: '50.00' });
    expect(alloc(r, 'y')).toEqual({ b: '200.00', c: '100.00' });
  });
  it('precision rounds computed shares so they still sum to 100 %', () => {
    const r = run(`keys:
  k: { equal: true, precision: 1% }
items:
  - { id: x, label: X, amount: 100, key: k }
`);
    const shares = [...r.items[0]!.shares!.values()].map((s) => s.toDecimalString());
    expect(shares.sort()).toEqual(['0.33', '0.33', '0.34']);
  });
  it('a driver key reads inline driver values', () => {
    const r = run(`drivers:
  servers: { a: 10, b: 30, c: 60 }
keys:
  s: { driver: servers }
items:
  - { id: x, label: X, amount: 1000, key: s }
`);
    expect(alloc(r, 'x')).toEqual({ a: '100.00', b: '300.00', c: '600.00' });
  });
});

describe('item amounts', () => {
  const steps = 'steps: [[350, 100], [400, 120], [.inf, 130]]';
  it('step: the whole volume at the step the quantity falls in', () => {
    expect(basis(run(`items:\n  - { id: x, label: X, price: { quantity: 397, ${steps} }, key: equal }\n`), 'x')).toBe('120.00');
    expect(basis(run(`items:\n  - { id: x, label: X, price: { quantity: 400, ${steps} }, key: equal }\n`), 'x')).toBe('120.00');
    expect(basis(run(`items:\n  - { id: x, label: X, price: { quantity: 9000, ${steps} }, key: equal }\n`), 'x')).toBe('130.00');
  });
  it('volume: every unit at the unit rate of its step', () => {
    expect(basis(run(`items:\n  - { id: x, label: X, price: { quantity: 397, mode: volume, ${steps} }, key: equal }\n`), 'x')).toBe('47640.00');
  });
  it('graduated: each band at its own rate', () => {
    // 350 × 100 + 47 × 120
    expect(basis(run(`items:\n  - { id: x, label: X, price: { quantity: 397, mode: graduated, ${steps} }, key: equal }\n`), 'x')).toBe('40640.00');
  });
  it('unit price per month', () => {
    expect(basis(run('items:\n  - { id: x, label: X, price: { unit: 195, quantity: 1200, per: month, months: 12 }, key: equal }\n'), 'x')).toBe('2808000.00');
  });
  it('percent: `less` and `minus` are the two readings of "5 % of the costs less the fixed share"', () => {
    const body = (reading: string) => `items:
  - { id: base, label: B, amount: 9000000, party: a }
  - { id: fast, label: F, amount: 500000, party: b }
  - { id: var, label: V, percent: 5%, of: [base], ${reading}: [fast], party: b }
`;
    expect(basis(run(body('less')), 'var')).toBe('425000.00');
    expect(basis(run(body('minus')), 'var')).toBe('-50000.00');
  });
  it('vat: included converts to ex VAT', () => {
    expect(basis(run('items:\n  - { id: x, label: X, amount: 215000, vat: included, party: a }\n'), 'x')).toBe('172000.00');
  });
  it('index: the amount is indexed from its base year and rounded once', () => {
    const r = run(`indices:
  deflator: { 2023: 3.3%, 2024: 4.1% }
items:
  - { id: x, label: X, amount: 500000, index: { series: deflator, from: 2022 }, party: a }
`);
    // 500 000 × 1.033 × 1.041 = 537 676.50
    expect(basis(r, 'x')).toBe('537676.50');
  });
  it('a basis finer than øre is rounded to øre once, as a named step', () => {
    const r = run('items:\n  - { id: x, label: X, price: { unit: 0.125, quantity: 3 }, party: a }\n');
    expect(basis(r, 'x')).toBe('0.38');
    expect(r.items[0]!.steps.map((s) => s.step)).toEqual(['price', 'round']);
  });
  it('a direct item rounded to whole kroner reports the øre it leaves', () => {
    const r = run('items:\n  - { id: x, label: X, amount: 100.40, party: a, rounding: { unit: 1 } }\n');
    expect(alloc(r, 'x')).toEqual({ a: '100.00' });
    expect(r.unallocated.toFixed2()).toBe('0.40');
  });
});

describe('data errors are collected, not thrown one by one', () => {
  it('reports every party whose own quantity is above the last step', () => {
    const r = allocated(
      `drivers:\n  n: { a: 1, b: 200, c: 500 }\nitems:\n  - { id: x, label: X, price: { quantity: { driver: n, per_party: true }, steps: [[100, 1]] } }\n`,
    );
    expect(r.report).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['price-above-last-step', 'price-above-last-step']);
  });
});

describe('every line goes through the one rounding (issue 12)', () => {
  const whole = 'rounding: { unit: 1, method: largest-remainder }\n';
  it('a whole item charged to one party: largest remainder to whole kroner gives 121 of 120.80, as a key line would', () => {
    const r = run(`${whole}items:\n  - { id: x, label: X, amount: 120.80, party: a }\n  - { id: y, label: Y, amount: 120.80, key: equal }\n`);
    expect(alloc(r, 'x')).toEqual({ a: '121.00' });
    expect(r.items.find((i) => i.item.id === 'x')!.unallocated.toFixed2()).toBe('-0.20');
    expect(Object.values(alloc(r, 'y')).reduce((s, v) => s + Number(v), 0)).toBe(121);
  });
  it('ledger rows naming a party are rounded with the key lines, so the item distributes the basis rounded to the unit', () => {
    const { agreement } = readAgreement(parseYaml(`${HEAD}${whole}items:\n  - { id: x, label: X, actuals: { category: [drift] }, key: equal }\n`), 't.yaml');
    const at = { file: 'r.csv', line: 2, col: 1 };
    const row = (amount: string, party?: string) => ({
      category: 'drift',
      amount: Money.parse(amount)!,
      rows: 1,
      at,
      categoryAt: at,
      ...(party ? { party } : {}),
    });
    const r = allocate({ agreement: agreement!, actuals: [row('100.40'), row('10.30', 'b'), row('10.10', 'c')], drivers: new Map() }).report!;
    const item = r.items[0]!;
    expect(item.basis.toFixed2()).toBe('120.80');
    expect(Money.sum(item.lines.map((l) => l.amount)).toFixed2()).toBe('121.00');
    expect(item.unallocated.toFixed2()).toBe('-0.20');
  });
});

describe('population is a driver (FORMAT §2)', () => {
  it("prices a quantity per party or summed, from the parties' populations for the year", () => {
    const r = run(
      'items:\n  - { id: lisens, label: L, price: { unit: 2, quantity: { driver: population, per_party: true } } }\n  - { id: sum, label: S, price: { unit: 1, quantity: { driver: population } }, key: equal }\n',
    );
    expect(alloc(r, 'lisens')).toEqual({ a: '14000.00', b: '4000.00', c: '2000.00' });
    expect(basis(r, 'sum')).toBe('10000.00');
  });
});

describe('a projection names only the items that stay put', () => {
  it('an item that is a percentage of, or less, an indexed item moves with it: not listed as not indexed', () => {
    const { agreement } = readAgreement(
      parseYaml(
        `${HEAD}indices:\n  deflator: { 2025: 3% }\nitems:\n  - { id: base, label: B, amount: 9000000, index: { series: deflator, from: 2024 }, party: a }\n  - { id: fast, label: F, amount: 500000, party: b }\n  - { id: var, label: V, percent: 5%, of: [fast], less: [base], party: b }\n  - { id: adm, label: A, percent: 1%, of: [fast], party: c }\n`,
      ),
      't.yaml',
    );
    expect(notIndexed(agreement!)).toEqual(['fast', 'adm']);
  });
});
