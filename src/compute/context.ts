import type { Agreement, Id } from '../agreement/model.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { Memo } from '../memo/memo.js';
import type { Ratio } from '../money/ratio.js';

/** Driver values for the agreement year: driver → party → value. */
export type DriverTable = ReadonlyMap<Id, ReadonlyMap<Id, { readonly value: Ratio; readonly at: SourcePos }>>;

/** Everything a computation reads. Built by the caller; the core does no I/O. */
export interface ComputeInput {
  readonly agreement: Agreement;
  readonly actuals: readonly ActualsRow[];
  readonly drivers: DriverTable;
  /** A scenario session's memory of what it computed before; none outside a session. */
  readonly memo?: Memo;
}

export interface ComputeContext extends ComputeInput {
  readonly diags: Diagnostics;
}
