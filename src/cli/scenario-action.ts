import { availableParallelism } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { INPUT_NAMES } from '../agreement/model.js';
import { project } from '../commands/projection.js';
import { openScenarios, type ScenarioSession } from '../commands/scenario.js';
import type { Projection } from '../reports/projection.js';
import type { Assumption } from '../validate/projection.js';
import { readTextArg } from './read-text.js';
import { render, scenarioStream } from '../render/registry.js';
import type { ScenarioColumn, ScenarioComparison, ScenarioHead } from '../reports/scenario.js';
import { readScenarioFile, type Scenario } from '../scenario/file.js';
import { parseSetting, type Setting } from '../scenario/set.js';
import { settingText } from '../reports/scenario.js';
import { MAX_SWEEP, ScenarioPlan, type Sweep } from '../scenario/sweep.js';
import { parseAssume, parseSweep, parseYears, rateSetting } from './scenario-args.js';
import { ExitError } from './exit.js';
import { agreementSource, atMostOneStdin, type LedgerDetail, type Loaded } from './load.js';
import { road } from './command-spec.js';
import type { Context } from './context.js';
import type { ScenarioOptions } from './scenario.js';
import { GIVE_SCENARIO_FILE, SCENARIO_FILE } from './scenario-file.js';
import type { SweepAck, SweepJob, SweepMessage } from './sweep-job.js';
import { type Said, said } from '../text/said.js';

/** Three columns a scenario: past this many, a table is wider than anyone reads; csv and json take any number. */
const MAX_TABLE_SCENARIOS = 100;

/**
 * What `scenario` was asked for, once the command line is checked: a
 * projection over years, or scenarios against the agreement as written.
 */
type ScenarioRequest =
  | { readonly kind: 'projection'; readonly fixed: readonly Setting[]; readonly from: number; readonly to: number; readonly assumptions: readonly Assumption[] }
  | {
      readonly kind: 'scenarios';
      readonly fixed: readonly Setting[];
      readonly plan: ScenarioPlan;
      readonly file: { path: string; text: string } | null;
      readonly stream: ReturnType<typeof scenarioStream>;
    };

/** The command line of `scenario`: every mistake in it found before the agreement is read (exit 2). */
async function parseRequest(arg: string, opts: ScenarioOptions, c: Context): Promise<ScenarioRequest> {
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
  const count = sweeps.reduce((n, s) => n * s.count, 1);
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
    return { kind: 'projection', fixed, ...projectionYears(opts) };
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

  const plan = planned(file?.scenarios ?? null, sweeps, fixed, opts.name);
  const stream = scenarioStream(opts.format);
  if (!stream && plan.count > MAX_TABLE_SCENARIOS) {
    usage(
      said(
        `${plan.count} scenarioer er for mange til å lese side om side på en ${opts.format === 'html' ? 'side' : 'tabell'}`,
        `${plan.count} scenarios are too many to read side by side in a ${opts.format === 'html' ? 'page' : 'table'}`,
      ),
      said(
        `skriv dem med --format csv eller --format json (en tabell viser høyst ${MAX_TABLE_SCENARIOS})`,
        `write them with --format csv or --format json (a table shows at most ${MAX_TABLE_SCENARIOS})`,
      ),
    );
  }
  return { kind: 'scenarios', fixed, plan, file, stream };
}

/** What the scenarios computed: one report to render, or a session whose scenarios run as they are written. */
type ScenarioRun =
  | { readonly kind: 'projection'; readonly projection: Projection }
  | { readonly kind: 'table'; readonly comparison: ScenarioComparison }
  | {
      readonly kind: 'stream';
      readonly arg: string;
      readonly detail: LedgerDetail;
      readonly stream: NonNullable<ReturnType<typeof scenarioStream>>;
      readonly session: ScenarioSession;
      readonly head: ScenarioHead;
      readonly plan: ScenarioPlan;
      readonly loaded: Loaded;
      readonly loadMs: number;
    };

/**
 * `samkost scenario`: the agreement as written (the baseline) and each
 * scenario side by side. Scenarios come from `--set` (one scenario), a
 * scenario file, or `--sweep` ranges (every combination); with a file or a
 * sweep, `--set` values are part of every scenario.
 */
