import type { Agreement, Id } from '../agreement/model.js';
import { assumedChange, neededChanges, type Assumption } from '../validate/projection.js';
import type { AllocationReport } from '../reports/allocation.js';
import { standaloneCost } from '../compute/standalone.js';
import { Money } from '../money/money.js';
import type { Setting } from './set.js';
import type { Assumed, ProjectedYear } from '../reports/projection.js';

export interface YearPlan {
  readonly year: number;
  /** `year=Y` and one `indices.S.Y=CHANGE` per assumed change. */
  readonly settings: readonly Setting[];
  readonly assumed: readonly Assumed[];
}

/**
 * What makes the agreement of year Y: the year itself, and every index
 * change that items and standalone costs need up to Y — declared in the
 * agreement, else assumed on the command line, else missing.
 */
export function planYear(a: Agreement, year: number, assumptions: readonly Assumption[]): YearPlan {
  const assumed: Assumed[] = [];
  for (const [series, years] of neededChanges(a, year)) {
    const declared = a.indices.get(series)?.changes;
    for (const y of [...years].sort()) {
      if (!declared || declared.has(y)) continue;
      // A year neither declared nor assumed was refused before (validate/projection.ts).
      const given = assumedChange(assumptions, series, y);
      if (given) assumed.push({ series, year: y, change: given.change });
    }
  }
  const settings: Setting[] = [{ path: 'year', value: String(year) }, ...assumed.map((x) => ({ path: `indices.${x.series}.${x.year}`, value: x.change }))];
  return { year, settings, assumed };
}

/** One year of the projection from that year's allocation. */
export function projectedYear(report: AllocationReport): ProjectedYear {
  const a = report.agreement;
  const parties = report.parties.map(({ party, charged }) => {
    const s = a.standalone.get(party.id);
    return { id: party.id, name: party.name, charged, alone: s ? standaloneCost(a, s) : null };
  });
  const everyone = parties.every((p) => p.alone !== null);
  return { year: a.year, parties, total: Money.sum(parties.map((p) => p.charged)), totalAlone: everyone ? Money.sum(parties.map((p) => p.alone!)) : null };
}

/**
 * Items whose amount stays the same whatever the year: no `index:` of their
 * own, and not a percentage of (or less) an item that moves with an index —
 * such an item moves with it.
 */
export function notIndexed(a: Agreement): Id[] {
  const byId = new Map(a.items.map((i) => [i.id, i]));
  const moves = (id: Id, seen: ReadonlySet<Id>): boolean => {
    const item = byId.get(id);
    if (!item || seen.has(id)) return false;
    if (item.index) return true;
    if (item.source.kind !== 'percent') return false;
    const next = new Set([...seen, id]);
    return [...item.source.of, ...item.source.deduct].some((r) => r.kind === 'item' && moves(r.id, next));
  };
  return a.items.filter((i) => !moves(i.id, new Set())).map((i) => i.id);
}
