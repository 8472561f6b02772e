import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerShape } from '../src/inputs/actuals.js';
import type { Encoding } from '../src/inputs/decode.js';
import { AT, expectSameAsPlain } from './ledger-read.js';
import { tempDir } from './temp.js';

/**
 * The byte reader's record scan skips four bytes at a time while none of
 * them may be one it acts on (a delimiter, a quote, a control character, a
 * lead byte of U+0080–U+009F or U+FFFD–U+FFFF in UTF-8, a C1 byte in
 * Windows-1252). Here values of plain letters with one or two such
 * characters — and near misses (a tab, U+00A0, U+FEFF, Â, ÿ, U+F000) — at
 * every offset of a word, in UTF-8 and in Windows-1252 (declared or found),
 * against the plain reader: the same entries, positions and diagnostics,
 * whichever reads the file in the end.
 */
const dir = tempDir('ledger-bytes-scan');
const at = AT;
const SHAPES: Record<string, LedgerShape> = {
  category: { selected: new Map([['category', at]]), keep: 'selected' },
  accounts: { selected: new Map([['category', at]]), keep: 'accounts' },
};
const ODD = [
  '\u0001',
  '\t',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u00c2',
  '\u00ef',
  '\ufffd',
  '\ufffe',
  '\uffff',
  '\ufeff',
  '\uf000',
  '"',
  ';',
  '\r',
  // ÿ: in Windows-1252 the byte 0xFF, which Node 20's decoder told to keep a byte order mark dropped at a value's start.
  '\u00ff',
];
// A value: plain letters, with an odd character or two anywhere (so at every offset of a word the scan reads).
const value = fc
  .record({
    plain: fc.array(fc.constantFrom('a', 'b', 'ø', ' ', '1'), { minLength: 0, maxLength: 11 }),
    // Seldom: a row with one falls back, and many ledgers must be read by the byte reader itself.
    odd: fc.oneof(
      { weight: 12, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.record({ at: fc.nat(), c: fc.constantFrom(...ODD) }), { minLength: 1, maxLength: 2 }) },
    ),
  })
  .map(({ plain, odd }) => {
    const cs: string[] = [...plain];
    for (const o of odd) cs.splice(o.at % (cs.length + 1), 0, o.c);
    return cs.join('');
  });
const row = fc.record({
  category: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('lisens', 'strøm og oppvarming') }, { weight: 1, arbitrary: value }),
  account: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('4000', '4001') }, { weight: 1, arbitrary: value }),
  text: value,
  kr: fc.integer({ min: -99_999, max: 99_999 }),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

function csv(rows: readonly Row[]): string {
  const lines = ['Art;Konto;Kommune;Beløp;Tekst'];
  for (const r of rows) lines.push(`${r.category};${r.account};;${r.kr},50;${r.text}`);
  return `${lines.join('\n')}\n`;
}

describe('the byte reader scans records a word at a time as the plain reader reads them (fast-check)', () => {
  it('the same entries, positions and diagnostics, with odd characters anywhere', async () => {
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('utf-8', 'windows-1252', 'declared windows-1252'),
        fc.constantFrom(...Object.keys(SHAPES)),
        async (rows, enc, shape) => {
          const text = csv(rows);
          // Windows-1252: each character's low byte, so every byte from 0x80 to 0x9f occurs.
          const bytes = enc === 'utf-8' ? Buffer.from(text) : Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
          const file = path.join(dir, 'regnskap.csv');
          writeFileSync(file, bytes);
          const declared = enc.startsWith('declared') ? (enc.slice(9) as Encoding) : undefined;
          const byBytes = await expectSameAsPlain(file, declared, SHAPES[shape]!);
          runs++;
          if (byBytes.fed) fast++;
        },
      ),
      { numRuns: 300 },
    );
    // Not every ledger falls back: the byte reader reads many itself.
    expect(fast).toBeGreaterThan(runs / 8);
  });
});
