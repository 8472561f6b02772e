import type { Selector, SelectorField, ValuePattern } from '../agreement/model.js';
import { patternText } from '../agreement/selector.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { NO_MEMO, type Memo } from '../memo/memo.js';
import { Money } from '../money/money.js';

/** True when every field the selector names matches. */
export function matches(selector: Selector, row: ActualsRow): boolean {
  return matcher(selector)(row);
}

/** A row's value in a column a selector names: empty when the row has none. */
export function valueIn(row: ActualsRow, column: string): string {
  switch (column) {
    case 'category':
      return row.category;
    case 'account':
      return row.account ?? '';
    case 'project':
      return row.project ?? '';
    default:
      return row.columns?.[column] ?? '';
  }
}

const INTEGER = /^[+-]?\d+$/;

/** Whether one value matches one pattern: ranges of integers compare as integers, other ranges as text. */
export function patternMatches(p: ValuePattern, v: string): boolean {
  switch (p.kind) {
    case 'exact':
      return v === p.value;
    case 'prefix':
      return v.startsWith(p.prefix);
    case 'range':
      if (!p.integers) return v !== '' && p.from <= v && v <= p.to;
      if (!INTEGER.test(v)) return false;
      // An integer of fewer than 16 characters, its sign among them, is below 2^53: exact as a number, and read without a BigInt each (ten thousand accounts ask for every pattern).
      if (v.length < 16 && p.from.length < 16 && p.to.length < 16) {
        const n = Number(v);
        return Number(p.from) <= n && n <= Number(p.to);
      }
      return BigInt(p.from) <= BigInt(v) && BigInt(v) <= BigInt(p.to);
  }
}

/** Whether a field takes a value: one of its patterns matches, or under `not:` none does; its exact values as a set. */
export function fieldTest(f: SelectorField): (v: string) => boolean {
  const exact = new Set(f.patterns.flatMap((p) => (p.kind === 'exact' ? [p.value] : [])));
  const others = f.patterns.filter((p) => p.kind !== 'exact');
  return (v) => (exact.has(v) || others.some((p) => patternMatches(p, v))) !== f.not;
}

/** One field as a test of a value: exact values as a set; the answer for each other value remembered, since a ledger repeats its values. */
function valueTest(f: SelectorField): (v: string) => boolean {
  const exact = new Set(f.patterns.flatMap((p) => (p.kind === 'exact' ? [p.value] : [])));
  const others = f.patterns.filter((p) => p.kind !== 'exact');
  if (others.length === 0) return f.not ? (v) => !exact.has(v) : (v) => exact.has(v);
  const seen = new Map<string, boolean>();
  return (v) => {
    let m = seen.get(v);
    if (m === undefined) {
      m = (exact.has(v) || others.some((p) => patternMatches(p, v))) !== f.not;
      seen.set(v, m);
    }
    return m;
  };
}

/**
 * The selector as a test to run over many rows: its values as sets, so a
 * selector of fifty categories costs one lookup a row, not fifty compares.
 */
export function matcher(selector: Selector): (row: ActualsRow) => boolean {
  const tests = selector.fields.map((f) => ({ column: f.column, test: valueTest(f) }));
  // A loop, not tests.every: a closure over the row on every call would be garbage a row and item.
  return (row) => {
    for (const t of tests) if (!t.test(valueIn(row, t.column))) return false;
    return true;
  };
}

/**
 * Many selectors asked of the same rows, as coverage asks every item, base
 * and `ignore:` rule of every row: per column, what all the selectors' fields
 * on it make of a value is worked out at the value's first row, as one bit
 * per selector, and remembered — a ledger repeats its values, so a row then
 * costs one look-up per column named, not one per selector and field.
 * {@link ask} a row, then {@link takes} says what each selector makes of it,
 * as {@link matches} would.
 */
export class SelectorTable {
  /** Every selector's bit set: where a row's answer starts, before its columns take bits away. */
  private readonly full: Int32Array;
  private readonly bits: Int32Array;
  private readonly columns: readonly TableColumn[];

  constructor(selectors: readonly Selector[]) {
    const words = (selectors.length + 31) >>> 5;
    this.full = new Int32Array(words);
    for (let s = 0; s < selectors.length; s++) this.full[s >>> 5]! |= 1 << (s & 31);
    this.bits = new Int32Array(words);
    const columns = new Map<string, TableColumn>();
    selectors.forEach((selector, s) => {
      for (const f of selector.fields) {
        let c = columns.get(f.column);
        if (!c) {
          c = { column: f.column, tests: [], known: new Map() };
          columns.set(f.column, c);
        }
        c.tests.push({ selector: s, test: fieldTest(f) });
      }
    });
    this.columns = [...columns.values()];
  }

