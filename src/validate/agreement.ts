import type { Agreement } from '../agreement/model.js';
import { readAgreement } from '../agreement/read.js';
import { Diagnostics, together, type Computed, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keysResolvable } from './keys.js';
import { pricesWithinSteps } from './prices.js';

/**
 * The rules that read the agreement alone, run once it is read and before
 * anything is computed, each pushing what it finds: compute then reports
 * only what it finds in the data.
 */
export function validateAgreement(a: Agreement): Computed<Agreement> {
  const diags = new Diagnostics();
  pricesWithinSteps(a, diags);
  keysResolvable(a, diags);
  return diags.result(a);
}

/**
 * The agreement read and validated: the reader's problems, or, once it
 * reads, those the agreement's rules find. What every command and every
 * scenario computes from.
 */
export function readValidAgreement(...args: Parameters<typeof readAgreement>): {
  readonly agreement: Agreement | null;
  readonly diagnostics: readonly Diagnostic[];
} {
  const read = readAgreement(...args);
  if (!read.agreement) return read;
  const valid = validateAgreement(read.agreement);
  return { agreement: valid.report, diagnostics: together(read.diagnostics, valid.diagnostics) };
}
