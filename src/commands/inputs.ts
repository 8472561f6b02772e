import type { Agreement, BroughtForwardFrom } from '../agreement/model.js';
import { budgetLedger } from '../compute/budget.js';
import type { SettleInput } from '../compute/settle.js';
import { driverTable } from '../compute/drivers.js';
import { describeSelector, patternText } from '../agreement/selector.js';
import { matcher, patternMatches, valueIn } from '../compute/select.js';
import { type SelectorUse, selectorUses } from '../agreement/uses.js';
import { Diagnostics, type Computed, type Diagnostic, type SourcePos } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { BudgetRow } from '../inputs/budget.js';
import type { DriverRow } from '../inputs/drivers.js';
import type { PaymentRow } from '../inputs/payments.js';
import type { Memo } from '../memo/memo.js';
import type { FileHash } from '../reports/settlement.js';
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

/**
 * Last year has errors, so no balance can be brought forward from it: said
 * once, at the `brought_forward:` value, with last year's first error, so
 * the user knows which file to fix and where to start.
 */
export function lastYearInvalid(written: string, file: string, errors: readonly Diagnostic[]): [Said, Said] {
  const first = errors[0];
  const where = first ? `${first.file}:${first.line}:${first.col}` : file;
  const more = errors.length - 1;
  return [
    said(
      `fjorårets avtale '${written}' har feil, så saldoene kan ikke overføres; den første: ${where}: ${first?.message.nb ?? ''}${more > 0 ? ` (og ${more} til)` : ''}`,
      `last year's agreement '${written}' has errors, so no balance can be brought forward; the first: ${where}: ${first?.message.en ?? ''}${more > 0 ? ` (and ${more} more)` : ''}`,
    ),
    said(`rett fjorårets avtale først: samkost check ${file}`, `fix last year's agreement first: samkost check ${file}`),
  ];
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
  const uses = selectorUses(a);
  if (!declared || uses.length === 0) return;
  if (inputs.actuals.length === 0) {
    if (!uses.some((u) => u.role !== 'ignore')) return;
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
  for (const u of uses) {
    if (u.role === 'ignore' || inputs.actuals.some(matcher(u.selector))) continue;
    diags.warning(
      u.selector.at,
      'actuals-none',
      said(
        `posten '${u.item.id}' velger ingen rad i regnskapet (${describeSelector(u.selector)}), så den leser 0,00 fra regnskapet`,
        `item '${u.item.id}' selects no ledger row (${describeSelector(u.selector)}), so it reads 0,00 from the ledger`,
      ),
      said('sjekk navnene mot artene i regnskapet, eller fjern utvalget', "check the names against the ledger's categories, or remove the selector"),
    );
  }
  patternsMatchingNothing(uses, inputs.actuals, diags);
}

/**
 * A range, a prefix or a `not:` that matches no value of its column is
 * most likely a typo (`"1010..1099"` for `"10100..10999"`): a warning at
 * the value, whether or not the selector's other values match.
 */
function patternsMatchingNothing(uses: readonly SelectorUse[], rows: readonly ActualsRow[], diags: Diagnostics): void {
  const seen = new Map<string, readonly string[]>();
  const valuesOf = (column: string) => {
    let vs = seen.get(column);
    if (!vs) {
      vs = [...new Set(rows.map((r) => valueIn(r, column)))];
      seen.set(column, vs);
    }
    return vs;
  };
  const warned = new Set<string>();
  const warn = (at: SourcePos, written: string, column: string) => {
    const key = `${at.file}:${at.line}:${at.col}`;
    if (warned.has(key)) return;
    warned.add(key);
    diags.warning(
      at,
      'selector-none',
      said(`${written} treffer ingen verdi i kolonnen ${column} i regnskapet`, `${written} matches no value of the ${column} column in the ledger`),
      said(
        `sjekk verdien mot regnskapet (f.eks. ${
          valuesOf(column)
            .filter((v) => v !== '')
            .slice(0, 3)
            .join(', ') || 'ingen verdier'
        }), eller fjern den`,
        `check the value against the ledger (e.g. ${
          valuesOf(column)
            .filter((v) => v !== '')
            .slice(0, 3)
            .join(', ') || 'no values'
        }), or remove it`,
      ),
    );
  };
  for (const { selector } of uses)
    for (const f of selector.fields) {
      const values = valuesOf(f.column);
      for (const p of f.patterns) if (p.kind !== 'exact' && !values.some((v) => patternMatches(p, v))) warn(p.at, `"${patternText(p)}"`, f.column);
      if (f.not && !values.some((v) => !f.patterns.some((p) => patternMatches(p, v))))
        warn(f.at, `${f.column}: { not: ${f.patterns.map(patternText).join(', ')} }`, f.column);
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
