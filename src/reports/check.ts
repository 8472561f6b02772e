import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import type { LedgerReconciliation } from './allocation.js';

/** What a clean agreement adds up to, for the one line `check` prints for it. */
export interface CheckSummary {
  readonly parties: number;
  readonly items: number;
  readonly actualsRows: number;
  readonly total: Money;
  readonly allocated: Money;
  readonly unallocated: Money;
  readonly ledger: LedgerReconciliation;
}

export interface CheckedAgreement {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Null when the agreement has an error. */
  readonly summary: CheckSummary | null;
}

export interface CheckReport {
  readonly ok: boolean;
  readonly agreements: readonly CheckedAgreement[];
}
