import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

/**
 * What a run loads before it does anything is most of what `--help` and
 * `check` take (issue 24). The entry holds commander and every command's
 * definition and help; a command's action, and all it imports, is loaded
 * only when the command runs (src/cli/command-spec.ts, `later`), from the
 * bundle's chunks (rolldown.config.mjs). Checked on the modules as tsc
 * wrote them (dist/, type-only imports gone) and on the bundle's files.
 */
const DIST = path.join(ROOT, 'dist');

/** Every module a run of `from` loads before it starts: dist/ paths (`cli/run.js`), and packages by name. */
function loads(from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...from];
  while (todo.length) {
    const m = todo.pop()!;
    if (seen.has(m)) continue;
    seen.add(m);
    if (!m.endsWith('.js')) continue;
    const text = readFileSync(path.join(DIST, m), 'utf8');
    // Static imports and re-exports only: an import() is what is loaded later.
    for (const [, spec] of text.matchAll(/^(?:import|export)\s(?:[^;'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm)) {
      if (spec!.startsWith('.')) todo.push(path.posix.join(path.posix.dirname(m), spec!));
      else if (!spec!.startsWith('node:')) todo.push(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
    }
  }
  return seen;
}

/** What the entry must not hold: the core below the command line, and the CLI's own reading, speaking and actions. */
const NOT_AT_START =
  /^(agreement\/(?!one-of\.js)|commands\/|compute\/|dates\/|inputs\/|memo\/|money\/|render\/(?!formats\.js)|scenario\/|validate\/|cli\/(load|speaker|command-context|read-input|read-text|excerpts|output|init)\.js|cli\/.*-actions?\.js)/;

describe('start-up', () => {
  it('--help and a command-line mistake load commander and the definitions of the commands, nothing they run', () => {
    const start = loads(['cli/bin.js']);
    expect(start).toContain('cli/check.js');
    expect([...start].filter((m) => NOT_AT_START.test(m))).toEqual([]);
    expect([...start].filter((m) => !m.endsWith('.js'))).toEqual(['commander']);
  });

  it('check loads reading, validating and computing, not the other reports, the workbook and SAF-T readers or the sweeps', () => {
    const check = loads(['cli/check-action.js', 'cli/command-context.js']);
    expect(check).toContain('validate/agreement.js');
    // YAML as agreements are written is read by the short reader: the library, scenarios and the lexer come when needed.
    expect(check).toContain('agreement/yaml-short.js');
    expect([...check].filter((m) => /^(yaml|agreement\/yaml-library\.js|cli\/yaml-values\.js|scenario\/(run|set|file)\.js)$/.test(m))).toEqual([]);
    // Colour is loaded for a terminal only (src/cli/style.ts): a start writing to a pipe or a file builds no styles.
    expect(check).not.toContain('chalk');
    const others =
      /^(render\/(registry|xlsx|invoice-.*|.*-html|.*-sheets)\.js|inputs\/(xlsx|saft|zip-read)\.js|cli\/.*-actions?\.js|saxes|csv-stringify|exceljs)$/;
    expect([...check].filter((m) => m !== 'cli/check-action.js' && others.test(m))).toEqual([]);
  });

  it('the bundle: the entry needs no other file, and each chunk only those loaded before it', () => {
    const bundle = path.join(DIST, 'bundle');
    // A chunk's own require() runs as it loads; a require() inside `() => …` (an import() in the source) runs when a command needs it.
    const requires = (f: string) => {
      const text = readFileSync(path.join(bundle, f), 'utf8');
      const at = (re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => m[1]!))].sort();
      return { static: at(/(?<!=>\s*)\brequire\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g), later: at(/=>\s*require\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g) };
    };
    const chunks = ['check.cjs', 'colour.cjs', 'commands.cjs', 'samkost.cjs', 'xml.cjs', 'yaml.cjs'];
    expect(readdirSync(bundle).filter((f) => f.endsWith('.cjs'))).toEqual(chunks);
    expect(requires('samkost.cjs')).toEqual({ static: [], later: ['check.cjs', 'commands.cjs'] });
    expect(requires('check.cjs')).toEqual({ static: ['samkost.cjs'], later: ['colour.cjs', 'commands.cjs', 'xml.cjs', 'yaml.cjs'] });
    expect(requires('commands.cjs').static).toEqual(['check.cjs', 'samkost.cjs', 'yaml.cjs']);
    expect(requires('yaml.cjs').static).toEqual(['check.cjs', 'samkost.cjs']);
    // The sweep worker is an ES module of its own (worker threads start one file): it loads no chunk.
    expect(readFileSync(path.join(bundle, 'sweep-worker.js'), 'utf8')).not.toMatch(/["'`]\.\/[^"'`]+\.c?js["'`]/);
  });

  it('the chunks hold no import(): bin/chunks.js compiles them through vm.Script, which has no loader for it', () => {
    for (const f of readdirSync(path.join(DIST, 'bundle')).filter((f) => f.endsWith('.cjs')))
      expect(readFileSync(path.join(DIST, 'bundle', f), 'utf8'), f).not.toMatch(/\bimport\(/);
  });

  it('no run loads node:child_process, node:crypto or node:tty as it starts (commander, chalk did)', () => {
    for (const f of ['samkost.cjs', 'check.cjs']) {
      const text = readFileSync(path.join(DIST, 'bundle', f), 'utf8');
      // A require() made inside `() => …` runs when first needed (an import() in the source; rolldown may wrap it in its interop helper).
      const builtins = [...text.matchAll(/(?<!=>\s*(?:\/\*[^*]*\*\/\s*)?(?:[\w$]+\.[\w$]+\()?)\brequire\(\s*["'`](node:[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
      expect(
        builtins.filter((b) => /^node:(child_process|crypto|tty)$/.test(b)),
        f,
      ).toEqual([]);
    }
  });
});
