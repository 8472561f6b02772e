import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerShape } from '../src/inputs/actuals.js';
import type { Encoding } from '../src/inputs/decode.js';
import { AT, expectSameAsPlain, readCsvLedger } from './ledger-read.js';
import { tempDir } from './temp.js';

/**
 * The byte reader (inputs/ledger-bytes.ts) against the plain reader, over
 * generated ledgers: every amount style the reader knows and some it
 * refuses, quoted fields (with `;`, `""`, a line break), CRLF, a byte order
 * mark, Windows-1252, blank lines and rows, a party written as a name,
 * warnings' and errors' rows (a row of the wrong length, a control
 * character, an empty category). The same entries — values, sums, row
 * counts, the position of every first row — and the same diagnostics, at
 * the same positions, whichever reads it.
 */
const dir = tempDir('ledger-bytes');
const CATEGORIES = ['lønnskostnader skole 1', 'strøm og oppvarming', 'kompensasjon merverdiavgift, felles', 'Bredbånd', 'lisens'];
const AMOUNTS = [
  (kr: number, ore: string) => `${kr},${ore}`,
  (kr: number, ore: string) => `${kr < 0 ? '-' : ''}${group(Math.abs(kr), ' ')},${ore}`,
  (kr: number, ore: string) => `${kr < 0 ? '-' : ''}${group(Math.abs(kr), '\u00a0')},${ore}`,
  (kr: number, ore: string) => `${kr < 0 ? '-' : ''}${group(Math.abs(kr), '\u202f')},${ore}`,
  (kr: number, ore: string) => `${kr < 0 ? '-' : ''}${group(Math.abs(kr), '.')},${ore}`,
  (kr: number, ore: string) => `kr ${kr < 0 ? '-' : ''}${group(Math.abs(kr), ' ')},${ore}`,
  (kr: number, ore: string) => (kr < 0 ? `(${group(-kr, ' ')},${ore})` : `${kr},${ore}`),
  (kr: number, ore: string) => `${kr < 0 ? '\u2212' : ''}${group(Math.abs(kr), ' ')},${ore}`,
  (kr: number) => `${kr},-`,
  (kr: number) => `${kr}`,
  (kr: number, ore: string) => `${kr},${ore[0]}`,
  (kr: number, ore: string) => ` ${kr},${ore} `,
  (kr: number) => `${kr},500`,
  (kr: number) => `${kr},005`,
  (kr: number) => `${Math.abs(kr) % 1000}.123`,
  () => '12345678901234567,50',
  () => '',
  () => 'abc',
  (kr: number, ore: string) => `+${kr},${ore}`,
  (kr: number) => `0${Math.abs(kr)},00`,
];
const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+$)/g, sep);

const cell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('', 'bilag 1', 'faktura; del', 'tekst æøå') },
  { weight: 1, arbitrary: fc.constantFrom('sitat ""inni""', 'to\nlinjer', 'feil\u0001tegn', ' kant ') },
);
const row = fc.record({
  category: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...CATEGORIES) }, { weight: 1, arbitrary: fc.constantFrom('', ' lisens ', '\u00a0lisens') }),
  account: fc.integer({ min: 4000, max: 4005 }),
  party: fc.constantFrom('', '', '', 'a', 'b', 'Kommune A', 'ukjent'),
  kr: fc.integer({ min: -300_000, max: 300_000 }),
  ore: fc.integer({ min: 0, max: 99 }),
  // Styles read (the plain forms, the written ones, `,500`, 17 digits, `+`, a leading zero) often; those refused (`,005`, an ambiguous `1.123`, empty, text) seldom.
  amount: fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 18, 19) },
    { weight: 1, arbitrary: fc.constantFrom(13, 14, 16, 17) },
  ),
  text: cell,
  quote: fc.constantFrom('none', 'none', 'none', 'text', 'category', 'amount'),
  shape: fc.oneof({ weight: 40, arbitrary: fc.constant('row') }, { weight: 1, arbitrary: fc.constantFrom('blank-line', 'blank-row', 'short') }),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
