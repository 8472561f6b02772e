import type { Id, Item, Party } from '../agreement/model.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { AllocationReport } from './allocation.js';
import type { ByKind } from './by-kind.js';

/** The seeds' convention is `avvik = budsjett − regnskap` (negative: overrun); some councils want the other. */
export type DeviationSign = 'budget-minus-actual' | 'actual-minus-budget';

export const DEVIATION_SIGNS: readonly DeviationSign[] = ['budget-minus-actual', 'actual-minus-budget'];

export interface DeviationLine {
  readonly budget: Money;
  readonly actual: Money;
  /** By the report's sign convention. */
  readonly deviation: Money;
}

export interface ItemDeviation extends DeviationLine {
  readonly item: Item;
  /** Per party: its budgeted share against its actual share of this item. */
  readonly parties: ReadonlyMap<Id, DeviationLine>;
}

export interface PartyDeviation {
  readonly party: Party;
  readonly kinds: ByKind<DeviationLine>;
  readonly total: DeviationLine;
}

export interface DeviationReport {
  readonly sign: DeviationSign;
  readonly actual: AllocationReport;
  readonly budget: AllocationReport;
  /** Ledger categories, budgeted ones first in budget order, then the rest in ledger order. */
  readonly categories: readonly (DeviationLine & { readonly category: string })[];
  readonly categoryTotal: DeviationLine;
  readonly items: readonly ItemDeviation[];
  /** The overrun or underspend split per party: its budgeted charge against its actual charge. */
  readonly parties: readonly PartyDeviation[];
  /** Σ of the party lines: what was really charged, so it differs from the item totals by any rounding remainder. */
  readonly partyTotals: ByKind<DeviationLine>;
  readonly totals: ByKind<DeviationLine> & { readonly all: DeviationLine };
}

/**
 * The deviation as a fraction of the budget's size, so its sign is the
 * deviation's even for a budgeted income (a negative budget); null when
 * nothing was budgeted.
 */
export function deviationShare(l: DeviationLine): Ratio | null {
  return l.budget.isZero() ? null : l.deviation.toRatio().div(l.budget.abs().toRatio());
}
