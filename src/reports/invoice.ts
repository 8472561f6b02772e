import type { Address, Agreement, Id, Item, ItemKind, Party, VatStatus } from '../agreement/model.js';
import type { IsoDate } from '../dates/date.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import type { BasisStep, BilledPeriod, LimitLine, LineMethod } from './allocation.js';
import type { ByKind } from './by-kind.js';
import type { KeyDerivation } from './keys.js';
import type { BroughtForward, KindBalance, PartySettlement, SettlementReport } from './settlement.js';

/** A party that an invoice names: org number and address are required there. */
export type InvoiceParty = Party & { readonly org: string; readonly address: Address };

/** The party that sends the invoices: it names a bank account to be paid into. */
export type SellerParty = InvoiceParty & { readonly bankAccount: string };

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
  /** For a limit's adjustment line: the sum limited and the bound. */
  readonly limit?: LimitLine;
  /** For a party priced per unit of its own quantity: amount = quantity × unitPrice exactly. */
  readonly unitPrice?: Money;
  /** For the part up to an `above:` threshold: the threshold. */
  readonly threshold?: Money;
  /** For a price over the year: each period the party was billed for. */
  readonly billed?: readonly BilledPeriod[];
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

/**
 * On the final invoice, one a-konto invoice of the year taken off (excluding
 * VAT, so VAT is declared once over the year): the billed kinds' part of
 * that invoice, negative, citing its number.
 */
export interface DeductionLine {
  readonly source: 'akonto-invoice';
  readonly instalment: number;
  readonly of: number;
  readonly number?: string;
  readonly kinds: readonly ItemKind[];
  readonly amount: Money;
}

/**
 * On the final invoice, the balance of one kind that last year's settlement
 * carried forward (positive: the party owes), citing last year's agreement
 * and year; in the same VAT category as the other lines, since last year
 * billed no VAT on it.
 */
export interface BroughtForwardLine {
  readonly source: 'brought-forward';
  readonly kind: ItemKind;
  /** Last year's agreement: its title, year and file (relative to this year's agreement's folder). */
  readonly from: { readonly title: string; readonly year: number; readonly file: string };
  readonly amount: Money;
}

export type InvoiceLine = ItemLine | AkontoLine;

/** Which document of the year: instalment n (1-based) of the a-konto schedule, or the final settlement. */
export type InvoiceDocument = { readonly kind: 'final' } | { readonly kind: 'akonto'; readonly instalment: number; readonly of: number };

/**
 * A line as the document bills it (EHF's InvoiceLine / CreditNoteLine):
 * price never negative, so a line that takes money off has a negative
 * quantity. A credit note bills the final invoice's lines negated.
 */
export interface BilledLine {
  readonly line: InvoiceLine | DeductionLine | BroughtForwardLine;
  readonly quantity: Ratio;
  readonly price: Money;
  readonly amount: Money;
  /**
   * The line's part of the document's VAT, for the invoice basis an ERP
   * imports: rounded cumulatively down the lines, so the lines' VAT adds up
   * to the document's to the øre and each is within one øre of its exact VAT.
   */
  readonly vat: Money;
}

export interface VatTerms {
  readonly status: VatStatus;
  /** EHF VAT category: O (not subject to VAT) or S (standard rate). */
  readonly category: 'O' | 'S';
  readonly rate: Ratio;
}

/**
 * What the document adds up to, as EN 16931 defines it: payable = net + VAT
 * − prepaid. A final settlement below what was invoiced a-konto is a credit
 * note whose payable is the (positive) amount credited.
 */
export interface InvoiceTotals {
  readonly net: Money;
  readonly vat: Money;
  readonly gross: Money;
  /** Without a schedule only: the payments received, VAT included, set against the final invoice. */
  readonly prepaid: Money;
  readonly payable: Money;
}

/**
 * An invoice; a credit note (the year's charge below what was invoiced); or a
 * statement (nothing billed: a balance carried forward, or zero), which
 * takes no number, KID or due date and is never sent as EHF.
 */
export type DocumentType = 'invoice' | 'credit-note' | 'statement';

export interface Invoice {
  readonly document: InvoiceDocument;
  readonly type: DocumentType;
  /** From the host's series (`invoicing.first_number`), for invoices and credit notes only. */
  readonly number?: string;
  /** The invoice number and a MOD10 check digit, on invoices only: what the party pays with. */
  readonly kid?: string;
  readonly date: IsoDate;
  /** On invoices only. */
  readonly due?: IsoDate;
  readonly period: { readonly start: IsoDate; readonly end: IsoDate };
  readonly agreement: Agreement;
  readonly seller: SellerParty;
  readonly buyer: InvoiceParty;
  /** Deres ref.: the buyer's reference (EHF BuyerReference), from the agreement or `--reference`; required for EHF only (or an order reference). */
  readonly buyerReference?: string;
  readonly vat: VatTerms;
  /** Every kind's lines, carried-forward kinds included, for the human copy. */
  readonly lines: ByKind<readonly InvoiceLine[]>;
  readonly kinds: ByKind<KindBalance>;
  /** The kinds this document bills: those not carried forward to next year. */
  readonly billedKinds: readonly ItemKind[];
  readonly billed: readonly BilledLine[];
  readonly totals: InvoiceTotals;
  readonly carriedForward: Money;
  /** The a-konto invoices this one settles or credits, by number (EHF BillingReference), each also a deduction line. */
  readonly settles: readonly string[];
  readonly payments: PartySettlement['payments'];
  /** Whether the payments were received or, lacking a payments file, assumed from the schedule. */
  readonly paidFrom: SettlementReport['paidFrom'];
  /** On a final document of a year that brings last year's balances forward: last year's agreement and the files it was computed from. */
  readonly broughtForward?: Omit<BroughtForward, 'at' | 'balances'>;
}
