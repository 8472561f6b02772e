import type { CheckReport } from '../reports/check.js';
import type { DeviationReport } from '../reports/deviation.js';
import type { Explanation } from '../reports/explanation.js';
import type { Invoice } from '../reports/invoice.js';
import type { AllocationReport } from '../reports/allocation.js';
import type { SettlementReport } from '../reports/settlement.js';
import type { ScenarioComparison } from '../reports/scenario.js';
import type { Projection } from '../reports/projection.js';
import { allocationLinesSheet, allocationSheets } from './allocation-sheets.js';
import { allocationJson } from './allocation-json.js';
import { allocationDoc } from './allocation-text.js';
import { checkGithub, checkJson, checkSarif, checkText } from './check.js';
import { deviationSheet, deviationSheets } from './deviation-sheets.js';
import { deviationJson } from './deviation-json.js';
import { deviationHtml } from './deviation-html.js';
import { deviationDoc } from './deviation-text.js';
import type { Doc } from './doc.js';
import { docToMarkdown, docToText } from './doc-text.js';
import { explanationJson } from './explain-json.js';
import { explanationText } from './explain-text.js';
import { invoiceCsv, invoiceJson } from './invoice-data.js';
import { invoiceDoc } from './invoice-doc.js';
import { invoiceEhf } from './invoice-ehf.js';
import { invoiceHtml } from './invoice-html.js';
import { type JsonFormat, jsonHead } from './json-head.js';
import type { Locale } from './locale.js';
import { projectionDoc, projectionJson, projectionSheet } from './projection.js';
import { scheduleSheet, scheduleSheets, settlementSheet, settlementSheets } from './settlement-sheets.js';
import type { IsoDate } from '../dates/date.js';
import { scenarioSheet } from './scenario-sheets.js';
import { type Sheet, sheetCsv } from './sheet.js';
import { toXlsx } from './xlsx.js';
import { settlementJson } from './settlement-json.js';
import { scheduleDoc, settlementDoc } from './settlement-text.js';
import { projectionHtml, scenarioHtml } from './scenario-html.js';
import { scenarioDoc } from './scenario-text.js';

/** What a renderer may take from the command line besides the report. */
export interface RenderOptions {
  readonly locale: Locale;
  /** Emphasis for headings in a terminal table; identity when colour is off. */
  readonly bold: (s: string) => string;
  /** Deviation tables in whole thousands of kroner (table and md). */
  readonly thousands: boolean;
  /** The samkost version every JSON output names. */
  readonly version: string;
  /** The day of the run, printed in a workbook's page header: when the figures were taken. */
  readonly today: IsoDate;
}

/** Text, or the bytes of a binary format (xlsx). */
export type Output = string | Uint8Array;

export type Renderer<R> = (report: R, options: RenderOptions) => Output;

const json =
  <R>(format: JsonFormat, toJson: (r: R, locale: Locale) => object): Renderer<R> =>
  (r, o) =>
    JSON.stringify({ ...jsonHead(format, o.version), ...toJson(r, o.locale) }, null, 2) + '\n';

/** A table as CSV, and the report's tables as a workbook titled as the report's document is. */
const sheets = <R>(csv: (r: R, locale: Locale) => Sheet, xlsx: (r: R, locale: Locale) => readonly Sheet[], title: (r: R, o: RenderOptions) => string) => ({
  csv: ((r, o) => sheetCsv(csv(r, o.locale), o.locale)) as Renderer<R>,
  xlsx: ((r, o) => toXlsx(xlsx(r, o.locale), { locale: o.locale, title: title(r, o), date: o.today, version: o.version })) as Renderer<R>,
});

/** A document shown as a terminal table or as Markdown. */
const doc = <R>(toDoc: (r: R, o: RenderOptions) => Doc) => ({
  table: ((r, o) => docToText(toDoc(r, o), o.bold)) as Renderer<R>,
  md: ((r, o) => docToMarkdown(toDoc(r, o))) as Renderer<R>,
});

/** The report each kind renders. */
export interface Reports {
  readonly check: CheckReport;
  readonly allocation: AllocationReport;
  readonly settlement: SettlementReport;
  readonly schedule: SettlementReport;
  readonly deviation: DeviationReport;
  readonly explanation: Explanation;
  readonly projection: Projection;
  readonly scenario: ScenarioComparison;
  readonly invoice: Invoice;
}

