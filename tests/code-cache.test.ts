import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';
import { tempDir } from './temp.js';

/** The bytes bin/chunks.js compares a cache's copy of its chunk at a time. */
const { PIECE } = createRequire(import.meta.url)('../bin/chunks.js') as { PIECE: number };

/**
 * Loads `name` from `dir` in a process of its own (V8 keeps what it compiled
 * for the life of a process, and would not look at a cache again): the
 * chunk's exports, and whether V8 took the cache it was given (null: none was).
 */
function load(dir: string, name: string): { exports: unknown; rejected: boolean | null } {
  const script = `let rejected = null;
    const exports = require(${JSON.stringify(path.join(ROOT, 'bin/chunks.js'))}).chunks(${JSON.stringify(dir)}, (f, s) => (rejected = s.cachedDataRejected ?? null))(${JSON.stringify(name)});
    process.stdout.write(JSON.stringify({ exports, rejected }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { exports: unknown; rejected: boolean | null };
}

/**
 * A cache of `file` as the build writes one: the chunk's bytes, then V8's
 * data for it. Made in a process of its own, as the build does: V8 keys its
 * data to the flags of the process that made it, and a test run in this
 * worker before may have changed them (`scenario` sets one).
 */
function makeCache(file: string): Buffer {
  const script = `const made = [];
    require(${JSON.stringify(path.join(ROOT, 'bin/chunks.js'))}).chunks(${JSON.stringify(path.dirname(file))}, (f, s, source) => made.push(Buffer.concat([source, s.createCachedData()])))(${JSON.stringify(path.basename(file))});
    process.stdout.write(made[0].toString('base64'));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return Buffer.from(r.stdout, 'base64');
}

describe('the code cache', () => {
  it('is used for the exact bytes it was made from, and for no other chunk, however alike', () => {
    const dir = tempDir('cache');
    const chunk = path.join(dir, 'a.cjs');
    writeFileSync(chunk, 'module.exports = 1 + 1;');
    const cache = makeCache(chunk);
    writeFileSync(`${chunk}.cache`, cache);
    expect(load(dir, 'a.cjs')).toEqual({ exports: 2, rejected: false });
    // Another chunk of the same length: V8 would check no more than its length, so the loader checks the bytes.
    const other = path.join(dir, 'b.cjs');
    writeFileSync(other, 'module.exports = 1 + 2;');
    writeFileSync(`${other}.cache`, cache);
    expect(load(dir, 'b.cjs')).toEqual({ exports: 3, rejected: null });
  });

  it('is compared piece by piece over a chunk longer than a piece: a byte changed in the last piece, or past the copy, refuses it', () => {
    const dir = tempDir('cache');
    const text = (c: string) => `module.exports = '${'x'.repeat(2 * PIECE + 100)}${c}'.length;`;
    const chunk = path.join(dir, 'a.cjs');
    writeFileSync(chunk, text('y'));
    const cache = makeCache(chunk);
    writeFileSync(`${chunk}.cache`, cache);
    expect(load(dir, 'a.cjs')).toEqual({ exports: 2 * PIECE + 101, rejected: false });
    const other = path.join(dir, 'b.cjs');
    writeFileSync(other, text('z'));
    writeFileSync(`${other}.cache`, cache);
    expect(load(dir, 'b.cjs')).toEqual({ exports: 2 * PIECE + 101, rejected: null });
    // A cache no longer than its copy of the chunk has no V8 data: none is given.
    writeFileSync(`${chunk}.cache`, cache.subarray(0, readFileSync(chunk).length));
    expect(load(dir, 'a.cjs')).toEqual({ exports: 2 * PIECE + 101, rejected: null });
  });

  it('refused by V8 (another Node, other flags, damaged) or missing, the chunk is compiled from its source', () => {
    const dir = tempDir('cache');
    const chunk = path.join(dir, 'a.cjs');
    writeFileSync(chunk, 'module.exports = [1, 2].map((n) => n * 2);');
    const cache = makeCache(chunk);
    const source = readFileSync(chunk).length;
    const damaged = Buffer.from(cache);
    // V8's header after the chunk's bytes: its magic number, then the hash of the V8 version.
    damaged[source + 4] = damaged[source + 4]! ^ 0xff;
    writeFileSync(`${chunk}.cache`, damaged);
    expect(load(dir, 'a.cjs')).toEqual({ exports: [2, 4], rejected: true });
    writeFileSync(`${chunk}.cache`, cache.subarray(0, cache.length - 8));
    expect(load(dir, 'a.cjs')).toEqual({ exports: [2, 4], rejected: true });
    rmSync(`${chunk}.cache`);
    expect(load(dir, 'a.cjs')).toEqual({ exports: [2, 4], rejected: null });
  });

  it('the build made one for each chunk a run starts with, and V8 takes it', () => {
    const bundle = path.join(ROOT, 'dist/bundle');
    // yaml.cjs is loaded with commands.cjs (allocate's run makes its cache); colour.cjs only for a terminal, which the build's runs are not.
    expect(readdirSync(bundle).filter((f) => f.endsWith('.cache'))).toEqual(['check.cjs.cache', 'commands.cjs.cache', 'samkost.cjs.cache', 'yaml.cjs.cache']);
    const taken = spawnSync(
      process.execPath,
      [
        '-e',
        `process.argv = [process.argv[0], 'samkost', '--help'];
         require('./bin/chunks.js').chunks('dist/bundle', (f, s) => process.on('exit', () => process.stderr.write(s.cachedDataRejected + '\\n')))('samkost.cjs');`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(taken.stderr).toBe('false\n');
  });

  it('changes no output: with the caches, without them, and with caches V8 refuses', { timeout: 180_000 }, () => {
    const runs = [
      '--help',
      'check --help',
      'check fixtures/ror-ikt-2023-overrun',
      'check fixtures/ror-ikt-2023-overrun --locale en --format json',
      'allocate fixtures/ror-ikt-2023-overrun',
      'check nowhere',
    ];
    const copy = (name: string, cache: (file: string, bytes: Buffer) => Buffer | null) => {
      const root = path.join(tempDir('cache'), name);
      for (const f of ['bin', 'dist/bundle', 'package.json']) cpSync(path.join(ROOT, f), path.join(root, f), { recursive: true });
      for (const f of readdirSync(path.join(root, 'dist/bundle')).filter((f) => f.endsWith('.cache'))) {
        const file = path.join(root, 'dist/bundle', f);
        const bytes = cache(file, readFileSync(file));
        if (bytes) writeFileSync(file, bytes);
        else rmSync(file);
      }
      return root;
    };
    const refused = (file: string, bytes: Buffer) => {
      const at = readFileSync(file.slice(0, -'.cache'.length)).length + 4;
      const b = Buffer.from(bytes);
      b[at] = b[at]! ^ 0xff;
      return b;
    };
    const outputs = (root: string) =>
      runs.map((args) => {
        const r = spawnSync(process.execPath, [path.join(root, 'bin/samkost.js'), ...args.split(' ')], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        });
        return { args, code: r.status, stdout: r.stdout, stderr: r.stderr };
      });
    const cached = outputs(ROOT);
    expect(cached[2]!.stdout).toMatch(/: ok — /);
    expect(outputs(copy('none', () => null))).toEqual(cached);
    expect(outputs(copy('refused', refused))).toEqual(cached);
  });
});
