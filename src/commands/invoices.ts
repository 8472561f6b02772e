import { buildInvoices } from '../compute/invoice.js';
import type { Invoice } from '../reports/invoice.js';
import type { IsoDate } from '../dates/date.js';
import { Diagnostics, together } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Inputs } from './inputs.js';
import { refused, type Outcome } from '../diagnostics/outcome.js';
import { settle } from './settle.js';
import { said } from '../text/said.js';
import { validateInvoicing } from '../validate/invoicing.js';

export interface InvoicesOptions {
  readonly date: IsoDate;
  /** Instalment n of the a-konto schedule instead of the final settlement. */
  readonly akonto?: number;
  /** Deres ref. per party id, over the agreement's. */
  readonly references: ReadonlyMap<string, string>;
  /** Sent as EHF: a buyer reference (or an order reference) is then required. */
  readonly ehf?: boolean;
}

export interface InvoiceRun {
  readonly year: number;
  readonly akonto?: number;
  readonly invoices: readonly Invoice[];
}

/** `samkost invoices`: one invoice per party but the host. */
export function invoices(inputs: Inputs, options: InvoicesOptions): Outcome<InvoiceRun> {
  const { akonto } = options;
  // What the invoices need from the agreement is checked first; a settlement that fails too reports its own problems beside these.
  const ready = validateInvoicing(inputs.agreement, {
    date: options.date,
    references: options.references,
    ehf: options.ehf === true,
    ...(akonto !== undefined ? { akonto } : {}),
  });
  const settled = settle(inputs);
  if (!settled.report) return ready.report ? settled : { report: null, diagnostics: together(settled.diagnostics, ready.diagnostics) };
  const a = settled.report.allocation.agreement;
  if (akonto !== undefined) {
    const count = a.settlement?.akonto.length ?? 0;
    if (!settled.report.schedule || count === 0)
      return refused(
        1,
        said(`${a.title} ${a.year} har ingen a-kontoplan å fakturere`, `${a.title} ${a.year} has no a-konto schedule to invoice`),
        said(
          'legg til settlement: { akonto: [{ due: 2024-04-30, part: 50% }, ...] } og et budsjett',
          'add settlement: { akonto: [{ due: 2024-04-30, part: 50% }, ...] } and a budget',
        ),
        settled.diagnostics,
      );
    if (akonto > count)
      return refused(
        2,
        said(
          `--akonto ${akonto}: planen har ${count} ${count === 1 ? 'termin' : 'terminer'}`,
          `--akonto ${akonto}: the schedule has ${count} instalment${count === 1 ? '' : 's'}`,
        ),
        said(`gi --akonto 1${count > 1 ? ` til ${count}` : ''}`, `give --akonto 1${count > 1 ? ` to ${count}` : ''}`),
        settled.diagnostics,
      );
  }
  const ids = a.parties.map((p) => p.id);
  for (const party of options.references.keys()) {
    if (!ids.includes(party))
      return refused(
        2,
        said(`--reference nevner ingen kommune '${party}' i ${a.title} ${a.year}`, `--reference names no party '${party}' of ${a.title} ${a.year}`),
        didYouMean(party, ids) ?? said(`kommuner: ${ids.join(', ')}`, `parties: ${ids.join(', ')}`),
        settled.diagnostics,
      );
    if (party === a.host)
      return refused(
        2,
        said(
          `--reference '${party}': vertskommunen sender fakturaene og får ingen selv`,
          `--reference '${party}': the host sends the invoices and receives none`,
        ),
        said(
          'vertens kontakt (Vår ref.) skrives som reference: under verten i avtalen; --reference gjelder en kommune som faktureres',
          "the host's contact (Our ref.) is written as reference: under the host in the agreement; --reference is for an invoiced party",
        ),
        settled.diagnostics,
      );
  }
  const diags = new Diagnostics();
  for (const e of settled.diagnostics) diags.list.push(e);
  const valid = diags.take(ready);
  if (!valid)
    return {
      ...diags.failure(),
      refusal: {
        exit: 1,
        reasons: [
          {
            message: said('ingen faktura ble skrevet', 'no invoice was written'),
            hint: said('rett det som er listet over, og kjør samkost invoices på nytt', 'correct what is listed above, then run samkost invoices again'),
          },
        ],
      },
    };
  return diags.result({ year: a.year, ...(akonto !== undefined ? { akonto } : {}), invoices: buildInvoices(settled.report, valid, options.date) });
}

/**
 * An EHF goes into the party's books: one that bills nothing is not sent.
 * The printable copies still state the balance.
 */
export const sendsEhf = (i: Invoice): boolean => i.type !== 'statement';
