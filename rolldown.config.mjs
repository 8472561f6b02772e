// The CLI in a few files, split by what a run needs (start-up is most of
// what `samkost check` or `--help` takes, and each file Node loads costs).
// CommonJS, which Node starts without its ES module loader, each chunk
// compiled from the V8 code cache scripts/code-cache.mjs makes for it
// (bin/chunks.js):
//
// - samkost.cjs: the entry — commander, every command's definition and help
//   text, the command-line words. `--help` and a command-line mistake load
//   nothing else.
// - check.cjs: what every command of an agreement runs — reading and
//   validating it and its inputs, computing, `check`'s report, the speaker.
// - yaml.cjs: the yaml library, for YAML the short reader leaves to it and
//   for scenarios; most agreements are read without it.
// - commands.cjs: what the other commands add — their renderers (tables,
//   CSV, workbooks, HTML, EHF), scenarios, sweeps, `init` and `schema`.
// - xml.cjs: the workbook and SAF-T readers, loaded for such a ledger only.
// - colour.cjs: chalk, loaded for a terminal only (src/cli/style.ts).
//
// Each command's action is a dynamic import() in src/cli (command-spec.ts,
// `later`), a require() in the bundle; tests/startup.test.ts checks that
// the files stay apart. The sweep worker is a second build, one ES module
// of its own, so the CLI's chunks share nothing with it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'rolldown';

/** The modules (by their path under dist/) each chunk after the entry starts from, in the order they are loaded. */
const CHUNKS = [
  ['check', ['cli/check-action.js', 'cli/command-context.js']],
  // The yaml library, for a text the short reader gives back (src/agreement/yaml-short.ts), a scenario, a huge file's count.
  ['yaml', ['agreement/yaml-library.js', 'cli/yaml-values.js']],
  ['commands', ['cli/report-actions.js', 'cli/invoices-action.js', 'cli/scenario-action.js', 'cli/init.js', 'agreement/schema.js']],
  ['xml', ['inputs/xlsx.js', 'inputs/saft.js', 'inputs/saft-ledger.js']],
  ['colour', ['cli/colour.js']],
];

const ENTRY = 'cli/bin.js';

/**
 * The chunk of each module: none (the entry) for what the entry imports,
 * directly or not; else the first chunk of CHUNKS whose modules import it.
 */
function chunkOf() {
  let chunks = null;
  return (id, ctx) => {
    chunks ??= layers(ctx);
    return chunks.get(id) ?? null;
  };
}

function layers(ctx) {
  const all = reachable(ctx, (info) => [...info.importedIds, ...info.dynamicallyImportedIds]);
  const named = (paths) => all.filter((m) => paths.some((p) => m.endsWith(`/dist/${p}`)));
  const chunks = new Map();
  for (const m of reachable(ctx, (info) => info.importedIds, named([ENTRY]))) chunks.set(m, null);
  for (const [name, roots] of CHUNKS) for (const m of reachable(ctx, (info) => info.importedIds, named(roots))) if (!chunks.has(m)) chunks.set(m, name);
  return chunks;
}

/** The modules reachable from `roots` (all of the build's, when none are given) along `next`. */
function reachable(ctx, next, roots = entryIds) {
  const seen = new Set();
  const todo = [...roots];
  while (todo.length) {
    const m = todo.pop();
    if (seen.has(m)) continue;
    seen.add(m);
    const info = ctx.getModuleInfo(m);
    if (info) todo.push(...next(info));
  }
  return [...seen];
}

/** The entry's module id, as the build resolved it. */
const entryIds = [];
const entryId = {
  name: 'entry-id',
  buildEnd() {
    entryIds.push(...[...this.getModuleIds()].filter((m) => m.endsWith(`/dist/${ENTRY}`)));
  },
};

/**
 * Commander requires node:child_process when it loads, for subcommands that
 * are executables of their own (samkost has none): Node's child_process, net
 * and dgram cost a tenth of a bare `node -e 0` at every start. Here it is
 * required when a subcommand is spawned, which never happens; the build
 * fails if commander no longer reads as expected.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    const eager = "const childProcess = require('node:child_process');";
    if (!code.includes(eager)) throw new Error(`commander's command.js no longer has: ${eager}`);
    return code.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
  },
};

/**
 * chalk's supports-color looks at the terminal (node:tty, node:os) as it
 * loads, at every start; samkost always tells chalk its level itself
 * (src/cli/style.ts), so the build gives chalk the variant of
 * supports-color that looks at nothing (chalk's own "default" of
 * `#supports-color`, which in Node says level 0). The build fails if chalk
 * no longer names it so.
 */
const chalkWithoutTerminal = {
  name: 'chalk-without-terminal',
  resolveId(source, importer) {
    if (source !== '#supports-color' || !importer || !/[\\/]chalk[\\/]source[\\/]/.test(importer)) return null;
    const file = path.join(path.dirname(importer), 'vendor', 'supports-color', 'browser.js');
    if (!existsSync(file)) throw new Error(`chalk no longer has ${file}`);
    return file;
  },
};

export default defineConfig([
  {
    input: { samkost: `dist/${ENTRY}` },
    platform: 'node',
    // The entry exports nothing: the chunks may import from it.
    preserveEntrySignatures: 'allow-extension',
    plugins: [entryId, lazyChildProcess, chalkWithoutTerminal],
    output: {
      dir: 'dist/bundle',
      // What an earlier build split otherwise is left behind (the worker's build, after this one, keeps what this one wrote).
      cleanDir: true,
      format: 'cjs',
      // A dynamic import() of Node's own modules (node:crypto, node:os, loaded when first used) as a require(): the chunks
      // are compiled by bin/chunks.js through vm.Script, which has no loader for import() (tests/bin.test.ts).
      dynamicImportInCjs: false,
      // ASCII only (æ, ø, å, — written as \u escapes): Node then makes one-byte strings of the chunks, quicker to read and compile.
      charset: 'ascii',
      entryFileNames: '[name].cjs',
      chunkFileNames: '[name].cjs',
      minify: true,
      // A chunk holds its own modules only: what it imports from the entry or an earlier chunk stays there.
      codeSplitting: { groups: [{ name: chunkOf(), debugName: 'chunks' }], includeDependenciesRecursively: false },
    },
  },
  {
    input: { 'sweep-worker': 'dist/cli/sweep-worker.js' },
    platform: 'node',
    output: { dir: 'dist/bundle', format: 'esm', entryFileNames: '[name].js', minify: true, codeSplitting: false },
  },
]);
