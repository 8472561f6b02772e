import { ITEM_KINDS, type Agreement, type Item, type Party } from '../agreement/model.js';
import { addDays, type IsoDate } from '../dates/date.js';
import { Diagnostics, InputError } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import { settlementKid } from '../norway/kid.js';
import { byKind, type ByKind } from './by-kind.js';
import type { LineMethod } from './report.js';
import type { KindBalance, PartySettlement, SettlementReport } from './settle.js';

/** A party that an invoice names: the org number is required there. */
export type InvoiceParty = Party & { readonly org: string };

export interface InvoiceLine {
  readonly item: Item;
  /** The item's whole basis, so the reader sees what the share was of. */
  readonly basis: Money;
  readonly method: LineMethod;
  readonly key?: string;
  readonly share?: Ratio;
  readonly quantity?: Ratio;
  readonly amount: Money;
}

export interface Invoice {
  /** `<year>-<nn>`, nn the party's place in the agreement. */
  readonly number: string;
  readonly date: IsoDate;
  readonly due: IsoDate;
  readonly agreement: Agreement;
  readonly seller: InvoiceParty & { readonly bankAccount: string };
  readonly buyer: InvoiceParty;
  readonly kid: string;
  readonly lines: ByKind<readonly InvoiceLine[]>;
  readonly kinds: ByKind<KindBalance>;
  readonly dueNow: Money;
  readonly carriedForward: Money;
  readonly payments: PartySettlement['payments'];
  /** Whether the payments were received or, lacking a payments file, assumed from the schedule. */
  readonly paidFrom: SettlementReport['paidFrom'];
}

export interface InvoiceOptions {
  /** The invoice date; the core never reads the clock. */
  readonly date: IsoDate;
}

/** Without `final_due`, an invoice falls due this many days after its date. */
export const DEFAULT_TERMS_DAYS = 30;

/**
 * One invoice per party except the host, whose share is settled inside its
 * own accounts. Every fact an invoice needs that the agreement lacks (an org
 * number, the host's bank account) is reported, all at once.
 */
export function buildInvoices(r: SettlementReport, opts: InvoiceOptions): Invoice[] {
  const a = r.allocation.agreement;
  const diags = new Diagnostics();
  const host = a.parties.find((p) => p.id === a.host)!;
  const needOrg = (p: Party) => {
    if (!p.org) diags.error(p.at, 'invoice-org', `party '${p.id}' has no org number, which an invoice must show`, `add org: "<9 digits>" to party '${p.id}' (Brønnøysundregistrene has it)`);
  };
  needOrg(host);
  if (!host.bankAccount) diags.error(host.at, 'invoice-bank-account', `host '${host.id}' has no bank account to be paid into`, `add bank_account: "<11 digits>" to party '${host.id}'`);
  const buyers = r.parties.filter((p) => !p.isHost);
  for (const p of buyers) needOrg(p.party);
  if (diags.hasErrors) throw new InputError(diags.sorted());

  const seller = host as InvoiceParty & { bankAccount: string };
  return buyers.map((p) => {
    const buyer = p.party as InvoiceParty;
    const place = a.parties.indexOf(p.party) + 1;
    const lines = byKind((kind) =>
      r.allocation.items
        .filter((i) => i.item.kind === kind)
        .flatMap((i) =>
          i.lines
            .filter((l) => l.party === buyer.id)
            .map((l): InvoiceLine => ({ item: i.item, basis: i.basis, method: l.method, amount: l.amount, ...(l.key ? { key: l.key } : {}), ...(l.share ? { share: l.share } : {}), ...(l.quantity ? { quantity: l.quantity } : {}) })),
        ),
    );
    return {
      number: `${a.year}-${String(place).padStart(2, '0')}`,
      date: opts.date,
      due: r.finalDue ?? addDays(opts.date, DEFAULT_TERMS_DAYS),
      agreement: a,
      seller,
      buyer,
      kid: settlementKid(a.year, buyer.org),
      lines,
      kinds: p.kinds,
      dueNow: p.dueNow,
      carriedForward: p.carriedForward,
      payments: p.payments,
      paidFrom: r.paidFrom,
    };
  });
}

/** The kinds an invoice shows: those with lines, payments or a balance. */
export function invoiceKinds(inv: Invoice): Item['kind'][] {
  const shown = ITEM_KINDS.filter((k) => inv.lines[k].length > 0 || !inv.kinds[k].paid.isZero() || !inv.kinds[k].balance.isZero());
  return shown.length ? shown : ['operating'];
}
