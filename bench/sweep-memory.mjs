// Peak memory of a long sweep written as JSON and as CSV: the whole process
// (worker threads included), measured as bench/measure.mjs measures every
// program, at 10 000 and 200 000 points (and 1 000 000, the documented
// maximum, with --big), each as a ratio to the 10 000-point run. A sweep is
// written a scenario at a time, so the ratio stays near 1 however long the
// sweep; the last line runs the longest sweep again with V8's old space
// capped at 64 MB, to show that what memory it takes beyond that is the
// garbage collector's leisure, not data held.
//
//   node bench/sweep-memory.mjs [--big] [--threads N]
import { spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const big = process.argv.includes('--big');
const t = process.argv.indexOf('--threads');
const threads = t > 0 ? ['--threads', process.argv[t + 1]] : [];
const points = big ? [10_000, 200_000, 1_000_000] : [10_000, 200_000];

function peakMb(n, format, node = []) {
  const args = [
    ...node,
    path.join(root, 'bench/measure.mjs'),
    path.join(root, 'bin/samkost.js'),
    'scenario',
    path.join(root, 'fixtures/melhus-midtre-gauldal'),
  ];
  args.push('--sweep', `parties.melhus.population=1..${n}`, '--format', format, '--quiet', ...threads);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'], maxBuffer: 1 << 26 });
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`sweep of ${n} to ${format} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(m[1]).maxRssKb / 1024;
}

console.log(`node ${process.version}, sweep of parties.melhus.population over the melhus-midtre-gauldal fixture, peak RSS`);
for (const format of ['json', 'csv']) {
  const base = peakMb(points[0], format);
  const rest = points.slice(1).map((n) => ({ n, mb: peakMb(n, format) }));
  const shown = [`${points[0]}: ${base.toFixed(0)} MB`, ...rest.map((r) => `${r.n}: ${r.mb.toFixed(0)} MB (${(r.mb / base).toFixed(2)}×)`)];
  console.log(`${format.padEnd(4)} ${shown.join(', ')}`);
}
const last = points.at(-1);
console.log(`json ${last} points with --max-old-space-size=64: ${peakMb(last, 'json', ['--max-old-space-size=64']).toFixed(0)} MB, completed`);
