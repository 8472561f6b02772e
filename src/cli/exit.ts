import type { Said } from '../text/said.js';

/** The one way a command ends early: the CLI's single catch maps it to an exit code. */
export class ExitError extends Error {
  /** Ends with `code` after the command has already told the user why. */
  static quiet(code: 1 | 2): ExitError {
    return new ExitError(code, null);
  }

  constructor(
    /** 1: the input is wrong; 2: the command line is wrong. */
    readonly code: 1 | 2,
    /** What to tell the user; null when it has been told already. */
    readonly said: Said | null,
    readonly hint?: Said,
    /** Where the problem is, when it is at a place (a NUL character): the file read (an agreement folder's agreement.yaml), line and column. */
    readonly at?: { readonly file: string; readonly line: number; readonly col: number },
  ) {
    super(said?.en ?? '');
  }
}
