import type { Agreement } from '../agreement/model.js';
import { budgetLedger } from '../compute/budget.js';
import type { SettleInput } from '../compute/settle.js';
import { driverTable } from '../compute/drivers.js';
import { describeSelector, matcher } from '../compute/select.js';
import { Diagnostics, type Computed, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { BudgetRow } from '../inputs/budget.js';
import type { DriverRow } from '../inputs/drivers.js';
import type { PaymentRow } from '../inputs/payments.js';
import type { Memo } from '../memo/memo.js';
import { type Said, said } from '../text/said.js';

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

/**
 * Why a command did nothing when no line of a file is at fault: the options
 * ask for what the agreement does not have. `exit` is 2 when the command line
 * is wrong, 1 when the agreement lacks what was asked for. Every reason is
 * shown; the last is the summary.
 */
export interface Refusal {
  readonly exit: 1 | 2;
  readonly reasons: readonly { readonly message: Said; readonly hint: Said }[];
}

/** A command's answer: its report, or the problems (and possibly a refusal) that kept it from one. */
export type Outcome<R> =
  | Computed<R>
  | {
      readonly report: null;
      readonly diagnostics: readonly Diagnostic[];
      readonly refusal: Refusal;
      /** Texts the diagnostics point into that differ from the files on disk: a scenario's agreement with its values written in. */
      readonly texts?: ReadonlyMap<string, string>;
    };

export function refused(exit: 1 | 2, message: Said, hint: Said, diagnostics: readonly Diagnostic[] = []): Outcome<never> {
  return { report: null, diagnostics, refusal: { exit, reasons: [{ message, hint }] } };
}

/**
 * A ledger that selects nothing is a silent 0,00 on an invoice: a header-only
 * export, or an item whose categories are not in this year's ledger.
 */
/**
 * A payments file with a header and no rows means nothing was paid: the
 * whole amount is billed. Said, since an empty export is the likelier story.
 */
function paymentsWarnings(inputs: Inputs, diags: Diagnostics): void {
  if (inputs.payments === null || inputs.payments.length > 0) return;
  const declared = inputs.agreement.inputs.get('payments');
  diags.warning(
    declared?.at ?? { file: inputs.agreement.file, line: 1, col: 1 },
    'payments-empty',
    said(
      `innbetalingsfilen${declared ? ` '${declared.file}'` : ''} har ingen rader, så ingenting er betalt og hele beløpet faktureres`,
      `the payments file${declared ? ` '${declared.file}'` : ''} has no rows, so nothing is paid and the whole amount is invoiced`,
    ),
    said('sjekk at dette er årets eksport av innbetalingene', "check that this is the year's export of the payments"),
  );
}

function ledgerWarnings(inputs: Inputs, diags: Diagnostics): void {
  const a = inputs.agreement;
  const declared = a.inputs.get('actuals');
  const selectors = a.items.flatMap((item) =>
    item.source.kind === 'actuals'
      ? [{ item, selector: item.source.selector }]
      : item.source.kind === 'percent'
        ? [...item.source.of, ...item.source.deduct].flatMap((r) => (r.kind === 'actuals' ? [{ item, selector: r.selector }] : []))
        : [],
  );
  if (!declared || selectors.length === 0) return;
  if (inputs.actuals.length === 0) {
    diags.warning(
      declared.at,
      'ledger-empty',
      said(`regnskapet '${declared.file}' har ingen rader`, `the ledger '${declared.file}' has no rows`),
      said(
        'hver post som leser regnskapet, blir 0,00; sjekk at dette er årets eksport',
        "every item that reads the ledger is 0,00; check that this is the year's export",
      ),
    );
    return;
  }
  for (const { item, selector } of selectors) {
    if (inputs.actuals.some(matcher(selector))) continue;
    diags.warning(
      selector.at,
      'actuals-none',
      said(
        `posten '${item.id}' velger ingen rad i regnskapet (${describeSelector(selector)}), så den leser 0,00 fra regnskapet`,
        `item '${item.id}' selects no ledger row (${describeSelector(selector)}), so it reads 0,00 from the ledger`,
      ),
      said('sjekk navnene mot artene i regnskapet, eller fjern utvalget', "check the names against the ledger's categories, or remove the selector"),
    );
  }
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
    ledgerWarnings(inputs, diags);
    paymentsWarnings(inputs, diags);
  }
  const report = diags.take(compute({ agreement: a, actuals: inputs.actuals, drivers, budget, payments: inputs.payments, ...(memo ? { memo } : {}) }));
  return report === null ? diags.failure() : diags.result(report);
}
