import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samkost } from './cli.js';
import { tempDir } from './temp.js';
import { writeSaft } from './saft-writer.js';

/**
 * One generated ledger written three ways — CSV, .xlsx (by exceljs, not the
 * reader under test) and SAF-T 1.30 — must give byte-identical allocations:
 * the sources are one row stream, whatever the file. The ledger varies its
 * accounts, dimension columns, signs, text that needs quoting, dates, title
 * rows above the workbook's header, and whether the amount is signed or a
 * debit/credit pair; the agreement selects by an art list, range or prefix,
 * by ansvar and `not:` it, and ignores the rest with `not:`.
 */
const dir = tempDir('sources');

interface Posting {
  account: string;
  grouping: string;
  ansvar: string;
  funksjon: string;
  /** Decimal text with a point, signed. */
  amount: string;
  date: string;
  text: string;
}

const GROUPINGS = ['010', '099', '195', '270', '620'];
const accountOf = (g: string, n: number) => `1${g}${n}`;

const cents = fc.bigInt({ min: -500_000_000n, max: 500_000_000n }).filter((c) => c !== 0n);
const decimal = (c: bigint) => {
  const neg = c < 0n;
  const s = (neg ? -c : c).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
};
const posting = fc.record({
  group: fc.constantFrom(...GROUPINGS),
  n: fc.integer({ min: 0, max: 2 }),
  ansvar: fc.constantFrom('1200', '1210', '3100'),
  funksjon: fc.constantFrom('120', '201'),
  cents,
  // 2024 is a leap year: day 365 is 31 December, where a date read one day off leaves the year and is warned about.
  day: fc.integer({ min: 0, max: 365 }),
  text: fc.constantFrom('Lønn', 'Lisens; Microsoft', 'Faktura "A" 12', 'Kreditnota\nlinje 2', 'Møte, kurs', 'Æ Ø Å'),
});
const ledger = fc.record({
  postings: fc.array(posting, { minLength: 1, maxLength: 25 }),
  // Each KOSTRA art goes to item a, item b, or ignore.
  selection: fc.record({
    form: fc.constantFrom('list', 'range', 'prefix'),
    from: fc.integer({ min: 0, max: GROUPINGS.length - 1 }),
    span: fc.integer({ min: 0, max: GROUPINGS.length - 1 }),
    subset: fc.subarray(GROUPINGS, { minLength: 1 }),
    prefix: fc.constantFrom('0*', '09*', '1*', '6*'),
    ansvar: fc.constantFrom('1200', '1210', '3100'),
    byAnsvar: fc.boolean(),
  }),
  pair: fc.boolean(),
  titles: fc.integer({ min: 0, max: 3 }),
  key: fc.integer({ min: 1, max: 99 }),
});

function dateOf(day: number): string {
  return new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
}

type Selection = {
  readonly form: 'list' | 'range' | 'prefix';
  readonly from: number;
  readonly span: number;
  readonly subset: readonly string[];
  readonly prefix: string;
  readonly ansvar: string;
  readonly byAnsvar: boolean;
};

/**
 * Items that take the arts of one selector form — a list, a range or a
 * prefix — split by ansvar (one value, and `not:` it) or not split, and an
 * ignore rule for every other art (`not:` the same form): every row is
 * taken exactly once, whatever the ledger holds.
 */
function agreement(input: string, sel: Selection, key: number): string {
  const last = GROUPINGS[Math.min(sel.from + sel.span, GROUPINGS.length - 1)]!;
  const form =
    sel.form === 'list' ? `[${sel.subset.map((g) => `"${g}"`).join(', ')}]` : sel.form === 'range' ? `"${GROUPINGS[sel.from]}..${last}"` : `"${sel.prefix}"`;
  const items = sel.byAnsvar
    ? [
        `  - { id: a, label: A, actuals: { category: ${form}, ansvar: "${sel.ansvar}" }, key: k }`,
        `  - { id: b, label: B, actuals: { category: ${form}, ansvar: { not: "${sel.ansvar}" } }, key: k }`,
      ]
    : [`  - { id: a, label: A, actuals: { category: ${form} }, key: k }`];
  const ignored = `ignore: [{ category: { not: ${form} }, reason: utenfor }]`;
  return [
    'samkost: 1',
    'agreement: Test',
    'year: 2024',
    'host: h',
    'parties:',
    '  h: { name: H kommune }',
    '  g: { name: G kommune }',
    `keys: { k: { shares: { h: ${key}%, g: ${100 - key}% } } }`,
    'items:',
    ...items,
    ignored,
    'inputs:',
    `  actuals: ${input}`,
    '',
  ].join('\n');
}

