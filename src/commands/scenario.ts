import type { AllocationReport } from '../reports/allocation.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { scenarioColumn } from '../scenario/compare.js';
import type { ScenarioColumn } from '../reports/scenario.js';
import type { Scenario } from '../scenario/file.js';
import { ScenarioRunner } from '../scenario/run.js';
import type { SetError, Setting } from '../scenario/set.js';
import { settingText } from '../reports/scenario.js';
import { allocate } from './allocate.js';
import type { Inputs, Outcome, Refusal } from './inputs.js';
import { said } from '../text/said.js';

/** The agreement as the user wrote it: scenarios change its text, and their errors point into it. */
export interface AgreementSource {
  readonly text: string;
  readonly file: string;
  /** A path written in the agreement, as the caller can open it. */
  readonly resolve: (path: string) => string;
}

export interface ScenarioRequest {
  readonly scenarios: readonly Scenario[];
  /** Settings given on the command line for every scenario (`--set`); the rest of a scenario's settings came from a file or a sweep. */
  readonly fixed: readonly Setting[];
}

/**
 * `samkost scenario`: the agreement as written (the baseline) and each
 * scenario against it. Opening checks every setting of every scenario
 * before any runs; {@link ScenarioSession.run} then gives one column at a
 * time, so a long sweep holds no reports.
 */
export function openScenarios(source: AgreementSource, inputs: Inputs, request: ScenarioRequest): Outcome<ScenarioSession> {
  const baseline = allocate(inputs);
  if (!baseline.report) return baseline;
  const session = new ScenarioSession(source, inputs, baseline.report);
  const bad = badPaths(request, (settings) => session.check(settings));
  return bad ? { ...bad, diagnostics: [...baseline.diagnostics, ...bad.diagnostics] } : { report: session, diagnostics: baseline.diagnostics };
}

export class ScenarioSession {
  private readonly runner: ScenarioRunner<AllocationReport>;
  readonly baselineColumn: ScenarioColumn;

  constructor(
    private readonly source: AgreementSource,
    inputs: Inputs,
    readonly baseline: AllocationReport,
  ) {
    this.runner = new ScenarioRunner(source.text, source.file, source.resolve, (agreement, memo) => allocate({ ...inputs, agreement }, memo));
    this.baselineColumn = scenarioColumn(baseline, { name: 'baseline', settings: [], report: baseline }, true);
  }

  /** The settings that name nothing in the agreement. */
  check(settings: readonly Setting[]): SetError[] {
    return this.runner.check(settings);
  }

  /** The allocation under one scenario; the agreement's errors on its changed text when the scenario makes it invalid. */
  evaluate(s: Scenario): Outcome<AllocationReport> {
    const outcome = this.runner.run(s.settings);
    if (outcome.kind === 'ok') return { report: outcome.result, diagnostics: [] };
    if (outcome.kind === 'bad-setting') throw new Error(`internal: scenario '${s.name}' names a value that was checked to exist`);
    return {
      report: null,
      diagnostics: outcome.diagnostics,
      texts: new Map([[this.source.file, outcome.text]]),
      refusal: {
        exit: 1,
        reasons: [
          {
            message: said(`scenarioet '${s.name}' gjør avtalen ugyldig`, `scenario '${s.name}' makes the agreement invalid`),
            hint: said(
              'linjene over viser avtalen med scenarioets verdier skrevet inn',
              "the lines above show the agreement with the scenario's values written in",
            ),
          },
        ],
      },
    };
  }

  /** One scenario's column against the baseline. */
  run(s: Scenario): Outcome<ScenarioColumn> {
    const evaluated = this.evaluate(s);
    if (!evaluated.report) return evaluated;
    const settings = this.runner.effective(s.settings).map(({ path, value }) => ({ path, value }));
    return {
      report: scenarioColumn(this.baseline, { name: s.name, settings, report: evaluated.report }),
      diagnostics: evaluated.diagnostics,
    };
  }
}

/**
 * Every setting that names nothing in the agreement, at once: on its line
 * in a scenario file, or as a command-line error for the settings given on
 * the command line.
 */
function badPaths(
  request: ScenarioRequest,
  check: (settings: readonly Setting[]) => SetError[],
): { report: null; diagnostics: readonly Diagnostic[]; refusal: Refusal } | null {
  const option = (e: SetError) => (request.fixed.includes(e.setting) ? '--set' : '--sweep');
  const seen = new Map<string, SetError>();
  for (const s of request.scenarios)
    for (const e of check(s.settings)) seen.set(`${e.setting.at?.file}:${e.setting.at?.line}:${e.setting.at?.col}:${e.setting.path}`, e);
  const errors = [...seen.values()];
  if (!errors.length) return null;
  const inFile = errors.filter((e) => e.setting.at);
  const onLine = errors
    .filter((e) => !e.setting.at)
    .map((e) => {
      const head = `${option(e)} ${settingText(e.setting)}`;
      return { message: said(`${head}: ${e.message.nb}`, `${head}: ${e.message.en}`), hint: e.hint };
    });
  const diagnostics: Diagnostic[] = inFile.map((e) => ({
    ...e.setting.at!,
    severity: 'error',
    code: 'scenario-path',
    message: said(`'${e.setting.path}': ${e.message.nb}`, `'${e.setting.path}': ${e.message.en}`),
    hint: e.hint,
  }));
  if (!inFile.length) return { report: null, diagnostics, refusal: { exit: 2, reasons: [...onLine.slice(1), onLine[0]!] } };
  return {
    report: null,
    diagnostics,
    refusal: {
      exit: 1,
      reasons: [
        ...onLine,
        {
          message: said(
            'ingen scenarioer ble kjørt: scenariofilen nevner verdier avtalen ikke har',
            'no scenario was run: the scenario file names values the agreement does not have',
          ),
          hint: said('rett stiene over', 'fix the paths above'),
        },
      ],
    },
  };
}
