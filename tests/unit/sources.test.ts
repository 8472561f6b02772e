import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.js';
import { actualsSink } from '../../src/inputs/actuals.js';
import { debitCredit } from '../../src/inputs/debit-credit.js';
import { MAX_EXPONENT, plainDecimal, scaledText } from '../../src/inputs/decimal.js';
import { SaftInput } from '../../src/inputs/saft.js';
import { sniff } from '../../src/inputs/sniff.js';
import { type CsvTable, readCsvText, tableSink } from '../../src/inputs/table.js';
import { readXlsx } from '../../src/inputs/xlsx.js';
import { type ByteSource, entryText, zipEntries } from '../../src/inputs/zip-read.js';
import { zip } from '../../src/render/zip.js';
import { ROOT } from '../cli.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const source = (b: Uint8Array): ByteSource => ({
  size: b.length,
  async *read(start, end) {
    // Small chunks, so every reader meets a part split mid-tag.
    for (let at = start; at < end; at += 7) yield b.subarray(at, Math.min(end, at + 7));
  },
});
const rowsOf = (t: CsvTable) => [t.head.names, ...t.rows.map((r) => r.map((c) => c.value))];
const problems = (d: Diagnostics) => d.list.map((e) => `${e.code}@${e.line}:${e.col} ${e.message.en}`);

