import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateProblem, endOfMonth, isIsoDate, LAST_YEAR } from '../../src/dates/date.js';

/** The calendar arithmetic agrees with JavaScript's Date wherever Date is right (it never sees a date it would roll over). */
describe('dates by integer arithmetic', () => {
  const day = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(LAST_YEAR, 11, 31) }).map((ms) => new Date(ms - (ms % 86_400_000)));
  it('a real date is a date, and adding days matches Date', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const iso = d.toISOString().slice(0, 10);
        expect(isIsoDate(iso)).toBe(true);
        expect(addDays(iso, n)).toBe(new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
  it('the end of a month is the day before the next month begins', () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(endOfMonth(iso)).toBe(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10));
      }),
    );
  });
  it('says why an impossible date is none', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2100-02-29')?.en).toBe('February 2100 has the days 01 to 28');
    expect(dateProblem('2000-02-29')).toBeNull();
    expect(dateProblem('2024-13-01')?.en).toBe('there is no month 13: write 01 to 12');
    expect(dateProblem('1899-12-31')?.en).toBe('the year 1899 is outside 1900–2199');
    expect(dateProblem('2024-1-1')?.en).toBe('write it as YYYY-MM-DD, e.g. 2024-01-31');
  });
});
