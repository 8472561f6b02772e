import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../src/agreement/read.js';
import { allocate } from '../src/compute/allocate.js';
import { driverTable } from '../src/compute/drivers.js';
import { explain } from '../src/compute/explain.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { Money } from '../src/money/money.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { allocationDoc } from '../src/render/allocation-text.js';
import { docToText } from '../src/render/doc-text.js';
import { explanationText } from '../src/render/explain-text.js';
import type { AllocationReport } from '../src/reports/allocation.js';
import { samkost } from './cli.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

const HEAD = `samkost: 1
agreement: Grenser
year: 2024
host: a
`;

function allocated(text: string) {
  const { agreement, diagnostics } = readAgreement(parseYaml(text), 't.yaml');
  if (!agreement) return { report: null, diagnostics };
  return allocate({ agreement, actuals: [], drivers: driverTable(agreement, [], new Diagnostics()) });
}
function run(text: string): AllocationReport {
  const r = allocated(text);
  if (!r.report) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message.en}`).join('\n'));
  return r.report;
}
const charged = (r: AllocationReport) => Object.fromEntries(r.parties.map((p) => [p.party.id, p.charged.toFixed2()]));
/** Everything allocate writes: its JSON and its text, so "changes nothing" is checked byte for byte. */
const outputs = (r: AllocationReport) => JSON.stringify(allocationJson(r, 'nb')) + docToText(allocationDoc(r, 'nb'));

const THREE = `${HEAD}parties:
  a: { name: A, population: 1000 }
  b: { name: B, population: 500 }
  c: { name: C, population: 100 }
items:
  - { id: drift, label: Drift, amount: 1600000, key: population }
  - { id: fast, label: Fast, amount: 30000, key: equal }
