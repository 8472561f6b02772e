import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { INPUT_NAMES } from '../agreement/model.js';
import { project } from '../commands/projection.js';
import { openScenarios } from '../commands/scenario.js';
import type { AllocationReport } from '../reports/allocation.js';
import { readTextArg, readTextFile } from './read-text.js';
import { type FormatOf, type Output, render } from '../render/registry.js';
import { infeasible, ScenarioCsvWriter, ScenarioJsonWriter } from '../render/scenario-data.js';
import type { Infeasible, ScenarioColumn } from '../reports/scenario.js';
import { readScenarioFile, type Scenario } from '../scenario/file.js';
import { parseSetting, type Setting } from '../scenario/set.js';
import { settingText } from '../reports/scenario.js';
import { MAX_SWEEP, sweepScenarios, type Sweep } from '../scenario/sweep.js';
import { parseAssume, parseSweep, parseYears, rateSetting } from './scenario-args.js';
import { ExitError } from './exit.js';
import { agreementSource, atMostOneStdin, type LedgerDetail } from './load.js';
import type { CommonOptions, Context } from './context.js';
import type { SweepJob, SweepResult } from './sweep-job.js';
import { type Said, said } from '../text/said.js';

export interface ScenarioOptions extends CommonOptions {
  format: FormatOf<'projection'>;
  set: string[];
  sweep: string[];
  scenarios?: string;
  name?: string;
  years?: string;
  assume: string[];
  threads?: string;
  keepGoing?: boolean;
}

/** Three columns a scenario: past this many, a table is wider than anyone reads; csv and json take any number. */
const MAX_TABLE_SCENARIOS = 100;

/**
 * `samkost scenario`: the agreement as written (the baseline) and each
 * scenario side by side. Scenarios come from `--set` (one scenario), a
 * scenario file, or `--sweep` ranges (every combination); with a file or a
 * sweep, `--set` values are part of every scenario.
 */
export async function scenarioCommand(arg: string, opts: ScenarioOptions, c: Context): Promise<void> {
  const fixed = opts.set.map((t) => {
    const s =
      parseSetting(t) ??
      usage(
        said(`--set '${t}' er ikke STI=VERDI`, `--set '${t}' is not PATH=VALUE`),
        said('f.eks. --set items.soc.price.quantity=430', 'e.g. --set items.soc.price.quantity=430'),
      );
    const rate = rateSetting(s);
    return 'error' in rate ? usage(rate.error, rate.hint) : rate;
  });
  const sweeps = opts.sweep.map((t) => {
    const s = parseSweep(t);
    return 'error' in s ? usage(s.error, s.hint) : s;
  });
  if (opts.threads !== undefined && !/^[1-9]\d?$/.test(opts.threads))
    usage(
      said(`--threads '${opts.threads}' er ikke et antall tråder`, `--threads '${opts.threads}' is not a number of threads`),
      said('gi 1 til 99; 1 kjører hvert scenario i hovedtråden', 'give 1 to 99; 1 runs every scenario in the main thread'),
    );
  const count = sweeps.reduce((n, s) => n * s.values.length, 1);
  if (count > MAX_SWEEP)
    usage(
      said(`sveipene gir ${count} scenarioer, mer enn ${MAX_SWEEP}`, `the sweeps make ${count} scenarios, more than ${MAX_SWEEP}`),
      said('bruk større steg eller færre sveip', 'use larger steps or fewer sweeps'),
    );
  if (opts.years !== undefined) {
    if (opts.scenarios || sweeps.length)
      usage(
        said('--years kan ikke kombineres med --scenarios eller --sweep', '--years cannot be combined with --scenarios or --sweep'),
        said('framskriv én avtale over år; endringer med --set gjelder hvert år', 'project one agreement over years; --set changes apply to every year'),
      );
    return projectionCommand(arg, opts, fixed, c);
  }
  if (opts.assume.length)
    usage(
      said('--assume er for framskrivinger med --years', '--assume is for --years projections'),
      said('f.eks. --years 2025..2029 --assume deflator=3%', 'e.g. --years 2025..2029 --assume deflator=3%'),
    );
  atMostOneStdin([arg, opts.scenarios, ...INPUT_NAMES.map((n) => opts[n])]);
  const file = opts.scenarios ? await scenarioFile(opts.scenarios, c) : null;
  if (!file && fixed.length === 0 && sweeps.length === 0)
    usage(
      said(
        'scenario trenger noe å endre: gi --set STI=VERDI, --scenarios FIL eller --sweep STI=FRA..TIL[:STEG]',
        'scenario needs something to change: give --set PATH=VALUE, --scenarios FILE or --sweep PATH=FROM..TO[:STEP]',
      ),
      said('f.eks. --set parties.hustadvika.population=14000', 'e.g. --set parties.hustadvika.population=14000'),
    );

  const scenarios = planned(file?.scenarios ?? null, sweeps, fixed, opts.name);
  if ((opts.format === 'table' || opts.format === 'md' || opts.format === 'html') && scenarios.length > MAX_TABLE_SCENARIOS) {
    usage(
      said(
        `${scenarios.length} scenarioer er for mange til å lese side om side på en ${opts.format === 'html' ? 'side' : 'tabell'}`,
        `${scenarios.length} scenarios are too many to read side by side in a ${opts.format === 'html' ? 'page' : 'table'}`,
      ),
      said(
        `skriv dem med --format csv eller --format json (en tabell viser høyst ${MAX_TABLE_SCENARIOS})`,
        `write them with --format csv or --format json (a table shows at most ${MAX_TABLE_SCENARIOS})`,
      ),
    );
  }
  const detail = ledgerDetail(scenarios);
  const clock = () => c.speaker.io.now().getTime();
  const started = clock();
  const loaded = await c.load(arg, detail);
  const inputs = await c.inputs(loaded);
  const loadMs = clock() - started;
  const files = file ? { ...loaded, texts: new Map([...loaded.texts, [file.path, file.text]]) } : loaded;
  const session = await c.report(openScenarios(agreementSource(loaded), inputs, { scenarios, fixed }), files);

  if (opts.keepGoing && opts.format !== 'csv' && opts.format !== 'json')
    usage(
      said('--keep-going er for et sveip skrevet som csv eller json', '--keep-going is for a sweep written as csv or json'),
      said(
        'et scenario avtalen ikke tåler, noteres på sin plass der; legg til --format csv eller --format json',
        'a scenario the agreement cannot take is noted in its place there; add --format csv or --format json',
      ),
    );
  const out = output(
    session.baseline,
    opts,
    c,
    sweeps.map((s) => s.path),
  );
  out.add(session.baselineColumn);
  /** One scenario here: its column, or with --keep-going a scenario that makes the agreement invalid noted as such. */
  const runHere = async (s: Scenario) => {
    const outcome = session.run(s);
    if (outcome.report || !opts.keepGoing || !out.addInfeasible) out.add(await c.speaker.report(outcome, loaded));
    else out.addInfeasible(infeasible(s, outcome.diagnostics, opts.locale));
  };
  // The first scenarios run here, timed: threads pay off only when the rest outweighs reading the inputs again.
  const first = scenarios.slice(0, SAMPLE);
  const sampled = clock();
  for (const s of first) await runHere(s);
  const perScenarioMs = first.length ? (clock() - sampled) / first.length : 0;
  const rest = scenarios.slice(first.length);
  const failed = await inParallel(arg, opts, rest, out, { detail, swept: sweeps.map((s) => s.path) }, { loadMs, perScenarioMs });
  // Here: every scenario, none (the threads ran them all), or the one a thread found failing, to report it.
  const here = failed === null ? rest : failed < 0 ? [] : rest.slice(failed, failed + 1);
  for (const s of here) {
    await runHere(s);
    if (failed !== null) throw new Error(`internal: scenario '${s.name}' failed in a thread but not here`);
  }
  await c.speaker.out(out.text(), opts);
}

