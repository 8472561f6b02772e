// Makes the V8 code cache of each chunk of the CLI (bin/chunks.js reads
// it): the CLI is run on the templates as a user would, and after each run
// V8 writes out the bytecode of every function the run compiled, so the
// next start begins from it. Runs as part of `npm run build`. Each run is a
// process of its own and starts from the caches the runs before it wrote,
// so the last cache of a chunk holds what all of them used.
//
// The runs do without Sparkplug, V8's baseline compiler: a function it
// compiled is marked so in the cache, and V8 compiles such a function with
// Sparkplug again the first time it is called in every later run, whether
// that run uses it much or not (a fifth of what `check` on a small
// agreement added to Node's own start). V8 takes a cache only under the
// flags it was made with, so Sparkplug is back on as each chunk is compiled
// (from the cache of the runs before) and as the caches are written.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist/bundle');

if (process.argv[2] === '--run') {
  // One run of the CLI, as `samkost ARGS…`; at its end, the cache of every chunk it loaded.
  const made = [];
  process.argv = [process.argv[0], 'samkost', ...process.argv.slice(3)];
  const sparkplug = (on) => setFlagsFromString(on ? '--sparkplug' : '--no-sparkplug');
  process.on('exit', () => {
    sparkplug(true);
    for (const { file, script, source } of made) writeFileSync(`${file}.cache`, Buffer.concat([source, script.createCachedData()]));
  });
  const compiled = (file, script, source) => {
    if (script.cachedDataRejected) throw new Error(`code cache: V8 refused the cache of ${file} made by the run before`);
    made.push({ file, script, source });
    sparkplug(false);
  };
  createRequire(import.meta.url)('../bin/chunks.js').chunks(BUNDLE, compiled, () => sparkplug(true))('samkost.cjs');
} else {
  const templates = readdirSync(path.join(ROOT, 'templates')).map((t) => path.join('templates', t));
  for (const args of [['check', ...templates], ['allocate', templates[0]], ['--help']]) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--run', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`code cache: samkost ${args.join(' ')} ended with ${r.status}:\n${r.stderr}`);
  }
}
