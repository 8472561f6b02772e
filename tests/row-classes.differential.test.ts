import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { partyResolver } from '../src/agreement/party-names.js';
import { selectedColumns } from '../src/agreement/uses.js';
import { NODE_FS } from '../src/cli/io.js';
import { load } from '../src/cli/load.js';
import { Progress } from '../src/cli/progress.js';
import { readInput } from '../src/cli/read-input.js';
import { allocate } from '../src/commands/allocate.js';
import { rowClasses } from '../src/compute/row-classes.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { type ActualsRow, actualsSink, type LedgerShape } from '../src/inputs/actuals.js';
import type { TableSink } from '../src/inputs/table.js';
import { allocationJson } from '../src/render/allocation-json.js';
import { readValidAgreement } from '../src/validate/agreement.js';
import { tempDir } from './temp.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

/**
 * Classes by selector field (compute/row-classes.ts) against the values as
 * written, over generated agreements and ledgers: fields of several
 * patterns (ranges of integers and of text, prefixes, exact values, not:)
 * that take values of different patterns alike, so a class holds values no
 * one pattern holds all of. The same diagnostics — `selector-none` for a
 * pattern that matches no value, with its examples, among them — and the
 * same allocation; and the byte reader keeps the same entries as the plain
 * reader when it sums by these classes.
 */
const CATEGORIES = ['lønnskostnader skole', 'programvarelisenser helse', 'strøm og oppvarming', 'kompensasjon merverdiavgift'];
const ACCOUNTS = ['4000', '4001', '4002', '4003', '4004', '4005', '4009', '4010', '4011', '4015', '4019', '5100', '5105', 'A1', 'A3', 'A7', 'B2'];
const PATTERNS = ['4000..4004', '4005..4011', '"401*"', '"40*"', '4003', '4019', '"5*"', '5100..5199', 'A1..A4', '"A*"', '"B*"', '3000..3999', '"6*"'];
const PROJECTS = ['p1', 'p2', 'q1'];

const field = fc.record({
  patterns: fc.uniqueArray(fc.constantFrom(...PATTERNS), { minLength: 1, maxLength: 3 }),
  not: fc.boolean(),
});
const item = fc.record({
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 0, maxLength: 3 }),
  account: fc.option(field, { nil: undefined }),
  project: fc.option(fc.constantFrom('p1', '"p*"', '{ not: q1 }'), { nil: undefined, freq: 3 }),
});
const row = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  // Few values often, the others now and then: a value of a new kind turns up long after its class's first.
  account: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('4000', '4003', '4010') }, { weight: 2, arbitrary: fc.constantFrom(...ACCOUNTS) }),
  project: fc.constantFrom(...PROJECTS),
  party: fc.constantFrom('', '', '', 'a', 'b', 'x'),
  kr: fc.integer({ min: -50_000, max: 200_000 }),
  ore: fc.integer({ min: 0, max: 99 }),
});
type Item = typeof item extends fc.Arbitrary<infer T> ? T : never;
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function selector(i: Item): string {
  const parts: string[] = [];
  if (i.categories.length > 0) parts.push(`category: [${i.categories.map((c) => `"${c}"`).join(', ')}]`);
  if (i.account) {
    const list = `[${i.account.patterns.join(', ')}]`;
    parts.push(`account: ${i.account.not ? `{ not: ${list} }` : list}`);
  }
  if (i.project) parts.push(`project: ${i.project}`);
  // A selector selects by something: an item of no field takes one category.
  return parts.length > 0 ? parts.join(', ') : `category: ["${CATEGORIES[0]}"]`;
}

