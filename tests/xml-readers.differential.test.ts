import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { SaftInput } from '../src/inputs/saft.js';
import type { TableSink } from '../src/inputs/table.js';
import { readXlsx } from '../src/inputs/xlsx.js';
import type { ByteSource } from '../src/inputs/zip-read.js';
import { zip } from '../src/render/zip.js';

/**
 * The SAF-T and .xlsx readers through the byte scanner against the same
 * readers through saxes, over generated files: the same header, rows, cell
 * values and the position of every cell (SAF-T: line, column, transaction
 * and record), the same problems at the same places — a line with an
 * unknown account, with both sides or none, a split line, an unknown
 * analysis type; a formula without a value, a cell outside the header, a
 * missing shared string — whether the scanner read the file or left it to
 * saxes (a DOCTYPE, a control character, a tag cut short), which it must do
 * for some.
 */

const bytes = (s: string) => new TextEncoder().encode(s);

/** A sink that keeps everything a reader hands it: the header, and each row's values and positions. */
function recording(): TableSink<string[]> {
  const out: string[] = [];
  return {
    header(h) {
      out.push(`header ${JSON.stringify(h.names)} @${h.at.line}:${h.at.col}`);
      return true;
    },
    row(r) {
      const cells = Array.from({ length: r.count }, (_, i) => {
        const at = r.at(i);
        return `${r.field(i)}@${at.line}:${at.col}${at.record ? `/${at.record.transaction}.${at.record.record}` : ''}`;
      });
      out.push(`row ${r.line} ${cells.join(' | ')}`);
    },
    finish: () => out,
  };
}

const problems = (d: Diagnostics) => d.list.map((e) => `${e.severity} ${e.code}@${e.file}:${e.line}:${e.col} ${e.message.en}`);

function saft(xml: Uint8Array, fast: boolean, chunk: number): { out: string[] | null; problems: string[]; fellBack: boolean } {
  const diags = new Diagnostics();
  const input = new SaftInput('s.xml', recording(), diags, fast);
  for (let at = 0; at < xml.length; at += chunk) input.push(xml.subarray(at, at + chunk));
  const out = input.end();
  return { out, problems: problems(diags), fellBack: input.fellBack };
}

const ACCOUNTS = ['4000', '4030', '6300'];
const ANALYSIS = ['ANSVAR', 'ART'];
const VALUES = ['100', 'lønn &amp; lisens', 'strøm', ' 12 ', 'a<![CDATA[x]]>b', 'x<!-- c -->y', '&#229;l', '😀'];

const saftLine = fc.record({
  account: fc.constantFrom(...ACCOUNTS, '9999', ''),
  side: fc.constantFrom('Debit', 'Credit', 'both', 'none'),
  amount: fc.constantFrom('100.00', '12.5', ' 7 ', '-3.00', 'x', '1e3'),
  analysis: fc.array(
    fc.tuple(fc.constantFrom(...ANALYSIS, 'OTHER'), fc.constantFrom(...VALUES), fc.option(fc.constantFrom('40.00', '60.00'), { nil: undefined })),
    {
      maxLength: 3,
    },
  ),
  description: fc.constantFrom(...VALUES),
});

