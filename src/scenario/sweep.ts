import type { Scenario } from './file.js';
import { settingText } from '../reports/scenario.js';
import type { Setting } from './set.js';

/**
 * One value of the agreement stepped over a range. Its values are made from
 * their position ({@link sweepValue}), never listed: a list of a million
 * values would be held by every thread for the whole sweep.
 */
export interface Sweep {
  readonly path: string;
  /** The first value and the step, in units of the last decimal written (`0.05` at scale 2 is 5). */
  readonly from: bigint;
  readonly step: bigint;
  readonly count: number;
  /** Decimals written, and what follows the number (`%` or nothing). */
  readonly scale: number;
  readonly suffix: string;
}

/** Value `i` of a sweep, as written into the agreement (`350`, `40.5%`). */
export function sweepValue(s: Sweep, i: number): string {
  const u = s.from + BigInt(i) * s.step;
  const neg = u < 0n;
  const digits = (neg ? -u : u).toString().padStart(s.scale + 1, '0');
  const point = digits.length - s.scale;
  return `${neg ? '-' : ''}${digits.slice(0, point)}${s.scale ? `.${digits.slice(point)}` : ''}${s.suffix}`;
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
    this.combinations = spec.sweeps.length ? spec.sweeps.reduce((n, s) => n * s.count, 1) : 0;
    this.count = spec.listed.length + this.combinations;
  }

  at(i: number): Scenario {
    const { listed, sweeps, fixed } = this.spec;
    if (i < listed.length) return listed[i]!;
    let rest = i - listed.length;
    const swept: Setting[] = new Array<Setting>(sweeps.length);
    for (let k = sweeps.length - 1; k >= 0; k--) {
      const sweep = sweeps[k]!;
      const at = rest % sweep.count;
      swept[k] = { path: sweep.path, value: sweepValue(sweep, at) };
      rest = (rest - at) / sweep.count;
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
