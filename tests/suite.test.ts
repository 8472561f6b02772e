import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';
import { removeTempDirs, tempDir } from './temp.js';

/** The suite itself: it leaves nothing behind (tests/temp.ts, tests/global-setup.ts). */
describe('the suite cleans up after itself', () => {
  it('runs in a temporary folder of its own, which the global teardown requires empty and removes', () => {
    expect(path.basename(tmpdir())).toMatch(/^samkost-suite-/);
  });

  it('every test makes its temporary directories with tempDir(), which removes them', () => {
    // validate-ehf.mjs is a script of its own (npm run validate:ehf), not a test: it removes its folder on exit.
    const helpers = new Set(['temp.ts', 'global-setup.ts', 'validate-ehf.mjs']);
    const tests = readdirSync(path.join(ROOT, 'tests')).filter((f) => /\.(ts|mjs)$/.test(f) && !helpers.has(f));
    const direct = tests.filter((f) => /\bmkdtemp(Sync)?\(|\btmpdir\(\)/.test(readFileSync(path.join(ROOT, 'tests', f), 'utf8').replace(/^.*\/\/.*$/gm, '')));
    // bin.test.ts only looks into the temporary folder, for a sweep's spool file left behind by a closed pipe.
    expect(direct).toEqual(['bin.test.ts', 'suite.test.ts']);
  });

  it('removeTempDirs removes what tempDir made, and fails on an output temporary file left in it', () => {
    const clean = tempDir('clean');
    writeFileSync(path.join(clean, 'report.json'), '{}');
    removeTempDirs();
    expect(existsSync(clean)).toBe(false);
    const dirty = tempDir('dirty');
    writeFileSync(path.join(dirty, '.report.json.0123456789ab.tmp'), 'half');
    expect(() => removeTempDirs()).toThrow('an output left its temporary files behind: .report.json.0123456789ab.tmp');
    expect(existsSync(dirty)).toBe(false);
  });
});
