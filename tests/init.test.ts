import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { TEMPLATES } from '../src/cli/templates.js';
import { samkost, usageError } from './cli.js';

const tmp = () => path.join(tempDir('init'), 'avtale');

describe('samkost init', () => {
  for (const type of TEMPLATES) {
    it(`${type}: a starting agreement with Norwegian comments and example CSVs that check --strict passes`, async () => {
      const dir = tmp();
      const run = await samkost(['init', type, dir]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`neste steg: samkost check ${dir}`);
      const yaml = readFileSync(path.join(dir, 'agreement.yaml'), 'utf8');
      expect(yaml).toMatch(/^# Startavtale: /);
      for (const csv of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
        // Norwegian Excel's CSV: a byte-order mark and semicolons.
        const text = readFileSync(path.join(dir, csv), 'utf8');
        expect(text.startsWith('\ufeff'), csv).toBe(true);
        expect(text.split('\n')[0], csv).toContain(';');
      }
      const check = await samkost(['check', dir, '--strict']);
      expect(check.code, check.stderr).toBe(0);
    });
  }
  it('never overwrites: a second init writes nothing and says why', async () => {
    const dir = tmp();
    await samkost(['init', 'trinnpris', dir]);
    writeFileSync(path.join(dir, 'agreement.yaml'), 'mine');
    const run = await samkost(['init', 'trinnpris', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('init skriver aldri over');
    expect(readFileSync(path.join(dir, 'agreement.yaml'), 'utf8')).toBe('mine');
  });
  it('an unknown kind is a command-line error with a suggestion', async () => {
    usageError(await samkost(['init', 'vertskommun', tmp()]), "ingen startavtale 'vertskommun'");
  });
});
