import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samkost } from './cli.js';

describe('--out', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'samkost-out-'));

  it('writes the output to a file, the same as stdout', () => {
    const file = path.join(dir, 'a.json');
    const run = samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json', '--out', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json']).stdout);
  });

  it('never overwrites without --force, and leaves the file as it was', () => {
    const file = path.join(dir, 'b.csv');
    writeFileSync(file, 'precious');
    const run = samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'csv', '--out', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    const forced = samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'csv', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('888861,03');
  });

  it('writes nothing when the input is wrong, and leaves no temporary file', () => {
    const file = path.join(dir, 'c.json');
    const run = samkost(['allocate', 'tests/errors/key-shares-sum', '--format', 'json', '--out', file]);
    expect(run.code).toBe(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('c.json') || f.startsWith('.c.json'))).toEqual([]);
  });
});
