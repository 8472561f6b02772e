import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Agreement } from '../src/agreement/model.js';
import { readAgreement } from '../src/agreement/read.js';
import { load } from '../src/cli/load.js';
import { Progress } from '../src/cli/progress.js';
import { allocate as allocation } from '../src/commands/allocate.js';
import { NODE_FS } from '../src/cli/io.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { compareScenarios } from '../src/scenario/compare.js';
import { ScenarioRunner } from '../src/scenario/run.js';
import { applySettings } from '../src/scenario/set.js';
import { ROOT, type Run, samkost, samkostProcess, usageError } from './cli.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

/** Every scalar in the agreement, as a --set path and the value written there. */
function leaves(text: string): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const walk = (node: Node | null, at: string[]) => {
    if (isMap(node)) for (const p of node.items) walk(p.value as Node | null, [...at, String((p.key as { value: unknown }).value)]);
    else if (isSeq(node)) for (const [i, n] of node.items.entries()) walk(n as Node, [...at, String(i)]);
    else if (isScalar(node) && node.value !== null)
      out.push({ path: at.join('.'), value: node.type === 'PLAIN' ? text.slice(node.range![0], node.range![1]) : String(node.value) });
  };
  walk(parseDocument(text).contents as Node | null, []);
  return out;
}

const fixtures = readdirSync(path.join(ROOT, 'fixtures'));

describe('a scenario that changes nothing is the baseline, exactly (fast-check)', () => {
  for (const name of fixtures) {
    it(name, async () => {
      const loaded = await load(NODE_FS, path.join(ROOT, 'fixtures', name), {}, new Progress(null));
      const text = loaded.texts.get(loaded.file)!;
      const baseline = allocation(loaded.inputs!).report!;
      const all = leaves(text).filter((l) => !l.path.startsWith('inputs.'));
      fc.assert(
        fc.property(fc.subarray(all, { minLength: 1, maxLength: 4 }), (settings) => {
          const applied = applySettings(text, parseDocument(text).contents as Node | null, settings);
          if ('errors' in applied) throw new Error(applied.errors[0]!.message.en);
          const read = readAgreement(parseYaml(applied.text), loaded.file, (p) => path.join(path.dirname(loaded.file), p));
          expect(read.diagnostics).toEqual([]);
          const report = allocation({ ...loaded.inputs!, agreement: read.agreement! }).report!;
          expect(allocationJson(report, 'en')).toEqual(allocationJson(baseline, 'en'));
          const c = compareScenarios(baseline, [{ name: 'same', settings, report }]);
          for (const p of c.columns[1]!.parties) expect(p.delta.isZero()).toBe(true);
        }),
        { numRuns: 25 },
      );
    });
  }
});

/** Melhus–Midtre Gauldal with the blend set to 40/60, both weights given: the README's example written out. */
const fortySixty = () =>
  samkost([
    'scenario',
    'fixtures/melhus-midtre-gauldal',
    '--format',
    'json',
    '--set',
    'keys.halv-halv.blend.0.weight=40%',
    '--set',
    'keys.halv-halv.blend.1.weight=60%',
  ]);

