import { describe, expect, it } from 'vitest';
import { samkost } from './cli.js';

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
        `::error file=${d.file},line=${d.line},col=${d.col},title=${d.code}::${d.message.replace(/%/g, '%25')}%0A= hint: ${d.hint.replace(/%/g, '%25')}`,
      );
    }
  });
  it('writes warnings as ::warning and an ok line for a clean agreement; exit 0', async () => {
    const warned = await samkost(['check', 'tests/errors/actuals-none', '--format', 'github']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(
      /^::warning file=tests\/errors\/actuals-none\/agreement\.yaml,line=14,col=45,title=actuals-none::item 'lisens' selects no ledger row/,
    );
    expect(warned.stdout).toMatch(/\ntests\/errors\/actuals-none\/agreement\.yaml: ok — /);
    const clean = await samkost(['check', 'fixtures/ror-ikt-2023-overrun', '--format', 'github']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^fixtures\/ror-ikt-2023-overrun\/agreement\.yaml: ok — [^\n]*\n$/);
  });
});
