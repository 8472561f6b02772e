import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { parseAmount } from '../../src/inputs/amount.js';
import { decodeText, Decoder } from '../../src/inputs/decode.js';
import { ERRORS_SHOWN_PER_CODE, readCsvText, tableSink } from '../../src/inputs/table.js';
import { isValidOrgNumber } from '../../src/norway/orgnr.js';

const ok = (raw: string, dec: ',' | '.', declared = false) => {
  const v = parseAmount(raw, { decimal: dec, declared });
  return 'error' in v ? `error: ${v.error.en}` : v.toPlain();
};

describe('parseAmount', () => {
  it('reads Norwegian and English styles', () => {
    expect(ok('1 937 782,94', ',')).toBe('1937782.94');
    expect(ok('1\u00a0937\u00a0782,94', ',')).toBe('1937782.94');
    expect(ok('1\u202f937\u202f782,94', ',')).toBe('1937782.94');
    expect(ok('1.937.782,94', ',')).toBe('1937782.94');
    expect(ok('-9 989', ',')).toBe('-9989.00');
    expect(ok('1937782.94', '.')).toBe('1937782.94');
    expect(ok('1,937,782.94', '.')).toBe('1937782.94');
  });
  it('reads currency, whole-krone dashes and accounting negatives', () => {
    expect(ok('kr 1 234,50', ',')).toBe('1234.50');
    expect(ok('1 234,50 kr', ',')).toBe('1234.50');
    expect(ok('NOK 1234.50', '.')).toBe('1234.50');
    expect(ok('kr. 1 234,-', ',')).toBe('1234.00');
    expect(ok('1 234,–', ',')).toBe('1234.00');
    expect(ok('(1 234,50)', ',')).toBe('-1234.50');
    expect(ok('(kr 1 234,50)', ',')).toBe('-1234.50');
    expect(ok('-kr 1 234,50', ',')).toBe('-1234.50');
    expect(ok('kr -1 234,50', ',')).toBe('-1234.50');
    expect(ok('\u22121 234,50', ',')).toBe('-1234.50');
    expect(ok('+12', ',')).toBe('12.00');
    expect(ok('0,001', ',')).toBe('0.001');
  });
  it('reads a declared thousands mark that would otherwise be ambiguous', () => {
    expect(ok('1.234', ',', true)).toBe('1234.00');
    expect(ok('1.234', '.', true)).toBe('1.234');
    expect(ok('1,234', '.', true)).toBe('1234.00');
  });
  it('refuses to guess', () => {
    expect(ok('', ',')).toMatch(/^error: the amount is empty/);
    expect(ok('12,3,4', ',')).toMatch(/^error/);
    expect(ok('1.234', ',')).toMatch(/^error: '1.234' is ambiguous/);
    expect(ok('-12.345', ',')).toMatch(/ambiguous/);
    expect(ok('1,234', '.')).toMatch(/ambiguous/);
    expect(ok('1.5', ',')).toMatch(/^error: '1.5' is not an amount/);
    expect(ok('1,5', '.')).toMatch(/^error/);
    expect(ok('1 23,00', ',')).toMatch(/^error/);
    expect(ok('1 234.567,00', ',')).toMatch(/^error/);
    expect(ok('1.234,-', '.')).toMatch(/^error/);
    expect(ok('(-5)', ',')).toMatch(/^error/);
    expect(ok('--5', ',')).toMatch(/^error/);
    expect(ok('abc', '.')).toMatch(/^error/);
    expect(ok('1e5', '.')).toMatch(/^error/);
    expect(ok('12-', ',')).toMatch(/^error/);
  });
});

describe('CSV reading', () => {
  const table = (text: string, dialect = {}) => {
    const diags = new Diagnostics();
    return {
      t: readCsvText(
        text,
        'x.csv',
        dialect,
        tableSink((t) => t),
        diags,
      ),
      diags,
    };
  };
  it('detects semicolons, keeps positions and reads Windows-1252', () => {
    const bytes = Uint8Array.from([...Buffer.from('category;amount\n', 'latin1'), ...Buffer.from('lønn;1 000,50\n', 'latin1')]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    const { t } = table(text);
    expect(t!.head.delimiter).toBe(';');
    expect(t!.rows[0]![0]!.value).toBe('lønn');
    expect(t!.rows[0]![1]!.at).toEqual({ file: 'x.csv', line: 2, col: 6 });
  });
  it('drops a UTF-8 byte order mark', () => {
    const { text } = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('category,amount\nx,1\n')]));
    expect(table(text).t!.head.names).toEqual(['category', 'amount']);
  });
  it('reads UTF-16 with a byte order mark, as Excel writes Unicode text', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('category\tamount\nlønn\t1,5\n', 'utf16le')]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('utf-16le');
    const { t } = table(text);
    expect(t!.head.delimiter).toBe('\t');
    expect(t!.rows[0]!.map((c) => c.value)).toEqual(['lønn', '1,5']);
  });
  it('splits a byte order mark and multi-byte characters over chunks', () => {
    const bytes = Buffer.from('\ufeffcategory;amount\nø;1\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const d = new Decoder(undefined);
      expect(d.decode(bytes.subarray(0, cut)) + d.decode(bytes.subarray(cut), true)).toBe('category;amount\nø;1\n');
    }
  });
  it('gives quoted fields that span lines the position of their own line', () => {
    const { t } = table('category;text;amount\nx;"two\nlines";5\ny;z;6\n');
    expect(t!.rows[0]![2]!.at).toEqual({ file: 'x.csv', line: 3, col: 8 });
    expect(t!.rows[0]![1]!.value).toBe('two\nlines');
    expect(t!.rows[1]![0]!.at).toEqual({ file: 'x.csv', line: 4, col: 1 });
  });
  it('honours a declared delimiter over the detected one', () => {
    const { t } = table('category,x;amount\na,b;1\n', { delimiter: ';' });
    expect(t!.head.names).toEqual(['category,x', 'amount']);
  });
  it('lists the first errors of a kind and counts the rest', () => {
    const rows = Array.from({ length: 50 }, () => 'x;1;2').join('\n');
    const { t, diags } = table(`category;amount\n${rows}\n`);
    expect(t).toBeNull();
    expect(diags.list).toHaveLength(ERRORS_SHOWN_PER_CODE + 1);
    expect(diags.list.at(-1)!.message.en).toMatch(/and 30 more \[csv-field-count\] errors/);
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
