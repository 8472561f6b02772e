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
  /** `accounting_cost:` — the posting string the party asks its invoices to carry (EHF AccountingCost, BT-19). */
  readonly accountingCost?: string;
  /** `order_reference:` — the party's order or requisition number for this agreement (EHF OrderReference, BT-13). */
  readonly orderReference?: string;
  /** `endpoint: "0192:…"` — where its EHF is delivered in the Peppol network, when not its own org number (a sub-unit, an accounting office). */
  readonly endpoint?: Endpoint;
  readonly at: SourcePos;
}

/** A Peppol electronic address: a scheme from the EAS code list (0192: Norwegian org number) and the identifier in it. */
export interface Endpoint {
  readonly scheme: string;
  readonly id: string;
}

/** `invoicing: { contact: … }` — the host's person for questions about the invoices (EHF seller contact, BG-6). */
export interface Contact {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
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

/**
 * One way a value may match: `lonn` exactly, the inclusive range
 * `10100..10999` (as integers when both ends are integers, else as text),
 * or the prefix `11*`.
 */
export type ValuePattern =
  | { readonly kind: 'exact'; readonly value: string; readonly at: SourcePos }
  | { readonly kind: 'range'; readonly from: string; readonly to: string; readonly integers: boolean; readonly at: SourcePos }
  | { readonly kind: 'prefix'; readonly prefix: string; readonly at: SourcePos };

/**
 * One field of a selector: a ledger column, by our name (`category`,
 * `account`, `project`) or by its header (`ansvar`), lower-cased; it
 * matches a row whose value matches one of the patterns — or, under
 * `{ not: … }`, none of them.
 */
export interface SelectorField {
  readonly column: string;
  readonly patterns: readonly ValuePattern[];
  readonly not: boolean;
  /** Where the field's name is written. */
  readonly at: SourcePos;
}

/** Which actuals rows an item takes: every field must match. */
export interface Selector {
  readonly fields: readonly SelectorField[];
  readonly at: SourcePos;
}

/** The columns a selector names by our own name; `columns:` under inputs: maps them to a file's headers. */
export const SELECTOR_FIELDS = ['category', 'account', 'project'] as const;
/** Columns with a role of their own, which no selector can name. */
export const NOT_SELECTABLE = ['amount', 'party', 'date', 'text'] as const;

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
  /** `{ upto, price, min }`: the amount of a quantity in this step is at least this (per period). */
  readonly min?: Money;
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

/**
 * One entry of `periods:` on a price: from a date (to a date, else to the
 * day before the next period's `from`, or the end of the year), at the
 * price's own unit price or steps, or at the `unit:`/`steps:` written here.
 */
export interface PricePeriod {
  readonly from: string;
  readonly fromAt: SourcePos;
  readonly to?: string;
  readonly toAt?: SourcePos;
  readonly unit?: Money;
  readonly tiers?: readonly Tier[];
  readonly at: SourcePos;
}

/** `connected:` on an item, per party: billed from `from` (to `to`); either may be absent. */
export interface Connection {
  readonly from?: string;
  readonly fromAt?: SourcePos;
  readonly to?: string;
  readonly toAt?: SourcePos;
  readonly at: SourcePos;
}

/** `prorate:` — part of a year counted in whole months (the default) or in days. */
export type Prorate = 'months' | 'days';
export const PRORATES: readonly Prorate[] = ['months', 'days'];

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
  | { readonly kind: 'own' }
  /** Never written: the adjustment lines a `limits:` rule adds after the items are allocated. */
  | { readonly kind: 'limit'; readonly limit: Limit };

export interface IndexRef {
  readonly series: Id;
  readonly from: number;
  /**
   * `round: 0.01` — the indexed unit price (or step prices, or amount) is
   * rounded to this step before it is used, as KS rounds its indexed rate
   * per inhabitant to øre before multiplying.
   */
  readonly round?: Money;
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
  /** `parties:` — the only parties the item reaches: its key is taken over them, its per-party price charges only them. */
  readonly parties?: { readonly ids: readonly Id[]; readonly at: SourcePos };
  /** `periods:` under `price:` — the price changes at these dates within the year (per-party prices). */
  readonly dated?: readonly PricePeriod[];
  /** `connected:` — per party, the dates it is billed from (and to) for a per-party price. */
  readonly connected?: ReadonlyMap<Id, Connection>;
  /**
   * `above:` — only the part of the cost base above this amount counts: a
   * percent item takes its rate of the part of its base above it; an item
   * split by a key shares the part above it, and `below:` names the party
   * that pays the rest (up to the threshold).
   */
  readonly above?: { readonly amount: Money; readonly below?: Id; readonly at: SourcePos; readonly belowAt?: SourcePos };
  /** `prorate:` — how periods and connections count part of a year; whole months unless written. */
  readonly prorate?: { readonly by: Prorate; readonly at: SourcePos };
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
  /** `brought_forward:` last year's agreement, whose carried-forward balances open this year's settlement. */
  readonly broughtForward?: BroughtForwardFrom;
}

/** Where last year's agreement is: the path as written, resolved beside this agreement, and where it was written. */
export interface BroughtForwardFrom {
  readonly written: string;
  /** Resolved beside the agreement; a directory means its agreement.yaml (the loader decides). */
  readonly path: string;
  readonly at: SourcePos;
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
  /** The host's contact for the invoices: name, phone, e-mail. */
  readonly contact?: Contact;
  readonly at: SourcePos;
}

/**
 * `min:`/`max:` of a limit: one amount for every party, or per party with
 * `default` for the rest. A party with no bound (no default) is not limited.
 */
export interface Bound {
  readonly byParty: ReadonlyMap<Id, Money>;
  readonly default?: Money;
  readonly at: SourcePos;
}

/**
 * `limits:` — a party's sum over some items kept inside a minimum and a
 * maximum by an adjustment line of its own; with `redistribute`, what the
 * limits take off (or add) is shared by the key's other parties.
 */
export interface Limit {
  /** The adjustment's id in reports: `limit-1`, `limit-2`, … unless written. */
  readonly id: Id;
  readonly label: string;
  readonly items: readonly { readonly id: Id; readonly at: SourcePos }[];
  readonly min?: Bound;
  readonly max?: Bound;
  readonly redistribute?: { readonly key: Id; readonly at: SourcePos };
  /** Only these parties' sums are limited (in agreement order); every party the items charge otherwise. */
  readonly parties?: readonly Id[];
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
  /** `limits:` — applied after every item is allocated, in the order written. */
  readonly limits: readonly Limit[];
}
