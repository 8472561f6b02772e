import type { Agreement } from '../agreement/model.js';
import { Diagnostics, type Diagnostic, type SourcePos } from '../diagnostics/diagnostic.js';
import { said } from '../text/said.js';

/** The numbers the agreement's documents take, first and last: what must not overlap another agreement's of the same host. */
export function invoiceNumberRange(a: Agreement): { readonly first: bigint; readonly last: bigint; readonly at: SourcePos } | null {
  const first = a.invoicing.firstNumber;
  if (first === undefined) return null;
  const count = (a.settlement?.akonto.length ?? 0) + 1;
  const buyers = a.parties.filter((p) => p.id !== a.host).length;
  return { first: first.value, last: first.value + BigInt(Math.max(count * buyers - 1, 0)), at: first.at };
}

/**
 * Invoice numbers must be unique in the host's series: an agreement whose
 * numbers overlap those of another agreement of the same host (by org
 * number) given to the same `check` is an error at its `first_number`.
 */
export function invoiceNumberClashes(a: Agreement, others: readonly Agreement[]): Diagnostic[] {
  const org = (x: Agreement) => x.parties.find((p) => p.id === x.host)?.org;
  const mine = invoiceNumberRange(a);
  if (!mine || !org(a)) return [];
  const diags = new Diagnostics();
  for (const o of others) {
    const theirs = invoiceNumberRange(o);
    if (!theirs || org(o) !== org(a) || theirs.last < mine.first || mine.last < theirs.first) continue;
    diags.error(
      mine.at,
      'invoice-number-clash',
      said(
        `fakturanumrene ${mine.first}–${mine.last} overlapper ${theirs.first}–${theirs.last} i ${o.title} ${o.year} (${o.file}), fra samme vertskommune`,
        `invoice numbers ${mine.first}–${mine.last} overlap ${theirs.first}–${theirs.last} of ${o.title} ${o.year} (${o.file}), from the same host`,
      ),
      said(
        `la denne avtalens serie begynne etter ${theirs.last}: first_number: ${theirs.last + 1n}`,
        `start this agreement's series after ${theirs.last}: first_number: ${theirs.last + 1n}`,
      ),
    );
  }
  return diags.list;
}
