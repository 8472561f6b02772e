import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../src/agreement/read.js';
import { allocate } from '../src/compute/allocate.js';
import { driverTable } from '../src/compute/drivers.js';
import { explain } from '../src/compute/explain.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { Money } from '../src/money/money.js';
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
const HEAD = `samkost: 1
agreement: Terskel
year: 2024
host: a
parties:
  a: { name: A kommune, population: 1000 }
  b: { name: B kommune, population: 3000 }
items:
`;
const allocations = (r: AllocationReport, id: string) =>
  Object.fromEntries([...r.items.find((i) => i.item.id === id)!.allocations].map(([p, m]) => [p, m.toPlain()]));

describe('above: a threshold share', () => {
  it('on a key item: below: pays up to the threshold, the key shares the rest', () => {
    const r = run(`${HEAD}  - { id: x, label: X, amount: 80000, key: population, above: 50000, below: a }\n`);
    // a: 50 000 + 25 % × 30 000 = 57 500; b: 75 % × 30 000 = 22 500.
    expect(allocations(r, 'x')).toEqual({ a: '57500.00', b: '22500.00' });
    expect(explanationText(explain(r, 'a'), 'en')).toContain('the part up to the threshold 50,000.00 is charged to A kommune: exact 50,000 → 50,000.00');
  });

  it('on a key item below the threshold: below: pays it all', () => {
    const r = run(`${HEAD}  - { id: x, label: X, amount: 30000, key: population, above: 50000, below: b }\n`);
    expect(allocations(r, 'x')).toEqual({ a: '0.00', b: '30000.00' });
  });

  it('on a percent item: the rate of the part of its base above the threshold, nothing below it', () => {
    const r = run(`${HEAD}  - { id: x, label: X, amount: 80000, key: population, above: 50000, below: a }
  - { id: p, label: P, percent: 10%, of: [x], less: [y], above: 50000, key: equal }
  - { id: q, label: Q, percent: 10%, of: [y], above: 50000, key: equal }
  - { id: y, label: Y, amount: 5000, key: equal }
`);
    // p: 10 % × (80 000 − 5 000 − 50 000) = 2 500; q: 10 % × max(0, 5 000 − 50 000) = 0.
    expect(r.items.find((i) => i.item.id === 'p')!.basis.toPlain()).toBe('2500.00');
    expect(r.items.find((i) => i.item.id === 'q')!.basis.toPlain()).toBe('0.00');
    expect(explanationText(explain(r, 'a'), 'nb')).toContain('10 % × delen av (80 000,00 − 5 000,00) over 50 000,00: 2 500,00');
  });
});

describe('above: (fast-check)', () => {
  it('the parts sum exactly to the whole; below: pays min(amount, threshold) before rounding, the key the rest', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -1_000_000_00n, max: 10_000_000_00n }),
        fc.bigInt({ min: 0n, max: 10_000_000_00n }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('half-up', 'largest-remainder'),
        (amount, threshold, pops, method) => {
          const kr = (o: bigint) => Money.fromUnits(o, 2).toPlain();
          const parties = pops.map((p, i) => `  p${i}: { name: P${i}, population: ${p} }`).join('\n');
          const r = run(
            `samkost: 1\nagreement: T\nyear: 2024\nhost: p0\nrounding: { unit: 1, method: ${method} }\nparties:\n${parties}\nitems:\n  - { id: x, label: X, amount: ${kr(amount)}, key: population, above: ${kr(threshold)}, below: p0 }\n`,
          );
          const x = r.items[0]!;
          expect(
            Money.sum(x.lines.map((l) => l.amount))
              .plus(x.unallocated)
              .eq(x.basis),
          ).toBe(true);
          const first = amount <= threshold ? amount : threshold;
          const below = x.lines.find((l) => l.method === 'party')!;
          expect(below.exact.eq(Money.fromUnits(first, 2).toRatio())).toBe(true);
          expect(x.shared.eq(Money.fromUnits(amount - first, 2))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
