import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../src/agreement/read.js';
import { allocate } from '../src/compute/allocate.js';
import { driverTable } from '../src/compute/drivers.js';
import { explain } from '../src/compute/explain.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { Money } from '../src/money/money.js';
import { Ratio } from '../src/money/ratio.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { allocationDoc } from '../src/render/allocation-text.js';
import { docToText } from '../src/render/doc-text.js';
import { explanationJson } from '../src/render/explain-json.js';
import { explanationText } from '../src/render/explain-text.js';
import type { AllocationReport } from '../src/reports/allocation.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

function run(text: string): AllocationReport {
  const { agreement, diagnostics } = readAgreement(parseYaml(text), 't.yaml');
  if (!agreement) throw new Error(diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message.en}`).join('\n'));
  const r = allocate({ agreement, actuals: [], drivers: driverTable(agreement, [], new Diagnostics()) });
  if (!r.report) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message.en}`).join('\n'));
  return r.report;
}
/** Everything allocate and explain write, so "as without periods" is checked byte for byte. */
const outputs = (r: AllocationReport) =>
  JSON.stringify(allocationJson(r, 'nb')) +
  docToText(allocationDoc(r, 'nb')) +
  r.agreement.parties.map((p) => explanationText(explain(r, p.id), 'nb') + JSON.stringify(explanationJson(explain(r, p.id), 'en'))).join('');
const line = (r: AllocationReport, item: string, party: string) => r.items.find((i) => i.item.id === item)!.lines.find((l) => l.party === party)!;

const HEAD = (year = 2024) => `samkost: 1
agreement: Perioder
year: ${year}
host: a
parties:
  a: { name: A, population: 1000 }
  b: { name: B, population: 3000 }
  c: { name: C, population: 7 }
items:
`;

describe('prices over the year', () => {
  it('half price the first half-year: each period is the yearly price × its months of 12', () => {
    const r = run(`${HEAD()}  - id: x
    label: X
    price:
      quantity: { driver: population, per_party: true }
      unit: 12
      periods: [{ from: 2024-01-01, unit: 6 }, { from: 2024-07-01 }]
`);
    // a: 1000 × 6 × 6/12 + 1000 × 12 × 6/12 = 3 000 + 6 000.
    expect(line(r, 'x', 'a').amount.toPlain()).toBe('9000.00');
    expect(line(r, 'x', 'a').billed!.map((b) => [b.from, b.to, b.count, b.yearly.toPlain()])).toEqual([
      ['2024-01-01', '2024-06-30', 6, '6000.00'],
      ['2024-07-01', '2024-12-31', 6, '12000.00'],
    ]);
  });

  it('billed from connection and to disconnection, in whole months; a party not listed pays every period', () => {
    const r = run(`${HEAD()}  - id: x
    label: X
    price: { quantity: { driver: population, per_party: true }, unit: 1 }
    connected: { b: 2024-03-01, c: { from: 2024-02-01, to: 2024-04-30 } }
`);
    expect(line(r, 'x', 'a').amount.toPlain()).toBe('1000.00');
    // b: 3 000 × 10/12 = 2 500; c: 7 × 3/12 = 1,75.
    expect(line(r, 'x', 'b').amount.toPlain()).toBe('2500.00');
    expect(line(r, 'x', 'c').amount.toPlain()).toBe('1.75');
    expect(explanationText(explain(r, 'b'), 'en')).toContain('2024-03-01–2024-12-31, 10 of 12 months: 3,000 × 1.00 × 10/12 = 2,500');
  });

  it('prorate: days counts the days of the year (366 in 2024) and rounds the exact sum once, to the øre', () => {
    const r = run(`${HEAD()}  - id: x
    label: X
    price: { quantity: { driver: population, per_party: true }, unit: 36.6 }
    connected: { a: 2024-03-15, b: { to: 2024-01-10 } }
    prorate: days
`);
    // a: 36 600 × 292/366 (15 March – 31 December) = 29 200; b: 109 800 × 10/366 = 3 000.
    expect(line(r, 'x', 'a').amount.toPlain()).toBe('29200.00');
    expect(line(r, 'x', 'b').amount.toPlain()).toBe('3000.00');
    // c: 7 × 36,6 = 256,20 for the whole year, unprorated.
    expect(line(r, 'x', 'c').amount.toPlain()).toBe('256.20');
  });

  it('a period with to: and a gap after it bills nothing in the gap', () => {
    const r = run(`${HEAD()}  - id: x
    label: X
    price:
      quantity: { driver: population, per_party: true }
      unit: 12
      periods: [{ from: 2024-01-01, to: 2024-03-31 }, { from: 2024-10-01, unit: 24 }]
`);
    // a: 12 000 × 3/12 + 24 000 × 3/12 = 3 000 + 6 000.
    expect(line(r, 'x', 'a').amount.toPlain()).toBe('9000.00');
  });

  it('a sum with no finite decimal is rounded by the item’s rounding, and what rounding leaves is the item’s remainder', () => {
    const r = run(`${HEAD()}  - id: x
    label: X
    price: { quantity: { driver: population, per_party: true }, unit: 1 }
    connected: { a: 2024-06-01, b: 2024-06-01, c: 2024-06-01 }
    rounding: { unit: 1, method: half-up }
`);
    // 7/12 of 1 000, 3 000 and 7: 583,33…, 1 750, 4,083…; each party's to the øre (583,33 + 1 750,00 + 4,08) is the
    // basis, 2 337,41; the lines are the exact amounts in whole kroner, 2 337, and 0,41 is left unallocated.
    const x = r.items.find((i) => i.item.id === 'x')!;
    expect(x.lines.map((l) => l.exact.toDecimalString(4))).toEqual(['583.3333', '1750', '4.0833']);
    expect(x.lines.map((l) => l.amount.toPlain())).toEqual(['583.00', '1750.00', '4.00']);
    expect(x.basis.toPlain()).toBe('2337.41');
    expect(x.unallocated.toPlain()).toBe('0.41');
  });
});

