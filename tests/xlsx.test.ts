import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { samkost, usageError } from './cli.js';

/**
 * `--format xlsx`, read back with exceljs (a reader we did not write): a
 * sheet per table, numbers as numbers with number formats, dates as dates,
 * ids as text, column widths set, the header row frozen — and every amount
 * equal to the one the same command writes as JSON.
 */
async function workbook(args: readonly string[]): Promise<ExcelJS.Workbook> {
  const run = await samkost([...args, '--format', 'xlsx']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.bytes).toBeDefined();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(run.bytes! as unknown as ArrayBuffer);
  return wb;
}

async function json<T>(args: readonly string[]): Promise<T> {
  const run = await samkost([...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** A sheet as rows of objects keyed by the header row's titles. */
function rows(ws: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const titles = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, ExcelJS.Cell>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) out.push(Object.fromEntries(titles.map((t, i) => [t, ws.getRow(r).getCell(i + 1)])));
  return out;
}

/** What every sheet must be: a frozen header, widths set, and per column one kind of value. */
function wellFormed(ws: ExcelJS.Worksheet): void {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(8);
  expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
}

/** Every money string anywhere in a JSON output. */
function amountsIn(json: unknown, out = new Set<string>()): Set<string> {
  if (typeof json === 'string' && /^-?\d+\.\d{2}$/.test(json)) out.add(json);
  else if (json && typeof json === 'object') for (const v of Object.values(json)) amountsIn(v, out);
  return out;
}

/** Every money cell of every sheet is a number, and an amount the JSON of the same command has. */
function everyAmountIn(wb: ExcelJS.Workbook, json: unknown): void {
  const amounts = amountsIn(json);
  let seen = 0;
  for (const ws of wb.worksheets)
    ws.eachRow((row, r) => {
      if (r > 1)
        row.eachCell((cell) => {
          if (cell.numFmt !== '#,##0.00') return;
          expect(cell.type, `${ws.name}!${cell.address}`).toBe(ExcelJS.ValueType.Number);
          expect(amounts, `${ws.name}!${cell.address}`).toContain((cell.value as number).toFixed(2));
          seen++;
        });
    });
  expect(seen).toBeGreaterThan(0);
}

const money = (cell: ExcelJS.Cell, expected: string) => {
  expect(cell.type, `${cell.address} is a number`).toBe(ExcelJS.ValueType.Number);
  expect(cell.numFmt).toBe('#,##0.00');
  expect((cell.value as number).toFixed(2)).toBe(expected);
};

describe('--format xlsx', () => {
  it('allocate: the lines and the parties, every amount as in the JSON', async () => {
    const args = ['allocate', 'fixtures/ror-ikt-2023-investment'];
    const wb = await workbook(args);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Fordeling', 'Sum per kommune']);
    wb.worksheets.forEach(wellFormed);
    const j = await json<{
      items: { id: string; lines: { party: string; share?: string; amount: string }[]; unallocated: string }[];
      parties: { id: string; charged: string; kinds: { investment: { charged: string } } }[];
    }>(args);
    everyAmountIn(wb, j);
    const lines = rows(wb.getWorksheet('Fordeling')!);
    const expected = j.items.flatMap((i) => [
      ...i.lines.map((l) => ({ ...l, id: i.id })),
      ...(i.unallocated === '0.00' ? [] : [{ id: i.id, party: '', amount: i.unallocated }]),
    ]);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((row, n) => {
      const want = expected[n]!;
      expect(row.Post!.type).toBe(ExcelJS.ValueType.String);
      expect(row.Post!.value).toBe(want.id);
      expect(row.Kommune!.value ?? '').toBe(want.party);
      money(row.Beløp!, want.amount);
      if (want.share) {
        expect(row.Andel!.numFmt).toBe('0.00##%');
        expect(row.Andel!.value).toBe(Number(want.share));
      }
    });
    const parties = rows(wb.getWorksheet('Sum per kommune')!);
    parties.forEach((row, n) => {
      expect(row.Kommune!.value).toBe(j.parties[n]!.id);
      money(row['Å betale']!, j.parties[n]!.charged);
      money(row.Investering!, j.parties[n]!.kinds.investment.charged);
    });
  });

  it('settle: the settlement with due dates as dates, the schedule, the payments and the lines', async () => {
    const args = ['settle', 'fixtures/harstad-ibestad-settlement'];
    const wb = await workbook(args);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Avregning', 'A-kontoplan', 'Innbetalinger', 'Fordeling']);
    wb.worksheets.forEach(wellFormed);
    const j = await json<{
      final_due: string;
      parties: { id: string; kinds: Record<string, { charged: string; paid: string; balance: string; carried_forward: string }> }[];
      akonto: { party: string; instalments: { due: string; operating: string }[] }[];
    }>(args);
    everyAmountIn(wb, j);
    const settled = rows(wb.getWorksheet('Avregning')!);
    expect(settled).toHaveLength(j.parties.length);
    settled.forEach((row, n) => {
      const k = j.parties[n]!.kinds.operating!;
      money(row.Belastet!, k.charged);
      money(row.Innbetalt!, k.paid);
      money(row.Saldo!, k.balance);
      money(row['Overføres neste år']!, k.carried_forward);
      expect(row.Forfall!.type).toBe(ExcelJS.ValueType.Date);
      expect(row.Forfall!.numFmt).toBe('dd.mm.yyyy');
      expect((row.Forfall!.value as Date).toISOString().slice(0, 10)).toBe(j.final_due);
    });
    const schedule = rows(wb.getWorksheet('A-kontoplan')!);
    const instalments = j.akonto.flatMap((a) => a.instalments.map((i) => ({ party: a.party, ...i })));
    expect(schedule).toHaveLength(instalments.length);
    schedule.forEach((row, n) => {
      money(row.Beløp!, instalments[n]!.operating);
      expect((row.Forfall!.value as Date).toISOString().slice(0, 10)).toBe(instalments[n]!.due);
    });
  });

  it('a workbook says what it is: its title and date, printed on every landscape page one page wide, header row repeated', async () => {
    const run = await samkost(['settle', 'fixtures/harstad-ibestad-settlement', '--format', 'xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.bytes! as unknown as ArrayBuffer);
    expect(wb.title).toBe('IKT-samarbeid Harstad–Ibestad 2021 — Avregning');
    expect(wb.creator).toMatch(/^samkost \d+\.\d+\.\d+/);
    // The run's day, in the machine's time zone: the in-process clock is the real one.
    expect(wb.created).toBeInstanceOf(Date);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.headerFooter.oddHeader).toMatch(/^&LIKT-samarbeid Harstad–Ibestad 2021 — Avregning&R\d\d\.\d\d\.\d{4}$/);
      expect(ws.headerFooter.oddFooter).toBe('&CSide &P av &N');
    }
  });
  it('settle --schedule: the schedule first, with party names; payments assumed from the schedule say so on every row', async () => {
    const wb = await workbook(['settle', 'fixtures/harstad-ibestad-settlement', '--schedule']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['A-kontoplan', 'Avregning', 'Innbetalinger', 'Fordeling']);
    const schedule = rows(wb.getWorksheet('A-kontoplan')!);
    expect(schedule.map((r) => r.Navn!.value)).toEqual(['Harstad kommune', 'Harstad kommune', 'Ibestad kommune', 'Ibestad kommune']);
    const payments = rows(wb.getWorksheet('Innbetalinger')!);
    expect(payments.length).toBeGreaterThan(0);
    for (const p of payments) expect(p.Kilde!.value).toBe('forutsatt etter a-kontoplanen');
  });
  it('deviation: percentages as numbers in a percent format, equal to the JSON ratios', async () => {
    const args = ['deviation', 'fixtures/ror-ikt-2023-operating'];
    const wb = await workbook(args);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Budsjettavvik', 'Fordeling']);
    wb.worksheets.forEach(wellFormed);
    const j = await json<{ categories: { category: string; budget: string; actual: string; deviation: string; deviation_ratio: string | null }[] }>(args);
    everyAmountIn(wb, j);
    const table = rows(wb.getWorksheet('Budsjettavvik')!).filter((r) => r.Del!.value === 'art');
    expect(table).toHaveLength(j.categories.length);
    table.forEach((row, n) => {
      const c = j.categories[n]!;
      money(row.Regnskap!, c.actual);
      money(row.Budsjett!, c.budget);
      money(row.Avvik!, c.deviation);
      expect(row['Avvik %']!.numFmt).toBe('0.00%');
      expect(row['Avvik %']!.value).toBeCloseTo(Number(c.deviation_ratio), 10);
    });
  });

  it('scenario: a sweep, the swept value a number per row, every charge as in the JSON', async () => {
    const args = ['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=400..460:30'];
    const wb = await workbook(args);
    const ws = wb.getWorksheet('Scenarioer')!;
    wellFormed(ws);
    const j = await json<{ scenarios: { settings: { path: string; value: string }[]; parties: { id: string; charged: string; delta: string }[] }[] }>(args);
    everyAmountIn(wb, j);
    const expected = j.scenarios.flatMap((s) => s.parties.map((p) => ({ ...p, quantity: s.settings[0]?.value })));
    const table = rows(ws);
    expect(table).toHaveLength(expected.length);
    table.forEach((row, n) => {
      const want = expected[n]!;
      expect(row.Kommune!.value).toBe(want.id);
      money(row['Å betale']!, want.charged);
      money(row.Endring!, want.delta);
      if (want.quantity) expect(row['items.soc.price.quantity']!.value).toBe(Number(want.quantity));
    });
  });

  it('scenario: a swept percentage is a share in a percent format (40 % is 0.4), as the agreement means it', async () => {
    const wb = await workbook(['scenario', 'fixtures/melhus-midtre-gauldal', '--sweep', 'keys.halv-halv.blend.0.weight=40%..60%:10%']);
    const weights = rows(wb.getWorksheet('Scenarioer')!).map((r) => r['keys.halv-halv.blend.0.weight']!);
    const set = weights.filter((c) => c.value !== null);
    expect(set.map((c) => c.value)).toEqual([0.4, 0.4, 0.5, 0.5, 0.6, 0.6]);
    for (const c of set) expect(c.numFmt).toBe('0.00##%');
  });

  it('scenario --years: a row per year and party, the year a number', async () => {
    const args = ['scenario', 'fixtures/melhus-midtre-gauldal-2009-2012', '--years', '2009..2011'];
    const wb = await workbook(args);
    const ws = wb.getWorksheet('Framskriving')!;
    wellFormed(ws);
    const j = await json<{ years: { year: number; parties: { id: string; charged: string; alone: string }[] }[] }>(args);
    everyAmountIn(wb, j);
    const expected = j.years.flatMap((y) => y.parties.map((p) => ({ year: y.year, ...p })));
    const table = rows(ws);
    expect(table).toHaveLength(expected.length);
    table.forEach((row, n) => {
      expect(row.År!.value).toBe(expected[n]!.year);
      money(row.Samarbeid!, expected[n]!.charged);
      money(row.Alene!, expected[n]!.alone);
    });
  });

  it('writes a file with --out, and refuses to write the bytes to a terminal', async () => {
    const out = path.join(tempDir('xlsx'), 'fordeling.xlsx');
    const run = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'xlsx', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const tty = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'xlsx'], {
      stdout: { write: () => undefined, writeText: async () => undefined, isTTY: true },
    });
    usageError(tty, 'xlsx er et binærformat og skrives ikke til terminalen');
  });
});
