import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../src/render/csv.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { actualsSink } from '../src/inputs/actuals.js';
import { parseAmount, type DecimalMark } from '../src/inputs/amount.js';
import { RecordReader, type Delimiter } from '../src/inputs/records.js';
import { readCsvText } from '../src/inputs/table.js';
import { ROOT, samkost } from './cli.js';

/** An exact amount: øre or finer, positive or negative, up to ten billion kroner. */
const scaled = fc.oneof(
  fc.record({ units: fc.bigInt({ min: -1_000_000_000_000n, max: 1_000_000_000_000n }), scale: fc.integer({ min: 0, max: 4 }) }),
  // Where the two conventions collide: a few digits, a mark, three digits.
  fc.record({ units: fc.bigInt({ min: -10_000_000n, max: 10_000_000n }), scale: fc.constantFrom(0, 3) }),
);

function plain({ units, scale }: { units: bigint; scale: number }): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale ? '.' + digits.slice(digits.length - scale) : ''}`;
}

const group = (int: string, sep: string) => int.replace(/\B(?=(\d{3})+$)/g, sep);

/** The ways Norwegian ledgers and spreadsheets write one amount. */
const STYLES: readonly { name: string; decimal: DecimalMark; write: (neg: boolean, int: string, frac: string) => string | null }[] = [
  { name: 'plain comma', decimal: ',', write: (n, i, f) => `${n ? '-' : ''}${i}${f ? ',' + f : ''}` },
  { name: 'space thousands', decimal: ',', write: (n, i, f) => `${n ? '-' : ''}${group(i, ' ')}${f ? ',' + f : ''}` },
  { name: 'no-break space', decimal: ',', write: (n, i, f) => `${n ? '-' : ''}${group(i, '\u00a0')}${f ? ',' + f : ''}` },
  { name: 'narrow no-break space', decimal: ',', write: (n, i, f) => `${n ? '\u2212' : ''}${group(i, '\u202f')}${f ? ',' + f : ''}` },
  { name: 'dot thousands', decimal: ',', write: (n, i, f) => `${n ? '-' : ''}${group(i, '.')}${f ? ',' + f : ''}` },
  { name: 'kr prefix', decimal: ',', write: (n, i, f) => `${n ? '-' : ''}kr ${group(i, ' ')}${f ? ',' + f : ''}` },
  { name: 'kr suffix', decimal: ',', write: (n, i, f) => `${n ? '-' : ''}${group(i, ' ')}${f ? ',' + f : ''} kr` },
  { name: 'NOK prefix', decimal: ',', write: (n, i, f) => `NOK ${n ? '-' : ''}${group(i, ' ')}${f ? ',' + f : ''}` },
  { name: 'parentheses', decimal: ',', write: (n, i, f) => (n ? `(${group(i, ' ')}${f ? ',' + f : ''})` : `${group(i, ' ')}${f ? ',' + f : ''}`) },
  { name: 'whole kroner ,-', decimal: ',', write: (n, i, f) => (f && /[^0]/.test(f) ? null : `${n ? '-' : ''}${group(i, ' ')},-`) },
  { name: 'decimal point', decimal: '.', write: (n, i, f) => `${n ? '-' : ''}${i}${f ? '.' + f : ''}` },
  { name: 'comma thousands', decimal: '.', write: (n, i, f) => `${n ? '-' : ''}${group(i, ',')}${f ? '.' + f : ''}` },
];

describe('amounts in every supported style (fast-check)', () => {
  for (const style of STYLES) {
    it(`${style.name}: reads back the exact value`, () => {
      fc.assert(
        fc.property(scaled, (a) => {
          const text = plain(a);
          const [int, frac = ''] = text.replace('-', '').split('.');
          const written = style.write(a.units < 0n, int!, frac);
          if (written === null || a.units === 0n) return;
          const got = parseAmount(written, { decimal: style.decimal, declared: true });
          const want = parseAmount(text, { decimal: '.', declared: true });
          if ('error' in got || 'error' in want) throw new Error(`${written}: ${'error' in got ? got.error : ''}`);
          expect(got.toRatio().eq(want.toRatio()), `${written} read as ${got.toPlain()}`).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }
  it('with an inferred decimal mark: the same value or an "ambiguous" error, never another value', () => {
    fc.assert(
      fc.property(scaled, fc.constantFrom(...STYLES), (a, style) => {
        const text = plain(a);
        const [int, frac = ''] = text.replace('-', '').split('.');
        const written = style.write(a.units < 0n, int!, frac);
        if (written === null) return;
        for (const decimal of [',', '.'] as const) {
          const got = parseAmount(written, { decimal, declared: false });
          if ('error' in got) continue;
          const want = parseAmount(text, { decimal: '.', declared: true });
          if ('error' in want) throw new Error(want.error.en);
          if (decimal === style.decimal) expect(got.toRatio().eq(want.toRatio()), written).toBe(true);
          // Read with the other mark, a value is only accepted when it cannot be misread.
          else expect(got.toRatio().eq(want.toRatio()), `${written} read with '${decimal}' gave ${got.toPlain()}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('CSV records (fast-check)', () => {
  const field = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', ';', ',', '"', '""', 'a\nb', 'a\r\nb', 'Ærøskøbing', 'x;"y"', '\t'));
  const table = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 });
  it('whatever csv-stringify writes, our reader reads back field for field, in any chunking, as csv-parse does', () => {
    fc.assert(
      fc.property(table, fc.constantFrom<Delimiter>(';', ',', '\t'), fc.integer({ min: 1, max: 50 }), fc.boolean(), (rows, delimiter, size, crlf) => {
        const text = stringify([['a', 'b', 'c'], ...rows], { delimiter, record_delimiter: crlf ? 'windows' : 'unix', quoted_match: /[\r\n]/ });
        const got: string[][] = [];
        const reader = new RecordReader(
          'x.csv',
          delimiter,
          (r) => got.push(Array.from({ length: r.count }, (_, i) => r.field(i))),
          (e) => {
            throw new Error(e.message.en);
          },
        );
        for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
        reader.end();
        const blank = (r: string[]) => r.every((f) => f.trim() === '');
        expect(got).toEqual([['a', 'b', 'c'], ...rows.filter((r) => !blank(r))]);
        expect(got).toEqual(parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('round trip: our CSV output, read by our reader', () => {
  const fixtures = readdirSync(path.join(ROOT, 'fixtures'));
  for (const name of fixtures) {
    for (const locale of ['nb', 'en'] as const) {
      it(`${name} (${locale}): allocate --format csv read back as a ledger gives every amount of the JSON`, async () => {
        const json = JSON.parse((await samkost(['allocate', `fixtures/${name}`, '--format', 'json'])).stdout) as {
          items: { id: string; allocations: Record<string, string>; unallocated: string }[];
        };
        const csv = (await samkost(['allocate', `fixtures/${name}`, '--format', 'csv', '--locale', locale])).stdout;
        const columns = new Map(
          Object.entries(locale === 'nb' ? { category: 'Post', party: 'Kommune', amount: 'Beløp' } : { category: 'Item', party: 'Party', amount: 'Amount' }),
        );
        const diags = new Diagnostics();
        const rows = readCsvText(csv.replace(/^\ufeff/, ''), 'out.csv', {}, actualsSink(columns), diags);
        expect(diags.list).toEqual([]);
        // A remainder row has no party.
        const read = new Map(rows!.map((r) => [`${r.category}/${r.party ?? 'unallocated'}`, r.amount.toPlain()]));
        const want = new Map(
          json.items.flatMap((i) =>
            [...Object.entries(i.allocations), ...(i.unallocated !== '0.00' ? [['unallocated', i.unallocated] as const] : [])].map(
              ([p, a]) => [`${i.id}/${p}`, a] as const,
            ),
          ),
        );
        expect(read).toEqual(want);
      });
    }
  }
});

describe('CSV writing: the fast path for rows with nothing to quote (fast-check)', () => {
  it('writes exactly what csv-stringify writes, in both locales', () => {
    const cell = fc.stringMatching(/^[a-zæøå0-9 ,;"'=\r\n.-]{0,8}$/);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), fc.constantFrom<'nb' | 'en'>('nb', 'en'), (rows, locale) => {
        const numeric = [false, true, false];
        const safe = rows.map((r) => r.map((c, i) => (numeric[i] || !/^[=+\-@\t\r]/.test(c) ? c : `'${c}`)));
        const reference = stringify(safe, { delimiter: locale === 'nb' ? ';' : ',', record_delimiter: 'windows', quoted_match: /[\r\n]/ });
        expect(csvRows(rows, numeric, locale)).toBe(reference);
      }),
      { numRuns: 3000 },
    );
  });
});
