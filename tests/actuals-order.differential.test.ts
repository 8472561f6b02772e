import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics, type SourcePos } from '../src/diagnostics/diagnostic.js';
import { actualsSink } from '../src/inputs/actuals.js';
import type { Where } from '../src/inputs/ledger-bytes.js';
import { Money } from '../src/money/money.js';

/**
 * The actuals sink hands its entries over in reading order: by the line of
 * each one's first row, and for entries of one line (a SAF-T file may write
 * several lines on one) as they group by category. Entries made in line
 * order are that list already, and the sink does not sort them; any other
 * order is sorted. Over generated entries fed as a byte reader feeds them
 * (one array and one position object, refilled each time), in line order
 * and not, with repeated lines and repeated keys (or said to be distinct),
 * the rows are those of the plain reading: group by category, sort by line.
 */

const at: SourcePos = { file: 'agreement.yaml', line: 1, col: 1 };
const COLUMNS = ['category', 'account', 'amount'];

const entry = fc.record({
  category: fc.constantFrom('lønn', 'husleie', 'strøm'),
  account: fc.constantFrom('', '4000', '4010'),
  line: fc.integer({ min: 2, max: 40 }),
  ore: fc.bigInt({ min: -10_000n, max: 10_000n }),
});

describe('the order of the actuals entries', () => {
  it('is the order of first rows, sorted only when not made in it', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.boolean(), fc.boolean(), (list, ordered, distinct) => {
        // Fed as distinct (the sink then files no entry by key until it must): each category and account once.
        const once = distinct ? list.filter((e, i) => list.findIndex((o) => o.category === e.category && o.account === e.account) === i) : list;
        const fed = ordered ? [...once].sort((x, y) => x.line - y.line) : once;
        const sink = actualsSink(new Map(), undefined, {
          selected: new Map([
            ['category', at],
            ['account', at],
          ]),
          keep: 'selected',
        });
        const diags = new Diagnostics();
        expect(sink.header({ file: 'gl.csv', numbers: { decimal: ',', declared: false }, names: COLUMNS, at }, diags)).toBe(true);
        const plan = sink.plan()!;
        const values = new Array<string>(plan.fields.length);
        const where: Where & { line: number } = { line: 0, at: (column) => ({ file: 'gl.csv', line: where.line, col: column + 1 }) };
        const amount = { units: 0n, scale: 2 };
        for (const e of fed) {
          values[plan.category] = e.category;
          values[plan.account] = e.account;
          where.line = e.line;
          amount.units = e.ore;
          sink.absorb(values, amount, 1, where, distinct);
        }
        const rows = sink.finish(diags)!;

        // The plain reading: an entry per category and account, at its first row fed, grouped by category as first met, then sorted by line (a stable sort).
        const byCategory = new Map<string, Map<string, { line: number; ore: bigint; rows: number }>>();
        for (const e of fed) {
          const accounts = byCategory.get(e.category) ?? new Map();
          byCategory.set(e.category, accounts);
          const kept = accounts.get(e.account);
          if (kept) {
            kept.ore += e.ore;
            kept.rows++;
          } else accounts.set(e.account, { line: e.line, ore: e.ore, rows: 1 });
        }
        const want = [...byCategory]
          .flatMap(([category, accounts]) => [...accounts].map(([account, k]) => ({ category, account, ...k })))
          .sort((x, y) => x.line - y.line);
        expect(rows.map((r) => [r.category, r.account ?? '', r.at.line, r.rows, r.amount.toPlain()])).toEqual(
          want.map((w) => [w.category, w.account, w.line, w.rows, Money.fromUnits(w.ore, 2).toPlain()]),
        );
      }),
      { numRuns: 400 },
    );
  });
});
