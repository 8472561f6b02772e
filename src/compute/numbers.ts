import type { Agreement, Id } from '../agreement/model.js';
import type { InvoiceDocument } from '../reports/invoice.js';

/**
 * The parties invoiced, in agreement order, and how many numbers one round
 * of documents takes: the series runs a-konto 1, a-konto 2, …, final, each
 * over the invoiced parties in agreement order — so a re-run numbers every
 * document the same.
 */
export function invoiceNumber(a: Agreement, buyer: Id, document: InvoiceDocument): bigint | null {
  const first = a.invoicing.firstNumber;
  if (first === undefined) return null;
  const buyers = a.parties.filter((p) => p.id !== a.host);
  const round = document.kind === 'akonto' ? document.instalment - 1 : (a.settlement?.akonto.length ?? 0);
  return first.value + BigInt(round * buyers.length + buyers.findIndex((p) => p.id === buyer));
}

/**
 * A document's number: an a-konto invoice's by its party's place among the
 * invoiced parties; a final document's by its place among the parties whose
 * final document is an invoice or credit note (a statement takes none), so
 * numbers are consumed only by what is billed or credited.
 */
export function documentNumber(first: bigint, a: Agreement, document: InvoiceDocument, rank: number): bigint {
  const buyers = a.parties.filter((p) => p.id !== a.host).length;
  const round = document.kind === 'akonto' ? document.instalment - 1 : (a.settlement?.akonto.length ?? 0);
  return first + BigInt(round * buyers + rank);
}
