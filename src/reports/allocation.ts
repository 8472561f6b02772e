import type { Agreement, Id, IgnoreRule, Item, Party, Selector } from '../agreement/model.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { KeyDerivation } from './keys.js';

/**
 * How a line was reached: `key` — a share of the item's shared basis;
 * `party` — the item is charged to this one party; `direct` — actuals rows
 * that name the party; `own` — the party's price for its own quantity;
 * `limit` — what brings the party's sum over a limit's items inside its
 * minimum or maximum; `redistributed` — the party's part of what limits took
 * off (or added to) the others.
 */
export type LineMethod = 'key' | 'party' | 'direct' | 'own' | 'limit' | 'redistributed';

/**
 * How a limit line arose: the party's sum over the limit's items and the
 * bound it was brought to; for a redistributed line, the amount shared and
 * the party's share of it (or the bound it stopped at).
 */
export interface LimitLine {
  /** The party's sum over the limit's items, as allocated. */
  readonly sum: Money;
  /** The bound the party ends at, when it binds. */
  readonly bound?: { readonly side: 'min' | 'max'; readonly amount: Money };
  /** For a redistributed line that did not stop at a bound: the amount shared among the parties still free. */
  readonly shared?: Money;
}

/** One party's line of one item, with everything needed to show how it was computed. */
export interface AllocationLine {
  readonly party: Id;
  readonly method: LineMethod;
  /** The key and the share actually used, for `key` lines. */
  readonly key?: Id;
  readonly share?: Ratio;
  /** The party's own quantity, for `own` lines. */
  readonly quantity?: Ratio;
  /** For an `own` line that a step's minimum raised: the price of the party's quantity, with the minimum. */
  readonly raised?: PriceDetail;
  /** For the `party` line of an item with `above:`: the threshold this party pays up to. */
  readonly threshold?: Money;
  /** For an `own` line of a price over the year: each period the party was billed for. */
  readonly billed?: readonly BilledPeriod[];
  /** For `limit` and `redistributed` lines: the sum limited and the bound. */
  readonly limit?: LimitLine;
  /** What the share or price applied to, before rounding. */
  readonly exact: Ratio;
  readonly amount: Money;
}

/**
 * One period of a price over the year that a party was billed for: its
 * dates (a price period cut to the party's connection), the part of the
 * year they make (whole months of 12, or days of the year's days), the
 * price for the whole year, and that price × the part, exactly.
 */
export interface BilledPeriod {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly of: number;
  readonly by: 'months' | 'days';
  readonly price: PriceDetail;
  readonly yearly: Money;
  readonly exact: Ratio;
}

/** What a price step did, with the numbers it used; worded per locale by render/basis-steps.ts. */
/** `min`: the step's minimum, when it raised the amount. */
export type PriceDetail = { readonly periods: Ratio; readonly min?: Money } & (
  | { readonly kind: 'unit'; readonly quantity: Ratio; readonly unit: Money }
  | { readonly kind: 'step' | 'volume'; readonly quantity: Ratio; readonly upTo: Ratio | null; readonly price: Money }
  | { readonly kind: 'graduated'; readonly bands: readonly { readonly units: Ratio; readonly price: Money }[] }
);

/** What a basis step did and the numbers it used, so an explanation can say it in the user's language. */
export type StepDetail =
  | { readonly kind: 'amount' }
  | { readonly kind: 'actuals'; readonly rows: number; readonly selector: Selector }
  | {
      readonly kind: 'percent';
      readonly percent: Ratio;
      readonly reading: 'less' | 'minus';
      readonly of: Money;
      readonly deduct: Money;
      readonly roundedToOre: boolean;
      /** `above:` — the rate is taken of the part of the base above this. */
      readonly above?: Money;
    }
  | { readonly kind: 'vat'; readonly rate: Ratio /** The amount the VAT was taken off. */; readonly start: Money }
  | {
      readonly kind: 'index';
      readonly series: Id;
      readonly from: number;
      readonly changes: readonly { readonly year: number; readonly change: Ratio }[];
      readonly factor: Ratio;
      readonly unit: Money;
      /** The amount that was indexed, or with step prices the last step's price (absent where each party's own amount, or a unit price, was indexed). */
      readonly start?: Money;
      /** With `round:`, the price indexed before it is used: the written rate and its exact indexed value (absent for step prices and amounts). */
      readonly rate?: { readonly before: Money; readonly exact: Ratio };
      /** With `round:` on a price: the prices were indexed and rounded before pricing. */
      readonly prices?: 'unit' | 'steps';
    }
  | { readonly kind: 'round' /** The amount with more than two decimals (absent where each party's own amount was rounded). */; readonly start?: Money }
  | { readonly kind: 'price'; readonly price: PriceDetail; readonly summed?: Id }
  | { readonly kind: 'limit'; readonly items: readonly Id[]; readonly redistribute?: Id }
  | { readonly kind: 'own-price'; readonly driver: Id };

/** One step in how an item's basis was reached, for reports and `explain`. */
export interface BasisStep {
  readonly step: 'amount' | 'actuals' | 'price' | 'percent' | 'vat' | 'index' | 'round' | 'limit';
  readonly detail: StepDetail;
  readonly amount: Money;
  /** The ledger rows summed in this step, for `explain`. */
  readonly rows?: readonly ActualsRow[];
}

export interface ItemResult {
  readonly item: Item;
  /** The whole amount of the item: what its lines and remainder add up to. */
  readonly basis: Money;
  readonly steps: readonly BasisStep[];
  /** The part split by the key (basis less direct rows); zero for other items. */
  readonly shared: Money;
  /** Shares used for the key, in party order; absent for direct and per-party items. */
  readonly shares?: ReadonlyMap<Id, Ratio>;
  /** How the key's shares were reached, for `explain`; present with `shares`. */
  readonly derivation?: KeyDerivation;
  readonly lines: readonly AllocationLine[];
  /** Per party, the sum of its lines, in party order. */
  readonly allocations: ReadonlyMap<Id, Money>;
  /** basis − Σ allocations. */
  readonly unallocated: Money;
}

export interface PartyTotals {
  readonly party: Party;
  readonly operating: Money;
  readonly investment: Money;
  readonly charged: Money;
}

export interface IgnoredTotal {
  readonly rule: IgnoreRule;
  readonly rows: number;
  readonly amount: Money;
}

/**
 * Where every krone of the ledger went: `total = items + ignored + bases`,
 * exactly. `items` are rows some item charges as its amount, `ignored` rows
 * kept outside the split by `ignore:`, `bases` rows that serve only as the
 * base of a percentage.
 */
export interface LedgerReconciliation {
  readonly rows: number;
  readonly total: Money;
  readonly items: Money;
  readonly ignored: Money;
  readonly bases: Money;
}

export interface AllocationReport {
  readonly agreement: Agreement;
  readonly items: readonly ItemResult[];
  readonly parties: readonly PartyTotals[];
  /** Σ basis of every item. */
  readonly total: Money;
  readonly totals: { readonly operating: Money; readonly investment: Money };
  readonly unallocated: Money;
  readonly ignored: readonly IgnoredTotal[];
  readonly ledger: LedgerReconciliation;
}