/** Below this many scenarios, starting threads costs more than it saves (unless `--threads` says how many to start). */
const PARALLEL_FROM = 2000;

/** Scenarios run in the main thread first, to time one. */
const SAMPLE = 50;

/**
 * A long sweep written as CSV or JSON is split over worker threads, one per
 * core: each loads the same agreement and inputs, runs its share in order
 * and returns text. Returns null when the scenarios are still to run here
 * (few, a table, or a thread could not start its work), the position of the first scenario that failed (run
 * again here to report it), or -1 when every scenario's text was added.
 */
async function inParallel(
  arg: string,
  opts: ScenarioOptions,
  scenarios: readonly Scenario[],
  out: { addPart?(part: string): void },
  how: { readonly detail: LedgerDetail; readonly swept: readonly string[] },
  cost: { readonly loadMs: number; readonly perScenarioMs: number },
): Promise<number | null> {
  const threads = opts.threads === undefined ? Math.min(availableParallelism(), 8) : Number(opts.threads);
  // `--threads N` is the user's choice, taken for a sweep of any length; without it, only a long sweep is split.
  const few = opts.threads === undefined ? scenarios.length < PARALLEL_FROM : scenarios.length < threads;
  if (few || threads < 2 || !out.addPart || (opts.format !== 'csv' && opts.format !== 'json')) return null;
  // A thread reads its inputs itself, and standard input can be read only once.
  if ([arg, opts.actuals, opts.drivers, opts.budget, opts.payments].includes('-')) return null;
  // Each thread reads the inputs again (all at once, one a core) and saves the work of the others' share.
  // Without --threads, threads are used only where that saving is larger, so they are never slower than one thread.
  const saved = scenarios.length * cost.perScenarioMs * (1 - 1 / threads);
  if (opts.threads === undefined && saved < 1.5 * cost.loadMs) return null;
  const format = opts.format;
  const size = Math.ceil(scenarios.length / threads);
  const overrides = {
    ...(opts.actuals ? { actuals: opts.actuals } : {}),
    ...(opts.drivers ? { drivers: opts.drivers } : {}),
    ...(opts.budget ? { budget: opts.budget } : {}),
    ...(opts.payments ? { payments: opts.payments } : {}),
  };
  const jobs = Array.from({ length: threads }, (_, t) => scenarios.slice(t * size, (t + 1) * size));
  // A thread that cannot run (it could not load what the main thread loaded) leaves the work to the main thread.
  const results = await Promise.all(
    jobs.map(
      (chunk) =>
        new Promise<SweepResult>((resolve, reject) => {
          const job: SweepJob = {
            arg,
            overrides,
            scenarios: chunk,
            format,
            locale: opts.locale,
            detail: how.detail,
            swept: how.swept,
            keepGoing: opts.keepGoing === true,
          };
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
function output(
  baseline: AllocationReport,
  opts: ScenarioOptions,
  c: Context,
  swept: readonly string[],
): { add(c: ScenarioColumn): void; addPart?(part: string): void; addInfeasible?(s: Infeasible): void; text(): Output } {
  if (opts.format === 'csv') {
    const w = new ScenarioCsvWriter(opts.locale, swept, opts.keepGoing === true);
    return {
      add: (col) => w.add(col),
      addPart: (p) => w.addPart(p),
      addInfeasible: (s) => w.addPart(ScenarioCsvWriter.infeasible(s, opts.locale, swept)),
      text: () => w.text(),
    };
  }
  if (opts.format === 'json') {
    const w = new ScenarioJsonWriter(baseline, c.renderOptions.version);
    return { add: (col) => w.add(col), addPart: (p) => w.addPart(p), addInfeasible: (s) => w.addPart(ScenarioJsonWriter.infeasible(s)), text: () => w.text() };
  }
  const columns: ScenarioColumn[] = [];
  const format = opts.format;
  return {
    add: (column) => void columns.push(column),
    text: () => render('scenario', format, { baseline, columns }, c.renderOptions),
  };
}

/** `--years FROM..TO`: the agreement projected a year at a time. */
async function projectionCommand(arg: string, opts: ScenarioOptions, fixed: readonly Setting[], c: Context): Promise<void> {
  const years = parseYears(opts.years!);
  if ('error' in years) usage(years.error, years.hint);
  const assumptions = opts.assume.map((t) => {
    const x = parseAssume(t);
    return 'error' in x ? usage(x.error, x.hint) : x;
  });
  const loaded = await c.load(arg, ledgerDetail([{ name: 'projection', settings: fixed }]));
  const projection = await c.report(project(agreementSource(loaded), await c.inputs(loaded), { from: years.from, to: years.to, assumptions, fixed }), loaded);
  await c.speaker.out(render('projection', opts.format, projection, c.renderOptions), opts);
}

/**
 * The ledger is summed by the columns the agreement selects by, and by
 * every column only when a scenario's settings might select by another (a
 * setting of a selector or an ignore rule): a sweep of populations over a
 * ledger of ten thousand accounts keeps one entry per category.
 */
function ledgerDetail(scenarios: readonly Scenario[]): LedgerDetail {
  return scenarios.some((s) => s.settings.some((t) => /actuals|ignore|account|project/.test(`${t.path}=${t.value}`))) ? 'all' : 'selected';
}

function usage(message: Said, hint: Said): never {
  throw new ExitError(2, message, hint);
}

function planned(file: readonly Scenario[] | null, sweeps: readonly Sweep[], fixed: readonly Setting[], name: string | undefined): Scenario[] {
  const fromFile = (file ?? []).map((s) => ({ name: s.name, settings: [...fixed, ...s.settings] }));
  const swept = sweeps.length ? sweepScenarios(sweeps, fixed) : [];
  if (file || sweeps.length) return [...fromFile, ...swept];
  return [{ name: name ?? fixed.map(settingText).join(', '), settings: fixed }];
}

export const SCENARIO_FILE = said('scenariofilen', 'scenario file');
export const GIVE_SCENARIO_FILE = said(
  'gi stien til en YAML-fil med scenarios: [{ name, set }]',
  'give the path of a YAML file with scenarios: [{ name, set }]',
);

async function scenarioFile(file: string, c: Context): Promise<{ path: string; text: string; scenarios: Scenario[] }> {
  const { file: name, text } = await readTextArg(c.speaker.io, file, SCENARIO_FILE, GIVE_SCENARIO_FILE);
  const read = readScenarioFile(text, name);
  const files = { texts: new Map([[name, text]]), encodings: new Map() };
  const refusal = {
    exit: 1 as const,
    reasons: [
      {
        message: said('ingen scenarioer ble kjørt: scenariofilen har feil', 'no scenario was run: the scenario file has errors'),
        hint: said('rett linjene over', 'fix the lines above'),
      },
    ],
  };
  if (read.diagnostics.some((d) => d.severity === 'error')) await c.speaker.report({ report: null, diagnostics: read.diagnostics, refusal }, files);
  else await c.speaker.diagnostics(read.diagnostics, files);
  return { path: name, text, scenarios: read.scenarios };
}
