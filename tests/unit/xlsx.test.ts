import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money/money.js';
import { moneyColumn, sheet, textColumn } from '../../src/render/sheet.js';
import { toXlsx } from '../../src/render/xlsx.js';

/** The parts of a zip by name, read from its local headers. */
function parts(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const packed = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    out.set(name, new TextDecoder().decode(inflateRawSync(bytes.subarray(at + 30 + nameLength, at + 30 + nameLength + packed))));
    at += 30 + nameLength + packed;
  }
  return out;
}

describe('the workbook writer', () => {
  type Row = { readonly id: string; readonly key: string; readonly amount: Money };
  const table = sheet<Row>(
    'Fordeling & co',
    [textColumn('Kommune', (r) => r.id), textColumn('Nøkkel', (r) => r.key), moneyColumn('Beløp', (r) => r.amount)],
    [
      { id: 'molde', key: '', amount: Money.parse('10.50')! },
      { id: 'aukra', key: 'ror', amount: Money.parse('2')! },
    ],
  );
  const xlsx = parts(toXlsx([table], { locale: 'nb', title: 'ROR-IKT 2023 — Fordeling & avregning', date: '2024-02-15', version: '9.9.9' }));
  it('writes an empty text as no cell at all, so Excel sees a blank', () => {
    const ws = xlsx.get('xl/worksheets/sheet1.xml')!;
    expect(ws).not.toContain('<t xml:space="preserve"></t>');
    expect(ws).toMatch(/<row r="2"><c r="A2"[^>]*>.*?<\/c><c r="C2"/);
    expect(ws).toContain('<c r="B3" s="7" t="inlineStr"><is><t xml:space="preserve">ror</t></is></c>');
  });
  it('names the document: title, maker and the run date in its core properties, listed in the package', () => {
    const core = xlsx.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>ROR-IKT 2023 — Fordeling &amp; avregning</dc:title>');
    expect(core).toContain('<dc:creator>samkost 9.9.9</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-02-15T00:00:00Z</dcterms:created>');
    expect(xlsx.get('[Content_Types].xml')).toContain('PartName="/docProps/core.xml"');
    expect(xlsx.get('_rels/.rels')).toContain('Target="docProps/core.xml"');
  });
  it('prints: landscape A4 one page wide, the header row on every page, title and date above, page numbers below', () => {
    const ws = xlsx.get('xl/worksheets/sheet1.xml')!;
    expect(ws).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(ws).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    // '&' in the title is '&&' in a header's codes, then escaped as XML.
    expect(ws).toContain('<oddHeader>&amp;LROR-IKT 2023 — Fordeling &amp;&amp; avregning&amp;R15.02.2024</oddHeader>');
    expect(ws).toContain('<oddFooter>&amp;CSide &amp;P av &amp;N</oddFooter>');
    expect(xlsx.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Fordeling &amp; co'!$1:$1</definedName>`);
  });
  it('cuts a text longer than Excel holds in a cell (32 767 characters), with … to say so, never inside a character', () => {
    const long = sheet<{ t: string }>(
      'Lang',
      [textColumn('Tekst', (r) => r.t)],
      [{ t: `${'a'.repeat(32_765)}😀${'b'.repeat(10)}` }, { t: 'x'.repeat(32_767) }],
    );
    const ws = parts(toXlsx([long], { locale: 'nb', title: 'T', date: '2024-01-01', version: '1' })).get('xl/worksheets/sheet1.xml')!;
    const cells = [...ws.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]!);
    // The emoji would straddle the cut (code units 32 766–32 767): it goes whole, and the … takes its place.
    expect(cells[1]).toBe(`${'a'.repeat(32_765)}…`);
    expect(cells[1]!.length).toBeLessThanOrEqual(32_767);
    // Exactly at the limit: kept as it is.
    expect(cells[2]).toBe('x'.repeat(32_767));
  });
});
