import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { ERROR_CODES } from '../src/diagnostics/codes.js';
import { ROOT, type Run, samkost } from './cli.js';

/**
 * The catalogue of user mistakes: one broken agreement per directory. Its
 * first line, written by hand, says which errors must be reported and where
 * (`# expect: code@line:col, ...`); expected.txt pins the full message,
 * excerpt and hint as the user sees them. Most are found by `check`; a
 * second line `# run: invoices` names a command that finds what only it
 * needs (an invoice's org numbers; a scenario file's paths, with
 * `# run: scenario --scenarios ./scenarios.yaml`), run with --out into an
 * empty directory that must stay empty.
 */
const dir = path.join(ROOT, 'tests/errors');
const cases = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const update = process.env.UPDATE_GOLDEN === '1';

interface Found {
  readonly code: string;
  readonly line: number;
  readonly col: number;
}

/** A run made once, however many tests ask for it. */
const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= f());
};

/** Per case, what its run really reported: shared by the case's own test and the code tests below. */
const reported = new Map<string, () => Promise<{ readonly run: Run; readonly got: readonly Found[] }>>();

interface JsonDiagnostic {
  file: string;
  line: number;
  col: number;
  code: string;
  message: string;
  hint: string | null;
}

describe('error catalogue', () => {
  it('has at least 30 broken agreements', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  for (const name of cases) {
    const caseDir = path.join('tests/errors', name);
    const [header, second = ''] = readFileSync(path.join(ROOT, caseDir, 'agreement.yaml'), 'utf8').split('\n');
    // `# expect: usage` and `# usage: COMMAND ARGS`: a command-line mistake about a valid agreement — exit 2, one message, pinned in both languages.
    const usage = /^# usage: (.+)$/.exec(second)?.[1];
    if (header === '# expect: usage' && usage) {
      const [command, ...args] = usage.split(' ');
      for (const [locale, suffix] of [
        ['nb', ''],
        ['en', '.en'],
      ] as const) {
        it(`${name}: ${command} refuses the command line (exit 2), one message and its hint (${locale})`, async () => {
          const run = await samkost([command!, caseDir, ...args, '--locale', locale]);
          expect(run.code).toBe(2);
          expect(run.stdout).toBe('');
          const file = path.join(ROOT, caseDir, `expected${suffix}.txt`);
          if (update) writeFileSync(file, run.stderr);
          expect(run.stderr).toBe(readFileSync(file, 'utf8'));
        });
      }
      continue;
    }
    const expected = /^# expect: (.+)$/
      .exec(header!)![1]!
      .split(',')
      .map((s) => {
        const [code, pos] = s.trim().split('@') as [string, string];
        const [line, col] = pos.split(':').map(Number) as [number, number];
        return { code, line, col };
      });
    // `# run: COMMAND [ARGS]`: a command other than check; `./FILE` names a file beside the agreement.
    const [command, ...args] = (/^# run: (.+)$/.exec(second)?.[1] ?? '').split(' ').filter(Boolean);
    const argv = args.map((a) => (a.startsWith('./') ? path.join(caseDir, a.slice(2)) : a));
    // `# with: FILE`: another agreement checked first, in the same run (invoice numbers across agreements).
    const other = /^# with: (\S+)$/.exec(second)?.[1];
    const checked = other ? [path.join(caseDir, other), caseDir] : [caseDir];

    if (command) {
      const out = once(async () => path.join(tempDir('errors'), 'out'));
      reported.set(
        name,
        once(async () => {
          const run = await samkost([
            command,
            caseDir,
            ...argv,
            '--out',
            await out(),
            ...(command === 'invoices' ? ['--date', '2025-01-10'] : []),
            '--no-color',
          ]);
          const got = [...run.stderr.matchAll(/^\S+:(\d+):(\d+): feil: .* \[([a-z0-9-]+)\]$/gm)].map((m) => ({
            code: m[3]!,
            line: Number(m[1]),
            col: Number(m[2]),
          }));
          return { run, got };
        }),
      );
      it(`${name}: ${command} reports ${expected.map((e) => e.code).join(', ')} at the right place and writes nothing`, async () => {
        const { run, got } = await reported.get(name)!();
        expect(run.code).toBe(1);
        expect(got).toEqual(expected);
        expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
        expect(existsSync(await out()) ? readdirSync(await out()) : []).toEqual([]);
        const file = path.join(ROOT, caseDir, 'expected.txt');
        if (update) writeFileSync(file, run.stderr);
        expect(run.stderr).toBe(readFileSync(file, 'utf8'));
      });
      continue;
    }

    reported.set(
      name,
      once(async () => {
        const run = await samkost(['check', ...checked, '--format', 'json']);
        const json = JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] };
        return { run, got: json.diagnostics.map((d) => ({ code: d.code, line: d.line, col: d.col })) };
      }),
    );
    it(`${name}: reports ${expected.map((e) => e.code).join(', ')} at the right place`, async () => {
      const { run, got } = await reported.get(name)!();
      expect(run.code).toBe(1);
      const json = JSON.parse(run.stdout) as { ok: boolean; diagnostics: JsonDiagnostic[] };
      expect(json.ok).toBe(false);
      expect(got).toEqual(expect.arrayContaining(expected));
      expect(got).toHaveLength(expected.length);
      for (const d of json.diagnostics) {
        expect(d.message.length).toBeGreaterThan(0);
        expect(d.hint).toBeTruthy();
      }
    });

    // Pinned in both languages: bokmål (the default) in expected.txt, English in expected.en.txt.
    for (const [locale, word, suffix] of [
      ['nb', 'feil', ''],
      ['en', 'error', '.en'],
    ] as const) {
      it(`${name}: prints a compiler-style message (${locale}), no stack trace, nothing on stdout`, async () => {
        const run = await samkost(['check', ...checked, '--locale', locale]);
        expect(run.code).toBe(1);
        // Only an agreement without errors (the other one, if any) is reported ok.
        expect(run.stdout).toMatch(other ? /^(\S+: (ok|OK) — [^\n]*\n)*$/ : /^$/);
        expect(run.stderr).toMatch(new RegExp(`^\\S+:\\d+:\\d+: ${word}: `));
        expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
        const file = path.join(ROOT, caseDir, `expected${suffix}.txt`);
        if (update) writeFileSync(file, run.stderr);
        expect(run.stderr).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});

// Every listed code is really reported: by a run of a reproducer whose first line names it (not by the code
// string appearing somewhere in src/). That no other code is reported, the type ErrorCode sees to.
describe('error codes', () => {
  const naming = (code: string) =>
    cases.filter((c) =>
      [
        ...readFileSync(path.join(dir, c, 'agreement.yaml'), 'utf8')
          .split('\n')[0]!
          .matchAll(/([a-z0-9-]+)@/g),
      ].some((m) => m[1] === code),
    );
  const catalogue = readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');
  for (const code of ERROR_CODES) {
    it(`${code} is reported by a reproducer in tests/errors and explained in docs/errors.md`, async () => {
      const cases = naming(code);
      expect(cases, 'a reproducer whose # expect: line names it').not.toEqual([]);
      const got = await Promise.all(cases.map((c) => reported.get(c)!()));
      expect(got.flatMap((r) => r.got.map((g) => g.code))).toContain(code);
      expect(catalogue).toContain(`\`${code}\``);
    });
  }
});
