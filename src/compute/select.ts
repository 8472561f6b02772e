import type { Selector } from '../agreement/model.js';
import type { ActualsRow } from '../inputs/actuals.js';

/** True when every field the selector names matches one of its values. */
export function matches(selector: Selector, row: ActualsRow): boolean {
  const field = (values: readonly string[] | undefined, v: string | undefined) => values === undefined || (v !== undefined && values.includes(v));
  return field(selector.category, row.category) && field(selector.account, row.account) && field(selector.project, row.project);
}

export function describeSelector(s: Selector): string {
  return (['category', 'account', 'project'] as const)
    .filter((k) => s[k])
    .map((k) => `${k} ${s[k]!.join(', ')}`)
    .join('; ');
}

/**
 * The rows a selector takes, in ledger order. Remembered per ledger and
 * selector text: scenarios re-read the agreement thousands of times against
 * the same ledger, and the answer depends on nothing else.
 */
export function selectRows(rows: readonly ActualsRow[], selector: Selector): readonly ActualsRow[] {
  let bySelector = selected.get(rows);
  if (!bySelector) selected.set(rows, (bySelector = new Map()));
  const key = selectorKey(selector);
  let hit = bySelector.get(key);
  if (!hit) bySelector.set(key, (hit = rows.filter((r) => matches(selector, r))));
  return hit;
}

const selected = new WeakMap<readonly ActualsRow[], Map<string, readonly ActualsRow[]>>();

export function selectorKey(s: Selector): string {
  return JSON.stringify([s.category, s.account, s.project]);
}
