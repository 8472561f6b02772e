import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../src/agreement/read.js';
import { allocate } from '../src/commands/allocate.js';
import type { Inputs } from '../src/commands/inputs.js';
import type { ActualsRow } from '../src/inputs/actuals.js';
import { Money } from '../src/money/money.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { ScenarioRunner } from '../src/scenario/run.js';
import { applySettings, type Setting } from '../src/scenario/set.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

/**
 * The scenario runner remembers sections, ledger walks and selections in its
 * memo, and reads copies of the parsed tree. Here, over generated agreements
 * and ledgers, a run of several scenarios on one runner (the memo warm, each
 * scenario after others) must give exactly what the plain path gives: the
 * settings written into the text, read afresh, computed with no memo.
 */
const CATEGORIES = ['lønn', 'lisenser', 'drift', 'husleie', 'reise'];

const agreementArb = fc
  .record({
    populations: fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 2, maxLength: 5 }),
    servers: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 }),
    amount: fc.integer({ min: 0, max: 10_000_000 }),
    weight: fc.integer({ min: 0, max: 100 }),
    percent: fc.integer({ min: 0, max: 30 }),
    method: fc.constantFrom('half-up', 'largest-remainder'),
    unit: fc.constantFrom('0.01', '1'),
    selected: fc.subarray(CATEGORIES, { minLength: 1, maxLength: 3 }),
  })
  .map((g) => {
    const ids = g.populations.map((_, i) => `p${i}`);
    const rest = CATEGORIES.filter((c) => !g.selected.includes(c));
    const text = [
      'samkost: 1',
      'agreement: Generert',
      'year: 2024',
      'host: p0',
      `rounding: { unit: ${g.unit}, method: ${g.method} }`,
      'parties:',
      ...ids.map((id, i) => `  ${id}: { name: Kommune ${i}, population: ${g.populations[i]} }`),
      'keys:',
      `  blandet: { blend: [{ weight: ${g.weight}%, key: equal }, { weight: ${100 - g.weight}%, key: population }] }`,
      '  servere: { driver: servers }',
      'drivers:',
      `  servers: { ${ids.map((id, i) => `${id}: ${g.servers[i]}`).join(', ')} }`,
      'items:',
      `  - { id: fast, label: Fast, amount: ${g.amount}, key: blandet }`,
      `  - { id: regnskap, label: Regnskap, actuals: { category: [${g.selected.join(', ')}] }, key: population }`,
      '  - { id: soc, label: SOC, price: { quantity: { driver: servers }, mode: step, steps: [[50, 1000], [.inf, 1500]] }, key: servere }',
      `  - { id: adm, label: Adm, percent: ${g.percent}%, of: [fast], key: equal }`,
      ...(rest.length ? ['ignore:', `  - { category: [${rest.join(', ')}], reason: utenfor }`] : []),
      '',
    ].join('\n');
    return { text, ids };
  });

const rowsArb = (ids: readonly string[]) =>
  fc
    .array(
      fc.record({
        category: fc.constantFrom(...CATEGORIES),
        ore: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        party: fc.option(fc.constantFrom(...ids), { nil: undefined }),
      }),
      { maxLength: 12 },
    )
    .map((rows) =>
      rows.map((r, i): ActualsRow => {
        const at = { file: 'regnskap.csv', line: i + 2, col: 1 };
        return { category: r.category, amount: Money.fromUnits(r.ore, 2), rows: 1, at, categoryAt: at, ...(r.party ? { party: r.party, partyAt: at } : {}) };
      }),
    );

/** Settings that change what the memo keys on: a population, the weights, the selected categories, the rounding, a driver, an amount. */
const settingArb = (ids: readonly string[]): fc.Arbitrary<Setting> =>
  fc.oneof(
    fc
      .record({ id: fc.constantFrom(...ids), n: fc.integer({ min: 1, max: 90_000 }) })
      .map(({ id, n }) => ({ path: `parties.${id}.population`, value: String(n) })),
    fc.integer({ min: 0, max: 100 }).map((w) => ({ path: 'keys.blandet.blend.0.weight', value: `${w}%` })),
    fc.subarray(CATEGORIES, { minLength: 1, maxLength: 2 }).map((c) => ({ path: 'items.regnskap.actuals.category', value: `[${c.join(', ')}]` })),
    fc.constantFrom('half-up', 'largest-remainder').map((m) => ({ path: 'rounding.method', value: m })),
    fc.record({ id: fc.constantFrom(...ids), n: fc.integer({ min: 0, max: 60 }) }).map(({ id, n }) => ({ path: `drivers.servers.${id}`, value: String(n) })),
    fc.integer({ min: 0, max: 10_000_000 }).map((n) => ({ path: 'items.fast.amount', value: String(n) })),
  );

describe('the scenario memo and tree copies change no result (fast-check, generated agreements)', () => {
  it('several scenarios on one runner equal the uncached text path, scenario by scenario', () => {
    fc.assert(
      fc.property(
        agreementArb.chain((a) =>
          fc.record({
            a: fc.constant(a),
            rows: rowsArb(a.ids),
            scenarios: fc.array(fc.array(settingArb(a.ids), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
          }),
        ),
        ({ a, rows, scenarios }) => {
          const read = readAgreement(parseYaml(a.text), 'avtale.yaml');
          expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const inputs: Inputs = { agreement: read.agreement!, actuals: rows, driverRows: [], budgetRows: null, payments: null };
          const runner = new ScenarioRunner(
            a.text,
            'avtale.yaml',
            (p) => p,
            (agreement, memo) => allocate({ ...inputs, agreement }, memo),
          );
          for (const settings of scenarios) {
            const fast = runner.run(settings);
            const applied = applySettings(a.text, parseYaml(a.text).root, runner.effective(settings));
            if ('errors' in applied) throw new Error(applied.errors[0]!.message.en);
            const plain = readAgreement(parseYaml(applied.text), 'avtale.yaml');
            const computed = plain.agreement ? allocate({ ...inputs, agreement: plain.agreement }) : null;
            if (!computed?.report) {
              expect(fast.kind).toBe('invalid');
              if (fast.kind === 'invalid') expect(fast.diagnostics).toEqual([...plain.diagnostics, ...(computed?.diagnostics ?? [])]);
              continue;
            }
            expect(fast.kind).toBe('ok');
            if (fast.kind === 'ok') expect(allocationJson(fast.result, 'en')).toEqual(allocationJson(computed.report, 'en'));
          }
        },
      ),
      { numRuns: 150 },
    );
    // 150 generated years take about 10 s alone; on a machine loaded four times over they took 48 s.
  }, 120_000);
});
