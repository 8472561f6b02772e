import type { Scenario } from './file.js';
import { settingText } from '../reports/scenario.js';
import type { Setting } from './set.js';

/** One value of the agreement stepped over a range. */
export interface Sweep {
  readonly path: string;
  /** The values in order, as written into the agreement (`350`, `40.5%`). */
  readonly values: readonly string[];
}

/** More scenarios than this is almost certainly a mistyped step. */
export const MAX_SWEEP = 1_000_000;

/**
 * Every combination of the sweeps' values (the first sweep varies slowest),
 * each with the fixed settings first. Named by their settings.
 */
export function sweepScenarios(sweeps: readonly Sweep[], fixed: readonly Setting[]): Scenario[] {
  let combos: Setting[][] = [[]];
  for (const s of sweeps) combos = combos.flatMap((c) => s.values.map((value) => [...c, { path: s.path, value }]));
  return combos.map((settings) => ({ name: settings.map(settingText).join(', '), settings: [...fixed, ...settings] }));
}
