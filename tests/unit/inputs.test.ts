import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { parseAmount } from '../../src/inputs/amount.js';
import { decodeText } from '../../src/inputs/decode.js';
import { parseCsv } from '../../src/inputs/table.js';
import { isValidOrgNumber } from '../../src/norway/orgnr.js';

const ok = (raw: string, dec: ',' | '.') => {
  const v = parseAmount(raw, dec);
  return 'error' in v ? `error: ${v.error}` : v.toPlain();
};

describe('parseAmount', () => {
  it('reads Norwegian and English styles', () => {
    expect(ok('1 937 782,94', ',')).toBe('1937782.94');
    expect(ok('1\u00a0937\u00a0782,94', ',')).toBe('1937782.94');
    expect(ok('1.937.782,94', ',')).toBe('1937782.94');
    expect(ok('-9 989', ',')).toBe('-9989.00');
    expect(ok('1937782.94', '.')).toBe('1937782.94');
    expect(ok('1,937,782.94', '.')).toBe('1937782.94');
  });
  it('refuses to guess', () => {
    expect(ok('', ',')).toMatch(/^error/);
    expect(ok('12,3,4', ',')).toMatch(/^error/);
    expect(ok('1.5', ',')).toMatch(/^error/);
    expect(ok('1,5', '.')).toMatch(/^error/);
    expect(ok('1 23,00', ',')).toMatch(/^error/);
    expect(ok('abc', '.')).toMatch(/^error/);
  });
});

describe('CSV reading', () => {
  it('detects semicolons, keeps positions and reads Windows-1252', () => {
    const bytes = Uint8Array.from([...Buffer.from('category;amount\n', 'latin1'), ...Buffer.from('lønn;1 000,50\n', 'latin1')]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    const diags = new Diagnostics();
    const t = parseCsv(text, 'x.csv', diags)!;
    expect(t.delimiter).toBe(';');
    expect(t.rows[0]![0]!.value).toBe('lønn');
    expect(t.rows[0]![1]!.at).toEqual({ file: 'x.csv', line: 2, col: 6 });
  });
  it('drops a UTF-8 byte order mark', () => {
    const { text } = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('category,amount\nx,1\n')]));
    const t = parseCsv(text, 'x.csv', new Diagnostics())!;
    expect(t.header).toEqual(['category', 'amount']);
  });
});

describe('organisasjonsnummer (MOD11)', () => {
  it('accepts real numbers', () => {
    for (const n of ['964981426', '939760946', '974760673', '923609016']) expect(isValidOrgNumber(n)).toBe(true);
  });
  it('rejects a wrong check digit, wrong length or letters', () => {
    for (const n of ['964981427', '123456789', '96498142', '9649814260', '96498142a']) expect(isValidOrgNumber(n)).toBe(false);
  });
});
