import type { ItemKind, Party } from '../agreement/model.js';
import type { IsoDate } from '../dates/date.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { AllocationReport } from './allocation.js';
import type { ByKind } from './by-kind.js';

export interface KindBalance {
  readonly charged: Money;
  readonly paid: Money;
  /** charged − paid: positive, the party owes; negative, the host owes the party. */
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

/** A party's or the whole settlement's figures over both kinds. */
export interface Balances {
  readonly charged: Money;
  readonly paid: Money;
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
}

/**
 * Where `paid` comes from: the payments file; the a-konto schedule, assumed
 * paid because no payments file was given; or nowhere (paid is zero).
 */
export type PaidFrom = 'payments' | 'schedule' | 'none';

export interface SettlementReport {
  readonly allocation: AllocationReport;
  readonly schedule: readonly PartySchedule[] | null;
  readonly paidFrom: PaidFrom;
  readonly parties: readonly PartySettlement[];
  readonly totals: Balances & { readonly kinds: ByKind<KindBalance> };
  readonly finalDue?: IsoDate;
}
