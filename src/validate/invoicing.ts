import type { Agreement, Id, Party } from '../agreement/model.js';
import { addDays, dateNb, type IsoDate } from '../dates/date.js';
import { Diagnostics, type Computed } from '../diagnostics/diagnostic.js';
import type { InvoiceDocument, InvoiceParty, SellerParty } from '../reports/invoice.js';
import { said } from '../text/said.js';

export interface InvoiceOptions {
  /** The invoice date; the core never reads the clock. */
  readonly date: IsoDate;
  /** Instalment n (1-based) of the a-konto schedule instead of the final settlement. */
  readonly akonto?: number;
  /** Buyer references given on the command line, by party id, over those in the agreement. */
  readonly references?: ReadonlyMap<Id, string>;
  /**
   * Whether the invoices are sent as EHF, where a buyer reference or an
   * order reference is required (PEPPOL-EN16931-R003); the printable copies
   * go without.
   */
  readonly ehf?: boolean;
}

/** Without `invoicing.payment_terms_days`, a final invoice falls due at least this many days after its date. */
export const DEFAULT_TERMS_DAYS = 30;

/**
 * An agreement whose invoices can be written: every fact an invoice needs
 * that the agreement may lack is there, each with the type that says so —
 * the one thing `buildInvoices` takes besides the settlement.
 */
export interface InvoiceReady {
  readonly seller: SellerParty;
  /** Each invoiced party (every party but the host), with its Deres ref. where it has one, by id. */
  readonly buyers: ReadonlyMap<Id, { readonly party: InvoiceParty; readonly reference?: string }>;
  readonly firstNumber: bigint;
  readonly document: InvoiceDocument;
  /** The date the documents fall due. */
  readonly due: IsoDate;
}

/** A party an invoice can name: it has an org number and an address. */
export const isInvoiceParty = (p: Party): p is InvoiceParty => p.org !== undefined && p.address !== undefined;

/** The host can be paid: it is an invoice party with a bank account. */
export const isSellerParty = (p: Party): p is SellerParty => isInvoiceParty(p) && p.bankAccount !== undefined;

/**
 * Every fact an invoice needs that the agreement lacks (an org number, an
 * address, a buyer reference, the host's bank account and number series) is
 * reported, all at once, with a due date before the invoice date; a final
 * invoice whose terms run past the agreed `final_due` is warned of. Reads
 * the agreement and the command line only.
 */
