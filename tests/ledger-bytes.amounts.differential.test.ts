import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerShape } from '../src/inputs/actuals.js';
import type { DecimalMark } from '../src/inputs/amount.js';
import { readLedger } from './ledger-read.js';
import { tempDir } from './temp.js';

/**
 * The byte reader against the plain reader over ledgers of every amount
 * form the byte reader reads from bytes (inputs/amount-bytes.ts) and the
 * near misses it leaves to scanKroner — which the plain reader reads or
 * reports, and the byte reader then reads the same or falls back — with a
 * decimal comma or point, declared or inferred: the same entries, sums and
 * diagnostics at the same positions. And the lines it keeps for excerpts
 * are the file's lines as written.
 */
const dir = tempDir('ledger-amounts');
const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+$)/g, sep);
const FORMS: readonly ((kr: number, ore: string, d: DecimalMark) => string)[] = [
  (kr, ore, d) => `${kr}${d}${ore}`,
  (kr, ore, d) => `${kr < 0 ? '-' : ''}${group(Math.abs(kr), ' ')}${d}${ore}`,
  (kr, ore, d) => `${kr < 0 ? '-' : ''}${group(Math.abs(kr), '\u2009')}${d}${ore}`,
  (kr, ore, d) => `${kr < 0 ? '-' : ''}${group(Math.abs(kr), d === ',' ? '.' : ',')}${d}${ore}`,
  (kr, ore, d) => `kr ${kr < 0 ? '-' : ''}${group(Math.abs(kr), '\u00a0')}${d}${ore}`,
  (kr, ore, d) => `${kr < 0 ? '-' : ''}kr${Math.abs(kr)}${d}${ore}`,
  (kr, ore, d) => (kr < 0 ? `(kr ${group(-kr, ' ')}${d}${ore})` : `(${kr}${d}${ore})`),
  (kr, ore, d) => `${kr < 0 ? '\u2212' : ''}${group(Math.abs(kr), '\u202f')}${d}${ore[0]}`,
  (kr) => `${group(kr, ' ')},\u2013`,
  (kr) => `${kr},\u2212`,
  (kr) => `${kr},-`,
  (kr) => `${kr}`,
  // Near misses: left to scanKroner, which reads some and refuses others.
  (kr) => `${group(Math.abs(kr), '.')}`,
  (kr, ore, d) => `+${kr}${d}${ore}`,
  (kr, ore, d) => `Kr ${kr}${d}${ore}`,
  (kr, ore, d) => `${kr}${d}${ore} kr`,
  (kr, ore, d) => `- ${Math.abs(kr)}${d}${ore}`,
  (kr, ore, d) => `${Math.abs(kr)}${d}${ore}0`,
  (kr, ore, d) => `99999999999999${Math.abs(kr) % 10}${d}${ore}`,
  (kr, ore, d) => `${group(Math.abs(kr), '  ')}${d}${ore}`,
];

const row = fc.record({
  category: fc.constantFrom('lisens', 'strøm og oppvarming', 'Bredbånd'),
  party: fc.constantFrom('', '', 'a', 'Kommune A'),
  kr: fc.integer({ min: -3_000_000, max: 3_000_000 }),
  ore: fc.integer({ min: 0, max: 99 }),
  form: fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: 11 }) }, { weight: 1, arbitrary: fc.integer({ min: 12, max: FORMS.length - 1 }) }),
  quote: fc.constantFrom(false, false, false, true),
});
const COLUMNS = new Map([
  ['category', 'Art'],
  ['party', 'Kommune'],
  ['amount', 'Beløp'],
]);
const at = { file: 'agreement.yaml', line: 1, col: 1 };
const SHAPE: LedgerShape = { selected: new Map([['category', at]]), keep: 'selected', party: (w) => (w === 'Kommune A' ? 'a' : w) };

function read(file: string, decimal: DecimalMark | undefined, plain: boolean) {
  return readLedger({ file, columns: COLUMNS, dialect: decimal ? { decimal } : {}, at }, SHAPE, plain);
}

describe('the byte reader reads amounts as the plain reader does (fast-check, generated ledgers)', () => {
  it('the same entries, sums and diagnostics, in every amount form and near miss; kept lines as written', async () => {
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<[string, DecimalMark, DecimalMark | undefined]>([';', ',', undefined], [';', ',', ','], [',', '.', undefined], [';', '.', '.']),
        fc.boolean(),
        async (rows, [delimiter, decimal, declared], crlf) => {
          const cell = (s: string, q: boolean) => (q || s.includes(delimiter) ? `"${s}"` : s);
          const lines = [['Art', 'Kommune', 'Beløp'].join(delimiter)];
          for (const r of rows) lines.push([r.category, r.party, cell(FORMS[r.form]!(r.kr, String(r.ore).padStart(2, '0'), decimal), r.quote)].join(delimiter));
          const file = path.join(dir, 'regnskap.csv');
          writeFileSync(file, lines.join(crlf ? '\r\n' : '\n'));
          const byBytes = await read(file, declared, false);
          const plain = await read(file, declared, true);
          expect(byBytes.diagnostics).toEqual(plain.diagnostics);
          expect(byBytes.result).toEqual(plain.result);
          expect(byBytes.rows).toBe(plain.rows);
          runs++;
          if (!byBytes.fed) return;
          fast++;
          // Every line kept is the file's line, as written (its CR too, but not its line feed); the header and each entry's first row are kept.
          const written = readFileSync(file, 'utf8').split('\n');
          const kept = byBytes.kept!;
          for (let n = 1; n <= written.length; n++) {
            const k = kept.get(n);
            if (k) expect(new TextDecoder().decode(k)).toBe(written[n - 1]);
          }
          for (const e of byBytes.result ?? []) expect(kept.get(e.at.line)).toBeDefined();
          expect(kept.get(1)).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
    // Most generated ledgers are read by the byte reader: the comparison is not of the plain reader with itself.
    expect(fast).toBeGreaterThan(runs / 3);
  });
});
