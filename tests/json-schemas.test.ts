import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv/dist/ajv.js';
import { describe, expect, it } from 'vitest';
import { JSON_FORMATS, type JsonFormat } from '../src/render/json-head.js';
import { ROOT, samkost } from './cli.js';
import { tempDir } from './temp.js';

/**
 * The output contract: every JSON output has a JSON Schema in docs/schemas
 * (strict: a field the schema does not name is an error), and every JSON
 * golden and every command's JSON output is valid against the schema its
 * "format" names. A field renamed without its schema fails here.
 */
const dir = path.join(ROOT, 'docs/schemas');
// Strict, except that a oneOf branch may require properties its parent defines (a scenario has figures or says why not).
const ajv = new Ajv.default({ allErrors: true, strict: true, strictRequired: false });
for (const f of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) ajv.addSchema(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as object);

function problems(json: unknown): string[] {
  const format = (json as { format?: string }).format ?? '';
  const name = /^samkost\.([a-z]+)\/\d+$/.exec(format)?.[1];
  const validate = name ? ajv.getSchema(`${name}.schema.json`) : undefined;
  if (!validate) return [`no schema for format '${format}'`];
  return validate(json)
    ? []
    : (validate.errors ?? []).map(
        (e: { instancePath: string; message?: string; params: object }) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
      );
}

const goldens = readdirSync(path.join(ROOT, 'fixtures'))
  .flatMap((fixture) =>
    readdirSync(path.join(ROOT, 'fixtures', fixture, 'expected'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join('fixtures', fixture, 'expected', f)),
  )
  .sort();

describe('JSON Schemas (docs/schemas)', () => {
  it('there is one for every JSON format, naming its current version', () => {
    for (const [format, version] of Object.entries(JSON_FORMATS)) {
      const schema = JSON.parse(readFileSync(path.join(dir, `${format}.schema.json`), 'utf8')) as { properties: { format: { const: string } } };
      expect(schema.properties.format.const).toBe(`samkost.${format}/${version}`);
    }
  });

  for (const file of goldens) {
    it(`${file} is valid against its schema`, () => {
      expect(problems(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
    });
  }

  it('every format is exercised by a golden or a run below', () => {
    const seen = new Set(goldens.map((f) => (JSON.parse(readFileSync(path.join(ROOT, f), 'utf8')) as { format: string }).format.split(/[./]/)[1]));
    for (const f of ['check', 'schedule', 'diagnostics'] as const) seen.add(f);
    expect([...seen].sort()).toEqual(Object.keys(JSON_FORMATS).sort() as JsonFormat[]);
  });

  it('check --format json is valid: clean agreements with their summaries, and every error case', async () => {
    const fixtures = readdirSync(path.join(ROOT, 'fixtures')).map((f) => path.join('fixtures', f));
    const clean = await samkost(['check', ...fixtures, '--format', 'json']);
    expect(problems(JSON.parse(clean.stdout))).toEqual([]);
    const cases = readdirSync(path.join(ROOT, 'tests/errors')).map((c) => path.join('tests/errors', c));
    const broken = await samkost(['check', ...cases, '--format', 'json', '--locale', 'en']);
    expect(broken.code).toBe(1);
    expect(problems(JSON.parse(broken.stdout))).toEqual([]);
  });

  it('settle --schedule and a --keep-going sweep with infeasible points are valid', async () => {
    const schedule = await samkost(['settle', 'fixtures/harstad-ibestad-settlement', '--schedule', '--format', 'json']);
    expect(problems(JSON.parse(schedule.stdout))).toEqual([]);
    const sweep = await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=495..505', '--keep-going', '--format', 'json']);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(sweep.stdout).toContain('"infeasible"');
    expect(problems(JSON.parse(sweep.stdout))).toEqual([]);
  });

  it('every command asked for --format json that fails writes samkost.diagnostics/1 on stdout, nothing on stderr, exit code as without JSON', async () => {
    const broken = 'tests/errors/key-shares-sum';
    const checked = JSON.parse((await samkost(['check', broken, '--format', 'json'])).stdout) as { diagnostics: unknown[] };
    const out = tempDir('json-fail');
    for (const args of [
      ['allocate', broken],
      ['settle', broken],
      ['deviation', broken],
      ['explain', broken, '--party', 'a'],
      ['scenario', broken, '--set', 'parties.a.population=1'],
      ['invoices', broken, '--out', out, '--date', '2025-01-10'],
    ]) {
      const run = await samkost([...args, '--format', 'json']);
      const text = await samkost(args);
      expect(run.code, args.join(' ')).toBe(text.code);
      expect(run.stderr, args.join(' ')).toBe('');
      const json = JSON.parse(run.stdout) as { format: string; diagnostics: { code: string | null; message: string }[] };
      expect(problems(json)).toEqual([]);
      expect(json.format).toBe('samkost.diagnostics/1');
      // The agreement's own diagnostic as check reports it, field for field; then why nothing was computed.
      expect(json.diagnostics[0]).toEqual(checked.diagnostics[0]);
      expect(json.diagnostics.at(-1)).toMatchObject({ file: null, line: null, col: null, code: null, severity: 'error' });
      expect(text.stderr).toContain(json.diagnostics.at(-1)!.message);
    }
    expect(readdirSync(out)).toEqual([]);
    // A command line commander refuses (exit 2), a mistake the command finds (exit 2) and an agreement it cannot read (exit 1), in English.
    for (const [args, code, message] of [
      [['allocate', 'fixtures/ror-ikt-2023-overrun', '--bogus'], 2, "unknown option '--bogus'"],
      [['settle', 'fixtures/ror-ikt-2023-overrun', '--out', ''], 2, '--out names no file'],
      [['allocate', 'fixtures/no-such-agreement'], 1, "cannot read 'fixtures/no-such-agreement': no such file or directory"],
    ] as const) {
      const run = await samkost([...args, '--locale', 'en', '-f', 'json']);
      expect(run.code, args.join(' ')).toBe(code);
      expect(run.stderr).toBe('');
      const json = JSON.parse(run.stdout) as { diagnostics: { message: string; hint: string | null }[] };
      expect(problems(json)).toEqual([]);
      expect(json.diagnostics).toEqual([{ file: null, line: null, col: null, severity: 'error', code: null, message, hint: expect.any(String) }]);
    }
    // check --format json keeps its own document.
    expect(JSON.parse((await samkost(['check', broken, '--format', 'json'])).stdout).format).toBe('samkost.check/1');
  });

  it('a renamed, retyped or unknown field fails (the schemas can fail)', () => {
    const settle = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/harstad-ibestad-settlement/expected/settle.json'), 'utf8')) as Record<string, unknown>;
    const { parties_total, ...renamed } = settle;
    expect(problems({ ...renamed, settlement_totals: parties_total })).not.toEqual([]);
    const parties = settle.parties as { charged: string; kinds: { operating: { carried_forward: unknown } } }[];
    expect(problems({ ...settle, parties: [{ ...parties[0], charged: 959850 }] })).not.toEqual([]);
    expect(
      problems({
        ...settle,
        parties: [{ ...parties[0], kinds: { ...parties[0]!.kinds, operating: { ...parties[0]!.kinds.operating, carried_forward: false } } }],
      }),
    ).not.toEqual([]);
    expect(problems({ ...settle, format: 'samkost.settlement/1' })).not.toEqual([]);
  });
});
