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
const { closeSync, fstatSync, openSync, readSync } = require('node:fs');
const path = require('node:path');
const { Script } = require('node:vm');

/**
 * The loader of the chunks in `dir`: `load(name)` runs the chunk (once) and
 * returns its exports; a chunk's require('./other.cjs') comes back here.
 * `compiled` sees each script as compiled, with its source, and `compiling`
 * each file just before (the cache maker, scripts/code-cache.mjs).
 */
function chunks(dir, compiled, compiling) {
  const loaded = new Map();
  const load = (name) => {
    const had = loaded.get(name);
    if (had) return had.exports;
    const file = path.resolve(dir, name);
    const cache = openCache(file);
    let script;
    try {
      const { wrapped, source, room } = readWrapped(file, cache?.size ?? 0);
      // The maker keeps the chunk's bytes: the room they were read into may hold the cache's data next.
      const kept = compiled ? Buffer.from(source) : null;
      const cachedData = cache && cacheFor(cache, source, room);
      compiling?.(file);
      script = new Script(wrapped, { filename: file, cachedData });
      compiled?.(file, script, kept);
    } finally {
      if (cache) closeSync(cache.fd);
    }
    const module = { exports: {} };
    loaded.set(name, module);
    // Besides each other, the chunks require only Node's own modules (tests/packaging.test.ts).
    const chunkRequire = (id) => (id.startsWith('./') ? load(id.slice(2)) : require(id));
    script.runInThisContext().call(module.exports, module.exports, chunkRequire, module, file, dir);
    return module.exports;
  };
  return load;
}

// Node's own wrapper of a CommonJS module (node:module's wrap(), which costs a module to load).
const HEAD = Buffer.from('(function (exports, require, module, __filename, __dirname) { ');
const TAIL = Buffer.from('\n});');

/**
 * `file` in the wrapper, as one string, and its bytes: the file is read
 * into a buffer between the wrapper's two halves, so that no second copy of
 * the chunk is made (a string joined of three is copied whole again when
 * V8 compiles it). The buffer (`room`) is made large enough for the cache's
 * data too (`cacheSize` bytes with the chunk's copy), which is read into it
 * once the chunk is text: a start then touches one buffer's fresh pages,
 * not two.
 */
function readWrapped(file, cacheSize) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const room = Buffer.allocUnsafe(Math.max(HEAD.length + size + TAIL.length, cacheSize - size));
    const end = HEAD.length + size;
    let at = HEAD.length;
    while (at < end) {
      const got = readSync(fd, room, at, end - at, null);
      if (got === 0) break;
      at += got;
    }
    const bytes = room.subarray(0, at + TAIL.length);
    HEAD.copy(bytes, 0);
    TAIL.copy(bytes, at);
    return { wrapped: bytes.toString('utf8'), source: bytes.subarray(HEAD.length, at), room };
  } finally {
    closeSync(fd);
  }
}

/** `file`'s cache, open, with its size; none when there is no cache to read. */
function openCache(file) {
  let fd;
  try {
    fd = openSync(`${file}.cache`, 'r');
    return { fd, size: fstatSync(fd).size };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/**
 * The V8 data of `cache`, when the cache was made from exactly `source`,
 * read into `room` (the chunk's bytes are no longer needed there once they
 * are compared). The cache's copy of the chunk is read a piece at a time
 * into one small buffer and compared there: a start touches fewer fresh
 * pages of memory than with the whole file read.
 */
function cacheFor({ fd, size }, source, room) {
  try {
    if (size <= source.length) return undefined;
    const piece = Buffer.allocUnsafe(Math.min(PIECE, source.length));
    for (let at = 0; at < source.length; ) {
      const got = readSync(fd, piece, 0, Math.min(piece.length, source.length - at), at);
      if (got === 0 || !piece.subarray(0, got).equals(source.subarray(at, at + got))) return undefined;
      at += got;
    }
    const length = size - source.length;
    const data = room.length >= length ? room.subarray(0, length) : Buffer.allocUnsafe(length);
    for (let at = 0; at < data.length; ) {
      const got = readSync(fd, data, at, data.length - at, source.length + at);
      if (got === 0) return undefined;
      at += got;
    }
    return data;
  } catch {
    return undefined;
  }
}

/** The bytes of a cache's copy of its chunk compared at a time (exported for the tests, which cross it). */
const PIECE = 64 * 1024;

module.exports = { chunks, PIECE };
