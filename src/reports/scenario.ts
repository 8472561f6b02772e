import type { Id } from '../agreement/model.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { AllocationReport } from './allocation.js';

/** One change a scenario makes: a dotted path into the agreement and the YAML text put there. */
export interface ScenarioSetting {
  readonly path: string;
  readonly value: string;
}

/** `PATH=VALUE`, as the command line writes a setting. */
export const settingText = (s: ScenarioSetting): string => `${s.path}=${s.value}`;

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
  /** The settings that make this scenario; none for the baseline. */
  readonly settings: readonly ScenarioSetting[];
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
  readonly settings: readonly ScenarioSetting[];
  readonly report: AllocationReport;
}

/** A scenario of a sweep run with `--keep-going` that the agreement cannot take: named by the first error it makes, no figures. */
export interface Infeasible {
  readonly name: string;
  readonly settings: readonly ScenarioSetting[];
  readonly reason: string;
}
