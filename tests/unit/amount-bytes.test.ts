import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NumberStyle, scanKroner } from '../../src/inputs/amount.js';
import { OreSums, type OreParts, oreFromBytes } from '../../src/inputs/amount-bytes.js';

/**
 * The byte reader's amounts (inputs/amount-bytes.ts) against scanKroner,
 * the reference: an amount read from bytes has the øre scanKroner reads
 * from its text, in every form it claims and every near miss (which it
 * leaves to scanKroner), in UTF-8 and in Windows-1252; and the sums of
 * øre in two 32-bit halves are the bigint sums.
 */
const STYLES: NumberStyle[] = [
  { decimal: ',', declared: false },
  { decimal: ',', declared: true },
  { decimal: '.', declared: false },
  { decimal: '.', declared: true },
];
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of `s`, when every character is Latin-1 there. */
const latin1 = (s: string) =>
  [...s].every((c) => c.charCodeAt(0) < 0x80 || (c.charCodeAt(0) >= 0xa0 && c.charCodeAt(0) < 0x100))
    ? Uint8Array.from([...s].map((c) => c.charCodeAt(0)))
    : null;

/** øre as scanKroner reads `text`, or null when it refuses it. */
function reference(text: string, style: NumberStyle): bigint | null {
  const a = scanKroner(text, style);
  if ('error' in a) return null;
  return a.scale <= 2 ? a.units * 10n ** BigInt(2 - a.scale) : a.units / 10n ** BigInt(a.scale - 2);
}