export const scenarioCommand = road({
  parse: parseRequest,
  load: async (arg, request, _opts, c) => {
    const clock = () => c.speaker.io.now().getTime();
    const started = clock();
    const detail = ledgerDetail(request.kind === 'projection' ? projectionPlan(request.fixed) : request.plan);
    const loaded = await c.load(arg, detail);
    const inputs = await c.inputs(loaded);
    return { arg, detail, loaded, inputs, loadMs: clock() - started };
  },
  compute: async ({ arg, detail, loaded, inputs, loadMs }, request, opts, c): Promise<ScenarioRun> => {
    if (request.kind === 'projection') {
      const { from, to, assumptions, fixed } = request;
      return { kind: 'projection', projection: await c.report(project(agreementSource(loaded), inputs, { from, to, assumptions, fixed }), loaded) };
    }
    const { file, plan, fixed, stream } = request;
    const files = file ? { ...loaded, texts: new Map([...loaded.texts, [file.path, file.text]]) } : loaded;
    const session = await c.report(openScenarios(agreementSource(loaded), inputs, { scenarios: plan, fixed }), files);
    const keepGoing = opts.keepGoing === true;
    if (keepGoing && !stream)
      usage(
        said('--keep-going er for et sveip skrevet som csv eller json', '--keep-going is for a sweep written as csv or json'),
        said(
          'et scenario avtalen ikke tåler, noteres på sin plass der; legg til --format csv eller --format json',
          'a scenario the agreement cannot take is noted in its place there; add --format csv or --format json',
        ),
      );
    const head: ScenarioHead = { baseline: session.baseline, paths: session.paths(plan.shapes()), noted: keepGoing };
    // A table, a page or a workbook shows every scenario at once (at most MAX_TABLE_SCENARIOS of them).
    if (!stream) {
      const columns: [ScenarioColumn, ...ScenarioColumn[]] = [session.baselineColumn];
      for (const s of plan) columns.push(await c.speaker.report(session.run(s), loaded));
      return { kind: 'table', comparison: { ...head, columns } };
    }
    return { kind: 'stream', arg, detail, stream, session, head, plan, loaded, loadMs };
  },
  // A stream is rendered as it is written: its scenarios run between its points.
  render: (run, _request, opts, c) =>
    run.kind === 'projection'
      ? { text: render('projection', opts.format, run.projection, c.renderOptions) }
      : run.kind === 'table'
        ? { text: render<'scenario'>('scenario', opts.format, run.comparison, c.renderOptions) }
        : { stream: run },
  write: async (rendered, _run, opts, c) => ('stream' in rendered ? writeStream(rendered.stream, opts, c) : c.speaker.out(rendered.text, opts)),
});

/** CSV and JSON are written a scenario at a time, as the scenarios run, and shown only when all have. */
async function writeStream(run: Extract<ScenarioRun, { kind: 'stream' }>, opts: ScenarioOptions, c: Context): Promise<void> {
  const { arg, detail, stream, session, head, plan, loaded, loadMs } = run;
  const keepGoing = opts.keepGoing === true;
  const clock = () => c.speaker.io.now().getTime();
  const out = c.speaker.stream(opts);
  // A sweep keeps the baseline's report and drops every scenario's at once. V8, having seen the baseline's objects outlive
  // young collections, would allocate every scenario's objects from the same code straight into the old generation, which
  // then grows by all of them between full collections: the peak would grow with the sweep. Worker threads share the flag.
  setFlagsFromString('--no-allocation-site-pretenuring');
  try {
    await out.write(stream.head(head, c.renderOptions.version, opts.locale));
    await out.write(stream.point(head, session.baselineColumn, 0, opts.locale));
    /** Scenario i of the plan here: point i + 1 (the baseline is point 0), or the end of the run with its errors. */
    const runHere = async (i: number) => {
      const point = await c.speaker.report(session.point(plan.at(i), keepGoing), loaded);
      await out.write(stream.point(head, point, i + 1, opts.locale));
    };
    // The first scenarios run here, timed: threads pay off only when the rest outweighs reading the inputs again.
    const first = Math.min(SAMPLE, plan.count);
    const sampled = clock();
    for (let i = 0; i < first; i++) await runHere(i);
    const perScenarioMs = first ? (clock() - sampled) / first : 0;
    const job = { plan, from: first, paths: head.paths, detail, keepGoing };
    // Here: whatever the threads did not write (all of it when there are none, or from the scenario a thread found failing, to report it).
    const written = await inParallel(arg, opts, job, (bytes) => out.write(bytes), { loadMs, perScenarioMs });
    for (let i = written; i < plan.count; i++) await runHere(i);
    await out.write(stream.tail(head));
    await out.close();
  } catch (e) {
    await out.discard();
    throw e;
  }
}

