import type { IsoDate } from '../dates/date.js';
import type { Style } from '../diagnostics/render.js';
import { type JsonFormat, jsonHead } from './json-head.js';
import type { Locale } from './locale.js';
import type { Output, WithDiagnostics } from './output.js';

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
  /** Colours for diagnostics, which go to standard error (`check` as a table); plain when colour is off there. */
  readonly diagnosticStyle: Style;
}

export type Renderer<R> = (report: R, options: RenderOptions) => Output | WithDiagnostics;

/** A report as JSON that names its format and the samkost that wrote it. */
export const json =
  <R>(format: JsonFormat, toJson: (r: R, locale: Locale) => object): Renderer<R> =>
  (r, o) =>
    JSON.stringify({ ...jsonHead(format, o.version), ...toJson(r, o.locale) }, null, 2) + '\n';
