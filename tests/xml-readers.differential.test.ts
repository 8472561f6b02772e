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
 * for some. The shared strings are generated too (entities, rich text runs,
 * phonetic hints, non-ASCII, CR line ends, empty entries), and held as bytes
 * by the scanner's path but as decoded text by the reference's.
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
    // Both roads are taken many times (bounds far below what 300 random files give, so no seed fails them).
    expect(scanned).toBeGreaterThan(50);
    expect(left).toBeGreaterThan(10);
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
  // The generated shared strings (3 to 5, and 7 when there are that many), and indexes as Number() reads them: '' and -0 are the first.
  (ref: string) => `<c r="${ref}" t="s"><v>3</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>4</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>5</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>7</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v> 1.0 </v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>-0</v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v></v></c>`,
  // Attributes and indexes the scanner's path reads from their bytes, in the shapes it leaves to their text.
  (ref: string) => `<c r="${ref}" t="s"><v>00<!-- c -->x1</v></c>`,
  (ref: string) => `<c r="${ref}" t="&#115;"><v>0</v></c>`,
  (ref: string) => `<c r="${ref}" s="01"><v>45382</v></c>`,
  (ref: string) => `<c r="${ref}" s=" 1"><v>45382</v></c>`,
  (ref: string) => `<c r="&#67;${ref.slice(1)}" t="s"><v>4</v></c>`,
  () => '<c r="" t="s"><v>1</v></c>',
  // Cells the sheet reader reads from their bytes (ScannedSheet.skim), and cells beside that shape it leaves to the scanner.
  (ref: string) => `<c r="${ref}" s="1" t="s"><v>2</v></c>`,
  (ref: string) => `<c s="0" r="${ref}"><v>-0.25</v></c>`,
  (ref: string) => `<c r="${ref}" t="n"><v>12.50</v></c>`,
  (ref: string) => `<c r="${ref}" t="str"><v>a b]c 'd' "e" &gt;</v></c>`,
  (ref: string) => `<c r="${ref}" t="str"><v>a b]]>c</v></c>`,
  (ref: string) => `<c r="${ref}" t="e"><v>#N/A</v></c>`,
  (ref: string) => `<c r="${ref}" s=""><v>7</v></c>`,
  (ref: string) => `<c r="${ref}" s="x"><v>7</v></c>`,
  (ref: string) => `<c r="${ref}" t="s" t="s"><v>1</v></c>`,
  (ref: string) => `<c r="${ref}" r="${ref}"><v>1</v></c>`,
  (ref: string) => `<c r="${ref}"  t="s"><v>1</v></c>`,
  (ref: string) => `<c r="${ref}" t = "s"><v>1</v></c>`,
  (ref: string) => `<c r="${ref}" cm="1"><v>1</v></c>`,
  (ref: string) => `<c r="${ref}"><v>	5</v></c>`,
  (ref: string) => `<c r="${ref}"><v>5</v ></c>`,
  (ref: string) => `<c r="${ref}"><v>5</v></c >`,
  (ref: string) => `<c r="${ref}"><v>5</v></x>`,
  (ref: string) => `<c r="${ref}" t="str"><v>ø</v></c>`,
  (ref: string) => `<c r="${ref}"><v></v></c>`,
  (ref: string) => `<c r="${ref}" t="s"><v>3</v></c><c r="${ref}" t="s"><v>4</v></c>`,
  (ref: string) => `<c r="${ref}>"><v>1</v></c>`,
];
/** A row's r="…", as the scanner's path reads it from its bytes or, in other shapes, its text. */
const ROW_NUMBERS = [
  (n: number) => `${n}`,
  (n: number) => `${n}`,
  (n: number) => `${n}`,
  (n: number) => `00${n}`,
  () => '',
  (n: number) => `&#${48 + n};`,
  () => '-1',
  (n: number) => ` ${n}`,
];
const SHARED_HEAD =
  '<si><t>Art</t></si><si><r><rPr><b/></rPr><t>Be</t></r><r><t>løp</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve">a &lt; b </t></si>';
