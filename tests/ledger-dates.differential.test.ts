import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLedgerDate } from '../src/dates/date.js';
import { LedgerDates } from '../src/inputs/ledger-dates.js';

// Date cells as ledgers write them: ISO and Norwegian, in and out of range, malformed, and not dates at all.
const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
const cell = fc.oneof(
  fc.tuple(fc.constantFrom('2023', '2024', '2025', '1899', '2200'), two(0, 13), two(0, 32)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.constantFrom('2023', '2024')).map(([d, m, y]) => `${d}.${m}.${y}`),
  fc.constantFrom('2024-02-29', '2023-02-29', '31.02.2024', '1.1.2024', '01.01.2024', '2024-1-1', 'i går', '2024-01-01T00:00', ''),
  fc.string({ maxLength: 12 }),
);

describe('LedgerDates: a remembered reading is the reading', () => {
  it('answers as parseLedgerDate for every cell, however often repeated, within its limit and past it', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), fc.integer({ min: 0, max: 12 }), (cells, limit) => {
        const dates = new LedgerDates(limit);
        // Each cell a few times over, so remembered answers are asked for too.
        for (const text of [...cells, ...cells, ...cells.slice().reverse()]) expect(dates.of(text)).toBe(parseLedgerDate(text));
      }),
      { numRuns: 300 },
    );
  });
});
