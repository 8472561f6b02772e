import type { Said } from '../text/said.js';
import type { ErrorCode } from './codes.js';

/** Where something was written: 1-based line and column. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** A SAF-T line's own name, which a reader finds in the accounting system where a line number means nothing. */
  readonly record?: SaftRecord;
}

/** A SAF-T general-ledger line by its transaction (voucher) and record id. */
export interface SaftRecord {
  readonly transaction: string;
  readonly record: string;
}

export type Severity = 'error' | 'warning';

/**
 * One problem found in the input. Validation collects these instead of
 * throwing, so a single run reports every problem.
 */
export interface Diagnostic extends SourcePos {
  readonly severity: Severity;
  /** Stable identifier, e.g. `key-shares-sum`; see docs/errors.md. */
  readonly code: ErrorCode;
  readonly message: Said;
  /** One line on how to fix it. */
  readonly hint?: Said;
}

/** A sink that rule functions push into. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(at: SourcePos, code: ErrorCode, message: Said, hint?: Said): void {
    this.list.push({ severity: 'error', file: at.file, line: at.line, col: at.col, code, message, ...(hint ? { hint } : {}) });
  }

  warning(at: SourcePos, code: ErrorCode, message: Said, hint?: Said): void {
    this.list.push({ severity: 'warning', file: at.file, line: at.line, col: at.col, code, message, ...(hint ? { hint } : {}) });
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  /** The report of another computation, its problems joining ours. */
  take<R>(c: Computed<R>): R | null {
    for (const e of c.diagnostics) this.list.push(e);
    return c.report;
  }

  /** Nothing computed: what was found says why. */
  failure(): { readonly report: null; readonly diagnostics: readonly Diagnostic[] } {
    return { report: null, diagnostics: this.sorted() };
  }

  /** `report` with what was found; a failure once anything found is an error. */
  result<R>(report: R): Computed<R> {
    return this.hasErrors ? this.failure() : { report, diagnostics: this.sorted() };
  }

  /**
   * In reading order: by file, line, column, so output is stable. A problem
   * found twice (the same code and message at the same place: a missing
   * population, seen by the allocation and again by the a-konto budget) is
   * reported once.
   */
  sorted(): Diagnostic[] {
    const seen = new Set<string>();
    return [...this.list].sort(compareDiagnostics).filter((d) => {
      const key = `${d.file}\0${d.line}\0${d.col}\0${d.code}\0${d.message.en}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

/** Problems found by several steps as one list, in reading order, each once. */
export function together(...lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const diags = new Diagnostics();
  for (const l of lists) diags.list.push(...l);
  return diags.sorted();
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * What a computation gives: its report, or null when the input has an error,
 * with every problem found either way. The core returns this instead of
 * throwing, so a caller sees every problem of every step it ran.
 */
export type Computed<R> =
  | { readonly report: R; readonly diagnostics: readonly Diagnostic[] }
  | { readonly report: null; readonly diagnostics: readonly Diagnostic[] };
