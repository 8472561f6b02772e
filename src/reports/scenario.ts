import type { Id } from '../agreement/model.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { AllocationReport } from './allocation.js';
import type { Said } from '../text/said.js';

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

/**
 * What every format of a comparison starts from, before any scenario has
 * run: the baseline, and the paths the scenarios set — a column each in
 * CSV and the workbook, in the order first set.
 */
export interface ScenarioHead {
  readonly baseline: AllocationReport;
  readonly paths: readonly string[];
  /** `--keep-going`: a scenario the agreement cannot take is noted in its place (a last column in CSV says why). */
  readonly noted: boolean;
}

/** The baseline first, then each scenario, per party of the baseline. */
export interface ScenarioComparison extends ScenarioHead {
  /** Never empty: the baseline is always the first column. */
  readonly columns: readonly [ScenarioColumn, ...ScenarioColumn[]];
}

/** Every path the columns set, in the order first set: the columns a comparison held whole shows. */
export const settingPaths = (columns: readonly { readonly settings: readonly ScenarioSetting[] }[]): string[] => [
  ...new Set(columns.flatMap((s) => s.settings.map((t) => t.path))),
];

/** One point of a sweep as it is written: its column, or (`--keep-going`) why the agreement cannot take it. */
export type ScenarioPoint = ScenarioColumn | Infeasible;

export const isInfeasible = (p: ScenarioPoint): p is Infeasible => 'reason' in p;

export interface ScenarioRun {
  readonly name: string;
  readonly settings: readonly ScenarioSetting[];
  readonly report: AllocationReport;
}

/** A scenario of a sweep run with `--keep-going` that the agreement cannot take: named by the first error it makes, no figures. */
export interface Infeasible {
  readonly name: string;
  readonly settings: readonly ScenarioSetting[];
  /** The first error's message and its code. */
  readonly reason: Said;
}