describe('plainDecimal', () => {
  it('writes the stored number as plain decimal text, exponents included', () => {
    expect(plainDecimal('1234.5', ',')).toBe('1234,5');
    expect(plainDecimal('-0.01', '.')).toBe('-0.01');
    expect(plainDecimal('1.5E-3', '.')).toBe('0.0015');
    expect(plainDecimal('1E+3', '.')).toBe('1000');
    expect(plainDecimal('-2.50e2', ',')).toBe('-250');
    expect(plainDecimal('12.5e-3', '.')).toBe('0.0125');
    expect(plainDecimal('0.30000000000000004', '.')).toBe('0.30000000000000004');
    expect(plainDecimal('-0', '.')).toBe('0');
    expect(plainDecimal('abc', '.')).toBeNull();
    expect(plainDecimal('', '.')).toBeNull();
  });
  it('keeps every digit: any amount written with an exponent reads back the same', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: -12, max: 12 }),
        (units, scale, shift) => {
          const plain = scaledText({ units, scale }, '.');
          // The same number as mantissa × 10^shift.
          const [int, frac = ''] = plain.replace('-', '').split('.');
          const digits = int! + frac;
          const point = int!.length - shift;
          const mantissa =
            point <= 0
              ? `0.${'0'.repeat(-point)}${digits}`
              : point >= digits.length
                ? digits + '0'.repeat(point - digits.length)
                : `${digits.slice(0, point)}.${digits.slice(point)}`;
          const written = `${units < 0n ? '-' : ''}${mantissa}E${shift}`;
          const back = plainDecimal(written, '.')!;
          const norm = (s: string) => s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
          expect(back).toBe(norm(plain) === '-0' ? '0' : norm(plain));
        },
      ),
    );
  });
  it('reads an exponent up to ±MAX_EXPONENT, and no further, in time linear in its digits', () => {
    // Each of these once hung the reader: a `0+$` backtracked over the fraction's 234 322 digits (37 s), or a billion digits of text.
    expect(plainDecimal('80E-234322', ',')).toBeNull();
    expect(plainDecimal('-5.e-783491', ',')).toBeNull();
    expect(plainDecimal('1e-999999999', '.')).toBeNull();
    expect(plainDecimal('1E999999999', '.')).toBeNull();
    expect(plainDecimal(`1E-${MAX_EXPONENT}`, '.')).toBe(`0.${'0'.repeat(MAX_EXPONENT - 1)}1`);
    expect(plainDecimal(`-1E+${MAX_EXPONENT}`, ',')).toBe(`-1${'0'.repeat(MAX_EXPONENT)}`);
    expect(plainDecimal(`1E-${MAX_EXPONENT + 1}`, '.')).toBeNull();
    expect(plainDecimal(`1E${MAX_EXPONENT + 1}`, '.')).toBeNull();
    expect(plainDecimal('\u00a0\ufeff 1.50e1\u2028\t', ',')).toBe('15');
  });
  it('reads blanks around the number as a \\s* at each end of its pattern read them', () => {
    // The reading before the number was trimmed first (its two \s* split a run of blanks every way: quadratic, but short texts here).
    const before = (stored: string) => {
      const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(stored);
      return m === null || (m[2] === '' && (m[3] ?? '') === '') ? null : 'number';
    };
    const unit = fc.constantFrom(...' \t\n\r\v\f\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u0085x-+.eE0159'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 10 }), (text) => {
        expect(plainDecimal(text, '.') === null).toBe(before(text) === null);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sniff', () => {
  it('tells the kinds apart by content', () => {
    expect(sniff(bytes('category;amount\nlonn;1\n'))).toBe('csv');
    expect(sniff(new Uint8Array([0xff, 0xfe, 0x63, 0, 0x61, 0]))).toBe('csv');
    expect(sniff(bytes('\ufeff<?xml version="1.0"?><AuditFile/>'))).toBe('xml');
    expect(sniff(zip([{ name: 'a', data: bytes('x') }]))).toBe('xlsx');
    const wrong = (b: Uint8Array) => {
      const k = sniff(b);
      return typeof k === 'string' ? k : k.wrong.en;
    };
    expect(wrong(bytes('%PDF-1.7\n'))).toMatch(/PDF/);
    expect(wrong(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/\.xls\)/);
    expect(wrong(new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatch(/gzip/);
    expect(wrong(new Uint8Array([0x63, 0, 0x61, 0, 0x74, 0]))).toMatch(/UTF-16/);
  });
});

describe('zip reader', () => {
  it('reads back what the project writes, part by part', async () => {
    const big = bytes('<row/>'.repeat(50_000));
    const archive = zip([
      { name: 'xl/workbook.xml', data: bytes('<workbook/>') },
      { name: 'xl/big.xml', data: big },
    ]);
    const src = source(archive);
    const entries = await zipEntries(src);
    expect([...entries.keys()]).toEqual(['xl/workbook.xml', 'xl/big.xml']);
    expect(await entryText(src, entries.get('xl/workbook.xml')!)).toBe('<workbook/>');
    expect(await entryText(src, entries.get('xl/big.xml')!)).toBe('<row/>'.repeat(50_000));
  });
  it('reports a truncated archive', async () => {
    const archive = zip([{ name: 'a', data: bytes('x') }]);
    await expect(zipEntries(source(archive.subarray(0, 20)))).rejects.toThrow(/end record/);
  });
});

/** A workbook of hand-written parts, zipped by the project's writer. */
function workbook(sheet: string, opts: { shared?: string; styles?: string; date1904?: boolean; sheets?: string } = {}): Uint8Array {
  const parts = [
    {
      name: 'xl/workbook.xml',
      data: bytes(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${opts.sheets ?? '<sheet name="Ark1" sheetId="1" r:id="rId1"/>'}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: bytes(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: bytes(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`) },
    {
      name: 'xl/worksheets/sheet2.xml',
      data: bytes(
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1" t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>',
      ),
    },
  ];
  if (opts.shared) parts.push({ name: 'xl/sharedStrings.xml', data: bytes(`<sst>${opts.shared}</sst>`) });
  if (opts.styles) parts.push({ name: 'xl/styles.xml', data: bytes(opts.styles) });
  return zip(parts);
}

async function readBook(b: Uint8Array, options = {}): Promise<{ rows: string[][] | null; problems: string[] }> {
  const diags = new Diagnostics();
  const r = await readXlsx(
    source(b),
    'l.xlsx',
    options,
    tableSink((t) => t),
    diags,
  );
  return { rows: r.result ? rowsOf(r.result).map((x) => [...x]) : null, problems: problems(diags) };
}

const STYLES =
  '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;kr&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('xlsx reader', () => {
  it('stops at a header the reader cannot use, without a complaint about the unread rest', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, 'lonn')}<c r="B${i + 2}"><v>${i}</v></c></row>`).join('');
    const diags = new Diagnostics();
    const r = await readXlsx(
      source(workbook(`<row r="1">${inline('A1', 'Art')}${inline('B1', 'Sum')}</row>${rows}`)),
      'l.xlsx',
      {},
      actualsSink(new Map()),
      diags,
    );
    expect(r.result).toBeNull();
    expect(problems(diags)).toEqual(["csv-missing-column@1:1 l.xlsx has no column 'category'", "csv-missing-column@1:1 l.xlsx has no column 'amount'"]);
  });
  it('skips title rows, finds the header, reads shared, rich and inline strings, numbers from their text, dates by style', async () => {
    const sheet = [
      `<row r="1">${inline('A1', 'Hovedbok 2024')}</row>`,
      `<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c>${inline('D3', 'Dato')}${inline('E3', 'Ok')}</row>`,
      `<row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4" s="2"><v>1234.5</v></c><c r="D4" s="1"><v>45382</v></c><c r="E4" t="b"><v>1</v></c></row>`,
      '<row r="5"><c r="B5"/><c r="C5"><v>1.5E-3</v></c><c r="D5" s="3"><v>61.75</v></c></row>',
      '<row r="6"></row>',
      `<row r="7">${inline('B7', 'lisens')}<c r="C7" t="e"><v>#DIV/0!</v></c><c r="D7" t="str"><v>tekst</v></c></row>`,
    ].join('');
    const shared = '<si><t>Art</t></si><si><r><t>Be</t></r><r><t>løp</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve">lønn </t></si>';
    const { rows, problems } = await readBook(workbook(sheet, { shared, styles: STYLES }));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      ['Art', 'Beløp', 'Dato', 'Ok'],
      ['lønn ', '1234,5', '2024-03-31', 'TRUE'],
      ['', '0,0015', '1900-03-01', ''],
      ['lisens', '#DIV/0!', 'tekst', ''],
    ]);
  });
  it('counts dates from 1904 when the workbook says so', async () => {
    const sheet = `<row r="1">${inline('A1', 'a')}${inline('B1', 'b')}</row><row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" s="1"><v>43920</v></c></row>`;
    expect((await readBook(workbook(sheet, { styles: STYLES, date1904: true }))).rows).toEqual([
      ['a', 'b'],
      ['1904-01-01', '2024-03-31'],
    ]);
  });
  it('takes the header row given, the sheet named, and a decimal point when declared', async () => {
    const sheet = `<row r="1">${inline('A1', 'a')}${inline('B1', 'b')}</row><row r="2">${inline('A2', 'x')}${inline('B2', 'y')}</row><row r="3"><c r="A3"><v>0.5</v></c></row>`;
    expect((await readBook(workbook(sheet), { headerRow: 2, decimal: '.' })).rows).toEqual([
      ['x', 'y'],
      ['0.5', ''],
    ]);
    const two = '<sheet name="Ark1" sheetId="1" r:id="rId1"/><sheet name="Regnskap" sheetId="2" r:id="rId2"/>';
    expect((await readBook(workbook(sheet, { sheets: two }), { sheet: 'regnskap' })).rows).toEqual([['x', 'y']]);
    expect((await readBook(workbook(sheet, { sheets: two }), { sheet: 'Budsjett' })).problems).toEqual([
      "xlsx-sheet@1:1 the workbook has no sheet named 'Budsjett'",
    ]);
  });
  it('reports a formula without a value, a cell outside the header, a ZIP that is no workbook', async () => {
    const head = `<row r="1">${inline('A1', 'a')}${inline('B1', 'b')}</row>`;
    expect((await readBook(workbook(`${head}<row r="2"><c r="A2"><f>B2*2</f></c></row>`))).problems).toEqual([
      'xlsx-broken@2:1 cell A2 has a formula with no computed value',
    ]);
    expect((await readBook(workbook(`${head}<row r="2"><c r="AB2"><v>5</v></c></row>`))).problems).toEqual([
      "csv-field-count@2:28 cell AB2 ('5') is in a column with no header",
    ]);
    expect((await readBook(zip([{ name: 'content.xml', data: bytes('<x/>') }]))).problems).toEqual([
      'input-kind@1:1 the file is a ZIP archive but not an Excel workbook (.xlsx)',
    ]);
  });
});

function readSaft(xml: string | Uint8Array): { rows: string[][] | null; problems: string[]; records: string[] } {
  const diags = new Diagnostics();
  const records: string[] = [];
  const sink = tableSink((t) => t);
  const row: typeof sink.row = (r, d) => {
    records.push(JSON.stringify(r.at(0).record));
    sink.row(r, d);
  };
  const input = new SaftInput('s.xml', { ...sink, row }, diags);
  const b = typeof xml === 'string' ? bytes(xml) : xml;
  for (let at = 0; at < b.length; at += 5) input.push(b.subarray(at, at + 5));
  const t = input.end();
  return { rows: t ? rowsOf(t).map((x) => [...x]) : null, problems: problems(diags), records };
}

describe('SAF-T reader', () => {
  it("reads Skatteetaten's 1.10 example (namespace prefix n1:) line by line", () => {
    const { rows, problems } = readSaft(readFileSync(path.join(ROOT, '../shared/saft/example-v1.10-with-entries.xml'), 'utf8'));
    expect(problems).toEqual([]);
    expect(rows![0]).toEqual(['account', 'grouping_code', 'a', 'p', 'amount', 'date', 'text']);
    expect(rows![1]).toEqual(['4000', '', '102', '202', '10000', '2017-01-04', 'Faktura 1155 - Stoff til kosebamser']);
    expect(rows![2]).toEqual(['2400', '', '', '', '-12500', '2017-01-04', 'Faktura 1155 - Stoff til kosebamser']);
    // Transaction 1003's first line is split over two departments (A 100: 5 000, A 102: 15 000): one row each.
    const split = rows!.filter((r) => r[0] === '6200' && r[5] === '2017-01-05');
    expect(split.slice(0, 2)).toEqual([
      ['6200', '', '100', '', '5000', '2017-01-05', 'Strøm siste to mnd 2016'],
      ['6200', '', '102', '', '15000', '2017-01-05', 'Strøm siste to mnd 2016'],
    ]);
  });
  const saft = (lines: string, types = '<AnalysisTypeTableEntry><AnalysisType>ANSVAR</AnalysisType></AnalysisTypeTableEntry>') =>
    `<?xml version="1.0"?><AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO"><MasterFiles><GeneralLedgerAccounts><Account><AccountID>4000</AccountID><GroupingCategory>KA_K</GroupingCategory><GroupingCode>010</GroupingCode></Account></GeneralLedgerAccounts><AnalysisTypeTable>${types}</AnalysisTypeTable></MasterFiles><GeneralLedgerEntries><Journal><Transaction><TransactionID>T1</TransactionID><TransactionDate>2024-02-01</TransactionDate>${lines}</Transaction></Journal></GeneralLedgerEntries></AuditFile>`;
  const line = (inner: string) => `<Line><RecordID>R1</RecordID><AccountID>4000</AccountID>${inner}</Line>`;
  it('names columns by the analysis types in lower case, signs credits, and cites transaction and record', () => {
    const r = readSaft(
      saft(
        line(
          '<Analysis><AnalysisType>ANSVAR</AnalysisType><AnalysisID>1200</AnalysisID></Analysis><Description>Lønn</Description><CreditAmount><Amount>100.50</Amount></CreditAmount>',
        ),
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      ['account', 'grouping_code', 'ansvar', 'amount', 'date', 'text'],
      ['4000', '010', '1200', '-100.50', '2024-02-01', 'Lønn'],
    ]);
    expect(r.records).toEqual(['{"transaction":"T1","record":"R1"}']);
  });
  it('reads the encoding a file declares, and UTF-16 by its byte order mark', () => {
    const xml = saft(line('<Description>Lønn</Description><DebitAmount><Amount>1</Amount></DebitAmount>'));
    const latin1 = Uint8Array.from(xml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>'), (c) => c.charCodeAt(0));
    expect(readSaft(latin1).rows![1]![5]).toBe('Lønn');
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...xml].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(readSaft(utf16).rows![1]![5]).toBe('Lønn');
    expect(readSaft(xml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="EBCDIC-X"?>')).problems).toEqual([
      'saft-xml@1:1 the XML declaration names an encoding samkost does not know',
    ]);
  });
  it('reports what a line cannot be read as', () => {
    const both = '<DebitAmount><Amount>1</Amount></DebitAmount><CreditAmount><Amount>1</Amount></CreditAmount>';
    const problem = (inner: string) => readSaft(saft(line(inner))).problems.map((p) => p.replace(/@\d+:\d+/, ''));
    expect(problem(both)).toEqual(['debit-credit the line has both a DebitAmount and a CreditAmount']);
    expect(problem('<Description>x</Description>')).toEqual(['debit-credit the line has neither a DebitAmount nor a CreditAmount']);
    expect(problem('<DebitAmount><Amount>-5</Amount></DebitAmount>')).toEqual(["debit-credit amount '-5' is negative"]);
    expect(problem('<Analysis><AnalysisType>X</AnalysisType><AnalysisID>1</AnalysisID></Analysis><DebitAmount><Amount>5</Amount></DebitAmount>')).toEqual([
      "saft-line analysis type 'X' is not in MasterFiles/AnalysisTypeTable",
    ]);
    const part = (id: string, amount: string) =>
      `<Analysis><AnalysisType>ANSVAR</AnalysisType><AnalysisID>${id}</AnalysisID><DebitAnalysisAmount><Amount>${amount}</Amount></DebitAnalysisAmount></Analysis>`;
    expect(problem(`${part('1', '2')}${part('2', '2')}<DebitAmount><Amount>5</Amount></DebitAmount>`)).toEqual([
      "saft-line the analysis amounts of 'ANSVAR' sum to 4, but the line is 5",
    ]);
    expect(readSaft(saft(line(`${part('1', '2')}${part('2', '3.25')}<DebitAmount><Amount>5.25</Amount></DebitAmount>`))).rows!.slice(1)).toEqual([
      ['4000', '010', '1', '2', '2024-02-01', ''],
      ['4000', '010', '2', '3.25', '2024-02-01', ''],
    ]);
    expect(readSaft(saft('<Line><RecordID>R1</RecordID><AccountID>9999</AccountID></Line>')).problems).toEqual([
      "saft-line@1:563 account '9999' is not in MasterFiles/GeneralLedgerAccounts",
    ]);
    expect(readSaft('<?xml version="1.0"?><Invoice/>').problems).toEqual([
      'input-kind@1:1 the file is XML but not SAF-T: its root element is <Invoice>, not <AuditFile>',
    ]);
  });
});

describe('debit/credit pairs', () => {
  const read = (csv: string, columns: Record<string, string>) => {
    const pair = debitCredit(new Map(Object.entries(columns)))!;
    const diags = new Diagnostics();
    const t = readCsvText(csv, 'l.csv', {}, pair.wrap(tableSink((x) => x)), diags);
    return { rows: t ? t.rows.map((r) => r.map((c) => c.value)) : null, problems: problems(diags) };
  };
  it('makes the amount debit − credit, exactly, at the filled cell', () => {
    expect(read('Art;Debet;Kredit\nlonn;1 000,50;\nlonn;;0,25\nlonn;0;12\nlonn;0;0\n', { debit: 'Debet', credit: 'Kredit' }).rows).toEqual([
      ['lonn', '1 000,50', '', '1000,50'],
      ['lonn', '', '0,25', '-0,25'],
      ['lonn', '0', '12', '-12'],
      ['lonn', '0', '0', '0'],
    ]);
  });
  it('refuses both sides filled, both empty, a sign, and half a pair', () => {
    expect(read('Art;Debet;Kredit\nlonn;1;2\nlonn;;\nlonn;-5;\n', { debit: 'Debet', credit: 'Kredit' }).problems).toEqual([
      'debit-credit@2:6 the row has both a debit (1) and a credit (2)',
      'debit-credit@3:6 the row has neither a debit nor a credit',
      "debit-credit@4:6 '-5' is negative in a debit or credit column",
    ]);
    expect(read('Art;Debet\nlonn;1\n', { debit: 'Debet' }).problems).toEqual(['debit-credit@1:1 columns: maps debit but not credit']);
  });
});
