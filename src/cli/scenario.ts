import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SweepJob, SweepResult } from './sweep-worker.js';
import { allocation } from '../commands/compute.js';
import type { AllocationReport } from '../compute/report.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostics } from '../diagnostics/render.js';
import { decodeText } from '../inputs/decode.js';
import { docToMarkdown, docToText } from '../render/doc-text.js';
import { projectionCsv, projectionDoc, projectionJson } from '../render/projection.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { ScenarioCsvWriter, ScenarioJsonWriter } from '../render/scenario-data.js';
import { scenarioDoc } from '../render/scenario-text.js';
import { scenarioColumn, type ScenarioColumn } from '../scenario/compare.js';
import { readScenarioFile, type Scenario } from '../scenario/file.js';
import { ScenarioRunner } from '../scenario/run.js';
import { parseSetting, settingText, type SetError, type Setting } from '../scenario/set.js';
import { notIndexed, parseAssume, parseYears, planYear, projectedYear, type ProjectedYear } from '../scenario/projection.js';
import { MAX_SWEEP, parseSweep, sweepScenarios, type Sweep } from '../scenario/sweep.js';
import { computeOrFail, emit, type CommonOptions } from './common.js';
import { lineLookup } from './excerpts.js';
import { ExitError } from './exit.js';
import type { Loaded } from './load.js';
import { makeStyle } from './style.js';

export interface ScenarioOptions extends CommonOptions {
  set: string[];
  sweep: string[];
  scenarios?: string;
  name?: string;
  years?: string;
  assume: string[];
  threads?: string;
}

const USAGE = 'give --set PATH=VALUE, --scenarios FILE or --sweep PATH=FROM..TO[:STEP]';

/**
 * `samkost scenario`: the agreement as written (the baseline) and each
 * scenario side by side. Scenarios come from `--set` (one scenario), a
 * scenario file, or `--sweep` ranges (every combination); with a file or a
 * sweep, `--set` values are part of every scenario.
 */
export async function scenarioCommand(arg: string, opts: ScenarioOptions): Promise<void> {
  const fixed = opts.set.map((t) => parseSetting(t) ?? usage(`--set '${t}' is not PATH=VALUE`, 'e.g. --set items.soc.price.quantity=430'));
  const sweeps = opts.sweep.map((t) => {
    const s = parseSweep(t);
    return 'error' in s ? usage(s.error, s.hint) : s;
  });
  if (opts.threads !== undefined && !/^[1-9]\d?$/.test(opts.threads)) usage(`--threads '${opts.threads}' is not a number of threads`, 'give 1 to 99; 1 runs every scenario in the main thread');
  const count = sweeps.reduce((n, s) => n * s.values.length, 1);
  if (count > MAX_SWEEP) usage(`the sweeps make ${count} scenarios, more than ${MAX_SWEEP}`, 'use larger steps or fewer sweeps');
  if (opts.years !== undefined) {
    if (opts.scenarios || sweeps.length) usage('--years cannot be combined with --scenarios or --sweep', 'project one agreement over years; --set changes apply to every year');
    return projectionCommand(arg, opts, fixed);
  }
  if (opts.assume.length) usage('--assume is for --years projections', 'e.g. --years 2025..2029 --assume deflator=3%');
  const file = opts.scenarios ? await scenarioFile(opts.scenarios, opts) : null;
  if (!file && fixed.length === 0 && sweeps.length === 0) usage(`scenario needs something to change: ${USAGE}`, 'e.g. --set parties.hustadvika.population=14000');

  const { report: baseline, loaded } = await computeOrFail(arg, opts, allocation);
  const scenarios = planned(file, sweeps, fixed, opts.name);
  const runner = new ScenarioRunner(loaded.texts.get(loaded.file)!, loaded.file, (p) => path.join(path.dirname(loaded.file), p), (agreement) => allocation({ ...loaded.inputs!, agreement }));
  await refuseBadPaths(scenarios, runner, fixed, opts);

  const out = output(baseline, opts);
  out.add(scenarioColumn(baseline, { name: 'baseline', settings: [], report: baseline }));
  const failed = await inParallel(arg, opts, scenarios, out);
  // Here: every scenario, none (the threads ran them all), or the one a thread found failing, to report it.
  const here = failed === null ? scenarios : failed < 0 ? [] : scenarios.slice(failed, failed + 1);
  for (const s of here) {
    const outcome = runner.run(s.settings);
    if (outcome.kind === 'invalid') await invalid(s, outcome.text, outcome.diagnostics, loaded, opts);
    if (outcome.kind !== 'ok' || failed !== null) throw new Error(`internal: scenario '${s.name}' failed in a thread but not here, or names a value that was checked to exist`);
    out.add(scenarioColumn(baseline, { name: s.name, settings: s.settings.map(settingText), report: outcome.result }));
  }
  const text = out.text();
  await emit(text, opts);
}

/** Below this many scenarios, starting threads costs more than it saves. */
const PARALLEL_FROM = 2000;

