import type { Diagnostic } from './diagnostic.js';

export interface Style {
  readonly error: (s: string) => string;
  readonly warning: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

/** The text of a line of a file, for excerpts; undefined when not at hand. */
export type LineLookup = (file: string, line: number) => string | undefined;

export const PLAIN: Style = { error: (s) => s, warning: (s) => s, dim: (s) => s, bold: (s) => s };

/**
 * Compiler-style text: `file:line:col: error: message`, the offending line
 * with a gutter and a caret under the column, then the hint. `sources` maps a
 * file name to its text; a file not in it is shown without an excerpt.
 */
export function renderDiagnostic(d: Diagnostic, lines: LineLookup, style: Style = PLAIN): string {
  const sev = d.severity === 'error' ? style.error('error') : style.warning('warning');
  const out = [style.bold(`${d.file}:${d.line}:${d.col}:`) + ` ${sev}: ${d.message} [${d.code}]`];
  const line = lines(d.file, d.line);
  if (line !== undefined) {
    const gutter = String(d.line);
    const pad = ' '.repeat(gutter.length);
    const shown = line.replace(/\t/g, ' ');
    out.push(style.dim(`${pad} |`));
    out.push(style.dim(`${gutter} |`) + ` ${shown}`);
    out.push(style.dim(`${pad} |`) + ` ${' '.repeat(Math.max(0, d.col - 1))}${d.severity === 'error' ? style.error('^') : style.warning('^')}`);
  }
  if (d.hint) out.push(`${' '.repeat(String(d.line).length)} = hint: ${d.hint}`);
  return out.join('\n');
}

export function renderDiagnostics(list: readonly Diagnostic[], lines: LineLookup, style: Style = PLAIN): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const blocks = list.map((d) => renderDiagnostic(d, lines, style));
  const summary: string[] = [];
  if (errors) summary.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) summary.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return blocks.join('\n\n') + (summary.length ? `\n\n${summary.join(', ')}\n` : '');
}

/** Machine-readable diagnostics for CI (`check --format json`). */
export function diagnosticsToJson(list: readonly Diagnostic[]): object[] {
  return list.map((d) => ({ file: d.file, line: d.line, col: d.col, severity: d.severity, code: d.code, message: d.message, hint: d.hint ?? null }));
}
