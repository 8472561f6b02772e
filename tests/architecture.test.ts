import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/diagnostics/codes.js';
import { ROOT } from './cli.js';

/**
 * The pure core (everything but src/cli) reads no files, clock or terminal,
 * and never imports the CLI: it may import only its own modules and the
 * libraries that compute or format.
 */
// node:zlib deflates the parts of an xlsx: a computation, like the others, with no I/O.
// saxes parses the XML of an xlsx and a SAF-T file as it streams in: a computation too.
// node:buffer's isUtf8 tells whether bytes are UTF-8 (the byte ledger reader): a computation too.
const CORE_ALLOWED = new Set(['yaml', 'csv-parse/sync', 'csv-stringify/sync', 'node:zlib', 'saxes', 'node:buffer']);

/**
 * What each folder may import besides itself. The base (text, money, dates,
 * diagnostics, norway, memo) is shared by all; the read stage (inputs,
 * agreement) yields the data that reports carry; validate checks what the
 * agreement and the command line say before anything is computed, and
 * yields the validated types compute takes; compute produces reports;
 * scenario and commands drive validate and compute; render reads reports
 * only. cli may import anything.
 */
const BASE = ['text', 'money', 'dates', 'diagnostics', 'norway'];
const READ = [...BASE, 'memo', 'inputs', 'agreement'];
const LAYERS: Record<string, readonly string[]> = {
  text: [],
  money: [],
  dates: ['text'],
  norway: [],
  diagnostics: ['text'],
  memo: ['diagnostics', 'text'],
  inputs: BASE,
  agreement: [...BASE, 'memo', 'inputs'],
  reports: READ,
  validate: [...READ, 'reports'],
  compute: [...READ, 'reports', 'validate'],
  scenario: [...READ, 'reports', 'validate', 'compute'],
  commands: [...READ, 'reports', 'validate', 'compute', 'scenario'],
  render: [...BASE, 'inputs', 'agreement', 'reports'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
}

/** Every module specifier, including multi-line imports, re-exports and dynamic imports. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)'([^']+)'/g)].map((m) => m[1]!);
}

describe('architecture', () => {
  it('sees multi-line imports too', () => {
    const items = readFileSync(path.join(ROOT, 'src/agreement/items.ts'), 'utf8');
    expect(items).toMatch(/^import \{\n/m);
    expect(importsOf(items)).toContain('./model.js');
  });
  const core = files(path.join(ROOT, 'src')).filter((f) => !f.includes(`${path.sep}cli${path.sep}`));
  it('finds the core', () => expect(core.length).toBeGreaterThan(20));
  for (const file of core) {
    const rel = path.relative(ROOT, file);
    it(`${rel} stays pure`, () => {
      const text = readFileSync(file, 'utf8');
      const imports = importsOf(text);
      for (const spec of imports) {
        if (spec.startsWith('.')) expect(path.resolve(path.dirname(file), spec)).not.toContain(`${path.sep}src${path.sep}cli${path.sep}`);
        else expect(CORE_ALLOWED.has(spec), `${rel} imports ${spec}`).toBe(true);
      }
      expect(text).not.toMatch(/\bprocess\.|Date\.now|new Date\(\)|console\./);
    });
  }
  it('every folder imports only the stages before it: read → validate → compute → reports → render, the CLI on top', () => {
    const arrows: string[] = [];
    for (const file of files(path.join(ROOT, 'src'))) {
      const from = path.relative(path.join(ROOT, 'src'), file).split(path.sep)[0]!;
      if (from === 'cli') continue;
      for (const spec of importsOf(readFileSync(file, 'utf8')).filter((s) => s.startsWith('.'))) {
        const to = path.relative(path.join(ROOT, 'src'), path.resolve(path.dirname(file), spec)).split(path.sep)[0]!;
        if (to !== from && !LAYERS[from]?.includes(to)) arrows.push(`${path.relative(ROOT, file)} → ${to}/`);
      }
    }
    expect(arrows).toEqual([]);
  });
  it('knows every folder of src/', () => {
    const folders = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.filter((d) => d !== 'cli' && !(d in LAYERS))).toEqual([]);
  });
  it('sees a wrong arrow', () => {
    // render may not reach back into compute: the report object is all a renderer gets.
    expect(LAYERS.render).not.toContain('compute');
    expect(LAYERS.reports).not.toContain('compute');
    expect(LAYERS.validate).not.toContain('compute');
  });
  it('the core returns its problems: it throws only on a broken invariant (internal:), never for a user mistake', () => {
    for (const file of core.filter((f) => /[/\\](validate|compute|commands|agreement|scenario)[/\\]/.test(f))) {
      const throws = [...readFileSync(file, 'utf8').matchAll(/throw new (\w+)\(\s*(.{0,12})/g)].filter((m) => !m[2]!.includes('internal:'));
      expect(
        throws.map((m) => m[0]),
        path.relative(ROOT, file),
      ).toEqual([]);
    }
  });
  it('the CLI reaches the process only through cli/io.ts (and the entry point cli/bin.ts), so run() can be given another', () => {
    const cli = files(path.join(ROOT, 'src/cli')).filter((f) => !f.endsWith(`${path.sep}io.ts`) && !f.endsWith(`${path.sep}bin.ts`));
    for (const file of cli) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bprocess\.|new Date\(\)|console\./);
  });
  // No amount passes through a float: tests/no-float.test.ts.
});

/**
 * What compute may report: only what it finds in the data — the ledger
 * (coverage), the drivers, budget and payments files, last year's balances, and limits that cannot
 * all hold. A rule that reads the agreement (and the command line) alone
 * belongs to validate/. (A driver's quantity above the last price step is
 * found by compute too, through the one rule in validate/prices.ts, and a
 * driver's values summing to zero through the one message in validate/keys.ts.)
 */
const DATA_CODES = [
  'actuals-none',
  'actuals-overlap',
  'actuals-unselected',
  'brought-forward-party',
  'brought-forward-invalid',
  'brought-forward-vat',
  'budget-duplicate',
  'budget-missing',
  'driver-duplicate',
  'driver-missing',
  'ignore-overlap',
  'ignore-party',
  'ledger-empty',
  'limit-infeasible',
  'payment-date',
  'payment-duplicate',
  'payment-kind',
  'payment-party',
  'payments-empty',
  'selector-none',
  'unknown-party',
];

describe('validation is a stage', () => {
  it('compute raises only the data codes', () => {
    const raised = new Set<string>();
    for (const file of files(path.join(ROOT, 'src/compute'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([a-z0-9]+(?:-[a-z0-9]+)+)'/g)) if ((ERROR_CODES as readonly string[]).includes(m[1]!)) raised.add(m[1]!);
    }
    expect([...raised].sort()).toEqual([...DATA_CODES].sort());
  });
  it('commands/ raises no diagnostic: it composes the stages that do', () => {
    const raised = files(path.join(ROOT, 'src/commands')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/'([a-z0-9]+(?:-[a-z0-9]+)+)'/g)]
        .map((m) => m[1]!)
        .filter((c) => (ERROR_CODES as readonly string[]).includes(c))
        .map((c) => `${path.relative(ROOT, file)}: ${c}`),
    );
    expect(raised).toEqual([]);
  });
  it('validate/ raises the invoice, price and projection rules', () => {
    const text = files(path.join(ROOT, 'src/validate'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const code of [
      'invoice-org',
      'invoice-address',
      'invoice-bank-account',
      'invoice-number',
      'invoice-reference',
      'invoice-due-date',
      'invoice-terms',
      'invoice-number-clash',
      'price-above-last-step',
      'index-year-missing',
      'population-missing',
      'key-zero-total',
    ])
      expect(text).toContain(`'${code}'`);
  });
});
