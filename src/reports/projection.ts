import type { Agreement, Id } from '../agreement/model.js';
import type { Money } from '../money/money.js';

/** An index change used in a year that the agreement does not declare, taken from an assumption. */
export interface Assumed {
  readonly series: Id;
  readonly year: number;
  readonly change: string;
}

export interface ProjectedParty {
  readonly id: Id;
  readonly name: string;
  /** Its charge from the cooperation that year. */
  readonly charged: Money;
  /** Its standalone cost that year; null when the agreement gives none. */
  readonly alone: Money | null;
}

export interface ProjectedYear {
  readonly year: number;
  readonly parties: readonly ProjectedParty[];
  readonly total: Money;
  /** Σ standalone costs, when every party has one. */
  readonly totalAlone: Money | null;
}

export interface Projection {
  readonly agreement: Agreement;
  readonly years: readonly ProjectedYear[];
  readonly assumed: readonly Assumed[];
  /** Items without `index:`: the same amount (or the same ledger) every year. */
  readonly notIndexed: readonly Id[];
}
