import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { ROOT, samkost, usageError } from './cli.js';

describe('--out', () => {
  const dir = tempDir('out');

  it('writes the output to a file, the same as stdout', async () => {
    const file = path.join(dir, 'a.json');
    const run = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json', '--out', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe((await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json'])).stdout);
  });

  it('never overwrites without --force, and leaves the file as it was', async () => {
    const file = path.join(dir, 'b.csv');
    writeFileSync(file, 'precious');
    const run = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'csv', '--out', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('finnes allerede');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    const forced = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'csv', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('888861,03');
  });

  it('refuses an empty --out (an unset shell variable) instead of writing to standard output', async () => {
    const run = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json', '--out', '']);
    usageError(run, '--out nevner ingen fil');
  });

  it('writes nothing when the input is wrong, and leaves no temporary file', async () => {
    const file = path.join(dir, 'c.json');
    const run = await samkost(['allocate', 'tests/errors/key-shares-sum', '--format', 'json', '--out', file]);
    expect(run.code).toBe(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('c.json') || f.startsWith('.c.json'))).toEqual([]);
  });
});

describe('invoices --out DIR', () => {
  const fixture = 'fixtures/ror-ikt-2023-investment';

  it('writes one file per invoiced party (not the host), and nothing else', async () => {
    const dir = path.join(tempDir('inv'), 'new');
    const run = await samkost(['invoices', fixture, '--out', dir, '--date', '2024-01-10']);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'faktura-2023-aukra.html',
      'faktura-2023-hustadvika.html',
      'faktura-2023-rauma.html',
      'faktura-2023-vestnes.html',
    ]);
  });

  it('writes none of them when one exists, unless --force', async () => {
    const dir = tempDir('inv');
    writeFileSync(path.join(dir, 'faktura-2023-rauma.html'), 'precious');
    const run = await samkost(['invoices', fixture, '--out', dir, '--date', '2024-01-10']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('finnes allerede');
    expect(readdirSync(dir)).toEqual(['faktura-2023-rauma.html']);
    expect(readFileSync(path.join(dir, 'faktura-2023-rauma.html'), 'utf8')).toBe('precious');
    expect((await samkost(['invoices', fixture, '--out', dir, '--date', '2024-01-10', '--force'])).code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(4);
    expect(readFileSync(path.join(dir, 'faktura-2023-rauma.html'), 'utf8')).toContain('1 197 532,12');
  });

  it('is a command-line error without --out or with a bad --date', async () => {
    usageError(await samkost(['invoices', fixture]), 'invoices trenger --out MAPPE');
    const dir = path.join(tempDir('inv'), 'x');
    const bad = await samkost(['invoices', fixture, '--out', dir, '--date', '2024-02-30']);
    usageError(bad, "--date '2024-02-30' er ikke en dato");
  });

  it('takes --date as Norwegians write it: 10.01.2024 gives the invoices of 2024-01-10, byte for byte', async () => {
    const root = tempDir('inv');
    const [iso, nb] = [path.join(root, 'iso'), path.join(root, 'nb')];
    expect((await samkost(['invoices', fixture, '--out', iso, '--date', '2024-01-10'])).code).toBe(0);
    expect((await samkost(['invoices', fixture, '--out', nb, '--date', '10.01.2024'])).code).toBe(0);
    const files = readdirSync(iso).sort();
    expect(readdirSync(nb).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(nb, f), 'utf8')).toBe(readFileSync(path.join(iso, f), 'utf8'));
    expect(readFileSync(path.join(nb, files[0]!), 'utf8')).toContain('10.01.2024');
    usageError(await samkost(['invoices', fixture, '--out', path.join(root, 'x'), '--date', '30.02.2024']), "--date '30.02.2024' er ikke en dato");
  });
});

