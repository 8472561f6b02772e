import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioPlan, type Sweep, sweepValue } from '../../src/scenario/sweep.js';

/** Every combination as a list, the first sweep slowest: what the plan makes one at a time. */
function listed(sweeps: readonly Sweep[]): string[][] {
  let combos: string[][] = [[]];
  for (const s of sweeps) combos = combos.flatMap((c) => Array.from({ length: s.count }, (_, i) => [...c, `${s.path}=${sweepValue(s, i)}`]));
  return combos;
}

describe('a sweep makes each value from its position', () => {
  it('as written: the decimals given, a minus sign, the unit after', () => {
    const values = (s: Omit<Sweep, 'path'>) => Array.from({ length: s.count }, (_, i) => sweepValue({ path: 'p', ...s }, i));
    expect(values({ from: 350n, step: 5n, count: 3, scale: 0, suffix: '' })).toEqual(['350', '355', '360']);
    expect(values({ from: -5n, step: 3n, count: 4, scale: 1, suffix: '%' })).toEqual(['-0.5%', '-0.2%', '0.1%', '0.4%']);
    expect(values({ from: 3n, step: 1n, count: 2, scale: 2, suffix: '' })).toEqual(['0.03', '0.04']);
  });
});

describe('a plan makes each scenario from its position', () => {
  it('every combination of the sweeps once, in order, after the listed scenarios, each starting with the fixed settings', () => {
    const sweep = fc.record({
      path: fc.constantFrom('a', 'b', 'c'),
      from: fc.bigInt(-999n, 999n),
      step: fc.bigInt(1n, 50n),
      count: fc.integer({ min: 1, max: 5 }),
      scale: fc.nat(2),
      suffix: fc.constantFrom('', '%'),
    });
    fc.assert(
      fc.property(fc.array(sweep, { minLength: 1, maxLength: 3 }), fc.nat(2), (sweeps, listedCount) => {
        const fixed = [{ path: 'f', value: '1' }];
        const given = Array.from({ length: listedCount }, (_, i) => ({ name: `s${i}`, settings: fixed }));
        const plan = new ScenarioPlan({ listed: given, sweeps, fixed });
        const made = [...plan];
        expect(made.slice(0, listedCount)).toEqual(given);
        const combos = listed(sweeps);
        expect(plan.count).toBe(listedCount + combos.length);
        expect(made.slice(listedCount).map((s) => s.settings.map((t) => `${t.path}=${t.value}`))).toEqual(combos.map((c) => ['f=1', ...c]));
        expect(made.slice(listedCount).map((s) => s.name)).toEqual(combos.map((c) => c.join(', ')));
      }),
    );
  });
});
