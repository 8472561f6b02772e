import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/**
 * A fresh directory under the temporary folder for one test file, removed
 * when that file's tests end (tests/setup.ts). The one way a test makes a
 * temporary directory, so none is left behind (tests/global-setup.ts checks).
 */
export function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `samkost-${name}-`));
  made.push(dir);
  return dir;
}

/**
 * Removes every directory {@link tempDir} made in this file. An output's
 * temporary file (`.NAME.HEX.tmp`, src/cli/output.ts) still in one is a
 * product bug, not the test's litter: it fails the file instead of being
 * swept away with the rest.
 */
export function removeTempDirs(): void {
  const lingering = made
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /(^|\/)\.[^/]+\.[0-9a-f]{12}\.tmp$/.test(f)));
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (lingering.length) throw new Error(`an output left its temporary files behind: ${lingering.join(', ')}`);
}