export function validateInvoicing(a: Agreement, opts: InvoiceOptions): Computed<InvoiceReady> {
  const diags = new Diagnostics();
  const host = a.parties.find((p) => p.id === a.host);
  if (!host) throw new Error(`internal: the host '${a.host}' is no party (the reader checks it)`);
  const reference = (p: Party) => opts.references?.get(p.id) ?? p.reference;
  const need = (p: Party) => {
    if (!p.org)
      diags.error(
        p.at,
        'invoice-org',
        said(`kommunen '${p.id}' har ikke organisasjonsnummer, som en faktura må vise`, `party '${p.id}' has no org number, which an invoice must show`),
        said(
          `legg til org: "<9 sifre>" for kommunen '${p.id}' (Brønnøysundregistrene har det)`,
          `add org: "<9 digits>" to party '${p.id}' (Brønnøysundregistrene has it)`,
        ),
      );
    if (!p.address)
      diags.error(
        p.at,
        'invoice-address',
        said(`kommunen '${p.id}' har ingen adresse, som en faktura må vise`, `party '${p.id}' has no address, which an invoice must show`),
        said(
          `legg til address: { street: Rådhusveien 1, postcode: "9479", city: Harstad } for kommunen '${p.id}'`,
          `add address: { street: Rådhusveien 1, postcode: "9479", city: Harstad } to party '${p.id}'`,
        ),
      );
  };
  need(host);
  if (!host.bankAccount)
    diags.error(
      host.at,
      'invoice-bank-account',
      said(`vertskommunen '${host.id}' har ikke noe kontonummer å betale til`, `host '${host.id}' has no bank account to be paid into`),
      said(`legg til bank_account: "<11 sifre>" for kommunen '${host.id}'`, `add bank_account: "<11 digits>" to party '${host.id}'`),
    );
  if (!a.invoicing.firstNumber)
    diags.error(
      a.invoicing.at,
      'invoice-number',
      said(
        'avtalen har ingen fakturanummerserie, så fakturaene kunne gjentatt en annen avtales numre',
        "the agreement has no invoice number series, so its invoices could repeat another agreement's numbers",
      ),
      said(
        'legg til invoicing: { first_number: <neste ledige nummer i vertskommunens serie> }',
        "add invoicing: { first_number: <the next free number in the host's series> }",
      ),
    );
  const buyers = new Map<Id, { party: InvoiceParty; reference?: string }>();
  for (const p of a.parties.filter((x) => x.id !== a.host)) {
    need(p);
    const ref = reference(p);
    if (opts.ehf && !ref && !p.orderReference)
      diags.error(
        p.at,
        'invoice-reference',
        said(
          `kommunen '${p.id}' har ingen referanse for fakturaene sine (Deres ref.), som EHF krever`,
          `party '${p.id}' has no reference for its invoices (Deres ref.), which EHF requires`,
        ),
        said(
          `legg til reference: "<referansen ${p.name} ber om>" (eller order_reference:) for kommunen '${p.id}', eller gi --reference ${p.id}=REF`,
          `add reference: "<the reference ${p.name} asks for>" (or order_reference:) to party '${p.id}', or give --reference ${p.id}=REF`,
        ),
      );
    else if (isInvoiceParty(p)) buyers.set(p.id, { party: p, ...(ref ? { reference: ref } : {}) });
  }
  const akonto = a.settlement?.akonto ?? [];
  const document: InvoiceDocument = opts.akonto === undefined ? { kind: 'final' } : { kind: 'akonto', instalment: opts.akonto, of: akonto.length };
  const instalment = document.kind === 'akonto' ? akonto[document.instalment - 1] : undefined;
  const finalDue = a.settlement?.finalDue;
  const terms = a.invoicing.paymentTermsDays?.value ?? DEFAULT_TERMS_DAYS;
  const byTerms = addDays(opts.date, terms);
  // A final invoice written late still gives the party its terms: the later of the agreed date and date + terms.
  const due = instalment?.due ?? (finalDue && finalDue > byTerms ? finalDue : byTerms);
  if (instalment && due < opts.date) {
    diags.error(
      instalment.at,
      'invoice-due-date',
      said(
        `fakturaen ville forfalt ${dateNb(due)}, før fakturadatoen ${dateNb(opts.date)}`,
        `the invoice would fall due on ${due}, before its date ${opts.date}`,
      ),
      said(
        'en a-kontofaktura sendes før terminen forfaller: gi en tidligere --date',
        'an a-konto invoice is sent before its instalment falls due: give an earlier --date',
      ),
    );
  } else if (!instalment && finalDue && due > finalDue) {
    diags.warning(
      a.settlement?.finalDueAt ?? a.invoicing.at,
      'invoice-terms',
      said(
        `sluttfakturaen datert ${dateNb(opts.date)} forfaller ${dateNb(due)} (${terms} dagers betalingsfrist), etter den avtalte datoen ${dateNb(finalDue)}`,
        `the final invoice dated ${opts.date} falls due on ${due} (${terms} days' terms), after the agreed date ${finalDue}`,
      ),
      said(
        `flytt final_due til ${dateNb(due)} eller senere, eller si fra til kommunene at sluttfakturaen forfaller senere enn avtalt`,
        `move final_due to ${due} or later, or tell the parties the final invoice falls due later than agreed`,
      ),
    );
  }
  if (diags.hasErrors || !isSellerParty(host) || !a.invoicing.firstNumber) return diags.failure();
  return diags.result({ seller: host, buyers, firstNumber: a.invoicing.firstNumber.value, document, due });
}
