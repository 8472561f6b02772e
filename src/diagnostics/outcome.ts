import type { Said } from '../text/said.js';
import type { Computed, Diagnostic } from './diagnostic.js';

/**
 * Why a command did nothing when no line of a file is at fault: the options
 * ask for what the agreement does not have. `exit` is 2 when the command line
 * is wrong, 1 when the agreement lacks what was asked for. Every reason is
 * shown; the last is the summary.
 */
export interface Refusal {
  readonly exit: 1 | 2;
  readonly reasons: readonly { readonly message: Said; readonly hint: Said }[];
}

/** A command's answer: its report, or the problems (and possibly a refusal) that kept it from one. */
export type Outcome<R> =
  | Computed<R>
  | {
      readonly report: null;
      readonly diagnostics: readonly Diagnostic[];
      readonly refusal: Refusal;
      /** Texts the diagnostics point into that differ from the files on disk: a scenario's agreement with its values written in. */
      readonly texts?: ReadonlyMap<string, string>;
    };

export function refused(exit: 1 | 2, message: Said, hint: Said, diagnostics: readonly Diagnostic[] = []): Outcome<never> {
  return { report: null, diagnostics, refusal: { exit, reasons: [{ message, hint }] } };
}
