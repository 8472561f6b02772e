import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { NODE_FS } from '../src/cli/io.js';
import { load } from '../src/cli/load.js';
import { Progress } from '../src/cli/progress.js';
import { allocate } from '../src/commands/allocate.js';
import { deviation } from '../src/commands/deviation.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { deviationJson } from '../src/render/deviation-json.js';

/**
 * The fast path against the reference path, over generated ledgers shaped
 * like a municipal export (long category names with æøå, account numbers, a
 * party on some rows, Norwegian amount styles, quoted texts holding `;`):
 * summing the ledger only by the columns the agreement selects by must give
 * exactly what summing by every column gives, in the allocation and in the
 * deviation table.
 */
const CATEGORIES = [
  'lønnskostnader skole 1',
  'programvarelisenser helse og omsorg',
  'strøm og oppvarming',
  'refusjon fra kommuner økonomi',
  'kompensasjon merverdiavgift',
];
const STYLES = [
  (kr: number, ore: string) => `${kr},${ore}`,
  (kr: number, ore: string) => `${kr < 0 ? '-' : ''}${String(Math.abs(kr)).replace(/\B(?=(\d{3})+$)/g, ' ')},${ore}`,
  (kr: number, ore: string) => `${kr < 0 ? '-' : ''}${String(Math.abs(kr)).replace(/\B(?=(\d{3})+$)/g, '.')},${ore}`,
  (kr: number, ore: string) => `kr ${kr},${ore}`,
  (kr: number) => `${kr},-`,
];

const row = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  account: fc.integer({ min: 4000, max: 4012 }),
  project: fc.constantFrom('p1', 'p2'),
  party: fc.constantFrom('', '', '', 'a', 'b', 'c'),
  kr: fc.integer({ min: -50_000, max: 200_000 }),
  ore: fc.integer({ min: 0, max: 99 }),
  style: fc.integer({ min: 0, max: STYLES.length - 1 }),
  quoted: fc.boolean(),
});

type Row = { category: string; account: number; project: string; party: string; kr: number; ore: number; style: number; quoted: boolean };

function write(rows: readonly Row[], selectBy: 'category' | 'account' | 'project' | 'patterns'): string {
  const dir = tempDir('diff');
  // Two items that take every row between them, so the whole ledger is allocated (no row unselected).
  const [selector, rest] =
    selectBy === 'category'
      ? [`category: ["${CATEGORIES[0]}", "${CATEGORIES[1]}", "${CATEGORIES[2]}"]`, `category: ["${CATEGORIES[3]}", "${CATEGORIES[4]}"]`]
      : selectBy === 'account'
        ? ['account: [4000, 4001, 4002, 4003, 4004, 4005, 4006]', 'account: [4007, 4008, 4009, 4010, 4011, 4012]']
        : selectBy === 'project'
          ? ['project: [p1]', 'project: [p2]']
          : // Ranges, a prefix and not:, overlapping on 4010–4011 (rows taken twice), with rows left over and rows ignored.
            [`category: ["${CATEGORIES[0]}", "${CATEGORIES[1]}", "${CATEGORIES[2]}"], account: ["4000..4005", "4010..4011"]`, 'account: { not: "400*" }'];
  writeFileSync(
    path.join(dir, 'agreement.yaml'),
    [
      'samkost: 1',
      'agreement: Differensiell',
      'year: 2024',
      'host: a',
      'parties:',
      '  a: { name: A, population: 7000 }',
      '  b: { name: B, population: 3000 }',
      '  c: { name: C, population: 1500 }',
      'items:',
      `  - { id: valgt, label: Valgt, actuals: { ${selector} }, key: population }`,
      `  - { id: resten, label: Resten, actuals: { ${rest} }, key: equal }`,
      ...(selectBy === 'patterns' ? ['ignore:', `  - { category: ["${CATEGORIES[4]}"], reason: Holdes utenfor }`] : []),
      'budget:',
      `  "${CATEGORIES[0]}": 10000`,
      'inputs:',
      '  actuals: { file: regnskap.csv, columns: { category: Art, account: Konto, project: Prosjekt, party: Kommune, amount: Beløp, text: Tekst } }',
      '',
    ].join('\n'),
  );
  const lines = ['Art;Konto;Prosjekt;Kommune;Beløp;Tekst'];
  for (const [i, r] of rows.entries()) {
    const amount = STYLES[r.style]!(r.kr, String(r.ore).padStart(2, '0'));
    lines.push(`${r.category};${r.account};${r.project};${r.party};${amount};${r.quoted ? `"bilag ${i}; del"` : `bilag ${i}`}`);
  }
  writeFileSync(path.join(dir, 'regnskap.csv'), `${lines.join('\n')}\n`);
  return dir;
}

describe('summing by the columns selected by equals summing by every column (fast-check, generated ledgers)', () => {
  it('the same allocation and deviation table, whatever the agreement selects by', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.constantFrom<'category' | 'account' | 'project'>('category', 'account', 'project'),
        async (rows, by) => {
          const dir = write(rows, by);
          const used = await load(NODE_FS, dir, {}, new Progress(null), 'selected');
          const all = await load(NODE_FS, dir, {}, new Progress(null), 'all');
          expect(used.diagnostics).toEqual(all.diagnostics);
          // Generated ledgers are always readable: a load error would make the comparison vacuous.
          expect(used.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          if (!used.inputs || !all.inputs) throw new Error('unreadable generated ledger');
          const a = allocate(used.inputs);
          const b = allocate(all.inputs);
          expect(a.report === null).toBe(b.report === null);
          if (a.report && b.report) expect(allocationJson(a.report, 'en')).toEqual(allocationJson(b.report, 'en'));
          const d1 = deviation(used.inputs, { sign: 'budget-minus-actual' });
          const d2 = deviation(all.inputs, { sign: 'budget-minus-actual' });
          if (d1.report && d2.report) expect(deviationJson(d1.report, 'en')).toEqual(deviationJson(d2.report, 'en'));
          else expect(d1.diagnostics.map((d) => d.code)).toEqual(d2.diagnostics.map((d) => d.code));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('summing by the classes of values equals summing by the values (fast-check, generated ledgers)', () => {
  it('the same diagnostics, at the same rows, and the same allocation, with ranges, a prefix, not:, overlaps, ignored party rows and an unknown party', async () => {
    const partyOrUnknown = fc.constantFrom('', '', '', 'a', 'b', 'c', 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          row.chain((r) => partyOrUnknown.map((party) => ({ ...r, party }))),
          // Long enough that values of one class meet in one category after each column's first three.
          { minLength: 1, maxLength: 200, size: 'max' },
        ),
        fc.constantFrom<'account' | 'patterns'>('account', 'patterns', 'patterns'),
        async (rows, by) => {
          const dir = write(rows, by);
          const classed = await load(NODE_FS, dir, {}, new Progress(null), 'classes');
          const plain = await load(NODE_FS, dir, {}, new Progress(null), 'selected');
          expect(classed.diagnostics).toEqual(plain.diagnostics);
          if (!classed.inputs || !plain.inputs) throw new Error('unreadable generated ledger');
          const a = allocate(classed.inputs);
          const b = allocate(plain.inputs);
          expect(a.diagnostics).toEqual(b.diagnostics);
          expect(a.report === null).toBe(b.report === null);
          if (a.report && b.report) expect(allocationJson(a.report, 'en')).toEqual(allocationJson(b.report, 'en'));
        },
      ),
      { numRuns: 80 },
    );
  });
});
