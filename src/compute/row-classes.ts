import { selectedColumns, selectorUses } from '../agreement/uses.js';
import type { Agreement } from '../agreement/model.js';
import type { ActualsRow, RowClasses } from '../inputs/actuals.js';
import { fieldTest, matcher, patternMatches, selectorKey } from './select.js';

/**
 * The classes of ledger values this agreement cannot tell apart. Two values
 * of a column are of one class when every selector field written for that
 * column (an item's, a base's, an `ignore:` rule's) takes both or neither:
 * entries of such values go to the same items, bases and rules, and sum to
 * the same figures — `account: ["4*", "5*"]` takes 4100 and 5100 alike, so
 * they are one class. An entry that coverage reports on by itself (its party
 * unknown, two items taking it, or a party named on a row kept outside the
 * split: one diagnostic per entry, at its first row) is kept apart by its
 * values as written, so every diagnostic stays where it was.
 *
 * The warnings about a pattern that matches no value (compute/data-warnings.ts)
 * see the values one range or prefix at a time: a value's kind is which of
 * them it matches, and the reader keeps the first value of each kind as
 * written (whether a column has a value outside a `not:` is told by the
 * classes, whose first values it keeps too).
 */
export function rowClasses(a: Agreement): RowClasses {
  const uses = selectorUses(a);
  const tests = new Map<string, ((v: string) => boolean)[]>();
  // By column, the ranges and prefixes: what the warning about a pattern that matches no value asks of each (an exact value is not asked about; whether a value is outside a `not:` is its class).
  const patterns = new Map<string, ((v: string) => boolean)[]>();
  // A field written alike in several selectors (one range for ten items) is one test.
  const written = new Set<string>();
  for (const { selector } of uses)
    for (const f of selector.fields) {
      const key = selectorKey({ fields: [f], at: f.at });
      if (written.has(key)) continue;
      written.add(key);
      add(tests, f.column, fieldTest(f));
      for (const p of f.patterns) if (p.kind !== 'exact') add(patterns, f.column, (v) => patternMatches(p, v));
    }
  const columns = [...selectedColumns(a).keys()].filter((c) => c !== 'category' && c !== 'account' && c !== 'project');
  const items = uses.flatMap((u) => (u.role === 'item' ? [matcher(u.selector)] : []));
  const ignoring = uses.flatMap((u) => (u.role === 'ignore' ? [matcher(u.selector)] : []));
  const parties = new Set(a.parties.map((p) => p.id));
  // What items and rules make of the values of an entry, whatever its party: asked once per category and classes, not once per party.
  const taking = new Map<string, Map<string, Taking>>();
  const answers = (list: Map<string, ((v: string) => boolean)[]>, column: string, value: string) =>
    (list.get(column) ?? []).map((m) => (m(value) ? '1' : '0')).join('');
  const classes: RowClasses = {
    classOf: (column, value) => answers(tests, column, value),
    kindOf: (column, value) => answers(patterns, column, value),
    apart({ category, value, party }) {
      if (party !== '' && !parties.has(party)) return true;
      const t = takingOf(category, value);
      return t.taken > 1 || (t.taken === 0 && party !== '' && t.ignored);
    },
  };

  /** What items and rules make of an entry's values, remembered by category and values: asked once per entry, computed once per category and classes. */
  function takingOf(category: string, value: (column: string) => string): Taking {
    const account = value('account');
    const project = value('project');
    let byValues = taking.get(category);
    if (!byValues) {
      byValues = new Map();
      taking.set(category, byValues);
    }
    // Values hold no control character (the readers refuse them), so U+001F keeps the parts of the key apart.
    let key = `${account}\u001f${project}`;
    for (const c of columns) key += `\u001f${value(c)}`;
    let t = byValues.get(key);
    if (!t) {
      t = taken(category, account, project, value);
      byValues.set(key, t);
    }
    return t;
  }

  /** The answer for values not asked about before: a function of its own, so the one asked for every entry stays small (a compiler inlines only what is called often). */
  function taken(category: string, account: string, project: string, value: (column: string) => string): Taking {
    const row: ActualsRow = {
      category,
      account,
      project,
      columns: Object.fromEntries(columns.map((c) => [c, value(c)])),
      amount: undefined as never,
      rows: 1,
      at: undefined as never,
      categoryAt: undefined as never,
    };
    return { taken: items.filter((m) => m(row)).length, ignored: ignoring.some((m) => m(row)) };
  }
  return classes;
}

interface Taking {
  readonly taken: number;
  readonly ignored: boolean;
}

function add<T>(map: Map<string, T[]>, column: string, t: T): void {
  const list = map.get(column);
  if (list) list.push(t);
  else map.set(column, [t]);
}
