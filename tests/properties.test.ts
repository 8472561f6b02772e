import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../src/agreement/read.js';
import { allocate } from '../src/compute/allocate.js';
import { driverTable } from '../src/compute/drivers.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { distribute, roundParts, type Quota } from '../src/money/distribute.js';
import { roundToUnit } from '../src/money/rounding.js';
import { Money } from '../src/money/money.js';
import { Ratio } from '../src/money/ratio.js';
import type { RoundingMethod } from '../src/money/rounding.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

/** An amount in øre, as text, positive or negative, up to a billion kroner. */
const amount = fc.bigInt({ min: -100_000_000_000n, max: 100_000_000_000n }).map((ore) => {
  const neg = ore < 0n;
  const abs = (neg ? -ore : ore).toString().padStart(3, '0');
  return Money.parse(`${neg ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`)!;
});
const unit = fc.constantFrom('0.01', '1', '0.05', '10').map((u) => Money.parse(u)!);
const method = fc.constantFrom<RoundingMethod>('half-up', 'largest-remainder');

/** Positive integer weights turned into exact shares that sum to 1, with distinct ids. */
const quotas = fc
  .array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 12 })
  .filter((w) => w.some((x) => x > 0n))
  .map((weights): Quota[] => {
    const total = weights.reduce((a, b) => a + b, 0n);
    return weights.map((w, i) => ({ id: `p${i}`, share: Ratio.of(w, total) }));
  });

const ratioOf = (m: Money) => m.toRatio();

describe('allocation invariants (fast-check)', () => {
  it('largest remainder: the lines sum to the basis rounded to the unit', () => {
    // The expected sum worked out here in øre, not by src/money: the nearest multiple of the unit, halves away from zero.
    const nearest = (ore: bigint, unitOre: bigint) => {
      const whole = ((ore < 0n ? -ore : ore) * 2n + unitOre) / (2n * unitOre);
      return (ore < 0n ? -whole : whole) * unitOre;
    };
    const oreOf = (m: Money) => BigInt(m.toFixed2().replace('.', ''));
    fc.assert(
      fc.property(amount, quotas, unit, (basis, qs, u) => {
        const d = distribute(basis, qs, { unit: u, method: 'largest-remainder' });
        const lines = [...d.amounts.values()].map(oreOf);
        const sum = lines.reduce((a, b) => a + b, 0n);
        for (const line of lines) expect(line % oreOf(u)).toBe(0n);
        expect(sum).toBe(nearest(oreOf(basis), oreOf(u)));
      }),
      // A half unit, each sign, is rounded away from zero: 0.50 split in three is 1 krone.
      {
        examples: ['0.50', '-0.50', '2.05'].map((b) => [
          Money.parse(b)!,
          ['p0', 'p1', 'p2'].map((id) => ({ id, share: Ratio.of(1n, 3n) })),
          Money.parse(b === '2.05' ? '0.10' : '1')!,
        ]),
      },
    );
  });

  it('largest remainder over any lines of an item (key lines, direct rows, either sign): exactly the basis rounded to the unit, in any order', () => {
    // Parts in øre, some negative (a credit row), as an item's lines are: key lines of the shared rest plus direct rows.
    const parts = fc.array(fc.bigInt({ min: -50_000_000n, max: 50_000_000n }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(parts, unit, fc.integer(), (ore, u, seed) => {
        const items = ore.map((o, i) => ({ id: `p${i}`, exact: Ratio.of(o, 100n) }));
        const basis = Money.fromUnits(
          ore.reduce((a, b) => a + b, 0n),
          2,
        );
        const rounded = roundParts(basis, items, { unit: u, method: 'largest-remainder' });
        expect(Money.sum(rounded.amounts).eq(roundToUnit(basis.toRatio(), u))).toBe(true);
        const amountOf = new Map(items.map((p, i) => [p.id, rounded.amounts[i]!]));
        for (const p of items) expect(ratioOf(amountOf.get(p.id)!).minus(p.exact).abs().cmp(ratioOf(u))).toBeLessThan(0);
        const shuffled = [...items].sort((a, b) => ((a.id.charCodeAt(1) * 31 + seed) % 7) - ((b.id.charCodeAt(1) * 31 + seed) % 7));
        const again = roundParts(basis, shuffled, { unit: u, method: 'largest-remainder' });
        for (const [i, p] of shuffled.entries()) expect(again.amounts[i]!.eq(amountOf.get(p.id)!)).toBe(true);
      }),
    );
  });

  it('every line is less than one unit from its exact product (both methods)', () => {
    fc.assert(
      fc.property(amount, quotas, unit, method, (basis, qs, u, m) => {
        const d = distribute(basis, qs, { unit: u, method: m });
        for (const q of qs) {
          const diff = ratioOf(d.amounts.get(q.id)!).minus(d.exact.get(q.id)!).abs();
          expect(diff.cmp(ratioOf(u))).toBeLessThan(0);
        }
      }),
    );
  });

  it('the result does not depend on the order the parties are listed in', () => {
    fc.assert(
      fc.property(amount, quotas, unit, method, fc.integer(), (basis, qs, u, m, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(qs, { minLength: qs.length, maxLength: qs.length }), { numRuns: 1, seed })[0]!;
        const a = distribute(basis, qs, { unit: u, method: m });
        const b = distribute(basis, shuffled, { unit: u, method: m });
        for (const q of qs) expect(a.amounts.get(q.id)!.eq(b.amounts.get(q.id)!)).toBe(true);
        expect(a.unallocated.eq(b.unallocated)).toBe(true);
      }),
    );
  });

  it('a credit is the mirror image of a charge', () => {
    fc.assert(
      fc.property(amount, quotas, unit, method, (basis, qs, u, m) => {
        const a = distribute(basis, qs, { unit: u, method: m });
        const b = distribute(basis.neg(), qs, { unit: u, method: m });
        for (const q of qs) expect(a.amounts.get(q.id)!.neg().eq(b.amounts.get(q.id)!)).toBe(true);
      }),
    );
  });

  it('exact shares of a blend equal the weighted sum of its parts', () => {
    const populations = fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 2, maxLength: 8 });
    const weight = fc.integer({ min: 0, max: 10000 });
    fc.assert(
      fc.property(populations, weight, (pops, w) => {
        const parties = pops.map((p, i) => `  p${i}: { name: P${i}, population: ${p} }`).join('\n');
        const text = `samkost: 1
agreement: T
year: 2024
host: p0
parties:
${parties}
keys:
  k: { blend: [{ weight: ${w}/10000, key: equal }, { weight: ${10000 - w}/10000, key: population }] }
items:
  - { id: x, label: X, amount: 1000, key: k }
`;
        const { agreement, diagnostics } = readAgreement(parseYaml(text), 't.yaml');
        expect(diagnostics).toEqual([]);
        const report = allocate({ agreement: agreement!, actuals: [], drivers: driverTable(agreement!, [], new Diagnostics()) }).report!;
        const shares = report.items[0]!.shares!;
        const total = pops.reduce((a, b) => a + b, 0);
        const wEqual = Ratio.of(BigInt(w), 10000n);
        let sum = Ratio.ZERO;
        pops.forEach((p, i) => {
          const expected = wEqual.times(Ratio.of(1n, BigInt(pops.length))).plus(Ratio.ONE.minus(wEqual).times(Ratio.of(BigInt(p), BigInt(total))));
          expect(shares.get(`p${i}`)!.eq(expected)).toBe(true);
          sum = sum.plus(shares.get(`p${i}`)!);
        });
        expect(sum.eq(Ratio.ONE)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("reordering parties in an agreement changes no party's amount", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 2, maxLength: 6 }).filter((p) => p.some((x) => x > 0)),
        amount,
        fc.boolean(),
        (pops, basis, lr) => {
          const text = (order: number[]) => `samkost: 1
agreement: T
year: 2024
host: p0
rounding: { method: ${lr ? 'largest-remainder' : 'half-up'} }
parties:
${order.map((i) => `  p${i}: { name: P${i}, population: ${pops[i]} }`).join('\n')}
items:
  - { id: x, label: X, amount: ${basis.toFixed2()}, key: population }
`;
          const forward = pops.map((_, i) => i);
          const run = (order: number[]) => {
            const { agreement } = readAgreement(parseYaml(text(order)), 't.yaml');
            return allocate({ agreement: agreement!, actuals: [], drivers: new Map() }).report!.items[0]!.allocations;
          };
          const a = run(forward);
          const b = run([...forward].reverse());
          for (const [id, m] of a) expect(m.eq(b.get(id)!)).toBe(true);
        },
      ),
    );
  });
});

