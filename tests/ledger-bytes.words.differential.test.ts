import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { type ActualsRow, actualsSink, type LedgerShape } from '../src/inputs/actuals.js';
import { readLedgerBytes, sameBytes } from '../src/inputs/ledger-bytes.js';
import { CsvInput } from '../src/inputs/table.js';

/**
 * The byte reader hashes and compares values four bytes at a time, through
 * a view of the bytes it is handed: here against the plain reader over
 * values of every length (so every number of bytes is left over after the
 * words), of ASCII, æøå and spaces, that differ in one byte anywhere — fed
 * in chunks of any size that lie anywhere in a larger buffer (as standard
 * input's do), so a value starts at any offset and lines run over chunks.
 */
const at = { file: 'agreement.yaml', line: 1, col: 1 };
const COLUMNS = new Map([
  ['category', 'Art'],
  ['account', 'Konto'],
  ['party', 'Kommune'],
  ['amount', 'Beløp'],
]);
const selected = new Map([
  ['category', at],
  ['account', at],
]);
const SHAPES: Record<string, LedgerShape> = {
  values: { selected, keep: 'selected' },
  accounts: { selected: new Map([['category', at]]), keep: 'accounts' },
  // Summed by class: the first letter of an account is its class; party rows of one category kept apart.
  classes: {
    selected,
    keep: 'selected',
    party: (w) => w,
    classes: {
      classOf: (_column, value) => value.slice(0, 1),
      apart: ({ category, party }) => party !== '' && category.startsWith('ø'),
    },
  },
};

// Values alike but for one byte, anywhere in them: a word compared wrongly, or a byte left over, shows.
const value = fc
  .array(fc.constantFrom('a', 'b', 'ø', 'æ', 'å', ' ', '1', 'Z'), { minLength: 1, maxLength: 13 })
  .map((cs) => cs.join('').trim())
  .filter((v) => v !== '');
const ledger = fc.record({
  categories: fc.uniqueArray(value, { minLength: 1, maxLength: 6 }),
  accounts: fc.uniqueArray(value, { minLength: 1, maxLength: 6 }),
  rows: fc.array(
    fc.record({
      category: fc.nat(5),
      account: fc.nat(5),
      party: fc.constantFrom('', '', 'a', 'b'),
      ore: fc.integer({ min: -99_999, max: 999_999 }),
    }),
    { minLength: 1, maxLength: 60 },
  ),
  shape: fc.constantFrom(...Object.keys(SHAPES)),
  // Where the file's bytes start in the larger buffer, and the sizes its chunks are cut in.
  offset: fc.nat(7),
  cuts: fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
});
type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

function bytes(l: Ledger): Uint8Array {
  const lines = ['Art;Konto;Kommune;Beløp'];
  for (const r of l.rows) {
    const kr = (r.ore / 100).toFixed(2).replace('.', ',');
    lines.push(`${l.categories[r.category % l.categories.length]};${l.accounts[r.account % l.accounts.length]};${r.party};${kr}`);
  }
  const text = Buffer.from(`${lines.join('\n')}\n`);
  const buffer = new Uint8Array(text.length + l.offset + 5);
  buffer.set(text, l.offset);
  return buffer.subarray(l.offset, l.offset + text.length);
}

async function* chunks(b: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < b.length; i++) {
    const size = cuts[i % cuts.length]!;
    yield b.subarray(at, at + size);
    at += size;
  }
}

describe('the byte reader compares values a word at a time as the plain reader compares them (fast-check)', () => {
  it('the same entries, positions and diagnostics, wherever the bytes lie', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (l) => {
        const b = bytes(l);
        const shape = SHAPES[l.shape]!;
        const diags = new Diagnostics();
        const fast = await readLedgerBytes(chunks(b, l.cuts), 'regnskap.csv', {}, actualsSink(COLUMNS, 2024, shape), diags, false, () => {});
        const plainDiags = new Diagnostics();
        const s = actualsSink(COLUMNS, 2024, shape);
        const input = new CsvInput<ActualsRow[]>('regnskap.csv', {}, { header: s.header, row: s.row, finish: s.finish }, plainDiags);
        for await (const c of chunks(b, l.cuts)) input.push(c);
        const plain = input.end();
        if (typeof fast === 'string') throw new Error(`the byte reader gave '${fast}'`);
        expect(diags.list).toEqual(plainDiags.list);
        expect(fast.result).toEqual(plain);
        expect(fast.rows).toBe(input.rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sameBytes compares a word at a time as a byte at a time does (fast-check)', () => {
  // Two buffers that lie at offsets of larger ones, alike but where `changes` says: a value's bytes are compared only when their hashes agree, which the reader above rarely makes happen.
  const pair = fc
    .record({
      bytes: fc.uint8Array({ minLength: 0, maxLength: 40 }),
      aPad: fc.nat(9),
      bPad: fc.nat(9),
      changes: fc.array(fc.record({ at: fc.nat(), to: fc.nat(255) }), { maxLength: 2 }),
    })
    .chain((p) =>
      fc.record({ s: fc.nat(p.bytes.length), len: fc.nat(p.bytes.length) }).map(({ s, len }) => ({ ...p, s, len: Math.min(len, p.bytes.length - s) })),
    );
  it('the same answer for every length, offset and changed byte', () => {
    fc.assert(
      fc.property(pair, (p) => {
        const place = (pad: number, changes: typeof p.changes) => {
          const buffer = new Uint8Array(pad + p.bytes.length + 3);
          buffer.set(p.bytes, pad);
          for (const c of changes) if (p.bytes.length > 0) buffer[pad + (c.at % p.bytes.length)] = c.to;
          const view = buffer.subarray(pad, pad + p.bytes.length);
          return { bytes: view, view: new DataView(view.buffer, view.byteOffset, view.byteLength) };
        };
        const a = place(p.aPad, []);
        const b = place(p.bPad, p.changes);
        let same = true;
        for (let k = 0; k < p.len; k++) if (a.bytes[p.s + k] !== b.bytes[p.s + k]) same = false;
        expect(sameBytes(a.view, a.bytes, p.s, b.view, b.bytes, p.s, p.len)).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });
});