const saftFile = fc
  .record({
    prefix: fc.constantFrom('', 'n1:'),
    eol: fc.constantFrom('\n', '\r\n', '\r', ''),
    indent: fc.constantFrom('', '  ', '\t'),
    bom: fc.boolean(),
    transactions: fc.array(fc.array(saftLine, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
    hostile: fc.constantFrom('', '', '', '<!DOCTYPE x>', '\u0001', '<?pi?>', '&nbsp;', '<Broken'),
  })
  .map(({ prefix: p, eol, indent, bom, transactions, hostile }) => {
    const lines: string[] = [];
    const el = (depth: number, s: string) => lines.push(indent.repeat(depth) + s);
    const leaf = (depth: number, name: string, text: string) => el(depth, `<${p}${name}>${text}</${p}${name}>`);
    lines.push('<?xml version="1.0" encoding="UTF-8"?>');
    el(0, `<${p}AuditFile xmlns${p ? `:${p.slice(0, -1)}` : ''}="urn:StandardAuditFile-Taxation-Financial:NO">`);
    el(1, `<${p}MasterFiles>`);
    el(2, `<${p}GeneralLedgerAccounts>`);
    for (const [i, a] of ACCOUNTS.entries()) el(3, `<${p}Account><${p}AccountID>${a}</${p}AccountID><${p}GroupingCode>0${i}0</${p}GroupingCode></${p}Account>`);
    el(2, `</${p}GeneralLedgerAccounts>`);
    el(2, `<${p}AnalysisTypeTable>`);
    for (const t of ANALYSIS) el(3, `<${p}AnalysisTypeTableEntry><${p}AnalysisType>${t}</${p}AnalysisType></${p}AnalysisTypeTableEntry>`);
    el(2, `</${p}AnalysisTypeTable>`);
    el(1, `</${p}MasterFiles>`);
    el(1, `<${p}GeneralLedgerEntries><!-- entries -->`);
    el(2, `<${p}Journal>`);
    transactions.forEach((tx, t) => {
      el(3, `<${p}Transaction>`);
      leaf(4, 'TransactionID', String(t + 1));
      leaf(4, 'TransactionDate', '2024-03-31');
      tx.forEach((l, r) => {
        el(4, `<${p}Line>`);
        leaf(5, 'RecordID', String(r + 1));
        if (l.account !== '') leaf(5, 'AccountID', l.account);
        for (const [type, id, amount] of l.analysis)
          el(
            5,
            `<${p}Analysis><${p}AnalysisType>${type}</${p}AnalysisType><${p}AnalysisID>${id}</${p}AnalysisID>${amount ? `<${p}AnalysisAmount><${p}Amount>${amount}</${p}Amount></${p}AnalysisAmount>` : ''}</${p}Analysis>`,
          );
        leaf(5, 'Description', l.description);
        for (const side of l.side === 'both' ? ['Debit', 'Credit'] : l.side === 'none' ? [] : [l.side])
          el(5, `<${p}${side}Amount><${p}Amount>${l.amount}</${p}Amount></${p}${side}Amount>`);
        el(4, `</${p}Line>`);
      });
      el(3, `</${p}Transaction>`);
    });
    el(2, `</${p}Journal>`);
    el(1, `</${p}GeneralLedgerEntries>`);
    el(0, `</${p}AuditFile>`);
    // Something the scanner leaves to saxes, in the middle of a transaction.
    if (hostile) lines.splice(Math.floor(lines.length * 0.6), 0, hostile);
    const text = lines.join(eol);
    return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]) : bytes(text);
  });

describe('the SAF-T reader, through the byte scanner and through saxes', () => {
  it('gives the same rows, positions and problems', () => {
    let scanned = 0;
    let left = 0;
    fc.assert(
      fc.property(saftFile, fc.integer({ min: 1, max: 300 }), (xml, chunk) => {
        const ref = saft(xml, false, 4096);
        const got = saft(xml, true, chunk);
        if (got.fellBack) {
          left++;
          // Nothing reported, nothing given: the file is read again by saxes.
          expect(got.out).toBeNull();
          expect(got.problems).toEqual([]);
          return;
        }
        scanned++;
        expect(got.problems).toEqual(ref.problems);
        expect(got.out).toEqual(ref.out);
      }),
      { numRuns: 300 },
    );
    expect(scanned).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(20);
  });
});

const source = (b: Uint8Array, chunk: number): ByteSource => ({
  size: b.length,
  async *read(start, end) {
    for (let at = start; at < end; at += chunk) yield b.subarray(at, Math.min(end, at + chunk));
  },
});

