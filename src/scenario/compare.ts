import type { Id } from '../agreement/model.js';
import type { AllocationReport } from '../compute/report.js';
import { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';

export interface ScenarioParty {
  readonly id: Id;
  readonly name: string;
  readonly charged: Money;
  /** charged − the baseline's charged. */
  readonly delta: Money;
  /** delta / |baseline charged|; null where the baseline charged nothing. */
  readonly deltaShare: Ratio | null;
}

export interface ScenarioColumn {
  readonly name: string;
  /** The agreement as written, not a scenario. */
  readonly isBaseline: boolean;
  /** The `PATH=VALUE` settings that make this scenario; none for the baseline. */
  readonly settings: readonly string[];
  readonly parties: readonly ScenarioParty[];
  readonly total: Money;
  readonly totalDelta: Money;
}

/** The baseline first, then each scenario, per party of the baseline. */
export interface ScenarioComparison {
  readonly baseline: AllocationReport;
  readonly columns: readonly ScenarioColumn[];
}

export interface ScenarioRun {
  readonly name: string;
  readonly settings: readonly string[];
  readonly report: AllocationReport;
}

/** One scenario against the baseline; a sweep keeps only these, not the reports behind them. */
export function scenarioColumn(baseline: AllocationReport, run: ScenarioRun, isBaseline = false): ScenarioColumn {
  const charged = new Map(run.report.parties.map((p) => [p.party.id, p.charged]));
  const parties = baseline.parties.map(({ party, charged: before }) => {
    const now = charged.get(party.id) ?? Money.ZERO;
    const delta = now.minus(before);
    return { id: party.id, name: party.name, charged: now, delta, deltaShare: before.isZero() ? null : delta.toRatio().div(before.abs().toRatio()) };
  });
  const total = Money.sum(parties.map((p) => p.charged));
  return { name: run.name, isBaseline, settings: run.settings, parties, total, totalDelta: total.minus(Money.sum(baseline.parties.map((p) => p.charged))) };
}

export function compareScenarios(baseline: AllocationReport, scenarios: readonly ScenarioRun[]): ScenarioComparison {
  return withBaseline(
    baseline,
    scenarios.map((run) => scenarioColumn(baseline, run)),
  );
}

/** The baseline's own column first, then the scenarios'. */
export function withBaseline(baseline: AllocationReport, columns: readonly ScenarioColumn[]): ScenarioComparison {
  return { baseline, columns: [scenarioColumn(baseline, { name: 'baseline', settings: [], report: baseline }, true), ...columns] };
}
