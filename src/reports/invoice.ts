import type { Address, Agreement, Id, Item, ItemKind, Party, VatStatus } from '../agreement/model.js';
import type { IsoDate } from '../dates/date.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { BasisStep, LineMethod } from './allocation.js';
import type { ByKind } from './by-kind.js';
import type { KeyDerivation } from './keys.js';
import type { KindBalance, PartySettlement, SettlementReport } from './settlement.js';

/** A party that an invoice names: org number and address are required there. */
export type InvoiceParty = Party & { readonly org: string; readonly address: Address };

/** One item's line on a final invoice, with what a reader needs to check it. */
export interface ItemLine {
  readonly source: 'item';
  readonly item: Item;
  /** The item's whole basis. */
  readonly basis: Money;
  /** What the key's share applies to: the basis less the parties' direct rows. */
  readonly shared: Money;
  readonly steps: readonly BasisStep[];
  readonly derivation?: KeyDerivation;
  readonly method: LineMethod;
  readonly key?: Id;
  readonly share?: Ratio;
  readonly quantity?: Ratio;
  /** For a party priced per unit of its own quantity: amount = quantity × unitPrice exactly. */
  readonly unitPrice?: Money;
  /** The exact product before rounding. */
  readonly exact: Ratio;
  readonly amount: Money;
}

/** One kind's line on an a-konto invoice: the instalment's part of the party's budgeted share. */
export interface AkontoLine {
  readonly source: 'akonto';
  readonly kind: ItemKind;
  readonly budgeted: Money;
  readonly part: Ratio;
  readonly amount: Money;
}

export type InvoiceLine = ItemLine | AkontoLine;

/** Which document of the year: instalment n (1-based) of the a-konto schedule, or the final settlement. */
export type InvoiceDocument = { readonly kind: 'final' } | { readonly kind: 'akonto'; readonly instalment: number; readonly of: number };

/**
 * A line as the document bills it (EHF's InvoiceLine / CreditNoteLine):
 * price never negative, so a line that takes money off has a negative
 * quantity. On a credit note the a-konto paid is itself a line (`prepaid`).
 */
export interface BilledLine {
  readonly line: InvoiceLine | { readonly source: 'prepaid'; readonly kinds: readonly ItemKind[] };
  readonly quantity: Ratio;
  readonly price: Money;
  readonly amount: Money;
}

export interface VatTerms {
  readonly status: VatStatus;
  /** EHF VAT category: O (not subject to VAT) or S (standard rate). */
  readonly category: 'O' | 'S';
  readonly rate: Ratio;
}

/**
 * What the document adds up to, as EN 16931 defines it: payable = net + VAT
 * − prepaid. An invoice whose balance is owed to the party is issued as a
 * credit note whose payable is the (positive) amount credited.
 */
export interface InvoiceTotals {
  readonly net: Money;
  readonly vat: Money;
  readonly gross: Money;
  /** A-konto already paid, VAT included, set against an invoice; zero on a credit note, where it is a line. */
  readonly prepaid: Money;
  readonly payable: Money;
}

export interface Invoice {
  readonly document: InvoiceDocument;
  readonly type: 'invoice' | 'credit-note';
  /** From the host's series (`invoicing.first_number`): unique per host when the series of its agreements do not overlap. */
  readonly number: string;
  /** The invoice number and a MOD10 check digit: unique per invoice. */
  readonly kid: string;
  readonly date: IsoDate;
  readonly due: IsoDate;
  readonly period: { readonly start: IsoDate; readonly end: IsoDate };
  readonly agreement: Agreement;
  readonly seller: InvoiceParty & { readonly bankAccount: string };
  readonly buyer: InvoiceParty;
  /** Deres ref.: the buyer's reference (EHF BuyerReference), from the agreement or `--reference`. */
  readonly buyerReference: string;
  readonly vat: VatTerms;
  /** Every kind's lines, carried-forward kinds included, for the human copy. */
  readonly lines: ByKind<readonly InvoiceLine[]>;
  readonly kinds: ByKind<KindBalance>;
  /** The kinds this document bills: those not carried forward to next year. */
  readonly billedKinds: readonly ItemKind[];
  readonly billed: readonly BilledLine[];
  readonly totals: InvoiceTotals;
  readonly carriedForward: Money;
  /** The invoices this one settles (the party's a-konto invoices of the year), for a credit note's reference. */
  readonly settles: readonly string[];
  readonly payments: PartySettlement['payments'];
  /** Whether the payments were received or, lacking a payments file, assumed from the schedule. */
  readonly paidFrom: SettlementReport['paidFrom'];
}
