import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../src/money/money.js';
import { Ratio } from '../src/money/ratio.js';
import { csvRows } from '../src/render/csv.js';
import type { Locale } from '../src/render/locale.js';
import { scenarioCsv, scenarioCsvRows } from '../src/render/scenario-data.js';
import type { ScenarioColumn, ScenarioHead } from '../src/reports/scenario.js';

/**
 * A sweep's CSV point is written cell by cell (render/scenario-data.ts),
 * not as rows of cells through csvRows. Over generated columns — names,
 * ids and values holding either delimiter, quotes, line ends or a formula's
 * first character, negative and zero amounts, no change ratio — it must be
 * exactly what csvRows writes for the same cells.
 */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-zæøå0-9 .-]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('a;b', 'a,b', 'si "hei"', 'linje\nto', 'cr\r', '=SUM(A1)', '+1', '-x', '@x', '\tx', '') },
);
const money = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((ore) => Money.fromUnits(ore, 2));
const share = fc.option(
  fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 9n })).map(([n, d]) => Ratio.of(n, d)),
  { nil: null },
);
const value = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }).map(String), fc.constantFrom('12.5', '40%', '0.25 %'), text);

const pointArb = fc
  .record({
    paths: fc.uniqueArray(fc.constantFrom('parties.a.population', 'items.x.amount', 'rounding.method'), { maxLength: 3 }),
    noted: fc.boolean(),
    isBaseline: fc.boolean(),
    name: text,
    values: fc.array(value, { minLength: 3, maxLength: 3 }),
    parties: fc.array(fc.record({ id: text, name: text, charged: money, delta: money, deltaShare: share }), { maxLength: 6 }),
    locale: fc.constantFrom<Locale>('nb', 'en'),
  })
  .map((g) => {
    const h = { baseline: null as never, paths: g.paths, noted: g.noted } satisfies ScenarioHead;
    const settings = g.paths.flatMap((path, i) => (i === 1 ? [] : [{ path, value: g.values[i]! }]));
    const column: ScenarioColumn = { name: g.name, isBaseline: g.isBaseline, settings, parties: g.parties, total: Money.ZERO, totalDelta: Money.ZERO };
    return { h, column, locale: g.locale };
  });

describe("a sweep's CSV point, written cell by cell, is what csvRows writes (fast-check)", () => {
  it('for every generated column, in both locales', () => {
    fc.assert(
      fc.property(pointArb, ({ h, column, locale }) => {
        const numeric = [false, ...h.paths.map(() => true), false, false, true, true, true, ...(h.noted ? [false] : [])];
        expect(scenarioCsv.point(h, column, 1, locale)).toBe(csvRows(scenarioCsvRows(h, column, locale), numeric, locale));
      }),
      { numRuns: 2000 },
    );
  });
});