/** Below this many scenarios, starting threads costs more than it saves (unless `--threads` says how many to start). */
const PARALLEL_FROM = 2000;

/** Scenarios run in the main thread first, to time one. */
const SAMPLE = 50;

/**
 * A worker's young generation. V8's default (two 16 MB semi-spaces and
 * room to promote) is what most of a thread's memory was; a scenario's
 * objects die within it, so a smaller one costs more minor collections of
 * the same few survivors and saves some 15 MB a thread (measured with
 * bench/sweep-memory.mjs).
 */
const WORKER_YOUNG_MB = 16;

/**
 * The least a worker's old generation may grow to. V8 lets a heap grow
 * between full collections by a factor that rises with this limit (up to
 * 4× what was live under its default of gigabytes): a lower limit makes it
 * collect sooner, so a long sweep's threads stay near the size a short
 * one's reach. A worker that outgrows it ends, and the main thread runs the
 * rest of the sweep itself.
 */
const WORKER_OLD_MB = 256;

/** Scenarios a worker runs and sends at a time, and how many such blocks it may run ahead of the writer. */
const BLOCK = 250;
const WINDOW = 4;

/**
 * A long sweep written as CSV or JSON is split over worker threads, one per
 * core: each loads the same agreement and inputs, and runs its blocks of
 * the plan (dealt round the threads) through the same streamed renderer.
 * The main thread writes the blocks in order as they come, so it holds a
 * few blocks, never the sweep. Returns the position in the plan up to which
 * scenarios were written: `job.from` when the threads did not run (few
 * scenarios, standard input, or a thread could not start its work), the
 * first scenario that failed (run again here to report it), or the end.
 */