/** The agreement and its ledger; `plain` adds a last row whose text runs over two lines, which the byte reader leaves to the plain reader. */
function write(items: readonly Item[], ignore: Item, rows: readonly Row[], plain: boolean): string {
  const dir = tempDir('row-classes');
  writeFileSync(
    path.join(dir, 'agreement.yaml'),
    [
      'samkost: 1',
      'agreement: Klasser',
      'year: 2024',
      'host: a',
      'parties:',
      '  a: { name: A, population: 7000 }',
      '  b: { name: B, population: 3000 }',
      'items:',
      ...items.map((i, n) => `  - { id: post${n + 1}, label: Post ${n + 1}, actuals: { ${selector(i)} }, key: population }`),
      'ignore:',
      `  - { ${selector(ignore)}, reason: Holdes utenfor }`,
      'inputs:',
      '  actuals: { file: regnskap.csv, columns: { category: Art, account: Konto, project: Prosjekt, party: Kommune, amount: Beløp, text: Tekst } }',
      '',
    ].join('\n'),
  );
  const lines = ['Art;Konto;Prosjekt;Kommune;Beløp;Tekst'];
  for (const [i, r] of rows.entries()) lines.push(`${r.category};${r.account};${r.project};${r.party};${r.kr},${String(r.ore).padStart(2, '0')};bilag ${i}`);
  if (plain) lines.push(`${CATEGORIES[0]};4000;p1;;1,00;"to\nlinjer"`);
  writeFileSync(path.join(dir, 'regnskap.csv'), `${lines.join('\n')}\n`);
  return dir;
}

const ledger = fc.record({
  items: fc.array(item, { minLength: 1, maxLength: 3 }),
  ignore: item,
  rows: fc.array(row, { minLength: 1, maxLength: 150, size: 'max' }),
  plain: fc.boolean(),
});

describe('summing by classes of selector fields equals summing by the values (fast-check, generated agreements and ledgers)', () => {
  it('the same diagnostics, at the same rows, with the same examples, and the same allocation', async () => {
    let none = 0;
    await fc.assert(
      fc.asyncProperty(ledger, async ({ items, ignore, rows, plain: fallback }) => {
        const dir = write(items, ignore, rows, fallback);
        const classed = await load(NODE_FS, dir, {}, new Progress(null), 'classes');
        const plain = await load(NODE_FS, dir, {}, new Progress(null), 'selected');
        expect(classed.diagnostics).toEqual(plain.diagnostics);
        if (!classed.inputs || !plain.inputs) throw new Error('unreadable generated ledger');
        const a = allocate(classed.inputs);
        const b = allocate(plain.inputs);
        expect(a.diagnostics).toEqual(b.diagnostics);
        if (a.diagnostics.some((d) => d.code === 'selector-none')) none++;
        expect(a.report === null).toBe(b.report === null);
        if (a.report && b.report) expect(allocationJson(a.report, 'en')).toEqual(allocationJson(b.report, 'en'));
      }),
      { numRuns: 150 },
    );
    // Patterns that match no value are among the cases, not only patterns that match some.
    expect(none).toBeGreaterThan(10);
  });

  it('the byte reader keeps the entries the plain reader keeps', async () => {
    let fed = 0;
    await fc.assert(
      fc.asyncProperty(ledger, async ({ items, ignore, rows }) => {
        const dir = write(items, ignore, rows, false);
        const file = path.join(dir, 'agreement.yaml');
        const agreement = readValidAgreement(parseYaml(readFileSync(file, 'utf8')), file, (p) => path.join(dir, p)).agreement;
        if (!agreement) throw new Error('invalid generated agreement');
        const spec = agreement.inputs.get('actuals')!;
        const shape: LedgerShape = {
          selected: selectedColumns(agreement),
          keep: 'selected',
          party: partyResolver(agreement.parties),
          classes: rowClasses(agreement),
        };
        const read = async (bytes: boolean) => {
          const diags = new Diagnostics();
          let absorbed = false;
          const sink = (): TableSink<ActualsRow[]> => {
            const s = actualsSink(spec.columns, agreement.year, shape);
            if (!bytes) return { header: s.header, row: s.row, finish: s.finish };
            const absorb = s.absorb;
            s.absorb = (...x) => {
              absorbed = true;
              absorb.apply(s, x);
            };
            return s;
          };
          const r = await readInput(NODE_FS, spec, sink, diags, new Progress(null));
          return { result: r.result, diagnostics: diags.list, absorbed };
        };
        const byBytes = await read(true);
        const plain = await read(false);
        expect(byBytes.absorbed).toBe(true);
        fed++;
        expect(byBytes.diagnostics).toEqual(plain.diagnostics);
        expect(byBytes.result).toEqual(plain.result);
      }),
      { numRuns: 100 },
    );
    expect(fed).toBe(100);
  });
});
