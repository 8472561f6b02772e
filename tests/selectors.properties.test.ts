import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAgreement } from '../src/agreement/read.js';
import { selectedColumns } from '../src/agreement/uses.js';
import { selection } from '../src/compute/select.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { actualsSink, type LedgerShape } from '../src/inputs/actuals.js';
import { readCsvText } from '../src/inputs/table.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

/**
 * Over generated ledgers with random dimensions, and selectors of exact
 * values, lists, ranges, prefixes and not:, what samkost selects is what a
 * plain filter over the generated rows selects — whichever columns the
 * reader keeps apart.
 */

const DIMENSIONS = ['art', 'ansvar', 'funksjon', 'prosjekt', 'tjeneste', 'objekt'] as const;

/** Values as ledgers write them: account numbers of different lengths, and codes with letters. */
const value = fc.oneof(
  fc.integer({ min: 0, max: 20999 }).map(String),
  fc.integer({ min: 1, max: 99 }).map(String),
  fc.stringMatching(/^[A-C][0-9]{0,2}$/),
  fc.constant(''),
);

type Pattern =
  | { readonly kind: 'exact'; readonly v: string }
  | { readonly kind: 'range'; readonly from: string; readonly to: string }
  | { readonly kind: 'prefix'; readonly p: string };
interface Field {
  readonly dim: (typeof DIMENSIONS)[number];
  readonly patterns: readonly Pattern[];
  readonly not: boolean;
}

const isInt = (s: string) => /^\d+$/.test(s);
const ordered = (a: string, b: string): [string, string] => ((isInt(a) && isInt(b) ? Number(a) <= Number(b) : a <= b) ? [a, b] : [b, a]);

const nonEmpty = value.filter((v) => v !== '');
const pattern: fc.Arbitrary<Pattern> = fc.oneof(
  nonEmpty.map((v) => ({ kind: 'exact' as const, v })),
  fc.tuple(nonEmpty, nonEmpty).map(([a, b]) => {
    const [from, to] = ordered(a, b);
    return { kind: 'range' as const, from, to };
  }),
  nonEmpty.map((v) => ({ kind: 'prefix' as const, p: v.slice(0, Math.max(1, v.length - 2)) })),
);

const ledger = fc.subarray([...DIMENSIONS], { minLength: 1, maxLength: 4 }).chain((dims) =>
  fc.record({
    dims: fc.constant(dims),
    // Few distinct values a column, so selectors hit rows.
    pools: fc.tuple(...dims.map(() => fc.array(value, { minLength: 1, maxLength: 4 }))),
    rows: fc.array(fc.tuple(fc.array(fc.nat(3), { minLength: dims.length, maxLength: dims.length }), fc.bigInt({ min: -1_000_000n, max: 1_000_000n })), {
      maxLength: 30,
    }),
    fields: fc.array(fc.record({ dim: fc.constantFrom(...dims), patterns: fc.array(pattern, { minLength: 1, maxLength: 3 }), not: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    }),
    keep: fc.constantFrom<LedgerShape['keep']>('selected', 'accounts', 'all'),
  }),
);

/** The reference: a plain reading of the format's words, row by row. */
function referenceMatch(p: Pattern, v: string): boolean {
  switch (p.kind) {
    case 'exact':
      return v === p.v;
    case 'prefix':
      return v.slice(0, p.p.length) === p.p;
    case 'range':
      if (isInt(p.from) && isInt(p.to)) return isInt(v) && Number(p.from) <= Number(v) && Number(v) <= Number(p.to);
      return v !== '' && p.from <= v && v <= p.to;
  }
}

const written = (p: Pattern) => (p.kind === 'exact' ? p.v : p.kind === 'range' ? `${p.from}..${p.to}` : `${p.p}*`);
const header = (dim: string) => dim[0]!.toUpperCase() + dim.slice(1);
const cents = (u: bigint) => `${u < 0n ? '-' : ''}${(u < 0n ? -u : u) / 100n},${String((u < 0n ? -u : u) % 100n).padStart(2, '0')}`;

describe('selection over generated ledgers', () => {
  it('equals a plain filter of the rows', () => {
    fc.assert(
      fc.property(ledger, ({ dims, pools, rows, fields, keep }) => {
        const cell = (row: readonly number[], d: number) => {
          const pool = pools[d]!;
          return pool[row[d]! % pool.length]!;
        };
        const csv = [
          [...dims.map(header), 'Amount'].join(';'),
          ...rows.map(([row, units]) => [...dims.map((_, d) => cell(row, d)), cents(units)].join(';')),
        ].join('\n');
        // Two fields on one column are one field to YAML: the last one written counts, as in the reference.
        const byDim = new Map<string, Field>(fields.map((f) => [f.dim, f]));
        const yamlFields = [...byDim.values()].map((f) => {
          const list = JSON.stringify(f.patterns.map(written));
          return `${JSON.stringify(f.dim)}: ${f.not ? `{ "not": ${list} }` : list}`;
        });
        const text = `samkost: 1\nagreement: T\nyear: 2024\nhost: a\nparties:\n  a: { name: A }\nitems:\n  - { id: x, label: X, actuals: { ${yamlFields.join(', ')} }, key: equal }\n`;
        const read = readAgreement(parseYaml(text), 'agreement.yaml');
        expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const a = read.agreement!;
        const source = a.items[0]!.source;
        if (source.kind !== 'actuals') throw new Error('internal: no selector');
        const diags = new Diagnostics();
        const got = readCsvText(
          csv,
          'gl.csv',
          { delimiter: ';', decimal: ',' },
          actualsSink(new Map(), undefined, { selected: selectedColumns(a), keep }),
          diags,
        );
        expect(diags.list).toEqual([]);

        const want = rows.filter(([row]) =>
          [...byDim.values()].every((f) => f.patterns.some((p) => referenceMatch(p, cell(row, dims.indexOf(f.dim)))) !== f.not),
        );
        const s = selection(got!, source.selector);
        expect(s.count).toBe(want.length);
        expect(s.amount.toPlain()).toBe(cents(want.reduce((t, [, u]) => t + u, 0n)).replace(',', '.'));
      }),
      { numRuns: 300 },
    );
  });
});
