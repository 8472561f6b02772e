import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainDecimal } from '../src/inputs/decimal.js';
import { plainNumber } from '../src/inputs/xlsx.js';

// The worksheet scanner reads a number cell's value from its bytes with
// plainNumber, and decodes it for plainDecimal (the reference) only where
// plainNumber gives null: whatever it gives must be plainDecimal's own text.
describe('plainNumber against plainDecimal', () => {
  const written = fc.oneof(
    fc.stringMatching(/^-?(0|[1-9]\d{0,15})(\.\d{0,6}[1-9])?$/),
    fc.string({ unit: fc.constantFrom(...'-+0123456789.eE \t'.split('')), maxLength: 12 }),
  );
  const mark = fc.constantFrom<',' | '.'>(',', '.');

  it('gives plainDecimal’s text, or null', () => {
    let read = 0;
    let left = 0;
    fc.assert(
      fc.property(written, mark, fc.nat(3), (text, m, pad) => {
        // Inside a larger buffer, as the scanner's bytes are.
        const buf = Buffer.from(`${'<'.repeat(pad)}${text}</v>`, 'latin1');
        const plain = plainNumber(buf, pad, pad + text.length, m);
        if (plain === null) left++;
        else {
          read++;
          expect(plain).toBe(plainDecimal(text, m));
        }
      }),
      { numRuns: 3000 },
    );
    // Both roads are taken, often.
    expect(read).toBeGreaterThan(300);
    expect(left).toBeGreaterThan(300);
  });

  it('reads the shapes a writer gives, and leaves the others', () => {
    const of = (text: string, m: ',' | '.' = ',') => plainNumber(Buffer.from(text, 'latin1'), 0, text.length, m);
    expect(of('165087.5')).toBe('165087,5');
    expect(of('-11311.46', '.')).toBe('-11311.46');
    expect(of('0')).toBe('0');
    expect(of('-0.25')).toBe('-0,25');
    for (const other of ['-0', '0.50', '007', '.5', '5.', '1e3', ' 1', '+1', '', '-']) expect(of(other)).toBeNull();
  });
});