/** Text runs of shared strings: entities, non-ASCII, line ends saxes normalises, comments and CDATA inside, nothing. */
const RUNS = [
  'konto',
  'lønn &amp; lisens',
  '&#229;l &#x1F600;&#10;',
  'æøå 😀 漢字',
  'a\r\nb\rc\n',
  ' ',
  'x<!-- c -->y',
  'a<![CDATA[<z>]]>b',
  '&lt;&gt;&quot;&apos;',
  '',
];
const sharedEntry = fc
  .record({
    runs: fc.array(fc.nat({ max: RUNS.length - 1 }), { maxLength: 3 }),
    rich: fc.boolean(),
    phonetic: fc.boolean(),
  })
  .map(({ runs, rich, phonetic }) => {
    if (runs.length === 0) return rich ? '<si/>' : '<si><t/></si>';
    const texts = runs.map((r) => `<t xml:space="preserve">${RUNS[r]}</t>`);
    const body = rich || runs.length > 1 ? texts.map((t) => `<r><rPr><b/></rPr>${t}</r>`).join('') : texts[0]!;
    return `<si>${body}${phonetic ? '<rPh sb="0" eb="1"><t>ふ</t></rPh>' : ''}</si>`;
  });
const STYLES =
  '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';

const sheetFile = fc
  .record({
    rows: fc.array(fc.array(fc.nat({ max: CELLS.length - 1 }), { maxLength: 4 }), { minLength: 1, maxLength: 8 }),
    numbered: fc.boolean(),
    numbering: fc.nat({ max: 7 }),
    hostile: fc.constantFrom('', '', '', '<!DOCTYPE x>', '\u0001', '<row r="x"><c>'),
    header: fc.boolean(),
    shared: fc.array(sharedEntry, { minLength: 3, maxLength: 5 }),
    // What the scanner leaves to saxes in the shared strings: a processing instruction (saxes reads it), an entity saxes rejects.
    sharedHostile: fc.constantFrom('', '', '', '<si><?pi x?><t>p</t></si>', '<si><t>&nbsp;</t></si>'),
  })
  .map(({ rows, numbered, numbering, hostile, header, shared, sharedHostile }) => {
    const head = header ? `<row r="1">${CELLS[0]!('A1')}${CELLS[4]!('B1')}${CELLS[2]!('C1')}</row>` : '';
    const body = rows
      .map((cells, r) => {
        const n = r + 2;
        const row = cells.map((c, i) => CELLS[c]!(`${'ABCD'[i]}${n}`)).join('');
        return cells.length === 0
          ? `<row r="${n}"/>`
          : `<row${numbered ? ` r="${ROW_NUMBERS[(r + numbering) % ROW_NUMBERS.length]!(n)}"` : ''} spans="1:4">${row}</row>`;
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
      { name: 'xl/sharedStrings.xml', data: bytes(`<sst>${SHARED_HEAD}${shared.join('')}${sharedHostile}</sst>`) },
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
    expect(made[1]).toBeGreaterThan(20);
    expect(made[2]).toBeGreaterThan(10);
  });
  it('numbers rows as saxes’ reading of their r does, whatever it holds', async () => {
    const cells = (n: number) => `<c t="inlineStr"><is><t>a${n}</t></is></c><c><v>${n}</v></c>`;
    const rows = ['5', '-1', '', '007', ' 9', '&#52;', 'x', '0', '12'].map((r, i) => `<row r="${r}">${cells(i)}</row>`).join('');
    const book = zip([
      { name: 'xl/workbook.xml', data: bytes('<workbook xmlns:r="urn:r"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: bytes('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: bytes(
          `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Art</t></is></c><c t="inlineStr"><is><t>Beløp</t></is></c></row>${rows}</sheetData></worksheet>`,
        ),
      },
    ]);
    const refDiags = new Diagnostics();
    const ref = await readXlsx(source(book, 65536), 'l.xlsx', {}, recording(), refDiags);
    const diags = new Diagnostics();
    let sinks = 0;
    const got = await readXlsx(
      source(book, 65536),
      'l.xlsx',
      {},
      () => {
        sinks++;
        return recording();
      },
      diags,
    );
    expect(sinks).toBe(1);
    expect(problems(diags)).toEqual(problems(refDiags));
    expect(got).toEqual(ref);
    expect(got.result).toContain('row -1 a1@-1:1 | 1@-1:2');
  });
});
