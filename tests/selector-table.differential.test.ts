import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Selector, SelectorField, ValuePattern } from '../src/agreement/model.js';
import { matches, SelectorTable, selection, selections } from '../src/compute/select.js';
import { ScenarioMemo } from '../src/scenario/memo.js';
import type { ActualsRow } from '../src/inputs/actuals.js';
import { Money } from '../src/money/money.js';

/**
 * The selector table (coverage's way of asking many selectors of a row: one
 * look-up per column, the answer for each value remembered as bits) against
 * `matches`, the plain reading of one selector: over generated selectors —
 * exact values, ranges of integers and of text, prefixes, `not:`, two fields
 * on one column, no field at all, more selectors than one word of bits holds
 * — and rows that repeat their values, every selector answers alike for
 * every row, asked in any order and again.
 */

const at = { file: 'agreement.yaml', line: 1, col: 1 };
const COLUMNS = ['category', 'account', 'project', 'ansvar'] as const;

/** Values as ledgers write them, few enough to repeat: numbers of different lengths, signed ones, codes with letters, the empty value. */
const value = fc.oneof(
  fc.integer({ min: 0, max: 120 }).map(String),
  fc.integer({ min: 3990, max: 4010 }).map(String),
  fc.constantFrom('-5', '+7', '007', '12345678901234567890', 'A', 'A1', 'B2', 'lønn', ''),
);

const pattern: fc.Arbitrary<ValuePattern> = fc.oneof(
  value.map((v) => ({ kind: 'exact' as const, value: v, at })),
  fc.tuple(value, value).map(([a, b]) => {
    const integers = /^[+-]?\d+$/.test(a) && /^[+-]?\d+$/.test(b);
    const [from, to] = (integers ? BigInt(a) <= BigInt(b) : a <= b) ? [a, b] : [b, a];
    return { kind: 'range' as const, from, to, integers, at };
  }),
  value.map((v) => ({ kind: 'prefix' as const, prefix: v.slice(0, 2), at })),
);

const field: fc.Arbitrary<SelectorField> = fc.record({
  column: fc.constantFrom(...COLUMNS),
  patterns: fc.array(pattern, { minLength: 1, maxLength: 3 }),
  not: fc.boolean(),
  at: fc.constant(at),
});

const selector: fc.Arbitrary<Selector> = fc.record({ fields: fc.array(field, { maxLength: 3 }), at: fc.constant(at) });

const row: fc.Arbitrary<ActualsRow> = fc
  .tuple(
    value,
    value,
    value,
    fc.option(value, { nil: undefined }),
    fc.bigInt({ min: -100_000n, max: 100_000n }),
    fc.integer({ min: 0, max: 2 }),
    fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    fc.integer({ min: 1, max: 5 }),
  )
  .map(([category, account, project, ansvar, units, scale, party, rows]) => ({
    category,
    amount: Money.fromUnits(units, scale),
    rows,
    at,
    categoryAt: at,
    ...(account ? { account } : {}),
    ...(project ? { project } : {}),
    ...(ansvar === undefined ? {} : { columns: { ansvar } }),
    ...(party === undefined ? {} : { party, partyAt: at }),
  }));

describe('the selector table', () => {
  it('answers for every selector and row as matches does', () => {
    fc.assert(
      fc.property(fc.array(selector, { maxLength: 70, size: 'max' }), fc.array(row, { maxLength: 40 }), (selectors, rows) => {
        const table = new SelectorTable(selectors);
        // Each row twice: the second time every value is known.
        for (const r of [...rows, ...rows.slice().reverse()]) {
          table.ask(r);
          const want = selectors.map((s) => matches(s, r));
          expect(selectors.map((_, s) => table.takes(s))).toEqual(want);
          const from = Math.floor(selectors.length / 3);
          const first = want.indexOf(true, from);
          expect(table.firstOf(from, selectors.length)).toBe(first);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('tells apart selectors beyond the first word of bits', () => {
    const on = (v: string): Selector => ({ fields: [{ column: 'category', patterns: [{ kind: 'exact', value: v, at }], not: false, at }], at });
    const selectors = Array.from({ length: 70 }, (_, i) => on(String(i)));
    const table = new SelectorTable(selectors);
    table.ask({ category: '40', amount: Money.ZERO, rows: 1, at, categoryAt: at });
    expect(selectors.map((_, s) => table.takes(s)).flatMap((t, s) => (t ? [s] : []))).toEqual([40]);
    expect(table.firstOf(0, 40)).toBe(-1);
    expect(table.firstOf(0, 70)).toBe(40);
  });

  it('sums every selection in one pass as selection does, one selector at a time', () => {
    fc.assert(
      fc.property(fc.array(selector, { maxLength: 40, size: 'max' }), fc.array(row, { maxLength: 40 }), fc.boolean(), (list, rows, remembered) => {
        // Some selectors twice, as an item and a base may select alike.
        const selectors = [...list, ...list.slice(0, 3)];
        const memo = remembered ? new ScenarioMemo() : undefined;
        const all = selections(rows, selectors, memo);
        // Remembered: the same selections again, not summed anew.
        if (memo) selections(rows, selectors, memo).forEach((again, i) => void expect(again).toBe(all[i]));
        expect(all.length).toBe(selectors.length);
        for (const [i, s] of selectors.entries()) {
          const got = all[i]!;
          const want = selection(rows, s);
          expect(got.rows.length).toBe(want.rows.length);
          for (let i = 0; i < got.rows.length; i++) expect(got.rows[i]).toBe(want.rows[i]);
          expect(got.amount.eq(want.amount)).toBe(true);
          expect(got.count).toBe(want.count);
          expect([...got.direct].map(([p, m]) => [p, m.toPlain()])).toEqual([...want.direct].map(([p, m]) => [p, m.toPlain()]));
        }
      }),
      { numRuns: 300 },
    );
  });
});