const CELLS = [
  (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>lønn &amp; lisens</t></is></c>`,
  (ref: string) => `<c r="${ref}" t="inlineStr"><is><r><t xml:space="preserve">a </t></r><r><t>b</t></r></is></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>0</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>2</v></c>`,
  (ref: string) => `<c t="s" r="${ref}"><v>1</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>9</v></c>`,
  (ref: string) => `<c r="${ref}"><v>1234.5</v></c>`,
  (ref: string) => `<c r='${ref}' s="1"><v>45382</v></c>`,
  (ref: string) => `<c r="${ref}" t="b"><v>1</v></c>`,
  (ref: string) => `<c r="${ref}" t="str"><f>A1</f><v>x</v></c>`,
  (ref: string) => `<c r="${ref}"><f>B2*2</f></c>`,
  (ref: string) => `<c r="${ref}"/>`,
  () => '<c t="inlineStr"><is><t>no ref</t></is></c>',
  (ref: string) => `<c r="${ref}"><v>1.5E-3</v></c>`,
  (ref: string) => `<c r="${ref}" t="e"><v>#DIV/0!</v></c>`,
  (ref: string) => `<x:c r="${ref}"><x:v>7</x:v></x:c>`,
  (ref: string) => `<c r="${ref}"><!-- note --><v>8</v></c>`,
  (ref: string) => `<c r="${ref}"><v><![CDATA[9]]></v></c>`,
];
const SHARED =
  '<sst><si><t>Art</t></si><si><r><rPr><b/></rPr><t>Be</t></r><r><t>løp</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve">a &lt; b </t></si></sst>';
const STYLES =
  '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';

const sheetFile = fc
  .record({
    rows: fc.array(fc.array(fc.nat({ max: CELLS.length - 1 }), { maxLength: 4 }), { minLength: 1, maxLength: 8 }),
    numbered: fc.boolean(),
    hostile: fc.constantFrom('', '', '', '<!DOCTYPE x>', '\u0001', '<row r="x"><c>'),
    header: fc.boolean(),
  })
  .map(({ rows, numbered, hostile, header }) => {
    const head = header ? `<row r="1">${CELLS[0]!('A1')}${CELLS[4]!('B1')}${CELLS[2]!('C1')}</row>` : '';
    const body = rows
      .map((cells, r) => {
        const n = r + 2;
        const row = cells.map((c, i) => CELLS[c]!(`${'ABCD'[i]}${n}`)).join('');
        return cells.length === 0 ? `<row r="${n}"/>` : `<row${numbered ? ` r="${n}"` : ''} spans="1:4">${row}</row>`;
      })
      .join('\n');
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns:x="urn:x"><sheetData>${head}${body}${hostile}</sheetData></worksheet>`;
    return zip([
      {
        name: 'xl/workbook.xml',
        data: bytes('<workbook xmlns:r="urn:r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      },
      { name: 'xl/_rels/workbook.xml.rels', data: bytes('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: bytes(sheet) },
      { name: 'xl/sharedStrings.xml', data: bytes(SHARED) },
      { name: 'xl/styles.xml', data: bytes(STYLES) },
    ]);
  });

describe('the .xlsx reader, through the byte scanner and through saxes', () => {
  it('gives the same rows, positions and problems', async () => {
    const made = [0, 0, 0];
    await fc.assert(
      fc.asyncProperty(sheetFile, fc.integer({ min: 1, max: 200 }), async (book, chunk) => {
        const refDiags = new Diagnostics();
        const ref = await readXlsx(source(book, 65536), 'l.xlsx', {}, recording(), refDiags);
        const diags = new Diagnostics();
        let sinks = 0;
        const got = await readXlsx(
          source(book, chunk),
          'l.xlsx',
          {},
          () => {
            sinks++;
            return recording();
          },
          diags,
        );
        // One sink when the scanner read the sheet, a second when it left it to saxes.
        made[sinks]!++;
        expect(problems(diags)).toEqual(problems(refDiags));
        expect(got).toEqual(ref);
      }),
      { numRuns: 300 },
    );
    // Most files the reader reports a cell of stop early, which is left to saxes too.
    expect(made[1]).toBeGreaterThan(40);
    expect(made[2]).toBeGreaterThan(20);
  });
});
