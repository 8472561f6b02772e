import type { Agreement } from '../agreement/model.js';
import { allocate } from '../compute/allocate.js';
import { driverTable } from '../compute/drivers.js';
import type { AllocationReport } from '../compute/report.js';
import { Diagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { DriverRow } from '../inputs/drivers.js';

export interface Computed {
  readonly report: AllocationReport | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Runs the allocation on loaded inputs and returns every problem found, so
 * `check` and the reporting commands see exactly the same errors.
 */
export function compute(agreement: Agreement, actuals: readonly ActualsRow[], driverRows: readonly DriverRow[]): Computed {
  const diags = new Diagnostics();
  const drivers = driverTable(agreement, driverRows, diags);
  if (diags.hasErrors) return { report: null, diagnostics: diags.sorted() };
  try {
    return { report: allocate({ agreement, actuals, drivers }), diagnostics: diags.sorted() };
  } catch (e) {
    if (e instanceof InputError) return { report: null, diagnostics: [...diags.list, ...e.diagnostics] };
    throw e;
  }
}
