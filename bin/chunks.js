// Loads the CLI's chunks (dist/bundle/*.cjs, rolldown.config.mjs) as
// Node's require() would, but compiled with the V8 code cache the build
// made beside each (CHUNK.cjs.cache, scripts/code-cache.mjs): V8 then
// starts from the bytecode of the functions a run uses instead of parsing
// and compiling them again, a good part of the start-up of every command.
//
// A cache is a copy of the chunk's bytes followed by V8's data, and is used
// only for those exact bytes; V8 itself refuses data from another version
// or other flags. Without a cache, or with one refused, the chunk is
// compiled from its source as usual: the same code runs either way.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { Script } = require('node:vm');

/**
 * The loader of the chunks in `dir`: `load(name)` runs the chunk (once) and
 * returns its exports; a chunk's require('./other.cjs') comes back here.
 * `compiled` sees each script as compiled, with its source (the cache maker).
 */
function chunks(dir, compiled) {
  const loaded = new Map();
  const load = (name) => {
    const had = loaded.get(name);
    if (had) return had.exports;
    const file = path.resolve(dir, name);
    const source = readFileSync(file);
    // Node's own wrapper of a CommonJS module (node:module's wrap(), which costs a module to load).
    const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString('utf8')}\n});`;
    const script = new Script(wrapped, { filename: file, cachedData: cacheFor(file, source) });
    compiled?.(file, script, source);
    const module = { exports: {} };
    loaded.set(name, module);
    // Besides each other, the chunks require only Node's own modules (tests/packaging.test.ts).
    const chunkRequire = (id) => (id.startsWith('./') ? load(id.slice(2)) : require(id));
    script.runInThisContext().call(module.exports, module.exports, chunkRequire, module, file, dir);
    return module.exports;
  };
  return load;
}

/** The V8 data of `file`'s cache, when the cache was made from exactly `source`. */
function cacheFor(file, source) {
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  return cache.length > source.length && source.equals(cache.subarray(0, source.length)) ? cache.subarray(source.length) : undefined;
}

module.exports = { chunks };
