import type { AllocationReport } from '../reports/allocation.js';
import { Money } from '../money/money.js';
import { type ScenarioColumn, type ScenarioComparison, type ScenarioRun, settingPaths } from '../reports/scenario.js';

/** One scenario against the baseline; a sweep keeps only these, not the reports behind them. */
export function scenarioColumn(baseline: AllocationReport, run: ScenarioRun, isBaseline = false): ScenarioColumn {
  const charged = new Map(run.report.parties.map((p) => [p.party.id, p.charged]));
  const parties = baseline.parties.map(({ party, charged: before }) => {
    const now = charged.get(party.id) ?? Money.ZERO;
    const delta = now.minus(before);
    return { id: party.id, name: party.name, charged: now, delta, deltaShare: before.isZero() ? null : delta.over(before.abs()) };
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
  return {
    baseline,
    paths: settingPaths(columns),
    noted: false,
    columns: [scenarioColumn(baseline, { name: 'baseline', settings: [], report: baseline }, true), ...columns],
  };
}
