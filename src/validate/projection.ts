import type { Agreement, Id, IndexRef } from '../agreement/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { said } from '../text/said.js';

/** An index change assumed for every year the series lacks (no `year`), or for one year. */
export interface Assumption {
  readonly series: Id;
  readonly year?: number;
  readonly change: string;
}

/** The index changes the agreement of `year` needs: per series an item or standalone cost is indexed by, the years after its base up to `year`. */
export function neededChanges(a: Agreement, year: number): Map<Id, Set<number>> {
  const refs: IndexRef[] = [...a.items.flatMap((i) => (i.index ? [i.index] : [])), ...[...a.standalone.values()].flatMap((s) => (s.index ? [s.index] : []))];
  const needed = new Map<Id, Set<number>>();
  for (const ref of refs) {
    const years = needed.get(ref.series) ?? new Set<number>();
    for (let y = ref.from + 1; y <= year; y++) years.add(y);
    needed.set(ref.series, years);
  }
  return needed;
}

/** The change assumed on the command line for a series' year: one given for that year, else one given for every year. */
export function assumedChange(assumptions: readonly Assumption[], series: Id, year: number): Assumption | undefined {
  return assumptions.find((x) => x.series === series && x.year === year) ?? assumptions.find((x) => x.series === series && x.year === undefined);
}

/**
 * A projection over `from`..`to` needs a change for every year each index
 * series lacks: declared in the agreement or assumed with `--assume`. Each
 * series missing one is an error at the series, naming its years. Reads the
 * agreement and the command line only.
 */
export function indexChangesMissing(a: Agreement, from: number, to: number, assumptions: readonly Assumption[]): Diagnostic[] {
  const missing = new Map<Id, Set<number>>();
  for (let year = from; year <= to; year++)
    for (const [series, years] of neededChanges(a, year)) {
      const declared = a.indices.get(series);
      for (const y of [...years].sort()) {
        if (!declared || declared.changes.has(y) || assumedChange(assumptions, series, y)) continue;
        missing.set(series, new Set([...(missing.get(series) ?? []), y]));
      }
    }
  return [...missing].flatMap(([series, ys]): Diagnostic[] => {
    const at = a.indices.get(series)?.at;
    if (!at) return [];
    const list = [...ys].sort();
    return [
      {
        ...at,
        severity: 'error',
        code: 'index-year-missing',
        message: said(
          `indeksserien '${series}' har ingen endring for ${list.join(', ')}, som framskrivingen trenger`,
          `index series '${series}' has no change for ${list.join(', ')}, which the projection needs`,
        ),
        hint: said(
          `legg til ${list[0]}: <endring> under indices: ${series}:, eller anta en: --assume ${series}=<endring> (eller --assume ${series}.${list[0]}=<endring>)`,
          `add ${list[0]}: <change> under indices: ${series}:, or assume one: --assume ${series}=<change> (or --assume ${series}.${list[0]}=<change>)`,
        ),
      },
    ];
  });
}