describe('settle --schedule', () => {
  it('says so when the agreement has no a-konto schedule', async () => {
    const run = await samkost(['settle', 'fixtures/ror-ikt-2023-investment', '--schedule']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('avtalen har ingen a-kontoplan');
  });
});

describe('CSV output is safe to open in a spreadsheet', () => {
  const dir = tempDir('inject');
  writeFileSync(
    path.join(dir, 'agreement.yaml'),
    [
      'samkost: 1',
      'agreement: Test',
      'year: 2024',
      'host: a',
      'parties:',
      '  a: { name: "=HYPERLINK(\\"http://evil\\")", population: 1000 }',
      '  b: { name: B kommune, population: 3000 }',
      'keys:',
      '  k: { shares: { a: 40%, b: 60% } }',
      'items:',
      '  - { id: x, label: "+cmd|\' /C calc\'!A0", actuals: { category: ["=1+2", "@SUM(1)"] }, key: k }',
      'budget: { "=1+2": 10, "@SUM(1)": 20 }',
      'inputs: { actuals: actuals.csv }',
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'actuals.csv'), 'category;amount\n=1+2;-1 000,50\n@SUM(1);5\n');
  const cells = (csv: string, delimiter: string) =>
    csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .flatMap((l) => l.split(delimiter));

  for (const [command, locale] of [
    ['allocate', 'nb'],
    ['allocate', 'en'],
    ['deviation', 'nb'],
    ['settle', 'en'],
  ] as const) {
    it(`${command} --locale ${locale}: text cells that a spreadsheet would run are prefixed with ', numbers are not`, async () => {
      const run = await samkost([command, dir, '--format', 'csv', '--locale', locale]);
      expect(run.code, run.stderr).toBe(0);
      const all = cells(run.stdout, locale === 'nb' ? ';' : ',');
      const dangerous = all.filter((c) => /^"?[=+@\t\r]/.test(c) || /^"?-[^\d]/.test(c));
      expect(dangerous).toEqual([]);
      expect(all.some((c) => /^"?'[=+@]/.test(c))).toBe(true);
      // Negative amounts stay numbers.
      expect(all.some((c) => /^-\d/.test(c))).toBe(true);
    });
  }

  it('--locale nb writes what Norwegian Excel opens: BOM, semicolons, decimal comma', async () => {
    const out = (await samkost(['allocate', dir, '--format', 'csv', '--locale', 'nb'])).stdout;
    expect(out.startsWith('\ufeff')).toBe(true);
    expect(out.split('\r\n')[0]).toContain(';');
    expect(out).toMatch(/;-398,20\r\n/);
  });
});

describe('two runs, a directory in the way, an interrupt (issue 12)', () => {
  it('of two runs creating the same new file at once, one writes it and the other exits 1 and writes nothing', async () => {
    const dir = tempDir('race');
    const file = path.join(dir, 'same.json');
    const runs = await Promise.all(Array.from({ length: 4 }, () => samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json', '--out', file])));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1, 1, 1]);
    for (const r of runs.filter((r) => r.code === 1)) expect(r.stderr).toContain('finnes allerede');
    expect(readdirSync(dir)).toEqual(['same.json']);
  });

  it('invoices --force writes none of the files when one target is a directory', async () => {
    const dir = tempDir('inv');
    mkdirSync(path.join(dir, 'faktura-2023-rauma.html'));
    const run = await samkost(['invoices', 'fixtures/ror-ikt-2023-investment', '--out', dir, '--date', '2024-01-10', '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('er ikke en fil som kan erstattes');
    expect(readdirSync(dir)).toEqual(['faktura-2023-rauma.html']);
  });

  it('SIGTERM while an output is being written removes its temporary files, then ends as the signal says', async () => {
    const dir = tempDir('sig');
    const tmp = path.join(dir, '.out.json.0123.tmp');
    // The real process io, as bin/ builds it, with a temporary file registered the way writeOutputs does.
    const script = `import { writeFileSync } from 'node:fs';
      const { processIo } = await import(${JSON.stringify(path.join(ROOT, 'dist/cli/io.js'))});
      const io = processIo();
      writeFileSync(${JSON.stringify(tmp)}, 'half an output');
      io.temps.add(${JSON.stringify(tmp)});
      process.kill(process.pid, 'SIGTERM');
      setTimeout(() => process.exit(0), 5000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    const signal = await new Promise<string | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual([]);
  });
});
