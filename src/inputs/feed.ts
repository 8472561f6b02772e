import type { ErrorCode } from '../diagnostics/codes.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { type Said, said } from '../text/said.js';
import { CappedDiagnostics, ERRORS_SHOWN_PER_CODE, type RowView, type TableHeader, type TableSink } from './table.js';

/**
 * What every non-CSV source does around its own parsing: hands the header to
 * the sink, then each row with as many cells as the header, caps repeated
 * errors, and gives the sink's result only when nothing went wrong — the
 * same contract as the CSV reader, so a sink never knows which source fed it.
 */
export class SinkFeed<T> {
  readonly diags = new CappedDiagnostics(ERRORS_SHOWN_PER_CODE);
  private head: TableHeader | null = null;
  private usable = true;
  /** Data rows handed to the sink. */
  rows = 0;

  constructor(
    private readonly sink: TableSink<T>,
    private readonly outer: Diagnostics,
  ) {}

  get started(): boolean {
    return this.head !== null;
  }

  get reading(): boolean {
    return this.usable;
  }

  header(h: TableHeader): void {
    this.head = h;
    this.usable = this.sink.header(h, this.diags);
  }

  row(r: RowView): void {
    if (!this.usable || !this.head) return;
    this.rows++;
    this.sink.row(r, this.diags);
  }

  /** Reads no more rows: the rest of the file cannot be trusted. */
  fail(at: SourcePos, code: ErrorCode, message: Said, hint: Said): void {
    this.diags.error(at, code, message, hint);
    this.usable = false;
  }

  end(noHeader: { at: SourcePos; hint: Said }): T | null {
    if (!this.head && this.usable && this.diags.count === 0)
      this.diags.error(noHeader.at, 'csv-empty', said('filen har ingen overskriftsrad', 'the file has no header row'), noHeader.hint);
    const result = this.head && this.usable ? this.sink.finish(this.diags) : null;
    for (const e of this.diags.flush()) this.outer.list.push(e);
    return this.diags.count > 0 ? null : result;
  }
}
