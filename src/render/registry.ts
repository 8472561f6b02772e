import type { CheckReport } from '../reports/check.js';
import type { DeviationReport } from '../reports/deviation.js';
import type { Explanation } from '../reports/explanation.js';
import type { Invoice } from '../reports/invoice.js';
import type { AllocationReport } from '../reports/allocation.js';
import type { SettlementReport } from '../reports/settlement.js';
import type { ScenarioComparison, ScenarioHead, ScenarioPoint } from '../reports/scenario.js';
import type { Projection } from '../reports/projection.js';
import { allocationLinesSheet, allocationSheets } from './allocation-sheets.js';
import { allocationJson } from './allocation-json.js';
import { allocationDoc } from './allocation-text.js';
import { CHECK_RENDERERS } from './check.js';
import type { Output, WithDiagnostics } from './output.js';
import { json, type Renderer, type RenderOptions } from './renderer.js';
import type { FormatOf, ReportKind } from './formats.js';
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
import type { Locale } from './locale.js';
import { projectionDoc, projectionJson, projectionSheet } from './projection.js';
import { scheduleSheet, scheduleSheets, settlementSheet, settlementSheets } from './settlement-sheets.js';
import { scenarioSheet } from './scenario-sheets.js';
import { type Sheet, sheetCsv } from './sheet.js';
import { toXlsx } from './xlsx.js';
import { settlementJson } from './settlement-json.js';
import { scheduleDoc, settlementDoc } from './settlement-text.js';
import { projectionHtml, scenarioHtml } from './scenario-html.js';
import { scenarioDoc } from './scenario-text.js';
import { scenarioCsv, scenarioJson, type Streamed } from './scenario-data.js';

export type { Output, WithDiagnostics } from './output.js';
export type { Renderer, RenderOptions } from './renderer.js';
export { type FormatOf, formatsOf, type ReportKind } from './formats.js';

/** A renderer that can also write its report a piece at a time, for a report too long to hold: see {@link streamOf}. */
export type StreamRenderer<R, H, P> = Renderer<R> & { readonly stream: Streamed<H, P> };

/** A streamed format as a renderer of the whole report: head, each point, tail — the same text as written a piece at a time. */
const streamed = <R extends H, H, P>(s: Streamed<H, P>, points: (r: R) => readonly P[]): StreamRenderer<R, H, P> =>
  Object.assign(
    (r: R, o: RenderOptions) =>
      s.head(r, o.version, o.locale) +
      points(r)
        .map((p, n) => s.point(r, p, n, o.locale))
        .join('') +
      s.tail(r),
    { stream: s },
  );

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
 * Every report and its renderer for each format render/formats.ts lists for
 * it (the same formats in the same order, tests/unit/formats.test.ts): the
 * one place a format is chosen.
 */
export const RENDERERS = {
  check: CHECK_RENDERERS,
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
  /** csv and json can be written a scenario at a time (render/scenario-data.ts), so a long sweep holds no reports. */
  scenario: {
    ...doc((c: ScenarioComparison, o) => scenarioDoc(c, o.locale)),
    json: streamed<ScenarioComparison, ScenarioHead, ScenarioPoint>(scenarioJson, (c) => c.columns),
    csv: streamed<ScenarioComparison, ScenarioHead, ScenarioPoint>(scenarioCsv, (c) => c.columns),
    xlsx: (c: ScenarioComparison, o: RenderOptions) =>
      toXlsx([scenarioSheet(c, o.locale)], { locale: o.locale, title: scenarioDoc(c, o.locale).title, date: o.today, version: o.version }),
    html: (c: ScenarioComparison, o: RenderOptions) => scenarioHtml(c, o.locale),
  },
  invoice: {
    html: (i: Invoice, o: RenderOptions) => invoiceHtml(i, o.locale),
    md: (i: Invoice, o: RenderOptions) => docToMarkdown(invoiceDoc(i, o.locale)),
    csv: (i: Invoice, o: RenderOptions) => invoiceCsv(i, o.locale),
    json: json('invoice', invoiceJson),
    ehf: (i: Invoice, o: RenderOptions) => invoiceEhf(i, o.locale),
  },
} as const satisfies { readonly [K in ReportKind]: { readonly [F in FormatOf<K>]: Renderer<Reports[K]> } };

/** A report written in one of its formats. */
export function render<K extends Exclude<ReportKind, 'check'>>(kind: K, format: FormatOf<K>, report: Reports[K], options: RenderOptions): Output;
/** `check` as a table carries its diagnostics, for standard error. */
export function render<K extends ReportKind>(kind: K, format: FormatOf<K>, report: Reports[K], options: RenderOptions): Output | WithDiagnostics;
export function render<K extends ReportKind>(kind: K, format: FormatOf<K>, report: Reports[K], options: RenderOptions): Output | WithDiagnostics {
  // Sound by the `satisfies` above: every renderer listed under K takes Reports[K].
  const renderers = RENDERERS[kind] as unknown as Readonly<Record<string, Renderer<Reports[K]>>>;
  return renderers[format]!(report, options);
}

/** The streamed form of a scenario format, where it has one: the CLI writes a sweep's scenarios through it as they run (and its worker threads their shares). */
export function scenarioStream(format: FormatOf<'scenario'>): Streamed<ScenarioHead, ScenarioPoint> | null {
  const renderer = RENDERERS.scenario[format];
  return 'stream' in renderer ? renderer.stream : null;
}

/** The file extension per invoice format: EHF is UBL XML. */
export const INVOICE_EXTENSIONS: Record<FormatOf<'invoice'>, string> = { html: 'html', md: 'md', csv: 'csv', json: 'json', ehf: 'xml' };