  /** Asks every selector of `row`: what {@link takes} answers until the next row is asked. */
  ask(row: ActualsRow): void {
    const bits = this.bits;
    bits.set(this.full);
    // Indexed loops: this runs once a row, mostly before the compiler has optimised it, where an iterator costs a call a step.
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const v = valueIn(row, c.column);
      const mask = c.known.get(v) ?? this.first(c, v);
      for (let w = 0; w < bits.length; w++) bits[w]! &= mask[w]!;
    }
  }

  /** Whether selector `s` (its index in the list the table was made of) takes the row last asked. */
  takes(s: number): boolean {
    return (this.bits[s >>> 5]! & (1 << (s & 31))) !== 0;
  }

  /** The first selector of `[from, to)` that takes the row last asked, or −1. */
  firstOf(from: number, to: number): number {
    for (let s = from; s < to; s++) if (this.takes(s)) return s;
    return -1;
  }

  /** What a column's fields make of a value not seen before: a function of its own, so the one run every row stays small. */
  private first(c: TableColumn, v: string): Int32Array {
    const mask = this.full.slice();
    for (const t of c.tests) if (!t.test(v)) mask[t.selector >>> 5]! &= ~(1 << (t.selector & 31));
    c.known.set(v, mask);
    return mask;
  }
}

interface TableColumn {
  readonly column: string;
  /** Each field on this column, with the index of its selector. */
  readonly tests: { readonly selector: number; readonly test: (v: string) => boolean }[];
  /** By value: the bits of the selectors whose fields on this column take it (every selector without one). */
  readonly known: Map<string, Int32Array>;
}

/** The rows a selector takes, in ledger order: depends on the ledger and the selector alone. */
export function selectRows(rows: readonly ActualsRow[], selector: Selector, memo: Memo = NO_MEMO): readonly ActualsRow[] {
  return memo.remember(rows, `select ${selectorKey(selector)}`, () => rows.filter(matcher(selector)));
}

export function selectorKey(s: Selector): string {
  return JSON.stringify(s.fields.map((f) => [f.column, f.not, f.patterns.map((p) => [p.kind, patternText(p)])]));
}

/** What a selection adds up to: its rows, their sum, the part of it each party is named for, and how many ledger rows were summed. */
export interface Selection {
  readonly rows: readonly ActualsRow[];
  readonly amount: Money;
  readonly direct: ReadonlyMap<string, Money>;
  readonly count: number;
}

/**
 * The rows a selector takes, summed. Depends on the ledger and the selector
 * alone, so a sweep that changes a population sums each selection once.
 */
export function selection(rows: readonly ActualsRow[], selector: Selector, memo: Memo = NO_MEMO): Selection {
  return memo.remember(rows, `selection ${selectorKey(selector)}`, () => summed(selectRows(rows, selector, memo)));
}

/**
 * Many selectors' selections over one ledger, in one pass: each row is asked
 * of all of them at once through a {@link SelectorTable}, where
 * {@link selection} walks the ledger once a selector (an agreement of ten
 * items would walk it ten times). Each is the selection {@link selection}
 * gives, in the order of `selectors`; remembered together, for a sweep,
 * since a scenario rarely changes what an item selects.
 */
export function selections(rows: readonly ActualsRow[], selectors: readonly Selector[], memo: Memo = NO_MEMO): readonly Selection[] {
  const keys = selectors.map(selectorKey);
  // A key is JSON, which holds no raw line break: joined by one, the keys stay apart.
  const byKey = memo.remember(rows, `selections ${keys.join('\n')}`, () => {
    const distinct = [...new Set(keys)];
    const table = new SelectorTable(distinct.map((k) => selectors[keys.indexOf(k)]!));
    const taken = distinct.map((): ActualsRow[] => []);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      table.ask(row);
      for (let s = 0; s < taken.length; s++) if (table.takes(s)) taken[s]!.push(row);
    }
    return new Map(distinct.map((k, s) => [k, summed(taken[s]!)]));
  });
  return keys.map((k) => byKey.get(k)!);
}

/**
 * A selection's rows, summed: in all, by party named, and how many ledger
 * rows. Each amount is added once: to its party's sum, or to the rows naming
 * none, and the total is those sums added (exact, so the same figure).
 */
function summed(taken: readonly ActualsRow[]): Selection {
  const byParty = new Map<string, Money[]>();
  const unnamed: Money[] = [];
  let count = 0;
  for (let i = 0; i < taken.length; i++) {
    const r = taken[i]!;
    count += r.rows;
    if (r.party === undefined) {
      unnamed.push(r.amount);
      continue;
    }
    const list = byParty.get(r.party);
    if (list) list.push(r.amount);
    else byParty.set(r.party, [r.amount]);
  }
  const direct = new Map([...byParty].map(([party, amounts]) => [party, Money.sum(amounts)] as const));
  unnamed.push(...direct.values());
  return { rows: taken, amount: Money.sum(unnamed), direct, count };
}
