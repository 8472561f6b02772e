import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerShape } from '../src/inputs/actuals.js';
import { AT, expectSameAsPlain } from './ledger-read.js';
import { tempDir } from './temp.js';

/**
 * The byte reader (inputs/ledger-bytes.ts) against the plain reader over
 * ledgers of thousands of distinct accounts and texts: more than its table
 * of distinct values first holds (1 024 values), so the table grows and
 * rehashes while rows keep finding the values read before, as a ledger of
 * 10 000 accounts makes it do. (tests/ledger-bytes.differential.test.ts
 * covers the forms of a row; its ledgers are too short for this.)
 */
const dir = tempDir('ledger-bytes-values');
const CATEGORIES = ['lønnskostnader skole 1', 'strøm og oppvarming', 'Bredbånd', 'lisens', 'telefoni æøå'];
const at = AT;
const SHAPES: Record<string, LedgerShape> = {
  konto: {
    selected: new Map([
      ['category', at],
      ['konto', at],
    ]),
    keep: 'selected',
  },
  accounts: { selected: new Map([['category', at]]), keep: 'accounts' },
  // Summed by class: accounts in three ranges; party rows of lisens kept apart by their values as written.
  classes: {
    selected: new Map([
      ['category', at],
      ['konto', at],
    ]),
    keep: 'selected',
    party: (w) => w,
    classes: {
      classOf: (_column, value) => (value < '12000' ? 'low' : value < '16000' ? 'mid' : 'high'),
      apart: ({ category, party }) => party !== '' && category === 'lisens',
    },
  },
};

const ledger = fc.record({
  rows: fc.integer({ min: 1, max: 6000 }),
  distinct: fc.integer({ min: 1, max: 5000 }),
  step: fc.constantFrom(1, 7, 7919, 104_729),
  texts: fc.boolean(),
  shape: fc.constantFrom(...Object.keys(SHAPES)),
});

function csv(l: { rows: number; distinct: number; step: number; texts: boolean }): string {
  const lines = ['Art;Konto;Kommune;Beløp;Tekst'];
  for (let i = 0; i < l.rows; i++) {
    const account = 10_000 + ((i * l.step) % l.distinct);
    const party = i % 11 === 0 ? 'a' : '';
    lines.push(
      `${CATEGORIES[i % CATEGORIES.length]};${account};${party};${(i % 2000) - 700},${String(i % 100).padStart(2, '0')};${l.texts ? `bilag ${i % 3001}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('the byte reader reads a ledger of thousands of distinct values as the plain reader does (fast-check)', () => {
  it('the same entries, positions and diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (l) => {
        const file = path.join(dir, 'regnskap.csv');
        writeFileSync(file, csv(l));
        const byBytes = await expectSameAsPlain(file, undefined, SHAPES[l.shape]!);
        expect(byBytes.fed).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

/**
 * Values whose 32-bit hashes in the byte reader's table are equal (found by
 * a search over its hash, as inputs/ledger-bytes.ts computes it: FNV-1a
 * steps over the length and the words, then Murmur3's last step): two of
 * seven bytes, compared as words in their slot, and two of twelve, compared
 * in the pool. Only the compare of their bytes tells them apart; with it
 * broken they would sum into one entry. Should the hash change, these stop
 * colliding and the test only loses its edge: search again.
 */
const COLLIDING = [
  ['0210099', '0510042'],
  ['konto 100005', 'konto 190000'],
];

describe('the byte reader keeps values apart whose hashes are equal', () => {
  it('as the plain reader does, in every field', async () => {
    const file = path.join(dir, 'kollisjon.csv');
    const lines = ['Art;Konto;Kommune;Beløp;Tekst'];
    let i = 0;
    for (const [a, b] of COLLIDING)
      for (const v of [a, b, a, b]) {
        i++;
        lines.push(`${v};${v};;${i},00;${v}`, `lisens;${v};${v};${i},50;`);
      }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const shape = SHAPES.konto!;
    const byBytes = await expectSameAsPlain(file, undefined, shape);
    expect(byBytes.fed).toBe(true);
    expect(byBytes.result?.length).toBe(8);
  });
});
