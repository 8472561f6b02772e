import type { IsoDate } from '../dates/date.js';
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
 * header row stays in view, and repeats on every printed page. Amounts are
 * written as their exact decimal text: no amount passes through a float here.
 *
 * The workbook names itself (document title, the run's date) and each sheet
 * prints landscape, as wide as one page, under a header with the title and
 * date and a footer with the page number: a printed sheet says what it is.
 */
export function toXlsx(sheets: readonly Sheet[], meta: WorkbookMeta): Uint8Array {
  const names = uniqueNames(sheets.map((s) => s.name));
  const text = (name: string, xml: string) => ({ name, data: new TextEncoder().encode(xml) });
  return zip([
    text('[Content_Types].xml', contentTypes(sheets.length)),
    text('_rels/.rels', ROOT_RELS),
    text('docProps/app.xml', APP),
    text('docProps/core.xml', core(meta)),
    text('xl/workbook.xml', workbook(names)),
    text('xl/_rels/workbook.xml.rels', workbookRels(sheets.length)),
    text('xl/styles.xml', styles(meta.locale)),
    ...sheets.map((s, i) => text(`xl/worksheets/sheet${i + 1}.xml`, worksheet(s, meta))),
  ]);
}

export interface WorkbookMeta {
  readonly locale: Locale;
  /** The report's title: agreement, year and what the report is (`ROR-IKT 2023 — Avregning`). */
  readonly title: string;
  /** The day the figures were taken. */
  readonly date: IsoDate;
  readonly version: string;
}

/** The document's own properties (File → Info in Excel): title, who made it, and when. */
function core(meta: WorkbookMeta): string {
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(meta.title)}</dc:title><dc:creator>samkost ${esc(meta.version)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${meta.date}T00:00:00Z</dcterms:created></cp:coreProperties>`
  );
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const ROOT_RELS =
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

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
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `${sheets}</Types>`
  );
}

function workbook(names: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // The header row repeats on every printed page.
  const titles = names.map((n, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${esc(n.replace(/'/g, "''"))}'!$1:$1</definedName>`).join('');
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets><definedNames>${titles}</definedNames></workbook>`;
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

function worksheet(s: Sheet, meta: WorkbookMeta): string {
  const widths = s.columns.map((c, i) => Math.min(60, Math.max(8, c.title.length + 2, ...s.rows.map((r) => shown(r[i] ?? null).length + 2))));
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const header = `<row r="1">${s.columns.map((c, i) => inline(ref(i, 1), c.title, STYLE.header)).join('')}</row>`;
  const rows = s.rows.map((r, n) => `<row r="${n + 2}">${r.map((c, i) => cell(ref(i, n + 2), c)).join('')}</row>`).join('');
  const last = ref(Math.max(0, s.columns.length - 1), s.rows.length + 1);
  return (
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${header}${rows}</sheetData>` +
    `<autoFilter ref="A1:${last}"/>` +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    `<headerFooter><oddHeader>${esc(pageHeader(meta))}</oddHeader><oddFooter>${esc(meta.locale === 'nb' ? '&CSide &P av &N' : '&CPage &P of &N')}</oddFooter></headerFooter>` +
    '</worksheet>'
  );
}

/** `&L` title left, `&R` date right; a literal `&` in the title is written `&&`. */
function pageHeader(meta: WorkbookMeta): string {
  const [y, m, d] = meta.date.split('-');
  return `&L${meta.title.replace(/&/g, '&&')}&R${meta.locale === 'nb' ? `${d}.${m}.${y}` : meta.date}`;
}

function cell(at: string, c: Cell): string {
  // An empty text is no cell at all: Excel's blanks filter and COUNTA see an empty cell, not a string of nothing.
  if (c === null || (c.kind === 'text' && c.value === '')) return '';
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
const inline = (at: string, value: string, style: number) =>
  `<c r="${at}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(fitCell(value))}</t></is></c>`;

/** Excel holds at most 32 767 characters in a cell and refuses to open a workbook with more: a longer text is cut, with '…' to say so. */
const MAX_CELL = 32_767;
function fitCell(text: string): string {
  if (text.length <= MAX_CELL) return text;
  let end = MAX_CELL - 1;
  // Never between the two halves of a character outside the BMP.
  if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}…`;
}

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