`;

describe('limits', () => {
  it('a cap without redistribution takes the excess off: the total charged falls by it', () => {
    const r = run(`${THREE}limits:\n  - { label: Tak, items: [drift, fast], max: 700000 }\n`);
    expect(charged(r)).toEqual({ a: '700000.00', b: '510000.00', c: '110000.00' });
    const limit = r.items.find((i) => i.item.id === 'limit-1')!;
    expect(limit.basis.toPlain()).toBe('-310000.00');
    expect(limit.lines.map((l) => [l.party, l.method, l.amount.toPlain()])).toEqual([['a', 'limit', '-310000.00']]);
  });

  it('a cap with redistribution shares the excess by the key, within the others’ own caps (water-filling)', () => {
    // a: 1 010 000 capped at 700 000 → 310 000 to b and c by population (5:1): b would reach 768 333,33 > 600 000,
    // so b stops at 600 000 (takes 90 000) and c takes the remaining 220 000.
    const r = run(`${THREE}limits:\n  - { label: Tak, items: [drift, fast], max: { a: 700000, default: 600000 }, redistribute: population }\n`);
    expect(charged(r)).toEqual({ a: '700000.00', b: '600000.00', c: '330000.00' });
    const lines = r.items.find((i) => i.item.id === 'limit-1')!.lines;
    expect(lines.map((l) => [l.party, l.method, l.amount.toPlain(), l.limit?.bound?.side])).toEqual([
      ['a', 'limit', '-310000.00', 'max'],
      ['b', 'redistributed', '90000.00', 'max'],
      ['c', 'redistributed', '220000.00', undefined],
    ]);
  });

  it('a minimum raises a party and takes what it adds from the others', () => {
    const r = run(`${THREE}limits:\n  - { label: Minste, items: [drift], min: 150000, redistribute: population }\n`);
    // c: 100 000 → 150 000; the 50 000 is taken from a and b by population, 2:1
    expect(charged(r)).toEqual({ a: '976666.67', b: '493333.33', c: '160000.00' });
  });

  it('limits that cannot all hold are an error naming the limit and the parties at their bounds', () => {
    const r = allocated(`${THREE}limits:\n  - { label: Tak, items: [drift], max: 500000, redistribute: population }\n`);
    expect(r.report).toBeNull();
    expect(r.diagnostics.map((d) => [d.code, d.message.en])).toEqual([
      [
        'limit-infeasible',
        "limit 'Tak' cannot hold: 100,000.00 kr is to be shared by key 'population', but every party of it is at its maximum ('a', 'b', 'c')",
      ],
    ]);
  });

  it('parties: limits only those parties', () => {
    const r = run(`${THREE}limits:\n  - { label: Tak, items: [drift], max: 90000, parties: [c] }\n`);
    expect(charged(r)).toEqual({ a: '1010000.00', b: '510000.00', c: '100000.00' });
  });

  it('explain shows the sum, the bound and the share of what was moved', () => {
    const r = run(`${THREE}limits:\n  - { label: Tak, items: [drift, fast], max: { a: 700000 }, redistribute: population }\n`);
    const text = (p: string) => explanationText(explain(r, p), 'en');
    expect(text('a')).toContain('Sum over drift, fast: 1,010,000.00; maximum 700,000.00 → -310,000.00');
    expect(text('b')).toContain('Share of what the limits moved (310,000.00) by key population: 83.3333% × 310,000.00');
  });

  it('a limit that binds nobody changes nothing: byte-identical output', () => {
    const without = outputs(run(THREE));
    expect(outputs(run(`${THREE}limits:\n  - { label: Tak, items: [drift, fast], max: 2000000, min: 0, redistribute: equal }\n`))).toBe(without);
  });
});

/** Random agreements: parties with populations, a key item and a direct item, and a limit with random bounds. */
const scenario = fc
  .record({
    pops: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 2, maxLength: 6 }),
    amount: fc.bigInt({ min: 0n, max: 10_000_000_00n }),
    extra: fc.bigInt({ min: 0n, max: 1_000_000_00n }),
    min: fc.option(fc.bigInt({ min: 0n, max: 2_000_000_00n })),
    max: fc.option(fc.bigInt({ min: 0n, max: 10_000_000_00n })),
    own: fc.array(fc.option(fc.bigInt({ min: 0n, max: 10_000_000_00n })), { minLength: 6, maxLength: 6 }),
    redistribute: fc.boolean(),
  })
  .filter((s) => s.min === null || s.max === null || s.min <= s.max);

const kr = (ore: bigint) => Money.fromUnits(ore, 2).toPlain();

interface Drawn {
  readonly pops: readonly number[];
  readonly amount: bigint;
  readonly extra: bigint;
  readonly min: bigint | null;
  readonly max: bigint | null;
  readonly own: readonly (bigint | null)[];
  readonly redistribute: boolean;
}

function agreementText(s: Drawn, limit: boolean): string {
  const ids = s.pops.map((_, i) => `p${i}`);
  const parties = s.pops.map((p, i) => `  p${i}: { name: P${i}, population: ${p} }`).join('\n');
  // Each party's own max, when given, is at least the default min so the bounds are consistent.
  const own = ids.flatMap((id, i) => {
    const o = s.own[i];
    return o === null || o === undefined || (s.min !== null && o < s.min) ? [] : [`${id}: ${kr(o)}`];
  });
  const max = s.max === null && own.length === 0 ? '' : `, max: { ${[...own, ...(s.max === null ? [] : [`default: ${kr(s.max)}`])].join(', ')} }`;
  const min = s.min === null ? '' : `, min: ${kr(s.min)}`;
  const bounds = min || max ? `${min}${max}` : ', max: 0';
  return `samkost: 1\nagreement: P\nyear: 2024\nhost: p0\nparties:\n${parties}\nitems:\n  - { id: x, label: X, amount: ${kr(s.amount)}, key: population }\n  - { id: y, label: Y, amount: ${kr(s.extra)}, party: p1 }\n${
    limit ? `limits:\n  - { label: L, items: [x, y]${bounds}${s.redistribute ? ', redistribute: population' : ''} }\n` : ''
  }`;
}

describe('limits (fast-check)', () => {
  it('parts sum exactly to the whole, every party ends within its limits, and a limit that binds nobody changes nothing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const text = agreementText(s, true);
        const r = allocated(text);
        const base = run(agreementText(s, false));
        if (!r.report) {
          // Only infeasible redistribution may fail, and only when redistributing.
          expect(r.diagnostics.map((d) => d.code)).toEqual(['limit-infeasible']);
          expect(s.redistribute).toBe(true);
          return;
        }
        const report = r.report;
        // Parts sum to the whole: Σ charged + unallocated = Σ basis, to the øre.
        const total = Money.sum(report.parties.map((p) => p.charged));
        expect(total.plus(report.unallocated).eq(report.total)).toBe(true);
        const limit = report.items.find((i) => i.item.id === 'limit-1');
        if (s.redistribute) expect(report.total.eq(base.total)).toBe(true);
        if (!limit) {
          expect(outputs(report)).toBe(outputs(base));
          return;
        }
        expect(Money.sum(limit.lines.map((l) => l.amount)).eq(limit.basis)).toBe(true);
        const a = report.agreement;
        const rule = a.limits[0]!;
        for (const p of report.parties) {
          const own = p.charged;
          const lo = rule.min?.byParty.get(p.party.id) ?? rule.min?.default;
          const hi = rule.max?.byParty.get(p.party.id) ?? rule.max?.default;
          if (lo) expect(own.cmp(lo)).toBeGreaterThanOrEqual(0);
          if (hi) expect(own.cmp(hi)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parties: on an item', () => {
  it('a key is taken over the listed parties only', () => {
    const r = run(`${THREE.replace('key: equal', 'key: equal, parties: [b, c]')}`);
    expect(Object.fromEntries([...r.items[1]!.allocations].map(([p, m]) => [p, m.toPlain()]))).toEqual({ b: '15000.00', c: '15000.00' });
    const pop = run(`${THREE.replace('key: population', 'key: population, parties: [a, c]')}`);
    expect(Object.fromEntries([...pop.items[0]!.allocations].map(([p, m]) => [p, m.toPlain()]))).toEqual({ a: '1454545.45', c: '145454.55' });
  });

  it('a named key with shares keeps its shares for the listed parties, scaled to 100 %', () => {
    const r = run(`${THREE}keys:\n  k: { shares: { a: 50%, b: 30%, c: 20% } }\n`.replace('key: equal', 'key: k, parties: [b, c]'));
    expect(Object.fromEntries([...r.items[1]!.allocations].map(([p, m]) => [p, m.toPlain()]))).toEqual({ b: '18000.00', c: '12000.00' });
  });

  it('a per-party price charges only the listed parties, who alone need a value', () => {
    const r = run(`${HEAD}parties:
  a: { name: A }
  b: { name: B, population: 500 }
  c: { name: C, population: 100 }