describe('exact fractions: sums and products without the full gcd are the reduced fraction (fast-check)', () => {
  // Denominators of every kind the hot path meets: 1 (populations), shared ones, coprime ones, powers of ten and large ones.
  const part = fc.oneof(
    fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }),
    fc.constantFrom(1n, 2n, 3n, 6n, 7n, 10n, 12n, 100n, 10_000n, 1_000_003n),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
  );
  const ratio = fc
    .tuple(
      part,
      part.filter((d) => d !== 0n),
    )
    .map(([n, d]) => ({ n, d, r: Ratio.of(n, d) }));
  /** The reduced fraction by the definition: cross products, then their whole gcd. */
  const reduced = (num: bigint, den: bigint) => {
    const abs = (x: bigint) => (x < 0n ? -x : x);
    let [a, b] = [abs(num), abs(den)];
    while (b !== 0n) [a, b] = [b, a % b];
    const g = a === 0n ? abs(den) : a;
    const sign = den < 0n ? -1n : 1n;
    return { num: (sign * num) / g, den: (sign * den) / g };
  };
  it('plus, minus, times and div agree with the definition, field by field', () => {
    fc.assert(
      fc.property(ratio, ratio, (x, y) => {
        const fields = (r: Ratio) => ({ num: r.num, den: r.den });
        const [a, b, c, d] = [x.r.num, x.r.den, y.r.num, y.r.den];
        expect(fields(x.r)).toEqual(reduced(x.n, x.d));
        expect(fields(x.r.plus(y.r))).toEqual(reduced(a * d + c * b, b * d));
        expect(fields(x.r.minus(y.r))).toEqual(reduced(a * d - c * b, b * d));
        expect(fields(x.r.times(y.r))).toEqual(reduced(a * c, b * d));
        if (c !== 0n) expect(fields(x.r.div(y.r))).toEqual(reduced(a * d, b * c));
      }),
      { numRuns: 3000 },
    );
  });
  it('one amount over another is the quotient of their fractions, field by field', () => {
    const money = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([u, s]) => Money.fromUnits(u, s));
    fc.assert(
      fc.property(money, money, (a, b) => {
        fc.pre(!b.isZero());
        const q = a.over(b);
        const expected = a.toRatio().div(b.toRatio());
        expect({ num: q.num, den: q.den }).toEqual({ num: expected.num, den: expected.den });
      }),
      { numRuns: 3000 },
    );
  });
});