function fromBytes(bytes: Uint8Array, style: NumberStyle, latin: boolean): bigint | null {
  // Read from the middle of a larger buffer, as the reader reads a field of a line.
  const buf = new Uint8Array(bytes.length + 8).fill(0x3b);
  buf.set(bytes, 4);
  const out: OreParts = { negative: false, hi: -1, lo: -1 };
  if (!oreFromBytes(buf, 4, 4 + bytes.length, style, latin, out)) return null;
  expect(out.lo).toBeGreaterThanOrEqual(0);
  expect(out.lo).toBeLessThan(1e9);
  expect(out.hi).toBeGreaterThanOrEqual(0);
  expect(out.hi).toBeLessThan(1e6);
  const ore = BigInt(out.hi) * 1_000_000_000n + BigInt(out.lo);
  return out.negative ? -ore : ore;
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const group = (n: string, sep: string) => n.replace(/\B(?=(\d{3})+$)/g, sep);
/** The forms the byte reader claims: a number grouped or not, in a wrapper, with decimals or `,-`. */
const claimed = fc
  .record({
    kr: fc.bigInt({ min: 0n, max: 9_999_999_999_999n }),
    ore: digits(1, 2),
    sep: fc.constantFrom('', ' ', '\u00a0', '\u202f', '\u2009', 'thousands'),
    wrap: fc.constantFrom('', '-', '\u2212', 'kr ', 'kr -', '-kr ', 'kr', 'kr  \u2212', '(', '(kr '),
    end: fc.constantFrom('decimals', 'decimals', 'none', 'dash', 'en dash', 'minus dash'),
    pad: fc.constantFrom('', ' ', '\t '),
    style: fc.constantFrom(...STYLES),
  })
  .map(({ kr, ore, sep, wrap, end, pad, style }) => {
    const thousands = style.decimal === ',' ? '.' : ',';
    // `1.234` with an inferred mark is ambiguous: grouped by the mark, such a number gets decimals.
    const int = group(String(kr), sep === 'thousands' ? thousands : sep);
    const dash = style.decimal === ',' ? { dash: ',-', 'en dash': ',\u2013', 'minus dash': ',\u2212' } : {};
    const tail =
      end === 'none' && !(sep === 'thousands' && !style.declared && kr >= 1000n && kr < 1_000_000n)
        ? ''
        : ((dash as Record<string, string>)[end] ?? `${style.decimal}${ore}`);
    const number = `${int}${tail}`;
    const text = wrap === '(' || wrap === '(kr ' ? `${wrap}${number})` : `${wrap}${number}`;
    return { text: `${pad}${text}${pad}`, style };
  });

/** Near misses and other forms: pieces of amounts put together at random. */
const anything = fc
  .record({
    parts: fc.array(
      fc.constantFrom(
        ...['0', '1', '12', '123', '1234', '999', '000', '5'],
        ...[' ', '  ', '\u00a0', '\u202f', '\u2009', '.', ',', '-', '\u2212', '\u2013', '+'],
        ...['kr', 'kr ', 'Kr ', 'NOK ', 'kr.', '(', ')', '( ', ' )', ',-', '.-', 'e', '\t'],
      ),
      { minLength: 1, maxLength: 9 },
    ),
    style: fc.constantFrom(...STYLES),
  })
  .map(({ parts, style }) => ({ text: parts.join(''), style }));

describe('amounts read from bytes', () => {
  it('read every claimed form, with the øre scanKroner reads (fast-check)', () => {
    fc.assert(
      fc.property(claimed, ({ text, style }) => {
        const want = reference(text, style);
        expect(want).not.toBeNull();
        expect(fromBytes(utf8(text), style, false)).toBe(want);
        const latin = latin1(text);
        if (latin) expect(fromBytes(latin, style, true)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('read nothing scanKroner reads otherwise, and leave the rest to it (fast-check)', () => {
    let read = 0;
    let left = 0;
    fc.assert(
      fc.property(anything, ({ text, style }) => {
        const want = reference(text, style);
        for (const [bytes, latin] of [
          [utf8(text), false],
          [latin1(text), true],
        ] as const) {
          if (!bytes) continue;
          const got = fromBytes(bytes, style, latin);
          if (got === null) left++;
          else {
            read++;
            expect(got).toBe(want);
          }
        }
      }),
      { numRuns: 20000 },
    );
    // Both ways are taken: the comparison is not of scanKroner with nothing.
    expect(read).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(100);
  });

  it.each([
    ['-1234,50', ',', -123450n],
    ['1 234 567,89', ',', 123456789n],
    ['1\u00a0234,5', ',', 123450n],
    ['1.234,50', ',', 123450n],
    ['kr 1 234,56', ',', 123456n],
    ['kr -1 234,56', ',', -123456n],
    ['(1 234,56)', ',', -123456n],
    ['\u22121 234,56', ',', -123456n],
    ['1 234,-', ',', 123400n],
    [' 0,05 ', ',', 5n],
    ['1,234.50', '.', 123450n],
    ['999999999999,99', ',', 99999999999999n],
    ['9 999 999 999 999,99', ',', 999999999999999n],
  ] as const)('%s with decimal %s reads as %s øre', (text, decimal, ore) => {
    expect(fromBytes(utf8(text), { decimal, declared: false }, false)).toBe(ore as bigint);
  });

  it.each([
    ['1.234', ','],
    ['1,234', '.'],
    ['1 234,567', ','],
    ['12 345 678 901 234,56', ','],
    ['+100', ','],
    ['1234.50', ','],
    ['1  234,50', ','],
    ['(-100)', ','],
    ['- 100', ','],
    ['1 234,-', '.'],
    ['100 kr', ','],
    ['NOK 100', ','],
  ] as const)('%s is left to scanKroner (decimal %s)', (text, decimal) => {
    expect(fromBytes(utf8(text), { decimal, declared: false }, false)).toBeNull();
  });
});

describe('sums of øre in two 32-bit halves', () => {
  const MAX: OreParts = { negative: false, hi: 999_999, lo: 999_999_999 };
  const exact = (a: OreParts) => (a.negative ? -1n : 1n) * (BigInt(a.hi) * 1_000_000_000n + BigInt(a.lo));
  const part = fc.record({
    negative: fc.boolean(),
    hi: fc.oneof(fc.constantFrom(0, 999_999), fc.integer({ min: 0, max: 999_999 })),
    lo: fc.oneof(fc.constantFrom(0, 1, 999_999_999), fc.integer({ min: 0, max: 999_999_999 })),
  });

  it('are the bigint sums, whatever the amounts and their signs (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), part), { maxLength: 300 }), (adds) => {
        const sums = new OreSums();
        sums.reserve(4);
        const want = [0n, 0n, 0n, 0n];
        for (const [id, a] of adds) {
          sums.add(id, a);
          want[id]! += exact(a);
        }
        for (let id = 0; id < 4; id++) expect(sums.total(id)).toBe(want[id]);
      }),
      { numRuns: 300 },
    );
  });

  it('stay exact over many of the largest amounts, where the upper half moves into the bigint', () => {
    for (const negative of [false, true]) {
      const sums = new OreSums();
      const a = { ...MAX, negative };
      // 2^31 / 10^6 rows of the largest amount would overflow a 32-bit upper half that never moved.
      const rows = 5000;
      for (let i = 0; i < rows; i++) sums.add(0, a);
      expect(sums.total(0)).toBe(BigInt(rows) * exact(a));
    }
  });

  it('are read back exactly on both sides of the size where the double sum gives way to bigints (2^23 in the upper half)', () => {
    // Eight or nine of the largest amounts and one more: an upper half of 8 to 10 million, across 2^23 and beyond what a double holds exactly times 10^9.
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom(8, 9),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (negative, many, hi, lo) => {
          const sums = new OreSums();
          for (let i = 0; i < many; i++) sums.add(0, { ...MAX, negative });
          sums.add(0, { negative, hi, lo });
          expect(sums.total(0)).toBe(exact({ ...MAX, negative }) * BigInt(many) + exact({ negative, hi, lo }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hold an entry far beyond the first ones', () => {
    const sums = new OreSums();
    sums.reserve(10_000);
    sums.add(9_999, MAX);
    sums.addBig(9_999, -1n);
    expect(sums.total(9_999)).toBe(exact(MAX) - 1n);
    expect(sums.total(0)).toBe(0n);
  });
});