items:
  - { id: pris, label: Pris, price: { unit: 2.5, quantity: { driver: population, per_party: true } }, parties: [b, c] }
`);
    expect(charged(r)).toEqual({ a: '0.00', b: '1250.00', c: '250.00' });
  });
});

describe('index: { round }', () => {
  const indexed = (round: string) =>
    run(
      `${HEAD}parties:
  a: { name: A, population: 690000 }
indices:
  ks: { 2020: 3.17% }
items:
  - { id: k, label: K, price: { unit: 35.04, quantity: { driver: population, per_party: true } }, index: { series: ks, from: 2019${round} } }
`.replace('year: 2024', 'year: 2020'),
    );
  it('rounds the indexed unit price before it is multiplied (KS: 36,150768 → 36,15)', () => {
    expect(indexed(', round: 0.01').items[0]!.basis.toPlain()).toBe('24943500.00');
    // Without it the product is indexed: 35,04 × 690 000 × 1,0317 = 24 944 029,92
    expect(indexed('').items[0]!.basis.toPlain()).toBe('24944029.92');
  });
  it('explain shows the written rate, the exact indexed rate and the rounded one', () => {
    const r = indexed(', round: 0.01');
    expect(explanationText(explain(r, 'a'), 'en')).toContain(
      'unit price indexed by ks from 2019 (2020: 3.17 %): 35.04 × 1.0317 = 36.150768, rounded to 0.01 before use: 36.15',
    );
  });
});

describe('price steps with minimums', () => {
  it('{ upto, price, min }: a rate per inhabitant by band, at least the band minimum', () => {
    const r = run(`${HEAD}parties:
  a: { name: A, population: 3000 }
  b: { name: B, population: 6000 }
  c: { name: C, population: 30000 }
items:
  - id: fee
    label: Fee
    price:
      quantity: { driver: population, per_party: true }
      mode: volume
      steps: [[5000, 20], { upto: 20000, price: 15, min: 100000 }, { upto: .inf, price: 12.5, min: 300000 }]
`);
    // a: 3000 × 20 = 60 000 (no minimum); b: 6000 × 15 = 90 000 → 100 000; c: 30 000 × 12,5 = 375 000 (above its minimum)
    expect(charged(r)).toEqual({ a: '60000.00', b: '100000.00', c: '375000.00' });
    expect(explanationText(explain(r, 'b'), 'en')).toContain("6,000 × 15.00; below the step's minimum, so 100,000.00");
  });
});

describe('limits in scenarios', () => {
  it('--set limits.0.max=… replaces the maximum (here for Oslo too): Oslo 9 500 000 + FoU 4 153 800, Bergen 9 500 000 + FoU 1 715 700', async () => {
    const run = await samkost(['scenario', 'fixtures/ks-kontingent-2020', '--set', 'limits.0.max=9500000', '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { scenarios: { parties: { id: string; charged: string }[] }[] };
    const set = Object.fromEntries(out.scenarios[1]!.parties.map((p) => [p.id, p.charged]));
    expect(set.oslo).toBe('13653800.00');
    expect(set.bergen).toBe('11215700.00');
  });
});

describe('a price by member count', () => {
  it('{ driver: members } is the number of members (by months): the per-member price falls as members join', () => {
    const text = (joined: string) => `${HEAD}parties:
  a: { name: A }
  b: { name: B }
  c: { name: C${joined} }
items:
  - id: lisens
    label: Lisens
    price: { quantity: { driver: members }, mode: volume, steps: [[2, 120000], [.inf, 100000]] }
    key: equal
`;
    // Three members: 3 × 100 000, 100 000 each; C from 1 July counts 6/12: 2,5 members → still the second step, 250 000.
    expect(charged(run(text('')))).toEqual({ a: '100000.00', b: '100000.00', c: '100000.00' });
    expect(run(text(', joined: 2024-07-01')).total.toPlain()).toBe('250000.00');
    // Two members: 2 × 120 000.
    expect(run(`${text('')}`.replace('  c: { name: C }\n', '')).total.toPlain()).toBe('240000.00');
  });
});
