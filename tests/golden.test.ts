import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samkost } from './cli.js';

/**
 * Every directory under fixtures/ is run through the CLI and compared with
 * the files in its expected/ folder. A file's name says how it was made:
 * `<command>[.<locale>].<ext>`, where the extension picks the format (txt:
 * table, json, csv, md). `UPDATE_GOLDEN=1` rewrites them — then read the diff:
 * published figures are also pinned independently in published.test.ts.
 */
const FORMATS: Record<string, string> = { txt: 'table', json: 'json', csv: 'csv', md: 'md' };
const STANDARD = ['allocate.txt', 'allocate.en.txt', 'allocate.json', 'allocate.csv', 'allocate.md', 'check.txt'];
const update = process.env.UPDATE_GOLDEN === '1';
const fixturesDir = path.join(ROOT, 'fixtures');
const fixtures = readdirSync(fixturesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function argsFor(fixture: string, file: string): string[] {
  const parts = file.split('.');
  const ext = parts.pop()!;
  const [command, locale = 'nb'] = parts;
  if (!command || !FORMATS[ext]) throw new Error(`cannot tell how to produce expected/${file}`);
  return [command, path.join('fixtures', fixture), '--format', FORMATS[ext]!, ...(command === 'check' ? [] : ['--locale', locale]), '--no-color'];
}

describe('golden outputs', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(9));
  for (const fixture of fixtures) {
    const dir = path.join(fixturesDir, fixture, 'expected');
    if (update) mkdirSync(dir, { recursive: true });
    const files = update ? [...new Set([...STANDARD, ...(existsSync(dir) ? readdirSync(dir) : [])])] : existsSync(dir) ? readdirSync(dir) : [];
    it(`${fixture} has expected outputs`, () => expect(files).toEqual(expect.arrayContaining(STANDARD)));
    for (const file of files) {
      it(`${fixture}: ${file}`, () => {
        const run = samkost(argsFor(fixture, file));
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const expectedFile = path.join(dir, file);
        if (update) writeFileSync(expectedFile, run.stdout);
        expect(run.stdout).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
  }
});