const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const comma = (d: string) => d.replace('.', ',');

function csv(ps: readonly Posting[], pair: boolean): string {
  const head = ['Konto', 'Art', 'Ansvar', 'Funksjon', 'Dato', 'Tekst', ...(pair ? ['Debet', 'Kredit'] : ['Beløp'])];
  const rows = ps.map((p) => {
    const amount = pair ? (p.amount.startsWith('-') ? ['', comma(p.amount.slice(1))] : [comma(p.amount), '']) : [comma(p.amount)];
    return [p.account, p.grouping, p.ansvar, p.funksjon, p.date.split('-').reverse().join('.'), quote(p.text), ...amount].join(';');
  });
  return `${[head.join(';'), ...rows].join('\r\n')}\r\n`;
}

async function xlsx(ps: readonly Posting[], pair: boolean, titles: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hovedbok');
  for (let i = 0; i < titles; i++) ws.addRow(i === 1 ? [] : [`Hovedbok 2024 (${i})`]);
  ws.addRow(['Konto', 'Art', 'Ansvar', 'Funksjon', 'Dato', 'Tekst', ...(pair ? ['Debet', 'Kredit'] : ['Beløp'])]);
  for (const p of ps) {
    // exceljs writes a JS number: the decimal text of cents round-trips exactly (at most 12 digits).
    const n = Number(p.amount);
    const amount = pair ? (n < 0 ? [0, -n] : [n, null]) : [n];
    const row = ws.addRow([p.account, p.grouping, p.ansvar, p.funksjon, new Date(`${p.date}T00:00:00Z`), p.text, ...amount]);
    row.getCell(5).numFmt = 'dd.mm.yyyy';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let cases = 0;

/** The allocation's JSON and the warnings, with the case's folder (which differs per source) taken out. */
async function allocation(files: Record<string, string | Buffer>): Promise<string> {
  const target = path.join(dir, `case-${cases++}`);
  mkdirSync(target);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(target, name), content);
  const r = await samkost(['allocate', target, '--format', 'json']);
  rmSync(target, { recursive: true, force: true });
  return `${r.code}\n${r.stdout}${r.stderr}`.replaceAll(target, '<case>');
}

describe('sources (fast-check)', () => {
  it('the same ledger as CSV, .xlsx and SAF-T 1.30 gives byte-identical allocations', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (l) => {
        const ps: Posting[] = l.postings.map((p) => ({
          account: accountOf(p.group, p.n),
          grouping: p.group,
          ansvar: p.ansvar,
          funksjon: p.funksjon,
          amount: decimal(p.cents),
          date: dateOf(p.day),
          text: p.text,
        }));
        const cols = l.pair ? 'debit: Debet, credit: Kredit' : 'amount: Beløp';
        const fromCsv = await allocation({
          'agreement.yaml': agreement(`{ file: ledger.csv, columns: { category: Art, ${cols}, date: Dato } }`, l.selection, l.key),
          'ledger.csv': csv(ps, l.pair),
        });
        const fromXlsx = await allocation({
          'agreement.yaml': agreement(`{ file: ledger.xlsx, columns: { category: Art, ${cols}, date: Dato } }`, l.selection, l.key),
          'ledger.xlsx': await xlsx(ps, l.pair, l.titles),
        });
        const fromSaft = await allocation({
          'agreement.yaml': agreement('{ file: ledger.xml, columns: { category: grouping_code } }', l.selection, l.key),
          'ledger.xml': writeSaft(
            ps.map((p) => ({
              account: p.account,
              grouping: p.grouping,
              amount: p.amount,
              date: p.date,
              text: p.text,
              analysis: { ANSVAR: p.ansvar, FUNKSJON: p.funksjon },
            })),
            2024,
          ),
        });
        expect(fromCsv).toMatch(/^0\n/);
        expect(fromXlsx).toBe(fromCsv);
        expect(fromSaft).toBe(fromCsv);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
