import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { agreementSchema } from '../src/agreement/schema.js';
import { ROOT, samkost } from './cli.js';

/** The published JSON Schema accepts every fixture and is the one `samkost schema` prints. */
describe('JSON Schema', () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(agreementSchema());
  const fixtures = readdirSync(path.join(ROOT, 'fixtures'));
  for (const f of fixtures) {
    it(`accepts fixtures/${f}`, () => {
      const doc = parse(readFileSync(path.join(ROOT, 'fixtures', f, 'agreement.yaml'), 'utf8'));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    });
  }
  it('rejects a misspelt field, as check does', () => {
    const doc = parse(readFileSync(path.join(ROOT, 'tests/errors/unknown-field-item/agreement.yaml'), 'utf8'));
    expect(validate(doc)).toBe(false);
  });
  it('docs/agreement.schema.json is what samkost schema prints', async () => {
    const run = await samkost(['schema']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(ROOT, 'docs/agreement.schema.json'), 'utf8'));
  });
});
