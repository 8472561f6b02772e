import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../src/inputs/amount.js';
import { detectDelimiter } from '../src/inputs/records.js';
import { ROOT, samkost } from './cli.js';
import { tempDir } from './temp.js';

/**
 * Every input takes every source: a fixture whose CSV files (actuals, budget,
 * drivers, payments) are rewritten as workbooks — by exceljs, under the same
 * names, so only their content says what they are — gives the same report,
 * byte for byte.
 */
const dir = tempDir('sources');

/** A CSV file as a workbook: amounts as numbers (what Excel stores), the rest as text. */
async function asWorkbook(csvFile: string): Promise<Buffer> {
  const text = readFileSync(csvFile, 'utf8');
  const delimiter = detectDelimiter(text.slice(0, text.indexOf('\n')));
  const rows = parse(text, { delimiter, skip_empty_lines: true }) as string[][];
  const decimal = delimiter === ',' ? '.' : ',';
  const numeric = rows[0]!.map((h) => /^(amount|beløp|value)$/i.test(h.trim()));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ark1');
  ws.addRow(['Eksportert fra økonomisystemet']);
  for (const [i, r] of rows.entries())
    ws.addRow(
      r.map((cell, c) => {
        if (i === 0 || !numeric[c]) return cell;
        const m = parseAmount(cell, { decimal, declared: true });
        if ('error' in m) throw new Error(`${csvFile}: ${cell}`);
        return Number(m.toPlain());
      }),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function report(fixtureDir: string, command: string): Promise<string> {
  const r = await samkost([command, fixtureDir, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('every input from any source', () => {
  for (const [fixture, command] of [
    ['ror-ikt-2023-operating', 'deviation'], // actuals and budget
    ['melhus-midtre-gauldal-2013', 'settle'], // actuals and payments
    ['ror-ikt-2024-soc', 'allocate'], // drivers
  ] as const)
    it(`${fixture}: its CSV files as .xlsx give the same ${command}`, async () => {
      const original = path.join(ROOT, 'fixtures', fixture);
      const copy = path.join(dir, fixture);
      cpSync(original, copy, { recursive: true });
      const csvs = readdirSync(copy).filter((f) => f.endsWith('.csv'));
      expect(csvs.length).toBeGreaterThan(0);
      for (const f of csvs) writeFileSync(path.join(copy, f), await asWorkbook(path.join(copy, f)));
      expect(readFileSync(path.join(copy, csvs[0]!)).subarray(0, 2).toString()).toBe('PK');
      expect((await report(copy, command)).replaceAll(copy, original)).toBe(await report(original, command));
    });

  it('reads a workbook from standard input', async () => {
    const original = path.join(ROOT, 'fixtures/ror-ikt-2023-operating');
    const bytes = await asWorkbook(path.join(original, 'regnskap.csv'));
    const r = await samkost(['allocate', original, '--actuals', '-', '--format', 'json'], { stdin: async () => bytes });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(await report(original, 'allocate'));
  });
});

describe('the xlsx and SAF-T fixtures give the figures of their comments (by hand, not the goldens)', () => {
  // Lønn: 412 500,00 + 117 295,88 + 418 162,54 = 947 958,42; lisenser: 245 000,00 − 12 250,00 = 232 750,00;
  // Harstad 60 %: 568 775,05 + 139 650,00; Ibestad 40 %: 379 183,37 + 93 100,00. Sales (−50 000,00) and other ansvar stay out.
  for (const fixture of ['xlsx-ledger-2024', 'saft-ledger-2024']) {
    it(fixture, async () => {
      const run = await samkost(['allocate', `fixtures/${fixture}`, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const j = JSON.parse(run.stdout) as { items: { id: string; basis: string }[]; parties: { id: string; charged: string }[]; total: string };
      expect(j.items.map((i) => [i.id, i.basis])).toEqual([
        ['lonn', '947958.42'],
        ['lisenser', '232750.00'],
      ]);
      expect(j.parties.map((p) => [p.id, p.charged])).toEqual([
        ['harstad', '708425.05'],
        ['ibestad', '472283.37'],
      ]);
      expect(j.total).toBe('1180708.42');
    });
  }
});
