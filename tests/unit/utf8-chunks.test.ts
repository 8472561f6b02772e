import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK, Utf8Chunks } from '../../src/cli/utf8-chunks.js';

/** Text of every width: ASCII, æøå, three-byte and four-byte characters, lone surrogates; now and then longer than a chunk takes whole. */
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom('a', ';', '\r\n', 'æ', 'ø', 'Å', '€', '𝄞', '\ud800', '\udc00'), maxLength: 400 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('x', 'ø', '€', '𝄞'), minLength: Math.floor(CHUNK / 3) - 8, maxLength: CHUNK / 2 }) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);

describe('text gathered as UTF-8 chunks', () => {
  it('gives the bytes of every piece in order, counts them, and each chunk has a buffer of its own (a worker transfers them)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 300 }), { minLength: 1, maxLength: 3 }), (rounds) => {
        const chunks = new Utf8Chunks();
        for (const pieces of rounds) {
          const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
          for (const p of pieces) chunks.add(p);
          expect(chunks.size).toBe(expected.length);
          const taken = chunks.take();
          expect(Buffer.concat(taken).equals(expected)).toBe(true);
          expect(new Set(taken.map((t) => t.buffer)).size).toBe(taken.length);
          expect(chunks.size).toBe(0);
        }
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
