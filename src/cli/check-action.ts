import { INPUT_NAMES } from '../agreement/model.js';
import { check } from '../commands/check.js';
import type { AgreementSource } from '../commands/scenario.js';
import { CHECK_RENDERERS } from '../render/check.js';
import type { Scenario } from '../scenario/file.js';
import type { CheckOptions } from './check.js';
import { road } from './command-spec.js';
import type { Context } from './context.js';
import { ExitError } from './exit.js';
import { agreementSource, atMostOneStdin, type Loaded, STDIN } from './load.js';
import { isUnreadable, readTextArg } from './read-text.js';
import { lineLookup } from './excerpts.js';
import { GIVE_SCENARIO_FILE, SCENARIO_FILE } from './scenario-file.js';

/** What `check` loads: every agreement, and the scenario file's texts and scenarios when one is given. */
interface CheckLoaded {
  readonly loaded: readonly (Loaded & { source?: AgreementSource })[];
  readonly scenarios: Awaited<ReturnType<typeof readScenarios>> | null;
}

/** `samkost check`: every agreement loaded, checked together (invoice number series across them), reported in the chosen format. */
export const checkCommand = road({
  parse: (args: readonly string[], opts: CheckOptions) => atMostOneStdin([...args, opts.scenarios, ...INPUT_NAMES.map((n) => opts[n])]),
  load: async (args, _parsed, opts, c): Promise<CheckLoaded> => {
    const loaded: (Loaded & { source?: AgreementSource })[] = [];
    // A scenario file with errors is checked as one more file; without, its scenarios are run against every agreement.
    const scenarios = opts.scenarios === undefined ? null : await readScenarios(c, opts.scenarios);
    if (scenarios?.failed) loaded.push(scenarios.failed);
    for (const arg of args) {
      const l = await loadChecked(c, arg);
      loaded.push(l.inputs ? { ...l, source: agreementSource(l) } : l);
    }
    return { loaded, scenarios };
  },
  compute: async ({ loaded, scenarios }, _parsed, opts) => ({
    loaded,
    scenarios,
    report: check(loaded, {
      strict: opts.strict === true,
      invoices: opts.invoices === true,
      ...(scenarios && !scenarios.failed ? { scenarios: { list: scenarios.list, problems: (await import('../commands/scenario.js')).scenarioProblems } } : {}),
    }),
  }),
  render: async ({ loaded, scenarios, report: r }, _parsed, opts, c) => {
    // Only the table shows excerpts: the lines they quote are read for it alone.
    const files = {
      texts: new Map([...loaded.flatMap((l) => [...l.texts]), ...(scenarios?.texts ?? [])]),
      encodings: new Map(loaded.flatMap((l) => [...l.encodings])),
      kept: new Map(loaded.flatMap((l) => [...(l.kept ?? [])])),
    };
    const excerpts =
      opts.format === 'table'
        ? await lineLookup(
            c.speaker.io.fs,
            r.agreements.flatMap((a) => a.diagnostics),
            files,
          )
        : undefined;
    return CHECK_RENDERERS[opts.format](excerpts ? { ...r, excerpts } : r, c.renderOptions);
  },
  write: async (text, { report }, opts, c) => {
    if (text) await c.speaker.out(text, opts);
    if (!report.ok) throw ExitError.quiet(1);
  },
});

/** A scenario file for `check --scenarios`: its scenarios, or the file as one more failing subject with its errors. */
async function readScenarios(c: Context, file: string): Promise<{ list: readonly Scenario[]; texts: ReadonlyMap<string, string>; failed?: Loaded }> {
  const { file: name, text } = await readTextArg(c.speaker.io, file, SCENARIO_FILE, GIVE_SCENARIO_FILE);
  const read = (await import('../scenario/file.js')).readScenarioFile(text, name);
  const texts = new Map([[name, text]]);
  if (!read.diagnostics.some((d) => d.severity === 'error')) return { list: read.scenarios, texts };
  return { list: [], texts, failed: { file: name, inputs: null, actualsCount: 0, diagnostics: read.diagnostics, texts, encodings: new Map() } };
}

/**
 * An agreement `check` cannot read is one more problem in its report, so the
 * JSON and the annotations a CI reads are still written, and the other
 * agreements are still checked.
 */
async function loadChecked(c: Context, arg: string): Promise<Loaded> {
  const l = await c.loadOrUnreadable(arg);
  if (!isUnreadable(l)) return l;
  const file = l.at?.file ?? (arg === '-' ? STDIN : arg);
  const at = { file, line: l.at?.line ?? 1, col: l.at?.col ?? 1 };
  const diagnostic = { ...at, severity: 'error' as const, code: 'agreement-missing' as const, message: l.unreadable, ...(l.hint ? { hint: l.hint } : {}) };
  return { file, inputs: null, actualsCount: 0, diagnostics: [diagnostic], texts: new Map(), encodings: new Map() };
}
