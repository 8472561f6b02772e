import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { docToMarkdown, docToText } from '../src/render/doc-text.js';
import { ROOT, samkost, usageError } from './cli.js';

/**
 * Inputs that once hung the tool, crashed it or gave a silent wrong number
 * (issue 12): each gets a clear answer, fast. A hang here fails by the test's
 * timeout.
 */
const tmp = () => tempDir('hostile');

describe('files that are not agreements are refused before they are read', () => {
  it('a device (check /dev/zero) is not read', { timeout: 5000 }, async () => {
    const run = await samkost(['check', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("/dev/zero:1:1: feil: kan ikke lese avtalen '/dev/zero': ikke en vanlig fil [agreement-missing]");
  });
  it('a FIFO is not opened', { timeout: 5000 }, async () => {
    const fifo = path.join(tmp(), 'agreement.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = await samkost(['check', fifo]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ikke en vanlig fil');
  });
  it('a directory whose agreement.yaml links to /dev/urandom', { timeout: 5000 }, async () => {
    const dir = tmp();
    symlinkSync('/dev/urandom', path.join(dir, 'agreement.yaml'));
    const run = await samkost(['allocate', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ikke en vanlig fil');
  });
  it('--scenarios /dev/zero', { timeout: 5000 }, async () => {
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--scenarios', '/dev/zero']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("kan ikke lese scenariofilen '/dev/zero': ikke en vanlig fil");
  });
  it('an agreement file larger than any agreement (a wrong file) is refused unread', { timeout: 5000 }, async () => {
    const file = path.join(tmp(), 'agreement.yaml');
    writeFileSync(file, 'samkost: 1\n');
    truncateSync(file, 64 * 1024 * 1024);
    const run = await samkost(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('er 64 MB; samkost leser høyst 16 MB');
  });
  it('an unreadable agreement says why', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'empty'));
    const run = await samkost(['check', path.join(dir, 'empty')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kan ikke lese avtalen '${path.join(dir, 'empty', 'agreement.yaml')}': filen eller mappen finnes ikke`);
    expect(run.stderr).toContain('tips: en mappe gitt på kommandolinjen må inneholde agreement.yaml');
    const missing = await samkost(['check', path.join(dir, 'nothing.yaml')]);
    expect(missing.stderr).toContain(`kan ikke lese '${path.join(dir, 'nothing.yaml')}': filen eller mappen finnes ikke`);
  });
});

describe('exact steps finer than the øre', () => {
  const agreement = `samkost: 1
agreement: T
year: 2024
host: a
parties:
  a: { name: A, population: 7000 }
  b: { name: B, population: 3000 }
items:
  - { id: base, label: B, amount: 100.01, key: equal }
  - { id: adm, label: Adm, percent: 5%, of: [base], key: equal }
  - { id: mva, label: Mva, amount: 100.01, vat: included, key: equal }
`;
  it('explain shows 5 % of 100,01 as 5,0005 (then rounded to øre), with no stack trace, in every format', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'agreement.yaml'), agreement);
    const text = await samkost(['explain', dir, '--party', 'a']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('5 % × (100,01 − 0,00): 5,0005');
    expect(text.stdout).toContain('× 1/1,25: 80,008');
    expect((await samkost(['explain', dir, '--party', 'a', '--format', 'json'])).code).toBe(0);
    for (const format of ['table', 'csv', 'md', 'json']) expect((await samkost(['allocate', dir, '--format', format])).code).toBe(0);
  });
  it('a rounding that gives out more than the basis is called over-allocated, as a positive amount', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'agreement.yaml'), agreement);
    const run = await samkost(['allocate', dir]);
    expect(run.stdout).toContain('Overfordelt (avrunding)');
    expect(run.stdout).not.toMatch(/Ufordelt \(avrunding\)\s+-/);
    expect((await samkost(['explain', dir, '--party', 'a'])).stdout).toContain('overfordelt på posten (avrunding): 0,01');
  });
});

describe('long sweeps', () => {
  it('a table of more scenarios than anyone reads is refused, pointing to csv and json; the notes of a wide table need no deep stack', async () => {
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--sweep', 'parties.melhus.population=1..150000']);
    usageError(run, '150000 scenarioer er for mange til å lese side om side på en tabell');
    expect(run.stderr).toContain('--format csv');
    const md = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--sweep', 'parties.melhus.population=1..101', '--format', 'md']);
    usageError(md, '101 scenarioer er for mange');
  });
  it('a document with 150 000 notes renders (no spread of a huge array into a call)', () => {
    const notes = Array.from({ length: 150_000 }, (_, i) => `note ${i}`);
    const doc = { title: 'T', notes: [], blocks: [{ heading: 'H', notes, columns: [{ title: 'A', align: 'left' as const }], rows: [['x']], footer: [] }] };
    expect(docToText(doc).split('\n').length).toBeGreaterThan(150_000);
    expect(docToMarkdown(doc).split('\n').length).toBeGreaterThan(150_000);
  });
});

describe('messages that say what is wrong', () => {
  const head = 'samkost: 1\nagreement: T\nyear: 2024\nhost: a\n';
  const check = async (yaml: string) => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'agreement.yaml'), yaml);
    return samkost(['check', dir]);
  };
  it('CR-only line ends and UTF-16 without a byte-order mark are named', async () => {
    const cr = await check(head.replaceAll('\n', '\r'));
    expect(cr.stderr).toContain('avslutter linjene med bare CR');
    const dir = tmp();
    writeFileSync(path.join(dir, 'agreement.yaml'), Buffer.from(head, 'utf16le'));
    expect((await samkost(['check', dir])).stderr).toContain('ser ut som UTF-16 uten byte order mark');
  });
  it('share sums are shown exactly, never rounded to look right', async () => {
    const run = await check(
      `${head}parties:\n  a: { name: A, population: 1 }\n  b: { name: B, population: 1 }\nkeys:\n  k: { shares: { a: 33.333333333%, b: 66.666666666% } }\n  m: { shares: { a: 1/3, b: 1/3 } }\nitems:\n  - { id: y, label: Y, amount: 1, key: k }\n  - { id: x, label: X, amount: 1, key: m }\n`,
    );
    expect(run.stderr).toContain("andelene i nøkkelen 'k' summerer til 99,999999999 %, ikke 100 %");
    expect(run.stderr).toContain('andelene mangler 0,000000001 %');
    expect(run.stderr).toContain('66,666666666667… % (2/3)');
  });
  it('shares written as a list get the type error only, not a sum error too', async () => {
    const run = await check(
      `${head}parties:\n  a: { name: A, population: 1 }\nkeys:\n  j: { shares: [40%, 60%] }\nitems:\n  - { id: z, label: Z, amount: 1, key: j }\n`,
    );
    expect(run.stderr).toContain("feltet shares i nøkkelen 'j' må være en tilordning");
    expect(run.stderr).not.toContain('key-shares-sum');
  });
  it("'~:' names no party (it used to become a party called null)", async () => {
    const run = await check(
      `${head}parties:\n  ~: { name: A, population: 1 }\n  a: { name: B, population: 1 }\nitems:\n  - { id: y, label: Y, amount: 1, key: equal }\n`,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('en oppføring i feltet parties har ikke noe navn [bad-id]');
  });
  it('a megabyte-long token is cut short in the message', async () => {
    const run = await check(
      `${head}parties:\n  a: { name: A, population: ${'9'.repeat(1_000_000)}x }\nitems:\n  - { id: y, label: Y, amount: 1, key: equal }\n`,
    );
    expect(run.code).toBe(1);
    expect(run.stderr.length).toBeLessThan(20_000);
  });
});

describe('input files named on the command line or by absolute path', () => {
  it('a mistyped --actuals names the option, not line 1 of the agreement', async () => {
    const run = await samkost(['allocate', 'fixtures/ror-ikt-2023-operating', '--actuals', 'regnskapp.csv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "samkost: feil: --actuals 'regnskapp.csv': filen eller mappen finnes ikke\n  = tips: gi stien til en CSV-fil, relativt til der du kjører samkost\n",
    );
  });
  it('an absolute path under inputs: is read as written', async () => {
    const dir = tmp();
    const fixture = path.join(ROOT, 'fixtures/ror-ikt-2023-operating');
    const yaml = readFileSync(path.join(fixture, 'agreement.yaml'), 'utf8')
      .replace('file: regnskap.csv', `file: ${path.join(fixture, 'regnskap.csv')}`)
      .replace('file: budsjett.csv', `file: ${path.join(fixture, 'budsjett.csv')}`);
    writeFileSync(path.join(dir, 'agreement.yaml'), yaml);
    const here = await samkost(['allocate', dir, '--format', 'json']);
    expect(here.code, here.stderr).toBe(0);
    expect(JSON.parse(here.stdout).items).toEqual(JSON.parse((await samkost(['allocate', fixture, '--format', 'json'])).stdout).items);
  });
});

describe('a scenario file with nothing in it', () => {
  it('scenarios: [] is an error, not the baseline alone with exit 0', async () => {
    const file = path.join(tmp(), 'tomt.yaml');
    writeFileSync(file, 'scenarios: []\n');
    const run = await samkost(['scenario', 'fixtures/melhus-midtre-gauldal', '--scenarios', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('scenariofilen lister ingen scenarioer [missing-field]');
  });
});

describe('names are text in every format', () => {
  it('HTML in a party name or label is escaped in Markdown, not passed through', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'agreement.yaml'),
      'samkost: 1\nagreement: "T <b>fet</b>"\nyear: 2024\nhost: a\nparties:\n  a: { name: "<script>alert(1)</script>", population: 1 }\n  b: { name: "B & C", population: 1 }\nitems:\n  - { id: y, label: "<img src=x onerror=alert(1)>", amount: 1, key: equal }\n',
    );
    const md = (await samkost(['allocate', dir, '--format', 'md'])).stdout;
    expect(md).not.toMatch(/<script|<img|<b>/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('B &amp; C');
  });
});

describe('warnings: said, exit 0, and errors under check --strict', () => {
  it('a selector that matches no ledger row is a warning in text and JSON; the report is still written', async () => {
    const text = await samkost(['check', 'tests/errors/actuals-none']);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain("advarsel: posten 'lisens' velger ingen rad i regnskapet");
    expect(text.stderr).toContain('1 advarsel');
    const json = JSON.parse((await samkost(['check', 'tests/errors/actuals-none', '--format', 'json'])).stdout) as {
      ok: boolean;
      diagnostics: { severity: string; code: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'actuals-none' })]);
    const strict = JSON.parse((await samkost(['check', 'tests/errors/actuals-none', '--format', 'json', '--strict'])).stdout) as { ok: boolean };
    expect(strict.ok).toBe(false);
    const allocate = await samkost(['allocate', 'tests/errors/actuals-none', '--format', 'json']);
    expect(allocate.code).toBe(0);
    expect(JSON.parse(allocate.stdout)).toHaveProperty('items');
    expect(allocate.stderr).toContain('[actuals-none]');
  });
});
