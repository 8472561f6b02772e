import { selectedColumns, selectorUses } from '../agreement/uses.js';
import type { Agreement } from '../agreement/model.js';
import type { ActualsRow, RowClasses } from '../inputs/actuals.js';
import { matcher, patternMatches } from './select.js';

/**
 * The classes of ledger values this agreement cannot tell apart. Two values
 * of a column are of one class when every pattern any selector writes for
 * that column (an item's, a base's, an `ignore:` rule's) matches both or
 * neither: entries of such values go to the same items, bases and rules,
 * and sum to the same figures. An entry that coverage reports on by itself
 * (its party unknown, two items taking it, or a party named on a row kept
 * outside the split: one diagnostic per entry, at its first row) is kept
 * apart by its values as written, so every diagnostic stays where it was.
 */
export function rowClasses(a: Agreement): RowClasses {
  const uses = selectorUses(a);
  const patterns = new Map<string, ((v: string) => boolean)[]>();
  for (const { selector } of uses)
    for (const f of selector.fields) {
      const list = patterns.get(f.column) ?? [];
      for (const p of f.patterns) list.push((v) => patternMatches(p, v));
      patterns.set(f.column, list);
    }
  const columns = [...selectedColumns(a).keys()].filter((c) => c !== 'category' && c !== 'account' && c !== 'project');
  const items = uses.flatMap((u) => (u.role === 'item' ? [matcher(u.selector)] : []));
  const ignoring = uses.flatMap((u) => (u.role === 'ignore' ? [matcher(u.selector)] : []));
  const parties = new Set(a.parties.map((p) => p.id));
  return {
    classOf: (column, value) => (patterns.get(column) ?? []).map((m) => (m(value) ? '1' : '0')).join(''),
    apart({ category, value, party }) {
      if (party !== '' && !parties.has(party)) return true;
      const row: ActualsRow = {
        category,
        account: value('account'),
        project: value('project'),
        columns: Object.fromEntries(columns.map((c) => [c, value(c)])),
        amount: undefined as never,
        rows: 1,
        at: undefined as never,
        categoryAt: undefined as never,
      };
      const taken = items.filter((t) => t(row)).length;
      return taken > 1 || (taken === 0 && party !== '' && ignoring.some((t) => t(row)));
    },
  };
}
