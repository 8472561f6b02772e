import type { Locale } from '../text/said.js';
import { visible } from '../text/characters.js';
import type { Diagnostic, Severity } from './diagnostic.js';

export interface Style {
  readonly error: (s: string) => string;
  readonly warning: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

/** The text of a line of a file, for excerpts; undefined when not at hand. */
export type LineLookup = (file: string, line: number) => string | undefined;

export const PLAIN: Style = { error: (s) => s, warning: (s) => s, dim: (s) => s, bold: (s) => s };

/** The words before a message and before its hint. The codes in brackets stay as they are in every language. */
export const SEVERITY: Readonly<Record<Severity, Readonly<Record<Locale, string>>>> = {
  error: { nb: 'feil', en: 'error' },
  warning: { nb: 'advarsel', en: 'warning' },
};
export const HINT: Readonly<Record<Locale, string>> = { nb: 'tips', en: 'hint' };

/**
 * Compiler-style text: `file:line:col: feil: message`, the offending line
 * with a gutter and a caret under the column, then the hint. `sources` maps a
 * file name to its text; a file not in it is shown without an excerpt.
 */
export function renderDiagnostic(d: Diagnostic, lines: LineLookup, locale: Locale, style: Style = PLAIN): string {
  const word = SEVERITY[d.severity][locale];
  const sev = d.severity === 'error' ? style.error(word) : style.warning(word);
  // A file name, category or text from an input is shown, never sent to the terminal as control characters.
  const out = [style.bold(`${visible(d.file)}:${d.line}:${d.col}:`) + ` ${sev}: ${visible(d.message[locale])} [${d.code}]`];
  // A file that is no agreement at all (a password file, an .env) is named, never quoted.
  const line = d.code === 'not-agreement' ? undefined : lines(d.file, d.line);
  if (line !== undefined) {
    const gutter = String(d.line);
    const pad = ' '.repeat(gutter.length);
    const { text, caret } = excerpt(visible(line.replace(/\t/g, ' ')), d.col - 1);
    out.push(style.dim(`${pad} |`));
    out.push(style.dim(`${gutter} |`) + ` ${text}`);
    out.push(style.dim(`${pad} |`) + ` ${' '.repeat(Math.max(0, caret))}${d.severity === 'error' ? style.error('^') : style.warning('^')}`);
  }
  if (d.hint) out.push(`${' '.repeat(String(d.line).length)} = ${HINT[locale]}: ${visible(d.hint[locale])}`);
  return out.join('\n');
}

/** Past this many characters an excerpt shows the part around the column: a line of a megabyte helps no one. */
const EXCERPT = 120;

function excerpt(line: string, col: number): { text: string; caret: number } {
  if (line.length <= EXCERPT) return { text: line, caret: col };
  const start = Math.max(0, Math.min(col - EXCERPT / 2, line.length - EXCERPT));
  const end = start + EXCERPT;
  const before = start > 0 ? '…' : '';
  return { text: `${before}${line.slice(start, end)}${end < line.length ? '…' : ''}`, caret: col - start + before.length };
}

export function renderDiagnostics(list: readonly Diagnostic[], lines: LineLookup, locale: Locale, style: Style = PLAIN): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const blocks = list.map((d) => renderDiagnostic(d, lines, locale, style));
  const summary: string[] = [];
  if (errors) summary.push(locale === 'nb' ? `${errors} feil` : `${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) summary.push(locale === 'nb' ? `${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}` : `${warnings} warning${warnings === 1 ? '' : 's'}`);
  return blocks.join('\n\n') + (summary.length ? `\n\n${summary.join(', ')}\n` : '');
}

/** Machine-readable diagnostics for CI (`check --format json`): message and hint in the chosen language, the code the same in both. */
export function diagnosticsToJson(list: readonly Diagnostic[], locale: Locale): object[] {
  return list.map((d) => ({
    file: d.file,
    line: d.line,
    col: d.col,
    severity: d.severity,
    code: d.code,
    message: d.message[locale],
    hint: d.hint?.[locale] ?? null,
  }));
}
