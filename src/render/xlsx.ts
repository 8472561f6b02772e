import type { Locale } from './locale.js';
import { escapeMarkup as esc } from './markup.js';
import type { Cell, ColumnKind, Sheet } from './sheet.js';
import { zip } from './zip.js';

/**
 * An Excel workbook (Office Open XML SpreadsheetML, ECMA-376), a sheet per
 * table: numbers are numbers with a number format (money `# ##0,00` as
 * Norwegian Excel shows `#,##0.00`; shares and percentages as %), dates are
 * dates, ids and labels are text in the text format (an id of digits stays
 * text when edited); each column is as wide as its widest cell and the
 * header row stays in view. Amounts are written as
 * their exact decimal text: no amount passes through a float here.
 */
export function toXlsx(sheets: readonly Sheet[], locale: Locale): Uint8Array {
  const names = uniqueNames(sheets.map((s) => s.name));
  const text = (name: string, xml: string) => ({ name, data: new TextEncoder().encode(xml) });
  return zip([
    text('[Content_Types].xml', contentTypes(sheets.length)),
    text('_rels/.rels', ROOT_RELS),
    text('docProps/app.xml', APP),
    text('xl/workbook.xml', workbook(names)),
    text('xl/_rels/workbook.xml.rels', workbookRels(sheets.length)),
    text('xl/styles.xml', styles(locale)),
    ...sheets.map((s, i) => text(`xl/worksheets/sheet${i + 1}.xml`, worksheet(s))),
  ]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const ROOT_RELS =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const APP = `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>samkost</Application></Properties>`;

function contentTypes(count: number): string {
  const sheets = Array.from(
    { length: count },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    `${sheets}</Types>`
  );
}

function workbook(names: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  return (
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.join('')}` +
    `<Relationship Id="rId${count + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  );
}

/** The cell formats, by index: what each kind of column is shown as. Built-in number formats: 0 General, 4 `#,##0.00`, 10 `0.00%`, 49 text. */
const STYLE: Readonly<Record<ColumnKind | 'header', number>> = { text: 7, header: 1, money: 2, ratio: 3, percent: 4, number: 5, date: 6 };

function styles(locale: Locale): string {
  const date = locale === 'nb' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  const xf = (numFmt: number, font = 0) =>
    `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${numFmt || font ? ' applyNumberFormat="1" applyFont="1"' : ''}/>`;
  return (
    `${XML}<styleSheet xmlns="${MAIN}">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00##%"/><numFmt numFmtId="165" formatCode="${date}"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="8">${xf(0)}${xf(0, 1)}${xf(4)}${xf(164)}${xf(10)}${xf(0)}${xf(165)}${xf(49)}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function worksheet(s: Sheet): string {
  const widths = s.columns.map((c, i) => Math.min(60, Math.max(8, c.title.length + 2, ...s.rows.map((r) => shown(r[i] ?? null).length + 2))));
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const header = `<row r="1">${s.columns.map((c, i) => inline(ref(i, 1), c.title, STYLE.header)).join('')}</row>`;
  const rows = s.rows.map((r, n) => `<row r="${n + 2}">${r.map((c, i) => cell(ref(i, n + 2), c)).join('')}</row>`).join('');
  const last = ref(Math.max(0, s.columns.length - 1), s.rows.length + 1);
  return (
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${header}${rows}</sheetData>` +
    `<autoFilter ref="A1:${last}"/></worksheet>`
  );
}

function cell(at: string, c: Cell): string {
  if (c === null) return '';
  switch (c.kind) {
    case 'text':
      return inline(at, c.value, STYLE.text);
    case 'money':
      return number(at, c.value.toPlain(), STYLE.money);
    case 'ratio':
    case 'percent':
    case 'number':
      return number(at, c.value.toDecimalString(12), STYLE[c.kind]);
    case 'date':
      return number(at, String(serial(c.value)), STYLE.date);
  }
}

const number = (at: string, value: string, style: number) => `<c r="${at}" s="${style}"><v>${value}</v></c>`;
const inline = (at: string, value: string, style: number) => `<c r="${at}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`;

/** Roughly how many characters a cell shows, for its column's width. */
function shown(c: Cell): string {
  if (c === null) return '';
  if (c.kind === 'money') return `${c.value.toFixed2()}   `;
  if (c.kind === 'date') return '00.00.0000';
  return typeof c.value === 'string' ? c.value : c.value.toDecimalString(4);
}

/** Excel's day number: days since 30 December 1899. */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** `A1`-style reference of a zero-based column and a one-based row. */
function ref(col: number, row: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = (c - 1 - ((c - 1) % 26)) / 26) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row}`;
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, and no two alike. */
function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = n.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}