/** A random per-party unit price over the year: periods and connections on month boundaries. */
const drawn = fc.record({
  pops: fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 5 }),
  unit: fc.bigInt({ min: 0n, max: 10_000n }),
  starts: fc.uniqueArray(fc.integer({ min: 2, max: 12 }), { maxLength: 4 }),
  periodUnits: fc.array(fc.option(fc.bigInt({ min: 0n, max: 10_000n })), { minLength: 5, maxLength: 5 }),
  connections: fc.array(fc.option(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))), { minLength: 5, maxLength: 5 }),
  rounding: fc.constantFrom('{ unit: 0.01, method: half-up }', '{ unit: 1, method: half-up }', '{ unit: 1, method: largest-remainder }'),
});
type Drawn = typeof drawn extends fc.Arbitrary<infer T> ? T : never;

const month = (m: number) => `2024-${String(m).padStart(2, '0')}`;
const lastDay = (m: number) => `${month(m)}-${[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]}`;
const kr = (ore: bigint) => Money.fromUnits(ore, 2).toPlain();

function text(s: Drawn): string {
  const parties = s.pops.map((p, i) => `  p${i}: { name: P${i}, population: ${p} }`).join('\n');
  const starts = [1, ...[...s.starts].sort((a, b) => a - b)];
  const periods = starts.map((m, i) => `{ from: ${month(m)}-01${s.periodUnits[i] != null ? `, unit: ${kr(s.periodUnits[i]!)}` : ''} }`).join(', ');
  const connected = s.pops.flatMap((_, i) => {
    const c = s.connections[i];
    if (!c) return [];
    const [from, to] = c[0] <= c[1] ? c : [c[1], c[0]];
    return [`p${i}: { from: ${month(from)}-01, to: ${lastDay(to)} }`];
  });
  return `samkost: 1\nagreement: P\nyear: 2024\nhost: p0\nrounding: ${s.rounding}\nparties:\n${parties}\nitems:\n  - id: x\n    label: X\n    price:\n      quantity: { driver: population, per_party: true }\n      unit: ${kr(s.unit)}\n      periods: [${periods}]\n${connected.length ? `    connected: { ${connected.join(', ')} }\n` : ''}`;
}

/** The same price worked out month by month, apart from the code under test: Σ over billed months of the month's yearly price / 12. */
function byHand(s: Drawn, i: number): Ratio {
  const starts = [1, ...[...s.starts].sort((a, b) => a - b)];
  const c = s.connections[i];
  const [from, to] = c ? (c[0] <= c[1] ? c : [c[1], c[0]]) : [1, 12];
  let total = Ratio.ZERO;
  for (let m = from; m <= to; m++) {
    const period = starts.filter((st) => st <= m).length - 1;
    const ore = s.periodUnits[period] ?? s.unit;
    total = total.plus(Ratio.of(ore * BigInt(s.pops[i]!), 1200n));
  }
  return total;
}

describe('prices over the year (fast-check)', () => {
  it('each party pays its months at their prices, exactly; the parts and the remainder sum exactly to the whole', () => {
    fc.assert(
      fc.property(drawn, (s) => {
        const r = run(text(s));
        const x = r.items.find((i) => i.item.id === 'x')!;
        for (const [i] of s.pops.entries()) {
          const l = x.lines.find((l) => l.party === `p${i}`)!;
          expect(l.exact.eq(byHand(s, i))).toBe(true);
        }
        expect(
          Money.sum(x.lines.map((l) => l.amount))
            .plus(x.unallocated)
            .eq(x.basis),
        ).toBe(true);
        expect(
          Money.sum(r.parties.map((p) => p.charged))
            .plus(r.unallocated)
            .eq(r.total),
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('one period over the whole year, and connections from 1 January, are byte-identical to the plain price', () => {
    fc.assert(
      fc.property(
        fc.record({
          pops: fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 4 }),
          unit: fc.bigInt({ min: 0n, max: 1_000_000n }),
          steps: fc.boolean(),
          form: fc.constantFrom('{ from: 2024-01-01 }', '{ from: 2024-01-01, to: 2024-12-31 }', 'same'),
          connect: fc.boolean(),
        }),
        (s) => {
          const parties = s.pops.map((p, i) => `  p${i}: { name: P${i}, population: ${p} }`).join('\n');
          const price = s.steps ? `steps: [[1000, ${kr(s.unit)}], [.inf, ${kr(s.unit * 2n)}]]` : `unit: ${kr(s.unit)}`;
          const same = s.steps ? `steps: [[1000, ${kr(s.unit)}], [.inf, ${kr(s.unit * 2n)}]]` : `unit: ${kr(s.unit)}`;
          const period = s.form === 'same' ? `{ from: 2024-01-01, ${same} }` : s.form;
          const head = `samkost: 1\nagreement: P\nyear: 2024\nhost: p0\nparties:\n${parties}\nitems:\n  - id: x\n    label: X\n    price:\n      quantity: { driver: population, per_party: true }\n      ${price}\n`;
          const plain = run(head);
          const last = s.pops.length > 1 ? `, p${s.pops.length - 1}: { to: 2024-12-31 }` : '';
          const connected = s.connect ? `    connected: { p0: 2024-01-01${last} }\n` : '';
          const dated = run(`${head}      periods: [${period}]\n${connected}`);
          expect(outputs(dated)).toBe(outputs(plain));
        },
      ),
      { numRuns: 60 },
    );
  });
});
