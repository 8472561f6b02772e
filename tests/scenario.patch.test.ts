import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/agreement/yaml-library.js';
import type { Agreement } from '../src/agreement/model.js';
import { allocate } from '../src/commands/allocate.js';
import type { Inputs } from '../src/commands/inputs.js';
import type { Memo } from '../src/memo/memo.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { patchAgreement } from '../src/scenario/patch.js';
import { ScenarioRunner } from '../src/scenario/run.js';
import { applySettings, locate, type Setting } from '../src/scenario/set.js';
import { ScenarioPlan, type Sweep } from '../src/scenario/sweep.js';
import { readValidAgreement } from '../src/validate/agreement.js';

/**
 * A sweep's scenarios are run as patches of the validated agreement where
 * scenario/patch.ts knows a setting's whole effect (a party's population),
 * and read again as a whole otherwise. Over generated agreements (part-year
 * members, populations by year, keys of their own parties, items of some
 * parties) and sweeps (some to zero or below, some of values the reader
 * refuses), every scenario of a sweep run on one runner must give exactly
 * what the plain path gives — the settings written into the text, read and
 * validated afresh, computed with no memo: the same report, or the same
 * errors on the same changed text. Where the patch is taken, its model must
 * be the one the reader gives.
 */
const agreementArb = fc
  .record({
    parties: fc.array(
      fc.record({
        population: fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 0, max: 60_000 }).map(String) },
          { weight: 1, arbitrary: fc.constantFrom('1250.5', '"4000"') },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_000 }).map((n) => `{ 2023: 7, 2024: ${n} }`) },
        ),
        membership: fc.constantFrom('', ', joined: 2024-04-01', ', left: 2024-06-30'),
      }),
      { minLength: 2, maxLength: 6 },
    ),
    weight: fc.integer({ min: 0, max: 100 }),
    amount: fc.integer({ min: 0, max: 10_000_000 }),
    method: fc.constantFrom('half-up', 'largest-remainder'),
    precision: fc.boolean(),
  })
  .map((g) => {
    const ids = g.parties.map((_, i) => `p${i}`);
    const text = [
      'samkost: 1',
      'agreement: Generert',
      'year: 2024',
      'host: p0',
      `rounding: { unit: 0.01, method: ${g.method} }`,
      'parties:',
      ...g.parties.map((p, i) => `  p${i}: { name: Kommune ${i}, population: ${p.population}${p.membership} }`),
      'keys:',
      `  blandet: { blend: [{ weight: ${g.weight}%, key: equal }, { weight: ${100 - g.weight}%, key: population }] }`,
      `  to: { population: true, parties: [p0, p1]${g.precision ? ', precision: 0.01%' : ''} }`,
      'items:',
      `  - { id: fast, label: Fast, amount: ${g.amount}, key: blandet }`,
      '  - { id: folk, label: Folk, amount: 1000, key: population }',
      '  - { id: par, label: Par, amount: 777.77, key: to }',
      `  - { id: noen, label: Noen, amount: 5000, key: population, parties: [${ids.slice(1).join(', ')}] }`,
      '  - { id: adm, label: Adm, percent: 5%, of: [fast], key: equal }',
      '',
    ].join('\n');
    return { text, ids };
  });

/** Population values: mostly plain figures (zero among them), some the reader refuses or reads otherwise than they look. */
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 90_000 }).map(String) },
  { weight: 2, arbitrary: fc.constant('0') },
  { weight: 2, arbitrary: fc.constantFrom('12.5', '0.0', '-3', '+7', '07', '1e3', 'mange', '{ 2024: 5 }', '') },
);

/** The model with every source position taken out. */
function positionless(x: unknown): unknown {
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [k, positionless(v)]));
  if (Array.isArray(x)) return x.map(positionless);
  if (x === null || typeof x !== 'object' || x.constructor !== Object) return x;
  if ('line' in x && 'col' in x && 'file' in x) return 'at';
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, positionless(v)]));
}

const sweepArb = (ids: readonly string[]): fc.Arbitrary<Sweep> =>
  fc
    .record({
      id: fc.constantFrom(...ids),
      from: fc.integer({ min: -2, max: 50_000 }),
      step: fc.integer({ min: 1, max: 3_000 }),
      count: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ id, from, step, count }) => ({ path: `parties.${id}.population`, from: BigInt(from), step: BigInt(step), count, scale: 0, suffix: '' }));

