import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { type ActualsRow, actualsSink, type LedgerShape } from '../src/inputs/actuals.js';
import type { LedgerSink } from '../src/inputs/ledger-bytes.js';
import { readXlsx } from '../src/inputs/xlsx.js';
import type { ByteSource } from '../src/inputs/zip-read.js';
import { zip } from '../src/render/zip.js';

/**
 * The worksheet's rows summed by the reader (src/inputs/xlsx-sums.ts, fed
 * to the ledger sink through plan/absorb) against the reference path —
 * saxes, each row handed to the same sink — over generated workbooks: the
 * same entries (values, sums, row counts, positions), the same rows read
 * and the same problems. Key values as shared strings (the same text under
 * several indexes, as writers that do not share give them), inline strings
 * or no cell; with spaces and no-break spaces at their ends, party names
 * the sink maps together; amounts as number cells and as text, of every
 * shape, some the sink reports (then the reference reads the sheet).
 */

const bytes = (s: string) => new TextEncoder().encode(s);
const source = (b: Uint8Array, chunk: number): ByteSource => ({
  size: b.length,
  async *read(start, end) {
    for (let at = start; at < end; at += chunk) yield b.subarray(at, Math.min(end, at + chunk));
  },
});

const KEYS = ['lønn', 'lønn', ' lønn ', 'strøm &amp; lys', '4000', '4000 ', '\u00a0strøm', 'K01', 'k01', ''];
const NUMBERS = ['100', '12.5', '-3.25', '0', '1234567890123.45', '99999999999999.99', '0.125', '1.005', '-0.5', '1e3', '007', '', '-11311.46'];
const TEXTS = ['1 234,50', '12,5', 'x', '', '(7,00)', '1.234,5'];

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('shared' as const), text: fc.constantFrom(...KEYS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('inline' as const), text: fc.constantFrom(...KEYS) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const, text: '' }) },
);
const amount = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('number' as const), text: fc.constantFrom(...NUMBERS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shared' as const), text: fc.constantFrom(...TEXTS) }) },
);
const row = fc.record({ category: cell, account: cell, party: cell, amount });
const GOOD_KEYS = KEYS.filter((k) => k !== '');
const goodRow = fc.record({
  category: fc.record({ kind: fc.constantFrom('shared' as const, 'inline' as const), text: fc.constantFrom(...GOOD_KEYS) }),
  account: cell,
  party: cell,
  amount: fc.record({ kind: fc.constant('number' as const), text: fc.constantFrom(...NUMBERS.filter((n) => !['0.125', '1.005', '1e3', ''].includes(n))) }),
});

type Cell = { kind: 'shared' | 'inline' | 'none' | 'number'; text: string };

function book(rows: Cell[][]): Uint8Array {
  const shared: string[] = [];
  const xml = (c: Cell, ref: string) => {
    if (c.kind === 'none') return '';
    if (c.kind === 'number') return `<c r="${ref}"><v>${c.text}</v></c>`;
    if (c.kind === 'inline') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${c.text}</t></is></c>`;
    shared.push(c.text);
    return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
  };
  const header = ['Art', 'Konto', 'Kommune', 'Beløp'].map((t) => ({ kind: 'shared' as const, text: t }));
  const sheet = [header, ...rows].map((r, i) => `<row r="${i + 1}">${r.map((c, j) => xml(c, `${'ABCD'[j]}${i + 1}`)).join('')}</row>`).join('');
  return zip([
    { name: 'xl/workbook.xml', data: bytes('<workbook xmlns:r="urn:r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: bytes('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/sharedStrings.xml', data: bytes(`<sst>${shared.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('')}</sst>`) },
    { name: 'xl/worksheets/sheet1.xml', data: bytes(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`) },
  ]);
}

const COLUMNS = new Map([
  ['category', 'Art'],
  ['account', 'Konto'],
  ['party', 'Kommune'],
  ['amount', 'Beløp'],
]);
const SHAPES: LedgerShape[] = [
  { selected: new Map([['category', { file: 'a.yaml', line: 1, col: 1 }]]), keep: 'accounts', party: (w) => w.toLowerCase() },
  { selected: new Map([['category', { file: 'a.yaml', line: 1, col: 1 }]]), keep: 'selected' },
  { selected: new Map(), keep: 'all' },
];

/** The ledger sink, counting the entries it absorbs. */
function counted(shape: LedgerShape, absorbed: { n: number }): LedgerSink<ActualsRow[]> {
  const sink = actualsSink(COLUMNS, undefined, shape);
  const absorb = sink.absorb.bind(sink);
  sink.absorb = (...args) => {
    absorbed.n++;
    absorb(...args);
  };
  return sink;
}

const problems = (d: Diagnostics) => d.list.map((e) => `${e.severity} ${e.code}@${e.file}:${e.line}:${e.col} ${e.message.en}`);

async function same(rows: Cell[][], shape: LedgerShape, mark: ',' | '.', chunk: number): Promise<boolean> {
  const file = book(rows);
  const refDiags = new Diagnostics();
  const ref = await readXlsx(source(file, 65536), 'l.xlsx', { decimal: mark }, counted(shape, { n: 0 }), refDiags);
  const diags = new Diagnostics();
  const absorbed = { n: 0 };
  const got = await readXlsx(source(file, chunk), 'l.xlsx', { decimal: mark }, () => counted(shape, absorbed), diags);
  expect(problems(diags)).toEqual(problems(refDiags));
  expect(got).toEqual(ref);
  return absorbed.n > 0;
}

describe('xlsx rows summed by the reader, against each row through saxes', () => {
  const args = [fc.integer({ min: 0, max: SHAPES.length - 1 }), fc.constantFrom<',' | '.'>(',', '.'), fc.integer({ min: 7, max: 400 })] as const;

  it('gives the same entries and problems, over any rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(row).map(([r]) => [r.category, r.account, r.party, r.amount]),
          { maxLength: 12 },
        ),
        ...args,
        async (rows, s, m, chunk) => {
          await same(rows as Cell[][], SHAPES[s]!, m, chunk);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sums the rows it can read, with the same entries', async () => {
    let summed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          goodRow.map((r) => [r.category, r.account, r.party, r.amount]),
          { minLength: 1, maxLength: 12 },
        ),
        ...args,
        async (rows, s, m, chunk) => {
          if (await same(rows as Cell[][], SHAPES[s]!, m, chunk)) summed++;
        },
      ),
      { numRuns: 200 },
    );
    // The rows of a category and a number are summed by the reader nearly always: the path under test is taken.
    expect(summed).toBeGreaterThan(150);
  });
});