describe('scenario on the command line', () => {
  it('refuses a path that does not exist, with a did-you-mean, and writes nothing to stdout', async () => {
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.populaton=17000']);
    usageError(run, "--set parties.melhus.populaton=17000: 'parties.melhus' har ikke 'populaton'");
    expect(run.stderr).toContain("mente du 'population'?");
  });
  it('names list entries by id or position, and says which exist', async () => {
    const byId = await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--set', 'items.sco.price.quantity=430']);
    usageError(byId, '--set items.sco.price.quantity=430: ');
    expect(byId.stderr).toContain("mente du 'soc'?");
    const byIndex = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'keys.halv-halv.blend.2.weight=10%']);
    usageError(byIndex, '--set keys.halv-halv.blend.2.weight=10%: ');
    expect(byIndex.stderr).toContain('ved plass (0 til 1)');
  });
  it('reports every wrong path at once', async () => {
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'partys.melhus.population=1', '--set', 'parties.melhus.popul=2']);
    usageError(run, '--set partys.melhus.population=1: ');
    expect(run.stderr.match(/feil: --set/g)).toHaveLength(2);
  });
  it('is a command-line error without --set or with a --set that is not PATH=VALUE', async () => {
    usageError(await samkost(['scenario', 'fixtures/melhus-midtre-gauldal']), 'scenario trenger noe å endre');
    usageError(
      await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.population']),
      "--set 'parties.melhus.population' er ikke STI=VERDI",
    );
  });
  it('shows what a value that the agreement cannot take breaks, on the line with the value written in', async () => {
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.population=-5']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/agreement\.yaml:\d+:\d+: feil: /);
    expect(run.stderr).toContain('population: -5');
    expect(run.stderr).toContain('gjør avtalen ugyldig');
  });
  it('JSON: the baseline first, money as two-decimal strings, deltas that sum to the total change', async () => {
    const run = await fortySixty();
    const json = JSON.parse(run.stdout) as {
      scenarios: { name: string; parties: { id: string; charged: string; delta: string }[]; parties_total: { delta: string } }[];
    };
    expect(json.scenarios.map((s) => s.name)).toEqual(['baseline', 'keys.halv-halv.blend.0.weight=40%, keys.halv-halv.blend.1.weight=60%']);
    for (const s of json.scenarios) for (const p of s.parties) expect(p.charged).toMatch(/^-?\d+\.\d{2}$/);
    // 40 % equal + 60 % by population (Melhus 70 %): Melhus 0.62 of 17 400 000.
    expect(json.scenarios[1]!.parties[0]).toEqual({
      id: 'melhus',
      name: 'Melhus kommune',
      charged: '10788000.00',
      delta: '348000.00',
      delta_ratio: expect.any(String),
    });
    // The baseline is marked as such, not only by its name.
    expect((json.scenarios[0] as { baseline?: boolean }).baseline).toBe(true);
    expect((json.scenarios[1] as { baseline?: boolean }).baseline).toBeUndefined();
  });
  it('CSV of a sweep: a column per swept path, holding each scenario its value', async () => {
    const run = await samkost([
      'scenario',
      'fixtures/melhus-midtre-gauldal',
      '--sweep',
      'keys.halv-halv.blend.0.weight=40%..60%:10%',
      '--sweep',
      'parties.melhus.population=16000..16001',
      '--format',
      'csv',
    ]);
    const [head, ...rows] = run.stdout.replace('\ufeff', '').trimEnd().split('\r\n');
    // The columns of the workbook's sheet: the weight that follows the swept one too, and the party's name.
    expect(head).toBe('Scenario;keys.halv-halv.blend.0.weight;parties.melhus.population;keys.halv-halv.blend.1.weight;Kommune;Navn;Å betale;Endring;Endring %');
    expect(rows[0]).toMatch(/^grunnlag;;;;melhus;Melhus kommune;/);
    expect(rows[2]).toMatch(/^keys\.halv-halv\.blend\.0\.weight=40%, parties\.melhus\.population=16000;40;16000;60;melhus;Melhus kommune;/);
    // The baseline and 3 × 2 scenarios, a row per party.
    expect(rows).toHaveLength((1 + 6) * 2);
  });
  it('SOC+ at 430 servers moves to the 450 step: (136 350 − 122 000) × 12 = 172 200 kr more, typed in by hand', async () => {
    const run = await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--format', 'json', '--set', 'items.soc.price.quantity=430']);
    const json = JSON.parse(run.stdout) as { scenarios: { parties_total: { charged: string; delta: string } }[] };
    expect(json.scenarios[0]!.parties_total.charged).toBe('1864000.00');
    expect(json.scenarios[1]!.parties_total.delta).toBe('172200.00');
  });
  it('leaves the agreement file untouched', async () => {
    const before = readFileSync(path.join(ROOT, 'fixtures/melhus-midtre-gauldal/agreement.yaml'), 'utf8');
    await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.population=1']);
    expect(readFileSync(path.join(ROOT, 'fixtures/melhus-midtre-gauldal/agreement.yaml'), 'utf8')).toBe(before);
  });
});