/**
 * Every report and the formats it can be written in: the one place a format
 * is chosen. A command offers exactly the formats listed for its report.
 */
export const RENDERERS = {
  check: {
    table: (r: CheckReport, o: RenderOptions) => checkText(r, o.locale),
    json: json('check', checkJson),
    github: (r: CheckReport, o: RenderOptions) => checkGithub(r, o.locale),
    sarif: (r: CheckReport, o: RenderOptions) => checkSarif(r, o.version, o.locale),
  },
  allocation: {
    ...doc((r: AllocationReport, o) => allocationDoc(r, o.locale)),
    json: json('allocation', allocationJson),
    ...sheets(allocationLinesSheet, allocationSheets, (r, o) => allocationDoc(r, o.locale).title),
  },
  settlement: {
    ...doc((r: SettlementReport, o) => settlementDoc(r, o.locale)),
    json: json('settlement', settlementJson),
    ...sheets(settlementSheet, settlementSheets, (r, o) => settlementDoc(r, o.locale).title),
  },
  schedule: {
    ...doc((r: SettlementReport, o) => scheduleDoc(r, o.locale)),
    json: json('schedule', settlementJson),
    ...sheets(scheduleSheet, scheduleSheets, (r, o) => scheduleDoc(r, o.locale).title),
  },
  deviation: {
    ...doc((r: DeviationReport, o) => deviationDoc(r, { locale: o.locale, thousands: o.thousands })),
    json: json('deviation', deviationJson),
    ...sheets(deviationSheet, deviationSheets, (r, o) => deviationDoc(r, { locale: o.locale, thousands: false }).title),
    html: (r: DeviationReport, o: RenderOptions) => deviationHtml(r, o.locale),
  },
  explanation: { table: (e: Explanation, o: RenderOptions) => explanationText(e, o.locale), json: json('explanation', explanationJson) },
  projection: {
    ...doc((p: Projection, o) => projectionDoc(p, o.locale)),
    json: json('projection', projectionJson),
    ...sheets(
      projectionSheet,
      (p: Projection, locale) => [projectionSheet(p, locale)],
      (p, o) => projectionDoc(p, o.locale).title,
    ),
    html: (p: Projection, o: RenderOptions) => projectionHtml(p, o.locale),
  },
  /** csv and json of a sweep are written a column at a time (render/scenario-data.ts), so a long sweep holds no reports. */
  scenario: {
    ...doc((c: ScenarioComparison, o) => scenarioDoc(c, o.locale)),
    html: (c: ScenarioComparison, o: RenderOptions) => scenarioHtml(c, o.locale),
    xlsx: (c: ScenarioComparison, o: RenderOptions) =>
      toXlsx([scenarioSheet(c, o.locale)], { locale: o.locale, title: scenarioDoc(c, o.locale).title, date: o.today, version: o.version }),
  },
  invoice: {
    html: (i: Invoice, o: RenderOptions) => invoiceHtml(i, o.locale),
    md: (i: Invoice, o: RenderOptions) => docToMarkdown(invoiceDoc(i, o.locale)),
    csv: (i: Invoice, o: RenderOptions) => invoiceCsv(i, o.locale),
    json: json('invoice', invoiceJson),
    ehf: (i: Invoice, o: RenderOptions) => invoiceEhf(i, o.locale),
  },
} as const satisfies { readonly [K in keyof Reports]: Readonly<Record<string, Renderer<Reports[K]>>> };

export type ReportKind = keyof typeof RENDERERS;
export type FormatOf<K extends ReportKind> = keyof (typeof RENDERERS)[K] & string;

/** A report written in one of its formats. */
export function render<K extends ReportKind>(kind: K, format: FormatOf<K>, report: Reports[K], options: RenderOptions): Output {
  // Sound by the `satisfies` above: every renderer listed under K takes Reports[K].
  const renderers = RENDERERS[kind] as unknown as Readonly<Record<string, Renderer<Reports[K]>>>;
  return renderers[format]!(report, options);
}

/** The formats a report can be written in, for the command line's choices. */
export const formatsOf = <K extends ReportKind>(kind: K): FormatOf<K>[] => Object.keys(RENDERERS[kind]) as FormatOf<K>[];

/** The file extension per invoice format: EHF is UBL XML. */
export const INVOICE_EXTENSIONS: Record<FormatOf<'invoice'>, string> = { html: 'html', md: 'md', csv: 'csv', json: 'json', ehf: 'xml' };