async function inParallel(
  arg: string,
  opts: ScenarioOptions,
  job: { readonly plan: ScenarioPlan; readonly from: number; readonly paths: readonly string[]; readonly detail: LedgerDetail; readonly keepGoing: boolean },
  write: (bytes: Uint8Array) => Promise<void>,
  cost: { readonly loadMs: number; readonly perScenarioMs: number },
): Promise<number> {
  const { plan, from } = job;
  const count = plan.count - from;
  const threads = opts.threads === undefined ? Math.min(availableParallelism(), 8) : Number(opts.threads);
  // `--threads N` is the user's choice, taken for a sweep of any length; without it, only a long sweep is split.
  const few = opts.threads === undefined ? count < PARALLEL_FROM : count < threads;
  if (few || threads < 2 || (opts.format !== 'csv' && opts.format !== 'json')) return from;
  // A thread reads its inputs itself, and standard input can be read only once.
  if ([arg, opts.actuals, opts.drivers, opts.budget, opts.payments].includes('-')) return from;
  // Each thread reads the inputs again (all at once, one a core) and saves the work of the others' share.
  // Without --threads, threads are used only where that saving is larger, so they are never slower than one thread.
  const saved = count * cost.perScenarioMs * (1 - 1 / threads);
  if (opts.threads === undefined && saved < 1.5 * cost.loadMs) return from;
  const overrides = {
    ...(opts.actuals ? { actuals: opts.actuals } : {}),
    ...(opts.drivers ? { drivers: opts.drivers } : {}),
    ...(opts.budget ? { budget: opts.budget } : {}),
    ...(opts.payments ? { payments: opts.payments } : {}),
  };
  const base = { arg, overrides, plan: plan.spec, from, to: plan.count, block: BLOCK, threads, window: WINDOW, format: opts.format, locale: opts.locale };
  // A worker holds what this thread holds (the inputs, the baseline, the memo): its old generation may grow to several times that.
  const maxOldGenerationSizeMb = Math.max(WORKER_OLD_MB, Math.ceil((4 * getHeapStatistics().used_heap_size) / 2 ** 20));
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb };
  const workers = Array.from({ length: threads }, (_, thread) => {
    const data: SweepJob = { ...base, thread, detail: job.detail, paths: job.paths, keepGoing: job.keepGoing };
    return new Inbox(new Worker(new URL('./sweep-worker.js', import.meta.url), { workerData: data, resourceLimits }));
  });
  let written = from;
  try {
    for (let b = 0; written < plan.count; b++) {
      const inbox = workers[b % threads]!;
      // A thread that cannot run (it could not load what the main thread loaded) leaves the rest to the main thread.
      const m = await inbox.next().catch(() => null);
      if (!m) return written;
      for (const bytes of m.bytes) await write(bytes);
      if (m.kind === 'failed') return m.at;
      written = Math.min(plan.count, written + BLOCK);
      inbox.ack(m);
    }
    return written;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** A worker's messages in the order sent, taken one at a time; its failure or early end rejects the next. */
class Inbox {
  private readonly messages: SweepMessage[] = [];
  private waiting: { resolve(m: SweepMessage): void; reject(e: unknown): void } | null = null;
  private ended: unknown = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: SweepMessage) => {
      if (this.waiting) this.waiting.resolve(m);
      else this.messages.push(m);
      this.waiting = null;
    });
    const end = (e: unknown) => {
      this.ended ??= e;
      this.waiting?.reject(e);
      this.waiting = null;
    };
    worker.on('error', end);
    worker.on('exit', (code) => end(new Error(`internal: a sweep thread ended (${code})`)));
  }

  next(): Promise<SweepMessage> {
    const m = this.messages.shift();
    if (m) return Promise.resolve(m);
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** The block is written: its buffers go back to the worker, to be filled again. */
  ack(written: SweepMessage): void {
    const buffers = written.bytes.map((b) => b.buffer as ArrayBuffer);
    this.worker.postMessage({ kind: 'written', buffers } satisfies SweepAck, buffers);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** `--years FROM..TO` and its `--assume`: the agreement projected a year at a time. */
function projectionYears(opts: ScenarioOptions): { from: number; to: number; assumptions: Assumption[] } {
  const years = parseYears(opts.years ?? '');
  if ('error' in years) usage(years.error, years.hint);
  const assumptions = opts.assume.map((t) => {
    const x = parseAssume(t);
    return 'error' in x ? usage(x.error, x.hint) : x;
  });
  return { from: years.from, to: years.to, assumptions };
}

/** A projection reads the ledger as its one scenario, the settings of every year, would. */
function projectionPlan(fixed: readonly Setting[]): ScenarioPlan {
  return new ScenarioPlan({ listed: [{ name: 'projection', settings: fixed }], sweeps: [], fixed });
}

/**
 * The ledger is summed by the columns the agreement selects by, and by
 * every column only when a scenario's settings might select by another (a
 * setting of a selector or an ignore rule): a sweep of populations over a
 * ledger of ten thousand accounts keeps one entry per category. A sweep's
 * values are numbers, so one scenario of each shape tells.
 */
function ledgerDetail(plan: ScenarioPlan): LedgerDetail {
  return [...plan.shapes()].some((s) => s.settings.some((t) => /actuals|ignore|account|project/.test(`${t.path}=${t.value}`))) ? 'all' : 'selected';
}

function usage(message: Said, hint: Said): never {
  throw new ExitError(2, message, hint);
}

function planned(file: readonly Scenario[] | null, sweeps: readonly Sweep[], fixed: readonly Setting[], name: string | undefined): ScenarioPlan {
  const fromFile = (file ?? []).map((s) => ({ name: s.name, settings: [...fixed, ...s.settings] }));
  if (file || sweeps.length) return new ScenarioPlan({ listed: fromFile, sweeps, fixed });
  return new ScenarioPlan({ listed: [{ name: name ?? fixed.map(settingText).join(', '), settings: fixed }], sweeps: [], fixed });
}

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
