import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { agreementSchema } from '../src/agreement/schema.js';
import { ROOT, samkost } from './cli.js';

/**
 * Norwegian throughout: what a user reads under --locale nb (the default)
 * holds no English. Every committed bokmål output of every fixture (tables,
 * Markdown, CSV, HTML pages and invoices) and every error case's messages are
 * read word by word against a list of English words that are not also
 * Norwegian. What is the user's own is left out first: the lines of their
 * files shown as excerpts, quoted values, file paths, the error codes in
 * brackets, every word of the fixture's own input files (names they chose)
 * and the format's field names (`amount:`, `key:`), which are what the user
 * types in either language. JSON and EHF XML are for programs and stay out.
 */
const ENGLISH = new Set(
  `the a an is are was were be been not must should would could will can cannot has have had no of and or into
  with from on this that these those than then when where which who what how why it its they their there here
  first each every any both either neither only also yet so but if because already before after more less most
  item items party parties key keys share shares amount amounts row rows total selected selects select given
  missing unknown invalid valid expected got nothing empty mapping line lines column columns write add remove
  check use see run read wrote written charged paid balance due carried forward operating investment actual
  actuals deviation allocation allocated unallocated settlement invoice invoices payment payments schedule
  instalment instalments ledger category categories population kind label reason ignored split equal shared
  exact rounded rounding remainder months month year years direct own quantity price unit step steps value
  values baseline scenario's scenarios saving together alone assumed change note error errors warning warnings
  hint did you mean fix give gives named name names agreement agreements file files none found`
    .split(/\s+/)
    .filter(Boolean),
);

/** The format's own words: every property name and every enumerated value in the agreement schema. */
function schemaWords(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) schemaWords(n, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) for (const w of name.split(/[_-]/)) out.add(w);
      if (k === 'enum' && Array.isArray(v)) for (const value of v) for (const w of String(value).split(/[_-]/)) out.add(w);
      schemaWords(v, out);
    }
  return out;
}
/** The format's words, the scenario file's fields and samkost's command names: what the user types in either language. */
const FORMAT = new Set([
  ...schemaWords(agreementSchema()),
  ...['scenarios', 'name', 'set'],
  ...['check', 'allocate', 'settle', 'deviation', 'explain', 'scenario', 'invoices', 'schema', 'completion', 'init', 'help'],
]);

/** Words as written, a hyphenated word (a-konto, IT-samarbeid) as one; names of environment variables (NO_COLOR) left out. */
const words = (text: string) =>
  text
    .replace(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, ' ')
    .toLowerCase()
    .match(/[a-zæøå'][a-zæøå'-]*/g) ?? [];

/** Every word of the files a case was made from: the user's own names and labels. */
function ownWords(dir: string): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isFile() && /\.(ya?ml|csv)$/.test(f)) for (const w of words(readFileSync(p, 'utf8'))) out.add(w);
  }
  return out;
}

/** What is left of an output once the user's own text and the machine's tokens are taken out. */
function prose(text: string, html: boolean): string {
  let t = text;
  if (html)
    t = t
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;/g, ' ');
  return t
    .split('\n')
    .filter((l) => !/^\s*\d*\s*\|/.test(l)) // excerpts of the user's files
    .join('\n')
    .replace(/\[[a-z0-9-]+\]/g, ' ') // error codes
    .replace(/'[^'\n]*'/g, ' ') // quoted values
    .replace(/(?:[\w.-]*\/)+[\w.-]+/g, ' ') // paths
    .replace(/--[a-z-]+/g, ' '); // options
}

function englishIn(text: string, own: ReadonlySet<string>, html = false): string[] {
  return [...new Set(words(prose(text, html)).filter((w) => ENGLISH.has(w) && !own.has(w) && !FORMAT.has(w)))];
}

const fixtures = readdirSync(path.join(ROOT, 'fixtures')).sort();

describe('Norwegian throughout (--locale nb)', () => {
  for (const fixture of fixtures) {
    const dir = path.join(ROOT, 'fixtures', fixture);
    const own = ownWords(dir);
    const expected = path.join(dir, 'expected');
    const files = readdirSync(expected, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(txt|md|csv|html)$/.test(f) && !/\.en\./.test(f))
      .sort();
    it(`${fixture}: ${files.length} outputs hold no English`, () => {
      const found = files.flatMap((f) => englishIn(readFileSync(path.join(expected, f), 'utf8'), own, f.endsWith('.html')).map((w) => `${f}: ${w}`));
      expect(found).toEqual([]);
    });
  }

  const cases = readdirSync(path.join(ROOT, 'tests/errors')).sort();
  it(`the ${cases.length} error cases speak bokmål`, () => {
    const found = cases.flatMap((c) => {
      const dir = path.join(ROOT, 'tests/errors', c);
      return englishIn(readFileSync(path.join(dir, 'expected.txt'), 'utf8'), ownWords(dir)).map((w) => `${c}: ${w}`);
    });
    expect(found).toEqual([]);
  });

  it('finds English where there is some (the check itself can fail)', () => {
    expect(englishIn("posten 'x' has no amount", new Set())).toEqual(['has', 'no']);
    expect(englishIn('Kommune;Metode\nmolde;direct\n', new Set())).toEqual(['direct']);
  });

  it('an explanation of ledger rows summed in groups is bokmål (a case no golden has)', async () => {
    const dir = tempDir('nb');
    const ledger = readFileSync(path.join(ROOT, 'fixtures/ror-ikt-2023-operating/regnskap.csv'), 'utf8').trimEnd().split('\n');
    // Each row twice: the explanation then lists groups of two rows.
    writeFileSync(path.join(dir, 'regnskap.csv'), [ledger[0], ...ledger.slice(1).flatMap((l) => [l, l])].join('\n'));
    const run = await samkost(['explain', 'fixtures/ror-ikt-2023-operating', '--party', 'molde', '--actuals', path.join(dir, 'regnskap.csv')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 rader, den første her');
    expect(englishIn(run.stdout, ownWords(path.join(ROOT, 'fixtures/ror-ikt-2023-operating')))).toEqual([]);
  });

  it('command-line errors and --help are bokmål too', async () => {
    const runs = [
      await samkost(['allocate']),
      await samkost(['allocate', 'fixtures/ror-ikt-2023-operating', '--format', 'pdf']),
      await samkost(['allocat']),
      await samkost(['--help']),
      await samkost(['scenario', '--help']),
    ];
    const found = runs.flatMap((r, i) => englishIn(r.stdout + r.stderr, new Set()).map((w) => `${i}: ${w}`));
    expect(found).toEqual([]);
  });
});