/**
 * A long sweep written as CSV or JSON is split over worker threads, one per
 * core: each loads the same agreement and inputs, runs its share in order
 * and returns text. Returns null when the scenarios are still to run here
 * (few, a table, or a thread could not start its work), the position of the first scenario that failed (run
 * again here to report it), or -1 when every scenario's text was added.
 */
async function inParallel(arg: string, opts: ScenarioOptions, scenarios: readonly Scenario[], out: { addPart?(part: string): void }): Promise<number | null> {
  const threads = opts.threads === undefined ? Math.min(availableParallelism(), 8) : Number(opts.threads);
  if (scenarios.length < PARALLEL_FROM || threads < 2 || !out.addPart || (opts.format !== 'csv' && opts.format !== 'json')) return null;
  const size = Math.ceil(scenarios.length / threads);
  const overrides = { ...(opts.actuals ? { actuals: opts.actuals } : {}), ...(opts.drivers ? { drivers: opts.drivers } : {}), ...(opts.budget ? { budget: opts.budget } : {}), ...(opts.payments ? { payments: opts.payments } : {}) };
  const jobs = Array.from({ length: threads }, (_, t) => scenarios.slice(t * size, (t + 1) * size));
  // A thread that cannot run (it could not load what the main thread loaded) leaves the work to the main thread.
  const results = await Promise.all(
    jobs.map(
      (chunk) =>
        new Promise<SweepResult>((resolve, reject) => {
          const job: SweepJob = { arg, overrides, scenarios: chunk, format: opts.format as 'csv' | 'json', locale: opts.locale };
          const worker = new Worker(new URL('./sweep-worker.js', import.meta.url), { workerData: job });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  ).catch(() => null);
  if (!results) return null;
  for (const [t, r] of results.entries()) {
    if (r.kind === 'failed') return t * size + r.index;
    for (const part of r.parts) out.addPart(part);
  }
  return -1;
}

/** Where each scenario's column goes as it is computed: CSV and JSON keep text only, so a long sweep holds no reports. */
function output(baseline: AllocationReport, opts: ScenarioOptions): { add(c: ScenarioColumn): void; addPart?(part: string): void; text(): string } {
  if (opts.format === 'csv') return new ScenarioCsvWriter(opts.locale);
  if (opts.format === 'json') return new ScenarioJsonWriter(baseline);
  const columns: ScenarioColumn[] = [];
  return {
    add: (c) => void columns.push(c),
    text: () => {
      const doc = scenarioDoc({ baseline, columns }, opts.locale);
      return opts.format === 'md' ? docToMarkdown(doc) : docToText(doc, makeStyle(opts.color, process.stdout).bold);
    },
  };
}

/**
 * `--years FROM..TO`: the agreement rolled forward a year at a time — the
 * year set, index changes taken from the agreement or `--assume` — each year
 * computed by the same runner as any scenario.
 */
async function projectionCommand(arg: string, opts: ScenarioOptions, fixed: readonly Setting[]): Promise<void> {
  const years = parseYears(opts.years!);
  if ('error' in years) usage(years.error, years.hint);
  const assumptions = opts.assume.map((t) => {
    const x = parseAssume(t);
    return 'error' in x ? usage(x.error, x.hint) : x;
  });
  const { report: baseline, loaded } = await computeOrFail(arg, opts, allocation);
  const a = baseline.agreement;
  for (const x of assumptions) {
    if (!a.indices.has(x.series)) usage(`--assume names index series '${x.series}', which the agreement does not declare`, didYouMean(x.series, a.indices.keys()) ?? `declared series: ${[...a.indices.keys()].join(', ') || 'none'}`);
  }
  const runner = new ScenarioRunner(loaded.texts.get(loaded.file)!, loaded.file, (p) => path.join(path.dirname(loaded.file), p), (agreement) => allocation({ ...loaded.inputs!, agreement }));
  await refuseBadPaths([{ name: 'projection', settings: fixed }], runner, fixed, opts);
  const plans = [];
  for (let y = years.from; y <= years.to; y++) plans.push(planYear(a, y, assumptions));
  const missing = new Map<string, Set<number>>();
  for (const plan of plans) for (const [series, ys] of plan.missing) missing.set(series, new Set([...(missing.get(series) ?? []), ...ys]));
  if (missing.size) {
    const diags: Diagnostic[] = [...missing].map(([series, ys]) => {
      const list = [...ys].sort();
      return { ...a.indices.get(series)!.at, severity: 'error', code: 'index-year-missing', message: `index series '${series}' has no change for ${list.join(', ')}, which the projection needs`, hint: `add ${list[0]}: <change> under indices: ${series}:, or assume one: --assume ${series}=<change> (or --assume ${series}.${list[0]}=<change>)` };
    });
    process.stderr.write(renderDiagnostics(diags, await lineLookup(diags, loaded), makeStyle(opts.color, process.stderr)));
    throw new ExitError(1, 'nothing was projected: index changes are missing', 'declare them in the agreement or give --assume');
  }
  const projected: ProjectedYear[] = [];
  for (const plan of plans) {
    const scenario = { name: String(plan.year), settings: [...fixed, ...plan.settings] };
    const outcome = runner.run(scenario.settings);
    if (outcome.kind === 'ok') projected.push(projectedYear(outcome.result));
    else if (outcome.kind === 'invalid') await invalid(scenario, outcome.text, outcome.diagnostics, loaded, opts);
    else throw new Error(`internal: the projection of ${plan.year} names a value that does not exist`);
  }
  const projection = { agreement: a, years: projected, assumed: plans.flatMap((p) => p.assumed).filter((x, i, all) => all.findIndex((y) => y.series === x.series && y.year === x.year) === i), notIndexed: notIndexed(a) };
  const doc = () => projectionDoc(projection, opts.locale);
  const text =
    opts.format === 'json'
      ? JSON.stringify(projectionJson(projection), null, 2) + '\n'
      : opts.format === 'csv'
        ? projectionCsv(projection, opts.locale)
        : opts.format === 'md'
          ? docToMarkdown(doc())
          : docToText(doc(), makeStyle(opts.color, process.stdout).bold);
  await emit(text, opts);
}

function usage(message: string, hint: string): never {
  throw new ExitError(2, message, hint);
}

function planned(file: readonly Scenario[] | null, sweeps: readonly Sweep[], fixed: readonly Setting[], name: string | undefined): Scenario[] {
  const fromFile = (file ?? []).map((s) => ({ name: s.name, settings: [...fixed, ...s.settings] }));
  const swept = sweeps.length ? sweepScenarios(sweeps, fixed) : [];
  if (file || sweeps.length) return [...fromFile, ...swept];
  return [{ name: name ?? fixed.map(settingText).join(', '), settings: fixed }];
}

async function scenarioFile(file: string, opts: ScenarioOptions): Promise<Scenario[]> {
  const text = await readFile(file).then(
    (b) => decodeText(b).text,
    () => usage(`cannot read the scenario file '${file}'`, 'give the path of a YAML file with scenarios: [{ name, set }]'),
  );
  const read = readScenarioFile(text, file);
  if (read.diagnostics.length) {
    process.stderr.write(renderDiagnostics(read.diagnostics, await lineLookup(read.diagnostics, { texts: new Map([[file, text]]), encodings: new Map() }), makeStyle(opts.color, process.stderr)));
    if (read.diagnostics.some((d) => d.severity === 'error')) throw new ExitError(1, 'no scenario was run: the scenario file has errors', 'fix the lines above');
  }
  return read.scenarios;
}

/**
 * Every setting that names nothing in the agreement, reported at once before
 * any scenario runs: on its line in a scenario file, or as a command-line
 * error for `--set` and `--sweep`.
 */
async function refuseBadPaths(scenarios: readonly Scenario[], runner: ScenarioRunner<AllocationReport>, fixed: readonly Setting[], opts: ScenarioOptions): Promise<void> {
  const option = (e: SetError) => (fixed.includes(e.setting) ? '--set' : '--sweep');
  const seen = new Map<string, SetError>();
  for (const s of scenarios) for (const e of runner.check(s.settings)) seen.set(`${e.setting.at?.file}:${e.setting.at?.line}:${e.setting.at?.col}:${e.setting.path}`, e);
  const errors = [...seen.values()];
  if (!errors.length) return;
  const inFile = errors.filter((e) => e.setting.at);
  const onLine = errors.filter((e) => !e.setting.at);
  if (inFile.length) {
    const diags: Diagnostic[] = inFile.map((e) => ({ ...e.setting.at!, severity: 'error', code: 'scenario-path', message: `'${e.setting.path}': ${e.message}`, hint: e.hint }));
    const texts = new Map(await Promise.all([...new Set(diags.map((d) => d.file))].map(async (f) => [f, decodeText(await readFile(f)).text] as const)));
    process.stderr.write(renderDiagnostics(diags, await lineLookup(diags, { texts, encodings: new Map() }), makeStyle(opts.color, process.stderr)));
  }
  for (const e of onLine.slice(inFile.length ? 0 : 1)) process.stderr.write(`samkost: error: ${option(e)} ${settingText(e.setting)}: ${e.message}\n  = hint: ${e.hint}\n`);
  if (inFile.length) throw new ExitError(1, 'no scenario was run: the scenario file names values the agreement does not have', 'fix the paths above');
  const first = onLine[0]!;
  throw new ExitError(2, `${option(first)} ${settingText(first.setting)}: ${first.message}`, first.hint);
}

async function invalid(s: Scenario, text: string, diagnostics: readonly Diagnostic[], loaded: Loaded, opts: ScenarioOptions): Promise<never> {
  const texts = new Map([...loaded.texts, [loaded.file, text]]);
  process.stderr.write(renderDiagnostics(diagnostics, await lineLookup(diagnostics, { texts, encodings: loaded.encodings }), makeStyle(opts.color, process.stderr)));
  throw new ExitError(1, `scenario '${s.name}' makes the agreement invalid`, 'the lines above show the agreement with the scenario\'s values written in');
}
