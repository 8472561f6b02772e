import type { Selector } from '../agreement/model.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { NO_MEMO, type Memo } from '../memo/memo.js';

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

/** The rows a selector takes, in ledger order: depends on the ledger and the selector alone. */
export function selectRows(rows: readonly ActualsRow[], selector: Selector, memo: Memo = NO_MEMO): readonly ActualsRow[] {
  return memo.remember(rows, `select ${selectorKey(selector)}`, () => rows.filter((r) => matches(selector, r)));
}

export function selectorKey(s: Selector): string {
  return JSON.stringify([s.category, s.account, s.project]);
}
