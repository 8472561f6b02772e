import type { Locale } from '../render/locale.js';
import type { PlanSpec } from '../scenario/sweep.js';
import type { InputOverrides, LedgerDetail } from './load.js';

/**
 * What the main thread sends a worker: the agreement as given on the
 * command line, the plan of every scenario, and which blocks of it are this
 * worker's. Blocks are dealt round the threads (block b to thread b mod
 * threads), so the main thread writes them in order while they run.
 */
export interface SweepJob {
  readonly arg: string;
  readonly overrides: InputOverrides;
  readonly plan: PlanSpec;
  /** The scenarios from `from` up to `to` (positions in the plan) are the threads' to run. */
  readonly from: number;
  readonly to: number;
  readonly block: number;
  readonly thread: number;
  readonly threads: number;
  /** Blocks a worker may send ahead of the writer: what bounds the memory of a sweep. */
  readonly window: number;
  readonly format: 'csv' | 'json';
  readonly locale: Locale;
  /** The columns the main thread summed the ledger by: the threads must sum it the same way. */
  readonly detail: LedgerDetail;
  /** The paths the scenarios set, a CSV column each. */
  readonly paths: readonly string[];
  /** A scenario the agreement cannot take is noted in its place instead of stopping the sweep. */
  readonly keepGoing: boolean;
}

/**
 * A block's text, in order; or the text of the scenarios before the first
 * one that failed and that scenario's position (the main thread runs it
 * again to report it). The text is UTF-8 bytes, transferred rather than
 * copied, so a block never becomes a string on the main thread's heap. The
 * main thread answers each with a {@link SweepAck}.
 */
export type SweepMessage =
  | { readonly kind: 'block'; readonly bytes: readonly Uint8Array[] }
  | { readonly kind: 'failed'; readonly bytes: readonly Uint8Array[]; readonly at: number };

/** The main thread has written a block: the worker may run one more, in the buffers given back (transferred). */
export interface SweepAck {
  readonly kind: 'written';
  readonly buffers: readonly ArrayBuffer[];
}
