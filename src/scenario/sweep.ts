import type { Scenario } from './file.js';
import { settingText, type Setting } from './set.js';

/** `--sweep PATH=FROM..TO[:STEP]`: one value of the agreement stepped over a range. */
export interface Sweep {
  readonly path: string;
  /** The values in order, as written into the agreement (`350`, `40.5%`). */
  readonly values: readonly string[];
}

/** More scenarios than this is almost certainly a mistyped step. */
export const MAX_SWEEP = 1_000_000;

const NUMBER = /^(-?\d+(?:\.\d+)?)(%?)$/;

/**
 * Reads `items.soc.price.quantity=350..500` (step 1) or
 * `keys.halv-halv.blend.0.weight=30%..70%:5%`. The values are exact decimals
 * (never a float sum of steps), from FROM up to and including TO when the
 * steps land on it.
 */
export function parseSweep(text: string): Sweep | { error: string; hint: string } {
  const hint = 'write PATH=FROM..TO or PATH=FROM..TO:STEP, e.g. items.soc.price.quantity=350..500:5 or keys.halv-halv.blend.0.weight=30%..70%:5%';
  const eq = text.indexOf('=');
  const range = /^(.+)\.\.([^:]+)(?::(.+))?$/.exec(eq > 0 ? text.slice(eq + 1).trim() : '');
  if (eq <= 0 || !range) return { error: `--sweep '${text}' is not PATH=FROM..TO[:STEP]`, hint };
  const [from, to, step = '1'] = [range[1]!, range[2]!, range[3]].map((s) => s?.trim()) as [string, string, string?];
  const parts = [from, to, step].map((s) => NUMBER.exec(s));
  if (parts.some((p) => !p)) return { error: `--sweep '${text}': FROM, TO and STEP must be numbers`, hint };
  const suffix = parts[0]![2]!;
  if (parts[1]![2] !== suffix || (range[3] !== undefined && parts[2]![2] !== suffix))
    return { error: `--sweep '${text}': write FROM, TO and STEP in the same unit`, hint: 'all with % or all without' };
  const scale = Math.max(...parts.map((p) => p![1]!.split('.')[1]?.length ?? 0));
  const units = (s: string) => {
    const [int, frac = ''] = s.replace('-', '').split('.');
    const u = BigInt(int! + frac.padEnd(scale, '0'));
    return s.startsWith('-') ? -u : u;
  };
  const [a, b, d] = parts.map((p) => units(p![1]!)) as [bigint, bigint, bigint];
  if (d <= 0n) return { error: `--sweep '${text}': STEP must be more than zero`, hint };
  if (b < a) return { error: `--sweep '${text}': TO is below FROM`, hint };
  const count = (b - a) / d + 1n;
  if (count > BigInt(MAX_SWEEP)) return { error: `--sweep '${text}' makes ${count} scenarios, more than ${MAX_SWEEP}`, hint: 'use a larger STEP' };
  const show = (u: bigint) => {
    const neg = u < 0n;
    const digits = (neg ? -u : u).toString().padStart(scale + 1, '0');
    return `${neg ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale ? '.' + digits.slice(digits.length - scale) : ''}${suffix}`;
  };
  const values: string[] = [];
  for (let u = a; u <= b; u += d) values.push(show(u));
  return { path: text.slice(0, eq).trim(), values };
}

/**
 * Every combination of the sweeps' values (the first sweep varies slowest),
 * each with the fixed settings first. Named by their settings.
 */
export function sweepScenarios(sweeps: readonly Sweep[], fixed: readonly Setting[]): Scenario[] {
  let combos: Setting[][] = [[]];
  for (const s of sweeps) combos = combos.flatMap((c) => s.values.map((value) => [...c, { path: s.path, value }]));
  return combos.map((settings) => ({ name: settings.map(settingText).join(', '), settings: [...fixed, ...settings] }));
}
