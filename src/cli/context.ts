import type { Inputs } from '../commands/inputs.js';
import type { Outcome } from '../diagnostics/outcome.js';
import type { Locale } from '../render/locale.js';
import type { RenderOptions } from '../render/registry.js';
import type { LedgerDetail, Loaded } from './load.js';
import type { Unreadable } from './read-text.js';
import type { Speaker } from './speaker.js';

/** The options every command that reads an agreement takes. */
export interface CommonOptions {
  locale: Locale;
  out?: string;
  force?: boolean;
  color: boolean;
  actuals?: string;
  drivers?: string;
  budget?: string;
  payments?: string;
  quiet?: boolean;
}

/** What a command action is given besides its options: where to speak, and how to read the agreement. */
export interface Context {
  readonly speaker: Speaker;
  load(arg: string, detail?: LedgerDetail): Promise<Loaded>;
  /** The same, or why the agreement cannot be read at all: for `check`, which reports it as one more problem. */
  loadOrUnreadable(arg: string): Promise<Loaded | Unreadable>;
  /** The agreement's inputs, or the end of the run with its errors. */
  inputs(loaded: Loaded): Promise<Inputs>;
  /** A command's report, or the end of the run with what kept it from one. */
  report<R>(outcome: Outcome<R>, loaded: Loaded): Promise<R>;
  renderOptions: RenderOptions;
}
