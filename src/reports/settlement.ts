import type { ItemKind, Party } from '../agreement/model.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { IsoDate } from '../dates/date.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { AllocationReport } from './allocation.js';
import type { ByKind } from './by-kind.js';

/**
 * One party's kind of cost over the year, four things kept apart: the
 * year's charge, the a-konto invoiced (excluding VAT), what the payments
 * file says was paid (VAT included under `vat: standard`), and what last
 * year left open (positive: the party owes).
 */
export interface KindBalance {
  readonly charged: Money;
  readonly invoiced: Money;
  readonly paid: Money;
  readonly broughtForward: Money;
  /**
   * What the final settlement bills for the kind, excluding VAT: charged +
   * brought forward − invoiced. Without a schedule nothing was invoiced and
   * the payments are deducted instead (excluding VAT they can only be when
   * the cooperation is outside VAT; under `vat: standard` the final invoice
   * deducts them, VAT included, as prepaid). Positive, the party owes.
   */
  readonly balance: Money;
  /** The balance is offset against next year's contribution instead of invoiced. */
  readonly carriedForward: boolean;
}

export interface Instalment {
  readonly due: IsoDate;
  readonly part: Ratio;
  readonly amounts: ByKind<Money>;
  readonly total: Money;
}

export interface PartySchedule {
  readonly party: Party;
  /** The party's share of the budget, by the agreement's own rules. */
  readonly budgeted: ByKind<Money>;
  readonly instalments: readonly Instalment[];
}

/** One a-konto invoice of the schedule, as sent to the party: by its number when the agreement has a series. */
export interface AkontoInvoice {
  readonly instalment: number;
  readonly number?: string;
  readonly due: IsoDate;
  readonly amounts: ByKind<Money>;
  readonly net: Money;
  readonly vat: Money;
  readonly gross: Money;
}

/** A party's or the whole settlement's figures over both kinds. */
export interface Balances {
  readonly charged: Money;
  readonly invoiced: Money;
  readonly paid: Money;
  readonly broughtForward: Money;
  readonly balance: Money;
  /** The balance of the kinds not carried forward: what the final settlement invoices. */
  readonly dueNow: Money;
  readonly carriedForward: Money;
}

export interface PartySettlement extends Balances {
  readonly party: Party;
  readonly isHost: boolean;
  readonly kinds: ByKind<KindBalance>;
  /** The a-konto the schedule asked for, when the agreement has one: set against `paid` it shows a shortfall. */
  readonly scheduled?: ByKind<Money>;
  /** The payments counted as paid: received (from the payments file) or assumed (the schedule). */
  readonly payments: readonly { readonly date?: IsoDate; readonly kind: ItemKind; readonly amount: Money; readonly text?: string }[];
  /** The a-konto invoices sent to the party (none for the host, which settles internally, or without a schedule). */
  readonly akontoInvoices: readonly AkontoInvoice[];
  /**
   * With a schedule: the a-konto invoiced (VAT included) less what was paid.
   * Positive, a-konto invoices still open in the party's payables (a reminder
   * is the host's business, never a new bill); negative, an overpayment to
   * refund or offset. Zero without a schedule, where payments go to the final invoice.
   */
  readonly openAkonto: Money;
  /** Without a schedule: the payments the final invoice deducts as prepaid (VAT included). */
  readonly prepaid: Money;
}

/**
 * Where `paid` comes from: the payments file; the a-konto schedule, assumed
 * paid because no payments file was given; or nowhere (paid is zero).
 */
export type PaidFrom = 'payments' | 'schedule' | 'none';

/** One file a computation read, by its SHA-256, so a reader can tell it is the file they have. */
export interface FileHash {
  /** Relative to this year's agreement's folder, with / between folders. */
  readonly path: string;
  readonly sha256: string;
}

/**
 * Last year's settlement as this year's opens with it: per party of last
 * year, the balance of each kind it carried forward (zero for a kind it
 * settled), and which files it was computed from.
 */
export interface BroughtForward {
  /** The `brought_forward:` value in this year's agreement. */
  readonly at: SourcePos;
  readonly title: string;
  readonly year: number;
  /** Last year's agreement file, relative to this year's agreement's folder. */
  readonly file: string;
  /** Every file read for last year: its agreement, its inputs, and the year it brought forward in turn. */
  readonly files: readonly FileHash[];
  readonly balances: readonly { readonly party: Party; readonly kinds: ByKind<Money> }[];
}

export interface SettlementReport {
  readonly allocation: AllocationReport;
  readonly schedule: readonly PartySchedule[] | null;
  readonly paidFrom: PaidFrom;
  readonly parties: readonly PartySettlement[];
  readonly totals: Balances & { readonly kinds: ByKind<KindBalance> };
  readonly finalDue?: IsoDate;
  /** Where the brought-forward balances come from, when the agreement names last year. */
  readonly broughtForward?: BroughtForward;
}
