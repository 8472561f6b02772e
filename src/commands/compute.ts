import type { Agreement } from '../agreement/model.js';
import { allocate } from '../compute/allocate.js';
import { budgetLedger } from '../compute/budget.js';
import { deviation, type DeviationReport, type DeviationSign } from '../compute/deviation.js';
import { driverTable } from '../compute/drivers.js';
import type { AllocationReport } from '../compute/report.js';
import { settle, type SettleInput, type SettlementReport } from '../compute/settle.js';
import { Diagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { BudgetRow } from '../inputs/budget.js';
import type { DriverRow } from '../inputs/drivers.js';
import type { PaymentRow } from '../inputs/payments.js';

/** The typed contents of an agreement's input files, as the loader read them. */
export interface Inputs {
  readonly agreement: Agreement;
  readonly actuals: readonly ActualsRow[];
  readonly driverRows: readonly DriverRow[];
  /** Rows of the budget CSV; null when there is none. */
  readonly budgetRows: readonly BudgetRow[] | null;
  /** Rows of the payments CSV; null when there is none. */
  readonly payments: readonly PaymentRow[] | null;
}

export interface Computed<R> {
  readonly report: R | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Runs one report on loaded inputs and returns every problem found, so
 * `check` and the reporting commands see exactly the same errors.
 */
function run<R>(inputs: Inputs, report: (input: SettleInput) => R): Computed<R> {
  const diags = new Diagnostics();
  const a = inputs.agreement;
  const drivers = driverTable(a, inputs.driverRows, diags);
  const budget = inputs.budgetRows === null && a.budget.size === 0 ? null : budgetLedger(a, inputs.budgetRows ?? [], diags);
  if (diags.hasErrors) return { report: null, diagnostics: diags.sorted() };
  try {
    return { report: report({ agreement: a, actuals: inputs.actuals, drivers, budget, payments: inputs.payments }), diagnostics: diags.sorted() };
  } catch (e) {
    if (e instanceof InputError) return { report: null, diagnostics: [...diags.list, ...e.diagnostics] };
    throw e;
  }
}

export function allocation(inputs: Inputs): Computed<AllocationReport> {
  return run(inputs, allocate);
}

export function settlement(inputs: Inputs): Computed<SettlementReport> {
  return run(inputs, settle);
}

export function deviationTable(inputs: Inputs, sign: DeviationSign): Computed<DeviationReport> {
  return run(inputs, (input) => deviation(input, sign));
}

/**
 * Everything `check` proves: the settlement (which includes the allocation,
 * the payments and the a-konto budget) and, where a budget exists, the
 * deviation table — run only after the settlement passed, so no problem is
 * reported twice.
 */
export function checkAll(inputs: Inputs): Computed<SettlementReport> {
  const settled = settlement(inputs);
  if (!settled.report || (inputs.budgetRows === null && inputs.agreement.budget.size === 0)) return settled;
  const dev = deviationTable(inputs, 'budget-minus-actual');
  return dev.report ? settled : { report: null, diagnostics: dev.diagnostics };
}
