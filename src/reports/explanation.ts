import type { Item, Party } from '../agreement/model.js';
import type { Money } from '../money/money.js';
import type { AllocationLine, AllocationReport, BasisStep } from './allocation.js';
import type { KeyDerivation } from './keys.js';

/** One item's part of a party's charge, with everything that produced it. */
export interface ItemExplanation {
  readonly item: Item;
  readonly basis: Money;
  readonly steps: readonly BasisStep[];
  /** The part split by the key: the basis less the parties' direct rows. */
  readonly shared: Money;
  readonly derivation?: KeyDerivation;
  /** The party's lines: share or price, exact product, rounded amount. */
  readonly lines: readonly AllocationLine[];
  readonly amount: Money;
  /** What rounding left of the whole item, and so of no party. */
  readonly unallocated: Money;
}

export interface Explanation {
  readonly report: AllocationReport;
  readonly party: Party;
  readonly items: readonly ItemExplanation[];
  readonly total: Money;
  /** Months of the year the party was a member, when `joined:`/`left:` make it fewer than 12 — the months its key weights were counted for. */
  readonly membership?: { readonly months: number; readonly joined?: string; readonly left?: string };
}
