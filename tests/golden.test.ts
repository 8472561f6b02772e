import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { fixtureFacts, ROOT, samkost } from './cli.js';

/**
 * Every directory under fixtures/ is run through the CLI and compared with
 * the files in its expected/ folder. A file's name says how it was made:
 * `<command>[.<variant>...].<ext>`, where the extension picks the format
 * (txt: table, json, csv, md) and a variant is a locale (`en`), a flag
 * (`thousands`, `schedule`) or `party-<id>` (for explain); `scenario.<name>`
 * takes its `--set` options from `scenarios/<name>.args`. `expected/invoices/` holds the invoices, one
 * file per party and format (EHF as `.xml`), made with the invoice date 10
 * January of the year after the agreement's; where the agreement has an
 * a-konto schedule, also the first instalment's invoices (`-akonto-1`, in
 * html, json and ehf), dated 15 January of the agreement's year. `UPDATE_GOLDEN=1` rewrites them — then read
 * the diff: published figures are also pinned independently in
 * published.test.ts.
 */
const FORMATS: Record<string, string> = { txt: 'table', json: 'json', csv: 'csv', md: 'md' };
const FLAGS: Record<string, string> = { thousands: '--thousands', schedule: '--schedule' };
const STANDARD = ['allocate.txt', 'allocate.en.txt', 'allocate.json', 'allocate.csv', 'allocate.md', 'check.txt'];
const update = process.env.UPDATE_GOLDEN === '1';
const fixturesDir = path.join(ROOT, 'fixtures');
const fixtures = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function argsFor(fixture: string, file: string): string[] {
  const parts = file.split('.');
  const ext = parts.pop()!;
  const [command, ...rest] = parts;
  // `scenario.<name>.…`: the scenario's arguments are in scenarios/<name>.args, one option per line.
  const scenario = command === 'scenario' ? rest.shift() : undefined;
  const variants = rest;
  const scenarioArgs = scenario
    ? readFileSync(path.join(fixturesDir, fixture, 'scenarios', `${scenario}.args`), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .flatMap((l) => {
          const space = l.indexOf(' ');
          return space < 0 ? [l] : [l.slice(0, space), l.slice(space + 1)];
        })
    : [];
  if (!command || !FORMATS[ext] || variants.some((v) => v !== 'en' && !FLAGS[v] && !v.startsWith('party-')))
    throw new Error(`cannot tell how to produce expected/${file}`);
  const locale = variants.includes('en') ? 'en' : 'nb';
  const flags = variants.flatMap((v) => (FLAGS[v] ? [FLAGS[v]!] : v.startsWith('party-') ? ['--party', v.slice('party-'.length)] : []));
  return [
    command,
    path.join('fixtures', fixture),
    '--format',
    FORMATS[ext]!,
    ...(command === 'check' ? [] : ['--locale', locale]),
    ...flags,
    ...scenarioArgs,
    '--no-color',
  ];
}

/** Invoice format → file extension: EHF is UBL XML. */
const INVOICE_FORMATS: Record<string, string> = { html: 'html', md: 'md', csv: 'csv', json: 'json', ehf: 'xml' };
/** A-konto invoices are pinned in these formats, dated 15 January of the agreement's year. */
const AKONTO_FORMATS = ['html', 'json', 'ehf'];

function invoiceDate(fixture: string): string {
  const year = /^year: (\d{4})$/m.exec(readFileSync(path.join(fixturesDir, fixture, 'agreement.yaml'), 'utf8'))![1]!;
  return `${Number(year) + 1}-01-10`;
}

describe('golden outputs', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(9));
  for (const fixture of fixtures) {
    const dir = path.join(fixturesDir, fixture, 'expected');
    if (update) mkdirSync(dir, { recursive: true });
    const listed = existsSync(dir) ? readdirSync(dir).filter((f) => statSync(path.join(dir, f)).isFile()) : [];
    const files = update ? [...new Set([...STANDARD, ...listed])] : listed;
    it(`${fixture} has expected outputs`, () => expect(files).toEqual(expect.arrayContaining(STANDARD)));
    for (const file of files) {
      it(`${fixture}: ${file}`, async () => {
        const run = await samkost(argsFor(fixture, file));
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const expectedFile = path.join(dir, file);
        if (update) writeFileSync(expectedFile, run.stdout);
        expect(run.stdout).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
    const invoicesDir = path.join(dir, 'invoices');
    if (!existsSync(invoicesDir)) continue;
    const hasSchedule = fixtureFacts(fixture).instalments > 0;
    const runs = [
      ...Object.keys(INVOICE_FORMATS).map((format) => ({ format, akonto: undefined as number | undefined })),
      ...(hasSchedule ? AKONTO_FORMATS.map((format) => ({ format, akonto: 1 })) : []),
    ];
    for (const { format, akonto } of runs) {
      const ext = INVOICE_FORMATS[format]!;
      // The invoice basis (fakturagrunnlag-*.csv) is written beside the EHF, by the ehf run only.
      const basis = (f: string) => f.startsWith('fakturagrunnlag-');
      const mine = (f: string) =>
        (basis(f) ? format === 'ehf' : f.endsWith(`.${ext}`)) && (akonto === undefined ? !f.includes('-akonto-') : f.includes(`-akonto-${akonto}.`));
      it(`${fixture}: invoices --format ${format}${akonto ? ` --akonto ${akonto}` : ''}`, async () => {
        const out = tempDir('invoices');
        const date = akonto ? `${Number(invoiceDate(fixture).slice(0, 4)) - 1}-01-15` : invoiceDate(fixture);
        const run = await samkost([
          'invoices',
          path.join('fixtures', fixture),
          '--out',
          out,
          '--format',
          format,
          '--date',
          date,
          ...(akonto ? ['--akonto', String(akonto)] : []),
        ]);
        expect(run.code).toBe(0);
        const made = readdirSync(out).sort();
        if (update) {
          for (const f of readdirSync(invoicesDir).filter(mine)) rmSync(path.join(invoicesDir, f));
          for (const f of made) writeFileSync(path.join(invoicesDir, f), readFileSync(path.join(out, f)));
        }
        expect(made).toEqual(readdirSync(invoicesDir).filter(mine).sort());
        for (const f of made) expect(readFileSync(path.join(out, f), 'utf8')).toBe(readFileSync(path.join(invoicesDir, f), 'utf8'));
      });
    }
  }
});
