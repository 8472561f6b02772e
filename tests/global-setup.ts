import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the build reads, and what the tests that run the build (bin/, worker threads, dist/cli/io.js) use of its output. */
const SOURCES = ['src', 'tsconfig.json', 'rolldown.config.mjs', 'scripts/code-cache.mjs', 'bin', 'package.json'];
const BUILT = ['dist/bundle/samkost.cjs', 'dist/bundle/samkost.cjs.cache', 'dist/bundle/sweep-worker.js', 'dist/cli/io.js'];

function newest(file: string): number {
  const s = statSync(file);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(file).map((f) => newest(path.join(file, f))));
}

/** The build is older than a source (or missing): `npx vitest run` after editing src/ must not test the old bundle. */
export function stale(): boolean {
  const built = BUILT.map((f) => path.join(ROOT, f));
  if (!built.every(existsSync)) return true;
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((f) => newest(path.join(ROOT, f)) > oldest);
}

/**
 * Once per run: builds dist/ when it is stale, and gives the run a temporary
 * folder of its own (TMPDIR, inherited by the test workers and every process
 * they start). At the end that folder must be empty — a test or the product
 * that left a file in it fails the run — and is removed, so a run leaves
 * nothing in /tmp, whatever else runs on the machine at the same time.
 */
export default function setup(): () => void {
  if (stale()) {
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run build failed before the tests:\n${r.stdout}${r.stderr}`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'samkost-suite-'));
  process.env.TMPDIR = root;
  return () => {
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true });
    if (!left.length) return;
    // An error thrown here is printed, yet vitest exits 0: the exit code says it too.
    process.exitCode = 1;
    throw new Error(`the tests left ${left.length} file(s) in the temporary folder: ${left.join(', ')}`);
  };
}
