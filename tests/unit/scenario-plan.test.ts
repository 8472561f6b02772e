import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioPlan, type Sweep } from '../../src/scenario/sweep.js';

/** Every combination as a list, the first sweep slowest: what the plan makes one at a time. */
function listed(sweeps: readonly Sweep[]): string[][] {
  let combos: string[][] = [[]];
  for (const s of sweeps) combos = combos.flatMap((c) => s.values.map((v) => [...c, `${s.path}=${v}`]));
  return combos;
}

describe('a plan makes each scenario from its position', () => {
  it('every combination of the sweeps once, in order, after the listed scenarios, each starting with the fixed settings', () => {
    const sweep = fc.record({ path: fc.constantFrom('a', 'b', 'c'), values: fc.array(fc.nat(999).map(String), { minLength: 1, maxLength: 5 }) });
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
