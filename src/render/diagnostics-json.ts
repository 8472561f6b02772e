import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson } from '../diagnostics/render.js';
import type { Locale, Said } from '../text/said.js';
import { jsonHead } from './json-head.js';

/** What went wrong outside any file (the command line, an output that cannot be written): no place, no code. */
export interface CommandProblem {
  readonly message: Said;
  readonly hint?: Said;
}

/**
 * `--format json` of a command that fails: every diagnostic, with the same
 * fields as `check --format json`, then what ended the run — a problem
 * outside any file has `file`, `line`, `col` and `code` null.
 */
export function diagnosticsJson(problems: readonly (Diagnostic | CommandProblem)[], locale: Locale, version: string): string {
  const diagnostics = problems.map((p) =>
    'code' in p
      ? diagnosticsToJson([p], locale)[0]!
      : { file: null, line: null, col: null, severity: 'error', code: null, message: p.message[locale], hint: p.hint?.[locale] ?? null },
  );
  return `${JSON.stringify({ ...jsonHead('diagnostics', version), diagnostics }, null, 2)}\n`;
}
