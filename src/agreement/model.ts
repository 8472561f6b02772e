import type { ItemKind } from '../inputs/kind.js';
import type { CsvDialect } from '../inputs/table.js';

export { ITEM_KINDS, type ItemKind } from '../inputs/kind.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { Rounding } from '../money/rounding.js';

/** A lower-case slug naming a party, key, item, driver or index series. */
export type Id = string;

export interface Party {
  readonly id: Id;
  readonly name: string;
  readonly population?: Population;
  /** Organisasjonsnummer, 9 digits with a valid MOD11 check digit. */
  readonly org?: string;
  /** Kontonummer, 11 digits with a valid MOD11 check digit: where the host is paid. */
  readonly bankAccount?: string;
  /** `joined:` / `left:` — a party that is a member for part of the year takes part in keys for the months it was one. */
  readonly membership?: Membership;
  /** Postal address, printed on invoices and sent in EHF. */
  readonly address?: Address;
  /**
   * `reference:` — on an invoiced party, the reference it asks invoices to
   * carry (Deres ref., EHF BuyerReference); on the host, its contact (Vår ref.).
   */
  readonly reference?: string;
  readonly at: SourcePos;
}

/** A Norwegian postal address: street (optional), 4-digit postcode, town. */
export interface Address {
  readonly street?: string;
  readonly postcode: string;
  readonly city: string;
  /** ISO 3166 country code; NO unless written. */
  readonly country: string;
}

/** First day of the first month of membership; last day of the last month. Either may be absent. */
export interface Membership {
  readonly joined?: string;
  readonly left?: string;
  readonly at: SourcePos;
}

export type Population =
  | { readonly kind: 'fixed'; readonly value: Ratio; readonly at: SourcePos }
  | { readonly kind: 'by-year'; readonly values: ReadonlyMap<number, Ratio>; readonly at: SourcePos };

/** `equal` and `population` exist without being declared. */
export const BUILTIN_KEYS = ['equal', 'population'] as const;

export type KeyDef =
  | { readonly kind: 'shares'; readonly shares: ReadonlyMap<Id, { readonly share: Ratio; readonly at: SourcePos }> }
  | { readonly kind: 'equal' }
  | { readonly kind: 'population' }
  | { readonly kind: 'driver'; readonly driver: Id; readonly at: SourcePos }
  | { readonly kind: 'blend'; readonly parts: readonly BlendPart[] };

export interface BlendPart {
  readonly weight: Ratio;
  readonly key: Id;
  readonly at: SourcePos;
}

export interface Key {
  readonly id: Id;
  readonly def: KeyDef;
  /** Restricts the key to these parties (in agreement order). */
  readonly parties?: readonly Id[];
  /** Computed shares are rounded to this step, by largest remainder so they still sum to 100 %. */
  readonly precision?: Ratio;
  readonly at: SourcePos;
}

/** Which actuals rows an item takes: every given field must match one of its values. */
export interface Selector {
  readonly category?: readonly string[];
  readonly account?: readonly string[];
  readonly project?: readonly string[];
  readonly at: SourcePos;
}
export const SELECTOR_FIELDS = ['category', 'account', 'project'] as const;

export type Quantity =
  | { readonly kind: 'fixed'; readonly value: Ratio; readonly at: SourcePos }
  | { readonly kind: 'driver'; readonly driver: Id; readonly perParty: boolean; readonly at: SourcePos };

/**
 * `step`: the whole volume costs the price of the step it falls in (SOC+).
 * `volume`: every unit at the unit rate of the step the quantity falls in.
 * `graduated`: each band's units at that band's unit rate.
 */
export type TierMode = 'step' | 'volume' | 'graduated';
export const TIER_MODES: readonly TierMode[] = ['step', 'volume', 'graduated'];

export interface Tier {
  /** Upper bound of the step, inclusive; null for an open last step (`.inf`). */
  readonly upTo: Ratio | null;
  readonly price: Money;
  readonly at: SourcePos;
}

export type Price =
  | {
      readonly kind: 'tiered';
      readonly mode: TierMode;
      readonly tiers: readonly Tier[];
      readonly quantity: Quantity;
      readonly periods: Ratio;
      readonly at: SourcePos;
    }
  | { readonly kind: 'unit'; readonly unit: Money; readonly quantity: Quantity; readonly periods: Ratio; readonly at: SourcePos };

export type BaseRef = { readonly kind: 'item'; readonly id: Id; readonly at: SourcePos } | { readonly kind: 'actuals'; readonly selector: Selector };

