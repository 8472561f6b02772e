import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../src/money/money.js';
import { Ratio } from '../src/money/ratio.js';
import { csvRows } from '../src/render/csv.js';
import type { Locale } from '../src/render/locale.js';
import { money, ratio } from '../src/render/allocation-json.js';
import { scenarioCsv, scenarioCsvRows, scenarioJson } from '../src/render/scenario-data.js';
import type { ScenarioColumn, ScenarioHead } from '../src/reports/scenario.js';

/**
 * A sweep's points are written as text (render/scenario-data.ts): a CSV
 * point cell by cell, not as rows of cells through csvRows; a JSON point
 * line by line, not as an object through JSON.stringify. Over generated
 * columns — names, ids and values holding either delimiter, quotes, line
 * ends, escapes or a formula's first character, negative and zero amounts,
 * no change ratio — each must be exactly what the plain way writes.
 */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-zæøå0-9 .-]{0,12}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('a;b', 'a,b', 'si "hei"', 'linje\nto', 'cr\r', '=SUM(A1)', '+1', '-x', '@x', '\tx', '', 'a\\b', '\u0001', '\u2028', 'æøå'),
  },
);
const amountArb = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((ore) => Money.fromUnits(ore, 2));
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
    parties: fc.array(fc.record({ id: text, name: text, charged: amountArb, delta: amountArb, deltaShare: share }), { maxLength: 6 }),
    locale: fc.constantFrom<Locale>('nb', 'en'),
    total: amountArb,
    totalDelta: fc.oneof(amountArb, fc.constant(Money.ZERO)),
  })
  .map((g) => {
    const h = { baseline: null as never, paths: g.paths, noted: g.noted } satisfies ScenarioHead;
    const settings = g.paths.flatMap((path, i) => (i === 1 ? [] : [{ path, value: g.values[i]! }]));
    const column: ScenarioColumn = { name: g.name, isBaseline: g.isBaseline, settings, parties: g.parties, total: g.total, totalDelta: g.totalDelta };
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

describe("a sweep's JSON point, written line by line, is what JSON.stringify writes (fast-check)", () => {
  it('for every generated column', () => {
    fc.assert(
      fc.property(pointArb, ({ h, column }) => {
        // docs/format.md's scenario point, built as an object and stringified as the list holds it.
        const baseline = column.total.minus(column.totalDelta);
        const object = {
          name: column.name,
          ...(column.isBaseline ? { baseline: true } : {}),
          settings: column.settings.map(({ path, value }) => ({ path, value })),
          parties: column.parties.map((p) => ({
            id: p.id,
            name: p.name,
            charged: money(p.charged),
            delta: money(p.delta),
            delta_ratio: p.deltaShare ? ratio(p.deltaShare) : null,
          })),
          parties_total: {
            charged: money(column.total),
            delta: money(column.totalDelta),
            delta_ratio: baseline.isZero() ? null : ratio(column.totalDelta.toRatio().div(baseline.abs().toRatio())),
          },
        };
        for (const n of [0, 3])
          expect(scenarioJson.point(h, column, n, 'nb')).toBe(`${n ? ',' : ''}\n    ${JSON.stringify(object, null, 2).replace(/\n/g, '\n    ')}`);
      }),
      { numRuns: 2000 },
    );
  });
});
