import type { AllocationReport } from '../reports/allocation.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { scenarioColumn } from '../scenario/compare.js';
import { type Infeasible, type ScenarioColumn, type ScenarioPoint, settingPaths } from '../reports/scenario.js';
import type { Scenario } from '../scenario/file.js';
import { ScenarioRunner } from '../scenario/run.js';
import type { SetError, Setting } from '../scenario/set.js';
import { invalidScenario, unknownPaths } from '../scenario/problems.js';
import { allocate } from './allocate.js';
import type { Inputs } from './inputs.js';
import type { Outcome } from '../diagnostics/outcome.js';
import { said } from '../text/said.js';

/** The agreement as the user wrote it: scenarios change its text, and their errors point into it. */
export interface AgreementSource {
  readonly text: string;
  readonly file: string;
  /** A path written in the agreement, as the caller can open it. */
  readonly resolve: (path: string) => string;
}

export interface ScenarioRequest {
  readonly scenarios: Iterable<Scenario>;
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
  const bad = unknownPaths(request.scenarios, request.fixed, (settings) => session.check(settings));
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

  /**
   * The paths the scenarios set, with the weights that follow them, in the
   * order first set: a column each in every format. One scenario of each
   * shape is enough (a sweep's combinations all set the same paths).
   */
  paths(shapes: Iterable<Scenario>): string[] {
    return settingPaths([...shapes].map((s) => ({ settings: this.runner.effective(s.settings) })));
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

  /**
   * One point of a sweep: its column, or with `keepGoing` a scenario that
   * makes the agreement invalid noted as such (its errors not shown).
   */
  point(s: Scenario, keepGoing: boolean): Outcome<ScenarioPoint> {
    const outcome = this.run(s);
    if (outcome.report || !keepGoing) return outcome;
    return { report: infeasible(s, outcome.diagnostics), diagnostics: [] };
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

/** A scenario the agreement cannot take, for `--keep-going`: named by the first error it makes. */
function infeasible(s: Scenario, diagnostics: readonly Diagnostic[]): Infeasible {
  const first = diagnostics.find((d) => d.severity === 'error');
  return {
    name: s.name,
    settings: s.settings.map(({ path, value }) => ({ path, value })),
    reason: first
      ? said(`${first.message.nb} [${first.code}]`, `${first.message.en} [${first.code}]`)
      : said('avtalen tåler ikke dette scenarioet', 'the agreement cannot take this scenario'),
  };
}

/** Each scenario run against the agreement: settings that name nothing, and scenarios that make it invalid, at their line in the scenario file. */
export function scenarioProblems(source: AgreementSource, inputs: Inputs, scenarios: readonly Scenario[]): Diagnostic[] {
  const opened = openScenarios(source, inputs, { scenarios, fixed: [] });
  if (!opened.report) return [...opened.diagnostics];
  const session = opened.report;
  const found: Diagnostic[] = [];
  for (const s of scenarios) {
    const run = session.evaluate(s);
    const first = run.diagnostics.find((d) => d.severity === 'error');
    if (run.report || !s.at) continue;
    found.push(invalidScenario(s.name, s.at, source.file, first));
  }
  return found;
}
