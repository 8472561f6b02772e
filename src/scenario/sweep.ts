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

/** What makes the scenarios of a run: plain data, so a worker thread can be sent it and make the same scenarios. */
export interface PlanSpec {
  /** Scenarios given whole (a scenario file, or the one `--set` scenario), their fixed settings included. */
  readonly listed: readonly Scenario[];
  /** Every combination of these follows the listed scenarios (the first sweep varies slowest). */
  readonly sweeps: readonly Sweep[];
  /** Settings every swept scenario starts with (`--set`). */
  readonly fixed: readonly Setting[];
}

/**
 * The scenarios of a run in order: the listed ones, then every combination
 * of the sweeps, each named by its settings. A scenario is made from its
 * position when it is needed, so a million-point sweep is never a list.
 */
export class ScenarioPlan implements Iterable<Scenario> {
  readonly count: number;
  private readonly combinations: number;

  constructor(readonly spec: PlanSpec) {
    this.combinations = spec.sweeps.length ? spec.sweeps.reduce((n, s) => n * s.values.length, 1) : 0;
    this.count = spec.listed.length + this.combinations;
  }

  at(i: number): Scenario {
    const { listed, sweeps, fixed } = this.spec;
    if (i < listed.length) return listed[i]!;
    let rest = i - listed.length;
    const swept: Setting[] = new Array<Setting>(sweeps.length);
    for (let k = sweeps.length - 1; k >= 0; k--) {
      const values = sweeps[k]!.values;
      const at = rest % values.length;
      swept[k] = { path: sweeps[k]!.path, value: values[at]! };
      rest = (rest - at) / values.length;
    }
    return { name: swept.map(settingText).join(', '), settings: [...fixed, ...swept] };
  }

  /** The scenarios from position `from` up to (not including) `to`. */
  *range(from: number, to = this.count): Generator<Scenario> {
    for (let i = from; i < Math.min(to, this.count); i++) yield this.at(i);
  }

  [Symbol.iterator](): Iterator<Scenario> {
    return this.range(0);
  }

  /** One scenario of each shape: the listed ones and the first combination, whose paths every combination shares. */
  *shapes(): Generator<Scenario> {
    yield* this.spec.listed;
    if (this.combinations) yield this.at(this.spec.listed.length);
  }
}