describe('the fast path (values written into the parsed tree) gives what the text path gives (fast-check)', () => {
  for (const name of fixtures) {
    it(name, async () => {
      const loaded = await load(NODE_FS, path.join(ROOT, 'fixtures', name), {}, new Progress(null));
      const text = loaded.texts.get(loaded.file)!;
      const resolve = (p: string) => path.join(path.dirname(loaded.file), p);
      const evaluate = (agreement: Agreement) => allocation({ ...loaded.inputs!, agreement });
      const runner = new ScenarioRunner(text, loaded.file, resolve, evaluate);
      const numeric = leaves(text).filter((l) => !l.path.startsWith('inputs.') && /^\d+(\.\d+)?%?$/.test(l.value));
      if (numeric.length === 0) return;
      const changed = fc
        .record({ leaf: fc.constantFrom(...numeric), n: fc.integer({ min: 0, max: 2_000_000 }) })
        .map(({ leaf, n }) => ({ path: leaf.path, value: `${leaf.value.endsWith('%') ? n % 101 : n}${leaf.value.endsWith('%') ? '%' : ''}` }));
      fc.assert(
        fc.property(fc.array(changed, { minLength: 1, maxLength: 3 }), (settings) => {
          const fast = runner.run(settings);
          // A two-part blend's other weight follows the one set: the text path is given the same settings.
          const applied = applySettings(text, parseDocument(text).contents as Node | null, runner.effective(settings));
          if ('errors' in applied) throw new Error(applied.errors[0]!.message.en);
          const read = readAgreement(parseYaml(applied.text), loaded.file, resolve);
          const slow = read.agreement ? evaluate(read.agreement).report : null;
          expect(fast.kind).toBe(slow ? 'ok' : 'invalid');
          if (fast.kind === 'ok') expect(allocationJson(fast.result, 'en')).toEqual(allocationJson(slow!, 'en'));
        }),
        { numRuns: 20 },
      );
      // The tree is put back after every scenario: the baseline again.
      const again = runner.run([]);
      expect(again.kind === 'ok' && allocationJson(again.result, 'en')).toEqual(allocationJson(allocation(loaded.inputs!).report!, 'en'));
    });
  }
});

