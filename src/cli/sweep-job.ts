import type { Locale } from '../render/locale.js';
import type { Scenario } from '../scenario/file.js';
import type { InputOverrides, LedgerDetail } from './load.js';

/** What the main thread sends: the agreement as given on the command line, and this worker's share of the scenarios. */
export interface SweepJob {
  readonly arg: string;
  readonly overrides: InputOverrides;
  readonly scenarios: readonly Scenario[];
  readonly format: 'csv' | 'json';
  readonly locale: Locale;
  /** The columns the main thread summed the ledger by: the threads must sum it the same way. */
  readonly detail: LedgerDetail;
  /** The swept paths, a CSV column each. */
  readonly swept: readonly string[];
  /** A scenario the agreement cannot take is noted in its place instead of stopping the sweep. */
  readonly keepGoing: boolean;
}

/** Each scenario's output text in order, or the position of the first scenario that failed (the main thread reports it). */
export type SweepResult = { readonly kind: 'ok'; readonly parts: readonly string[] } | { readonly kind: 'failed'; readonly index: number };
