import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { readAgreement } from '../src/agreement/read.js';
import { load } from '../src/cli/load.js';
import { Progress } from '../src/cli/progress.js';
import { allocation } from '../src/commands/compute.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { compareScenarios } from '../src/scenario/compare.js';
import { applySettings } from '../src/scenario/set.js';
import { ROOT, samkost } from './cli.js';

/** Every scalar in the agreement, as a --set path and the value written there. */
function leaves(text: string): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (node: Node | null, at: string[]) => {
    if (isMap(node)) for (const p of node.items) walk(p.value as Node | null, [...at, String((p.key as { value: unknown }).value)]);
    else if (isSeq(node)) node.items.forEach((n, i) => walk(n as Node, [...at, String(i)]));
    else if (isScalar(node) && node.value !== null) out.push({ path: at.join('.'), value: node.type === 'PLAIN' ? text.slice(node.range![0], node.range![1]) : String(node.value) });
  };
  walk(parseDocument(text).contents as Node | null, []);
  return out;
}

const fixtures = readdirSync(path.join(ROOT, 'fixtures'));

describe('a scenario that changes nothing is the baseline, exactly (fast-check)', () => {
  for (const name of fixtures) {
    it(name, async () => {
      const loaded = await load(path.join(ROOT, 'fixtures', name), {}, new Progress(null));
      const text = loaded.texts.get(loaded.file)!;
      const baseline = allocation(loaded.inputs!).report!;
      const all = leaves(text).filter((l) => !l.path.startsWith('inputs.'));
      fc.assert(
        fc.property(fc.subarray(all, { minLength: 1, maxLength: 4 }), (settings) => {
          const applied = applySettings(text, parseDocument(text).contents as Node | null, settings);
          if ('errors' in applied) throw new Error(applied.errors[0]!.message);
          const read = readAgreement(applied.text, loaded.file, (p) => path.join(path.dirname(loaded.file), p));
          expect(read.diagnostics).toEqual([]);
          const report = allocation({ ...loaded.inputs!, agreement: read.agreement! }).report!;
          expect(allocationJson(report)).toEqual(allocationJson(baseline));
          const c = compareScenarios(baseline, [{ name: 'same', settings: settings.map((s) => `${s.path}=${s.value}`), report }]);
          for (const p of c.columns[1]!.parties) expect(p.delta.isZero()).toBe(true);
        }),
        { numRuns: 25 },
      );
    });
  }
});

describe('scenario on the command line', () => {
  it('refuses a path that does not exist, with a did-you-mean, and writes nothing to stdout', () => {
    const run = samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.populaton=17000']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("'parties.melhus' has no 'populaton'");
    expect(run.stderr).toContain("did you mean 'population'?");
  });
  it('names list entries by id or position, and says which exist', () => {
    const byId = samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--set', 'items.sco.price.quantity=430']);
    expect(byId.code).toBe(2);
    expect(byId.stderr).toContain("did you mean 'soc'?");
    const byIndex = samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'keys.halv-halv.blend.2.weight=10%']);
    expect(byIndex.code).toBe(2);
    expect(byIndex.stderr).toContain('by position (0 to 1)');
  });
  it('reports every wrong path at once', () => {
    const run = samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'partys.melhus.population=1', '--set', 'parties.melhus.popul=2']);
    expect(run.code).toBe(2);
    expect(run.stderr.match(/error: --set/g)).toHaveLength(2);
  });
  it('is a command-line error without --set or with a --set that is not PATH=VALUE', () => {
    expect(samkost(['scenario', 'fixtures/melhus-midtre-gauldal']).code).toBe(2);
    expect(samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.population']).code).toBe(2);
  });
  it('shows what a value that the agreement cannot take breaks, on the line with the value written in', () => {
    const run = samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.population=-5']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/agreement\.yaml:\d+:\d+: error: /);
    expect(run.stderr).toContain('population: -5');
    expect(run.stderr).toContain('makes the agreement invalid');
  });
  it('JSON: the baseline first, money as two-decimal strings, deltas that sum to the total change', () => {
    const run = samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--format', 'json', '--set', 'keys.halv-halv.blend.0.weight=40%', '--set', 'keys.halv-halv.blend.1.weight=60%']);
    const json = JSON.parse(run.stdout) as { scenarios: { name: string; parties: { id: string; charged: string; delta: string }[]; total_delta: string }[] };
    expect(json.scenarios.map((s) => s.name)).toEqual(['baseline', 'keys.halv-halv.blend.0.weight=40%, keys.halv-halv.blend.1.weight=60%']);
    for (const s of json.scenarios) for (const p of s.parties) expect(p.charged).toMatch(/^-?\d+\.\d{2}$/);
    // 40 % equal + 60 % by population (Melhus 70 %): Melhus 0.62 of 17 400 000.
    expect(json.scenarios[1]!.parties[0]).toEqual({ id: 'melhus', charged: '10788000.00', delta: '348000.00', delta_percent: expect.any(String) });
  });
  it('SOC+ at 430 servers moves to the 450 step: (136 350 − 122 000) × 12 = 172 200 kr more, typed in by hand', () => {
    const run = samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--format', 'json', '--set', 'items.soc.price.quantity=430']);
    const json = JSON.parse(run.stdout) as { scenarios: { total: string; total_delta: string }[] };
    expect(json.scenarios[0]!.total).toBe('1864000.00');
    expect(json.scenarios[1]!.total_delta).toBe('172200.00');
  });
  it('leaves the agreement file untouched', () => {
    const before = readFileSync(path.join(ROOT, 'fixtures/melhus-midtre-gauldal/agreement.yaml'), 'utf8');
    samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.population=1']);
    expect(readFileSync(path.join(ROOT, 'fixtures/melhus-midtre-gauldal/agreement.yaml'), 'utf8')).toBe(before);
  });
});