function csv(rows: readonly Row[], crlf: boolean, last: boolean): string {
  const lines = ['Art;Konto;Kommune;Beløp;Tekst'];
  for (const r of rows) {
    if (r.shape === 'blank-line') lines.push('');
    if (r.shape === 'blank-row') lines.push(';; ; ;');
    const amount = AMOUNTS[r.amount]!(r.kr, String(r.ore).padStart(2, '0'));
    const text = r.text.includes('"') || r.text.includes('\n') || r.text.includes(';') || r.quote === 'text' ? quoted(r.text) : r.text;
    const fields = [r.quote === 'category' ? quoted(r.category) : r.category, String(r.account), r.party, r.quote === 'amount' ? quoted(amount) : amount, text];
    lines.push((r.shape === 'short' ? fields.slice(0, 4) : fields).join(';'));
  }
  return lines.join(crlf ? '\r\n' : '\n') + (last ? (crlf ? '\r\n' : '\n') : '');
}

/** Windows-1252 of the text: Latin-1 for every character the rows use, except those it lacks (then the plain reader's verdict is the test). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));

const at = AT;
const SHAPES: Record<string, LedgerShape> = {
  category: { selected: new Map([['category', at]]), keep: 'selected', party: (w) => (w === 'Kommune A' ? 'a' : w) },
  konto: {
    selected: new Map([
      ['category', at],
      ['konto', at],
    ]),
    keep: 'selected',
    party: (w) => (w === 'Kommune A' ? 'a' : w),
  },
  accounts: { selected: new Map([['category', at]]), keep: 'accounts' },
  // Summed by class: konto 4000–4002 and the rest; a party kept apart on lisens, and the unknown one, by their values as written.
  classes: {
    selected: new Map([
      ['category', at],
      ['konto', at],
    ]),
    keep: 'selected',
    party: (w) => (w === 'Kommune A' ? 'a' : w),
    classes: {
      classOf: (_column, value) => (value >= '4000' && value <= '4002' ? 'low' : 'high'),
      apart: ({ category, party }) => party === 'ukjent' || (party !== '' && category === 'lisens'),
    },
  },
  // Summed by class, with an entry kept apart by the value its konto stands for (4001), not by the class: an entry of values as written can then have the values of an entry of classes, and the two must be summed as one.
  stood: {
    selected: new Map([
      ['category', at],
      ['konto', at],
    ]),
    keep: 'selected',
    party: (w) => (w === 'Kommune A' ? 'a' : w),
    classes: { classOf: () => 'one', apart: ({ value }) => value('konto') === '4001' },
  },
};

describe('the byte reader reads a ledger as the plain reader does (fast-check, generated ledgers)', () => {
  it('the same entries, positions and diagnostics', async () => {
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 0, maxLength: 40 }),
        fc.constantFrom('utf-8', 'utf-8 bom', 'windows-1252', 'declared windows-1252', 'declared utf-8'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...Object.keys(SHAPES)),
        async (rows, enc, crlf, last, shape) => {
          const text = csv(rows, crlf, last);
          const bytes =
            enc === 'utf-8 bom'
              ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
              : enc.endsWith('windows-1252')
                ? cp1252(text)
                : Buffer.from(text);
          const file = path.join(dir, 'regnskap.csv');
          writeFileSync(file, bytes);
          const declared = enc.startsWith('declared') ? (enc.slice(9) as Encoding) : undefined;
          const byBytes = await expectSameAsPlain(file, declared, SHAPES[shape]!);
          runs++;
          if (byBytes.fed) fast++;
        },
      ),
      { numRuns: 200 },
    );
    // Many generated ledgers (about a third) are ones the byte reader reads itself: the comparison is not of the plain reader with itself.
    expect(fast).toBeGreaterThan(runs / 8);
  });

  it('sums an entry of values as written with the entry of classes of the same values, as the plain reader does', async () => {
    // 4001 is the class's first value and kept apart; the second 4000 stands for it, so it is kept apart too, as written: with the values of the entry the first 4000 made.
    const file = path.join(dir, 'regnskap.csv');
    writeFileSync(file, 'Art;Konto;Kommune;Beløp;Tekst\nlønn;4001;;1,00;x\nlønn;4000;;2,00;x\nlønn;4000;;3,00;x\n');
    const byBytes = await readCsvLedger(file, undefined, SHAPES.stood!, false);
    const plain = await readCsvLedger(file, undefined, SHAPES.stood!, true);
    expect(byBytes.fed).toBe(true);
    expect(byBytes.result).toEqual(plain.result);
    expect(plain.result!.map((r) => [r.columns, r.rows, r.amount.toPlain()])).toEqual([
      [{ konto: '4001' }, 1, '1.00'],
      [{ konto: '4000' }, 2, '5.00'],
    ]);
  });
});
