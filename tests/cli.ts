import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { NODE_FS, type Io } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What a binary format (xlsx) wrote to standard output. */
  readonly bytes?: Buffer;
}

/**
 * Runs the CLI in-process, as a user at the repository root would, without
 * colours: the sources themselves, so no test reads a stale build.
 */
export async function samkost(args: readonly string[], io: Partial<Io> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const text = new TextDecoder();
  const code = await run(args, {
    stdout: {
      write: (t) => {
        if (typeof t === 'string') stdout += t;
        else bytes.push(t);
      },
      writeText: async (t) => {
        stdout += text.decode(t, { stream: true });
      },
      isTTY: false,
    },
    stderr: {
      write: (t) => {
        stderr += typeof t === 'string' ? t : new TextDecoder().decode(t);
      },
      isTTY: false,
    },
    env: { NO_COLOR: '1' },
    now: () => new Date(),
    fs: NODE_FS,
    stdin: async () => new Uint8Array(),
    temps: new Set(),
    ...io,
  });
  return { code, stdout, stderr, ...(bytes.length ? { bytes: Buffer.concat(bytes) } : {}) };
}

/**
 * Loads what the commands run: each command's action is loaded when it
 * first runs (src/cli/command-spec.ts, `later`). A test file whose tests
 * have a tight timeout loads them first, so the timeout is spent on the
 * run, not on compiling its modules.
 */
export async function loadActions(): Promise<void> {
  await Promise.all([
    import('../src/cli/command-context.js'),
    import('../src/cli/check-action.js'),
    import('../src/cli/report-actions.js'),
    import('../src/cli/scenario-action.js'),
  ]);
}

/**
 * A command-line error as the user sees it: exit 2, nothing on standard
 * output, and `samkost: feil: <message>` with a hint on standard error (in
 * bokmål, the default; `samkost: error:` and `= hint:` under --locale en).
 */
export function usageError(run: Run, message: string): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^samkost: (feil|error): /m);
  expect(run.stderr).toContain(`: ${message}`);
  expect(run.stderr).toMatch(/\n {2}= (tips|hint): \S/);
}

/**
 * Runs the built `bin/samkost.js` as a separate process: for the few smoke
 * tests of the real entry point. `preload`: a script Node runs first
 * (`--require`), such as tests/count-workers.cjs.
 */
export function samkostProcess(args: readonly string[], preload?: string): Run {
  const r = spawnSync(process.execPath, [...(preload ? ['--require', path.join(ROOT, preload)] : []), path.join(ROOT, 'bin/samkost.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fixture's agreement year and its number of a-konto instalments, read from its agreement.yaml as written. */
export function fixtureFacts(fixture: string): { readonly year: number; readonly instalments: number } {
  const text = readFileSync(path.join(ROOT, 'fixtures', fixture, 'agreement.yaml'), 'utf8');
  const block = /^ {2}akonto:\n((?: {4}- .*\n)+)/m.exec(text);
  return { year: Number(/^year: (\d{4})$/m.exec(text)![1]), instalments: block ? block[1]!.split('\n').filter((l) => l.trim()).length : 0 };
}
