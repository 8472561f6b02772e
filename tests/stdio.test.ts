import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samkost } from './cli.js';

/** `-` as a file: the agreement or one input file from standard input, `--out -` to standard output. */
const stdinOf = (file: string) => ({ stdin: async () => new Uint8Array(readFileSync(path.join(ROOT, file))) });

describe('standard input and output as files', () => {
  it('reads the agreement from standard input (paths it names are relative to where samkost runs)', async () => {
    const fromFile = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json']);
    const fromStdin = await samkost(['allocate', '-', '--format', 'json'], stdinOf('fixtures/ror-ikt-2023-overrun/agreement.yaml'));
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(JSON.parse(fromStdin.stdout).items).toEqual(JSON.parse(fromFile.stdout).items);
  });
  it('names standard input <stdin> in its errors, with the excerpt', async () => {
    const run = await samkost(['check', '-'], stdinOf('tests/errors/key-shares-sum/agreement.yaml'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^<stdin>:\d+:\d+: feil: andelene i nøkkelen/);
    expect(run.stderr).toMatch(/\n\d+ \| /);
  });
  it('reads an input file from standard input: --actuals -', async () => {
    const fixture = 'fixtures/ror-ikt-2023-operating';
    const fromFile = await samkost(['allocate', fixture, '--format', 'json']);
    const fromStdin = await samkost(['allocate', fixture, '--actuals', '-', '--format', 'json'], stdinOf(`${fixture}/regnskap.csv`));
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(JSON.parse(fromStdin.stdout).total).toBe(JSON.parse(fromFile.stdout).total);
  });
  it('reads standard input once: two files from it is a command-line error', async () => {
    const run = await samkost(['allocate', '-', '--actuals', '-'], stdinOf('fixtures/ror-ikt-2023-operating/agreement.yaml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bare én fil kan leses fra standard inn (-)');
  });
  it('--out - writes to standard output', async () => {
    const run = await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'csv', '--out', '-']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe((await samkost(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'csv'])).stdout);
  });
});