describe('membership: a party takes part in keys for its months of the year', () => {
  const agreement = (parties: string) => `samkost: 1
agreement: Medlemskap
year: 2024
host: a
parties:
${parties}
items:
  - { id: drift, label: Drift, amount: 2700, key: equal }
  - { id: folk, label: Folk, amount: 1000, key: population }
`;
  const charged = (text: string) => {
    const read = readAgreement(parseYaml(text), 'agreement.yaml');
    expect(read.diagnostics).toEqual([]);
    const report = allocation({ agreement: read.agreement!, actuals: [], driverRows: [], budgetRows: null, payments: null }).report!;
    return Object.fromEntries(report.items.map((i) => [i.item.id, Object.fromEntries([...i.allocations].map(([p, m]) => [p, m.toFixed2()]))]));
  };
  it('counts whole months: 12, 9 (from 1 April) and 6 (to 30 June) of 27 → 1200, 900, 600 of 2700 (by hand)', () => {
    const got = charged(
      agreement(`  a: { name: A, population: 100 }
  b: { name: B, population: 100, joined: 2024-04-01 }
  c: { name: C, population: 200, left: 2024-06-30 }`),
    );
    expect(got.drift).toEqual({ a: '1200.00', b: '900.00', c: '600.00' });
    // population × months/12: 100, 75, 100 of 275 → 363.64, 272.73, 363.64
    expect(got.folk).toEqual({ a: '363.64', b: '272.73', c: '363.64' });
  });
  it('a party that joins after the year, or left before it, is in no key; joined on 1 January is a full year', () => {
    expect(
      charged(
        agreement(`  a: { name: A, population: 100 }
  b: { name: B, population: 100, joined: 2025-01-01 }
  c: { name: C, population: 100, left: 2023-12-31 }`),
      ).drift,
    ).toEqual({ a: '2700.00' });
    expect(
      charged(
        agreement(`  a: { name: A, population: 100, joined: 2024-01-01, left: 2024-12-31 }
  b: { name: B, population: 300, joined: 2020-01-01 }`),
      ),
    ).toEqual(
      charged(
        agreement(`  a: { name: A, population: 100 }
  b: { name: B, population: 300 }`),
      ),
    );
  });
  it('Hustadvika from 1 July in the ROR-IKT fixture (by hand): 6 of 12 months; equal 6 000 000 × 0.5/4.5, population 6 000 000 × 6 650/56 250', async () => {
    const run = await samkost([
      'scenario',
      'fixtures/ror-ikt-2024-hustadvika',
      '--format',
      'json',
      '--scenarios',
      'fixtures/ror-ikt-2024-hustadvika/scenarios/hustadvika.yaml',
    ]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { scenarios: { name: string; parties: { id: string; charged: string }[] }[] };
    const july = json.scenarios.find((s) => s.name === 'Hustadvika fra 1. juli')!;
    // 666 666.67 + 709 333.33 = 1 376 000 exactly; Molde 1 333 333.33 + 3 413 333.33
    expect(july.parties.find((p) => p.id === 'hustadvika')!.charged).toBe('1376000.00');
    expect(july.parties.find((p) => p.id === 'molde')!.charged).toBe('4746666.67');
    expect(json.scenarios[0]!.parties.find((p) => p.id === 'hustadvika')!.charged).toBe('0.00');
  });
});

describe('scenario files and sweeps', () => {
  const dir = tempDir('scenarios');
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  it('reports every path that names nothing on its line of the scenario file, and runs nothing', async () => {
    const f = file('bad.yaml', 'scenarios:\n  - name: a\n    set:\n      parties.melhus.populaton: 1\n  - name: b\n    set: { partys.melhus.population: 2 }\n');
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--scenarios', f]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${f}:4:7: feil: 'parties.melhus.populaton': 'parties.melhus' har ikke 'populaton' [scenario-path]`);
    expect(run.stderr).toContain("mente du 'population'?");
    expect(run.stderr).toContain(`${f}:6:12: feil:`);
  });
  it('refuses a file without names, with two scenarios of one name, or with a list as a value', async () => {
    const f = file(
      'shape.yaml',
      'scenarios:\n  - set: { year: 2025 }\n  - name: x\n    set: { year: 2025 }\n  - name: x\n    set: { items.drift.amount: [1, 2] }\n',
    );
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--scenarios', f]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${f}:2:5: feil: et scenario har ikke noe name [missing-field]`);
    expect(run.stderr).toContain(`${f}:5:11: feil: to scenarioer heter 'x' [duplicate-key]`);
    expect(run.stderr).toMatch(/shape\.yaml:6:\d+: feil: verdien for 'items.drift.amount' må være én enkelt verdi/);
  });
  it('sweeps a range in exact steps, every combination, baseline first', async () => {
    const run = await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--format', 'json', '--sweep', 'items.soc.price.quantity=395..455:20']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { scenarios: { name: string; parties_total: { delta: string } }[] };
    expect(json.scenarios.map((s) => s.name)).toEqual(['baseline', ...[395, 415, 435, 455].map((n) => `items.soc.price.quantity=${n}`)]);
    // 395 is on the baseline's 400 step; 435 is on the 450 step: (136 350 − 122 000) × 12 = 172 200 (by hand).
    expect(json.scenarios.slice(0, 2).map((s) => s.parties_total.delta)).toEqual(['0.00', '0.00']);
    expect(json.scenarios[3]!.parties_total.delta).toBe('172200.00');
    const two = await samkost([
      'scenario',
      'fixtures/melhus-midtre-gauldal',
      '--format',
      'json',
      '--sweep',
      'parties.melhus.population=16000..16001',
      '--sweep',
      'parties.midtre-gauldal.population=6000..6001',
    ]);
    expect((JSON.parse(two.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(1 + 2 * 2);
  });
  it('refuses a sweep it cannot read, or one that would make over a million scenarios', async () => {
    for (const bad of [
      'items.soc.price.quantity=395',
      'items.soc.price.quantity=455..395',
      'items.soc.price.quantity=1..5:0',
      'keys.ror2024.shares.molde=1%..5',
      'items.soc.price.quantity=0..2000000',
    ]) {
      const run = await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toMatch(/--sweep/);
    }
  });
  it('a scenario that gjør avtalen ugyldig stops the run, shown on the changed line', async () => {
    const run = await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=490..510:10']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("scenarioet 'items.soc.price.quantity=510' gjør avtalen ugyldig");
  });
  it('refuses to change input files in a scenario', async () => {
    const run = await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--set', 'inputs.drivers=other.csv']);
    usageError(run, '--set inputs.drivers=other.csv: et scenario kan ikke endre inndatafilene');
  });
});

describe('a rate on the command line', () => {
  const fixture = 'fixtures/harstad-ibestad';
  it('--set of a rate takes a decimal comma (5,5%) as 5.5 %, and refuses a bare 5 before anything is read', async () => {
    const comma = await samkost(['scenario', fixture, '--set', 'items.variabel.percent=5,5%', '--format', 'json']);
    const point = await samkost(['scenario', fixture, '--set', 'items.variabel.percent=5.5%', '--format', 'json']);
    expect(comma.code).toBe(0);
    expect(comma.stdout).toBe(point.stdout);
    // 5.5 % × (9 000 000 − 500 000) + 500 000 = 967 500 (by hand)
    expect(comma.stdout).toContain('"967500.00"');
    usageError(
      await samkost(['scenario', fixture, '--set', 'items.variabel.percent=5']),
      "--set items.variabel.percent er skrevet uten %: '5' kan bety 5 % eller 5 × 100 % = 500 %",
    );
  });
  it('--sweep of a rate is written with %: 3..8 would be 300 %–800 %', async () => {
    const bare = await samkost(['scenario', fixture, '--sweep', 'items.variabel.percent=3..8']);
    usageError(bare, "--sweep items.variabel.percent er skrevet uten %: '3' kan bety 3 % eller 3 × 100 % = 300 %");
    expect(bare.stderr).toContain('--sweep items.variabel.percent=3%..8%');
    expect((await samkost(['scenario', fixture, '--sweep', 'items.variabel.percent=3%..8%'])).code).toBe(0);
  });
});

describe('scenario --years: the agreement rolled forward', () => {
  const fixture = 'fixtures/melhus-midtre-gauldal-2009-2012';
  it('a year the index series lacks is an error at the series, with --assume in the hint, and nothing is written', async () => {
    const run = await samkost(['scenario', fixture, '--years', '2009..2012']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      "agreement.yaml:41:3: feil: indeksserien 'samarbeid' har ingen endring for 2012, som framskrivingen trenger [index-year-missing]",
    );
    expect(run.stderr).toContain('--assume samarbeid=<endring>');
  });
  it('an assumption for one year wins over one for every year: 12 500 000 × 1.03 = 12 875 000 in 2012 (by hand)', async () => {
    const run = await samkost([
      'scenario',
      fixture,
      '--years',
      '2011..2012',
      '--assume',
      'samarbeid=2.4%',
      '--assume',
      'samarbeid.2012=3%',
      '--format',
      'json',
    ]);
    const j = JSON.parse(run.stdout) as { years: { parties_total: { charged: string } }[]; assumed: unknown[] };
    expect(j.years.map((y) => y.parties_total.charged)).toEqual(['12500000.00', '12875000.00']);
    expect(j.assumed).toEqual([{ series: 'samarbeid', year: 2012, change: '3%' }]);
  });
  it('takes a change typed with a decimal comma (3,0%) as 3.0 %, and refuses a bare 3 (3 % or 300 %?)', async () => {
    const years = ['scenario', fixture, '--years', '2011..2012', '--format', 'json'];
    const comma = await samkost([...years, '--assume', 'samarbeid=3,0%']);
    const point = await samkost([...years, '--assume', 'samarbeid=3.0%']);
    expect(comma.code).toBe(0);
    expect(comma.stdout).toBe(point.stdout);
    usageError(
      await samkost([...years.slice(0, -2), '--assume', 'samarbeid=3']),
      "--assume samarbeid er skrevet uten %: '3' kan bety 3 % eller 3 × 100 % = 300 %",
    );
  });
  it('refuses an assumption for a series the agreement does not declare, and --years with --sweep', async () => {
    const unknown = await samkost(['scenario', fixture, '--years', '2009..2012', '--assume', 'samarbied=2%']);
    usageError(unknown, "--assume nevner indeksserien 'samarbied', som avtalen ikke har");
    expect(unknown.stderr).toContain("mente du 'samarbeid'?");
    usageError(
      await samkost(['scenario', fixture, '--years', '2009..2010', '--sweep', 'items.drift.amount=1..2']),
      '--years kan ikke kombineres med --scenarios eller --sweep',
    );
    usageError(await samkost(['scenario', fixture, '--years', '2012..2009']), "--years '2012..2009': 2009 er før 2012");
    usageError(await samkost(['scenario', fixture, '--assume', 'samarbeid=2%', '--set', 'items.drift.amount=1']), '--assume er for framskrivinger med --years');
  });
  it('membership follows the year: Hustadvika, joining 1 January 2025, pays from 2025', async () => {
    const run = await samkost(['scenario', 'fixtures/ror-ikt-2024-hustadvika', '--years', '2024..2025', '--format', 'json']);
    expect(run.code).toBe(0);
    const j = JSON.parse(run.stdout) as { years: { parties: { id: string; charged: string }[] }[]; not_indexed: string[] };
    const hustadvika = j.years.map((y) => y.parties.find((p) => p.id === 'hustadvika')!.charged);
    expect(hustadvika[0]).toBe('0.00');
    // 2025, a full year: 6 000 000 / 5 + 6 000 000 × 13 300 / 62 900 = 1 200 000 + 1 268 680.44
    expect(hustadvika[1]).toBe('2468680.45');
    expect(j.not_indexed).toEqual(['drift']);
  });
});

// Worker threads run the built dist/ (Node cannot start a thread on a .ts file; tests/global-setup.ts builds it when stale),
// so these spawn bin/ as a user would. `--threads 2` given splits a sweep of any length: 300 scenarios, 50 timed here, 125 a thread.
describe('long sweeps run on worker threads', () => {
  /** The run with `--threads 2`, standard error without the lines tests/count-workers.cjs adds, and how many threads it started. */
  const threads2 = (args: readonly string[]) => {
    const r = samkostProcess([...args, '--threads', '2'], 'tests/count-workers.cjs');
    const started = '[worker thread started]\n';
    return { ...r, stderr: r.stderr.replaceAll(started, ''), workers: r.stderr.split(started).length - 1 };
  };
  const sweep = ['scenario', 'fixtures/melhus-midtre-gauldal', '--sweep', 'parties.melhus.population=10001..10300', '--quiet'];
  it('give exactly the output of one thread, in CSV and JSON', async () => {
    for (const format of ['csv', 'json']) {
      const threaded = threads2([...sweep, '--format', format]);
      const single = await samkost([...sweep, '--format', format, '--threads', '1']);
      expect(threaded.code).toBe(0);
      expect(threaded.workers).toBe(2);
      expect(threaded.stdout.length).toBeGreaterThan(20_000);
      expect(threaded.stdout).toBe(single.stdout);
    }
  });
  it('report a scenario that fails in a thread as the single thread would', async () => {
    // Servers above the last step (500) fail from 501 on: scenario 501 − 395 + 1 = 107 of 306; the first 50 run here, so it is in the first thread's half (445..572).
    const args = ['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=395..700', '--format', 'csv'];
    const threaded = threads2(args);
    const single = await samkost([...args, '--threads', '1']);
    expect(threaded.workers).toBe(2);
    expect(threaded.code).toBe(1);
    expect(threaded.stdout).toBe('');
    expect(threaded.stderr).toContain("scenarioet 'items.soc.price.quantity=501' gjør avtalen ugyldig");
    expect(threaded.stderr).toBe(single.stderr);
  });
});

describe('a two-part blend: setting one weight sets the other (the documented examples)', () => {
  it("README's --set keys.halv-halv.blend.0.weight=40% is the 40/60 split", async () => {
    const one = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--format', 'json', '--set', 'keys.halv-halv.blend.0.weight=40%']);
    expect(one.code, one.stderr).toBe(0);
    const both = await fortySixty();
    const charged = (r: Run) => (JSON.parse(r.stdout) as { scenarios: { parties: { charged: string }[] }[] }).scenarios[1]!.parties.map((p) => p.charged);
    expect(charged(one)).toEqual(charged(both));
    const settings = (JSON.parse(one.stdout) as { scenarios: { settings: { path: string; value: string }[] }[] }).scenarios[1]!.settings;
    expect(settings).toContainEqual({ path: 'keys.halv-halv.blend.1.weight', value: '60%' });
  });
  it("docs' --sweep keys.halv-halv.blend.0.weight=30%..70%:5% runs all nine", async () => {
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--format', 'json', '--sweep', 'keys.halv-halv.blend.0.weight=30%..70%:5%']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(10);
  });
});

describe('--keep-going: a sweep notes the scenarios the agreement cannot take and goes on', () => {
  const args = ['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=490..510:10', '--keep-going'];
  it('CSV: an infeasible point is one row with its swept value and, in the note, why', async () => {
    const run = await samkost([...args, '--format', 'csv']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\ufeffScenario;items.soc.price.quantity;Kommune;Navn;Å betale;Endring;Endring %;Merknad');
    expect(lines.at(-1)).toBe("items.soc.price.quantity=510;510;;;;;;mengden 510 er over det siste pristrinnet (500) i posten 'soc' [price-above-last-step]");
    expect(lines.filter((l) => l.startsWith('items.soc.price.quantity=500;'))).toHaveLength(5);
  });
  it('JSON: the point says infeasible, with no figures', async () => {
    const json = JSON.parse((await samkost([...args, '--format', 'json'])).stdout) as {
      scenarios: { name: string; infeasible?: string; parties?: unknown[] }[];
    };
    const last = json.scenarios.at(-1)!;
    expect(last).toEqual({
      name: 'items.soc.price.quantity=510',
      settings: [{ path: 'items.soc.price.quantity', value: '510' }],
      infeasible: expect.stringContaining('[price-above-last-step]'),
    });
  });
  it('is for csv and json only', async () => {
    usageError(await samkost(args), '--keep-going er for et sveip skrevet som csv eller json');
  });
  it('worker threads note the same points as one thread', async () => {
    const long = ['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=395..700', '--keep-going', '--format', 'csv', '--quiet'];
    const threaded = samkostProcess([...long, '--threads', '2'], 'tests/count-workers.cjs');
    const single = await samkost([...long, '--threads', '1']);
    expect(threaded.code, threaded.stderr).toBe(0);
    expect(threaded.stderr).toBe('[worker thread started]\n'.repeat(2));
    expect(threaded.stdout).toBe(single.stdout);
    expect(single.stdout.split('\r\n').filter((l) => l.endsWith('[price-above-last-step]')).length).toBe(700 - 501 + 1);
  });
});
