import type { Agreement, BroughtForwardFrom } from '../agreement/model.js';
import { budgetLedger } from '../compute/budget.js';
import type { SettleInput } from '../compute/settle.js';
import { driverTable } from '../compute/drivers.js';
import { dataWarnings } from '../compute/data-warnings.js';
import { Diagnostics, type Computed } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { BudgetRow } from '../inputs/budget.js';
import type { DriverRow } from '../inputs/drivers.js';
import type { PaymentRow } from '../inputs/payments.js';
import type { Memo } from '../memo/memo.js';
import type { FileHash } from '../reports/settlement.js';

/** The typed contents of an agreement's input files, as the loader read them. */
export interface Inputs {
  readonly agreement: Agreement;
  readonly actuals: readonly ActualsRow[];
  readonly driverRows: readonly DriverRow[];
  /** Rows of the budget CSV; null when there is none. */
  readonly budgetRows: readonly BudgetRow[] | null;
  /** Rows of the payments CSV; null when there is none. */
  readonly payments: readonly PaymentRow[] | null;
  /** Last year, read from its own files, when the agreement has `settlement: { brought_forward: }`. */
  readonly lastYear?: LastYear;
}

/**
 * Last year as the loader read it: its agreement and inputs (read without
 * errors, and one year before this one), and every file read for it — its
 * agreement, its inputs, and those of the year it brings forward in turn.
 */
export interface LastYear {
  readonly from: BroughtForwardFrom;
  /** Last year's agreement file, relative to this year's agreement's folder. */
  readonly file: string;
  readonly inputs: Inputs;
  readonly files: readonly FileHash[];
}

/** Whether the agreement has a budget at all: from its budget CSV or written in under `budget:`. */
export const hasBudget = (inputs: Inputs): boolean => inputs.budgetRows !== null || inputs.agreement.budget.size > 0;

/**
 * Reads the drivers and the budget the agreement declares, then runs one
 * computation on them: every command computes from the same prepared
 * input, so `check` and the reporting commands see exactly the same errors.
 * A scenario session hands in its memo.
 */
export function computeOn<R>(inputs: Inputs, compute: (input: SettleInput) => Computed<R>, memo?: Memo): Computed<R> {
  const diags = new Diagnostics();
  const a = inputs.agreement;
  const drivers = driverTable(a, inputs.driverRows, diags, memo);
  const budget = hasBudget(inputs) ? budgetLedger(a, inputs.budgetRows ?? [], diags) : null;
  if (diags.hasErrors) return diags.failure();
  // A scenario session's runs share the baseline's ledger: its warnings were given once, with the baseline.
  if (!memo) {
    dataWarnings(a, inputs.actuals, inputs.payments, diags);
  }
  const report = diags.take(compute({ agreement: a, actuals: inputs.actuals, drivers, budget, payments: inputs.payments, ...(memo ? { memo } : {}) }));
  return report === null ? diags.failure() : diags.result(report);
}
