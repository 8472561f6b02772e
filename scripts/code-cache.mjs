// Makes the V8 code cache of each chunk of the CLI (bin/chunks.js reads
// it): the CLI is run on the templates as a user would, and after each run
// V8 writes out the bytecode of every function the run compiled, so the
// next start begins from it. Runs as part of `npm run build`. Each run is a
// process of its own and starts from the caches the runs before it wrote,
// so the last cache of a chunk holds what all of them used.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist/bundle');

if (process.argv[2] === '--run') {
  // One run of the CLI, as `samkost ARGS…`; at its end, the cache of every chunk it loaded.
  const made = [];
  process.argv = [process.argv[0], 'samkost', ...process.argv.slice(3)];
  process.on('exit', () => {
    for (const { file, script, source } of made) writeFileSync(`${file}.cache`, Buffer.concat([source, script.createCachedData()]));
  });
  createRequire(import.meta.url)('../bin/chunks.js').chunks(BUNDLE, (file, script, source) => made.push({ file, script, source }))('samkost.cjs');
} else {
  const templates = readdirSync(path.join(ROOT, 'templates')).map((t) => path.join('templates', t));
  for (const args of [['check', ...templates], ['allocate', templates[0]], ['--help']]) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--run', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`code cache: samkost ${args.join(' ')} ended with ${r.status}:\n${r.stderr}`);
  }
}
