/** Where something was written: 1-based line and column. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning';

/**
 * One problem found in the input. Validation collects these instead of
 * throwing, so a single run reports every problem.
 */
export interface Diagnostic extends SourcePos {
  readonly severity: Severity;
  /** Stable identifier, e.g. `key-shares-sum`; see docs/errors.md. */
  readonly code: string;
  readonly message: string;
  /** One line on how to fix it. */
  readonly hint?: string;
}

/** A sink that rule functions push into. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(at: SourcePos, code: string, message: string, hint?: string): void {
    this.list.push({ severity: 'error', file: at.file, line: at.line, col: at.col, code, message, ...(hint ? { hint } : {}) });
  }

  warning(at: SourcePos, code: string, message: string, hint?: string): void {
    this.list.push({ severity: 'warning', file: at.file, line: at.line, col: at.col, code, message, ...(hint ? { hint } : {}) });
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }

  /** In reading order: by file, line, column, so output is stable. */
  sorted(): Diagnostic[] {
    return [...this.list].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Raised when input is wrong and nothing more can be computed; carries every
 * diagnostic found so far. The CLI turns it into exit code 1.
 */
export class InputError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
  }
}

/** Runs a computation that raises {@link InputError}, keeping its diagnostics with ours. */
export function collecting<T>(diags: Diagnostics, run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    diags.list.push(...e.diagnostics);
    return null;
  }
}