export type AmountSource =
  | { readonly kind: 'amount'; readonly amount: Money; readonly at: SourcePos }
  | { readonly kind: 'actuals'; readonly selector: Selector }
  | { readonly kind: 'price'; readonly price: Price }
  | {
      readonly kind: 'percent';
      readonly percent: Ratio;
      readonly of: readonly BaseRef[];
      /** `less`: percent × (Σ of − Σ deduct); `minus`: percent × Σ of − Σ deduct. */
      readonly reading: 'less' | 'minus';
      readonly deduct: readonly BaseRef[];
      readonly at: SourcePos;
    };

export type Target =
  | { readonly kind: 'key'; readonly key: Id; readonly at: SourcePos }
  | { readonly kind: 'party'; readonly party: Id; readonly at: SourcePos }
  /** A per-party price: each party pays for its own quantity. */
  | { readonly kind: 'own' };

export interface IndexRef {
  readonly series: Id;
  readonly from: number;
  readonly at: SourcePos;
}

export interface Item {
  readonly id: Id;
  readonly label: string;
  readonly kind: ItemKind;
  readonly source: AmountSource;
  readonly index?: IndexRef;
  readonly vatIncluded: boolean;
  readonly rounding: Rounding;
  readonly target: Target;
  readonly at: SourcePos;
}

export interface IndexSeries {
  readonly id: Id;
  /** Change from the year before, per year. */
  readonly changes: ReadonlyMap<number, Ratio>;
  readonly at: SourcePos;
}

/** What a party would pay for its own IT outside the cooperation: the "go alone" side of a projection. */
export interface Standalone {
  readonly party: Id;
  readonly amount: Money;
  readonly index?: IndexRef;
  readonly at: SourcePos;
}

export type InputName = 'actuals' | 'drivers' | 'payments' | 'budget';
export const INPUT_NAMES: readonly InputName[] = ['actuals', 'drivers', 'payments', 'budget'];

export interface InputSpec {
  /** Resolved against the agreement file's directory by the reader. */
  readonly file: string;
  /** Our column name → the file's column name. */
  readonly columns: ReadonlyMap<string, string>;
  /** What the agreement declares about the file's delimiter, decimal mark and encoding; the rest is detected. */
  readonly dialect: CsvDialect;
  readonly at: SourcePos;
  /** The command-line option that named the file instead of the agreement (`--actuals`), if one did. */
  readonly option?: string;
}

export interface IgnoreRule {
  readonly selector: Selector;
  readonly reason: string;
}

export interface AkontoInstalment {
  readonly due: string;
  readonly part: Ratio;
  readonly at: SourcePos;
}

export interface Settlement {
  readonly akonto: readonly AkontoInstalment[];
  readonly finalDue?: string;
  readonly finalDueAt?: SourcePos;
  /** Kinds whose balance is not invoiced but offset against next year's contribution (ROR-IKT's investments). */
  readonly carryForward: readonly ItemKind[];
}

/**
 * The host's VAT status for this cooperation: `outside-scope` (the default;
 * EHF category O: municipal cooperation is not a VAT-able sale) or
 * `standard` (the host is VAT-registered for it: category S, 25 % on top).
 */
export type VatStatus = 'outside-scope' | 'standard';
export const VAT_STATUSES: readonly VatStatus[] = ['outside-scope', 'standard'];

/** `invoicing:` — what the host decides about the invoices it sends. */
export interface Invoicing {
  /**
   * The first number of the host's series for this agreement's invoices:
   * a-konto instalments and the final settlement are numbered from it, in a
   * fixed order, so a re-run gives every invoice the same number.
   */
  readonly firstNumber?: { readonly value: bigint; readonly at: SourcePos };
  readonly vat: VatStatus;
  /** Days a final invoice gives the party to pay, at least (default 30): receivers ask for 30. */
  readonly paymentTermsDays?: { readonly value: number; readonly at: SourcePos };
  readonly at: SourcePos;
}

export interface Agreement {
  readonly file: string;
  readonly title: string;
  readonly year: number;
  readonly currency: string;
  readonly host: Id;
  readonly hostAt: SourcePos;
  readonly rounding: Rounding;
  /** In agreement order: the report order. */
  readonly parties: readonly Party[];
  readonly keys: ReadonlyMap<Id, Key>;
  readonly items: readonly Item[];
  readonly indices: ReadonlyMap<Id, IndexSeries>;
  /** Driver values written in the agreement: driver → party → value. */
  readonly drivers: ReadonlyMap<Id, ReadonlyMap<Id, { readonly value: Ratio; readonly at: SourcePos }>>;
  readonly ignore: readonly IgnoreRule[];
  readonly inputs: ReadonlyMap<InputName, InputSpec>;
  readonly budget: ReadonlyMap<string, { readonly amount: Money; readonly at: SourcePos }>;
  readonly settlement?: Settlement;
  readonly invoicing: Invoicing;
  /** `standalone:` — per party, its cost without the cooperation (for `scenario --years`). */
  readonly standalone: ReadonlyMap<Id, Standalone>;
}