const populationArb = (ids: readonly string[]): fc.Arbitrary<Setting> =>
  fc.record({ id: fc.constantFrom(...ids), value: valueArb }).map(({ id, value }) => ({ path: `parties.${id}.population`, value }));

/** Now and then a setting the patch leaves to the reader, before or after the populations. */
const otherArb: fc.Arbitrary<Setting> = fc.constantFrom(
  { path: 'items.fast.amount', value: '1000' },
  { path: 'keys.blandet.blend.0.weight', value: '30%' },
  { path: 'parties.p0.name', value: 'Omdøpt' },
);

describe('a sweep patched into the validated agreement gives what reading each scenario gives (fast-check)', () => {
  it('every scenario of generated sweeps, on one runner, equals the plain path; the patch makes the reader’s model', () => {
    let patched = 0;
    let invalid = 0;
    fc.assert(
      fc.property(
        agreementArb.chain((a) =>
          fc.record({
            a: fc.constant(a),
            sweeps: fc.array(sweepArb(a.ids), { minLength: 1, maxLength: 2 }),
            listed: fc.array(fc.array(fc.oneof({ weight: 4, arbitrary: populationArb(a.ids) }, { weight: 1, arbitrary: otherArb }), { maxLength: 3 }), {
              maxLength: 3,
            }),
            fixed: fc.array(populationArb(a.ids), { maxLength: 1 }),
          }),
        ),
        ({ a, sweeps, listed, fixed }) => {
          const file = 'avtale.yaml';
          const baseline = readValidAgreement(parseYaml(a.text), file);
          // A generated agreement the reader refuses as written has no sweep.
          fc.pre(baseline.agreement !== null);
          const inputs: Inputs = { agreement: baseline.agreement!, actuals: [], driverRows: [], budgetRows: null, payments: null };
          const evaluate = (agreement: Agreement, memo: Memo) => allocate({ ...inputs, agreement }, memo);
          const runner = new ScenarioRunner(a.text, file, (p) => p, evaluate);
          // The scenario's values written into a copy of the parsed tree and read: the way every scenario was run before patches.
          const read = new ScenarioRunner(a.text, file, (p) => p, evaluate, false);
          const root = parseYaml(a.text).root;
          const plan = new ScenarioPlan({ listed: listed.map((settings, i) => ({ name: `s${i}`, settings: [...fixed, ...settings] })), sweeps, fixed });
          for (const scenario of plan) {
            const settings = runner.effective(scenario.settings);
            const fast = runner.run(scenario.settings);
            const asRead = read.run(scenario.settings);
            // Exactly what reading the scenario's tree gives: the report (its model, positions and all), or the same errors.
            expect(fast).toEqual(asRead);
            const applied = applySettings(a.text, root, settings);
            if ('errors' in applied) {
              expect(fast.kind).toBe('bad-setting');
              continue;
            }
            const plain = readValidAgreement(parseYaml(applied.text), file);
            const computed = plain.agreement ? allocate({ ...inputs, agreement: plain.agreement }) : null;
            const model = patchAgreement(baseline.agreement!, settings, (s) => {
              const t = locate(root, s);
              return 'message' in t ? null : t;
            });
            if (model) {
              patched++;
              // The text path moves what follows a longer or shorter value on its line; the tree path keeps positions.
              expect(plain.agreement && positionless(model)).toEqual(positionless(plain.agreement));
              expect(fast.kind === 'ok' && fast.result.agreement).toEqual(model);
            }
            if (!computed?.report) {
              invalid++;
              expect(fast).toEqual({ kind: 'invalid', text: applied.text, diagnostics: [...plain.diagnostics, ...(computed?.diagnostics ?? [])] });
              continue;
            }
            expect(fast.kind).toBe('ok');
            if (fast.kind === 'ok') {
              expect(allocationJson(fast.result, 'en')).toEqual(allocationJson(computed.report, 'en'));
            }
          }
        },
      ),
      { numRuns: Number(process.env.SWEEP_PATCH_RUNS ?? 120) },
    );
    // The property says something only if both paths were taken, and scenarios failed among them.
    expect(patched).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(5);
  }, 180_000);
});
