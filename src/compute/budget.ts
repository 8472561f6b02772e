import type { Agreement } from '../agreement/model.js';
import { selectorUses } from '../agreement/uses.js';
import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { BudgetRow } from '../inputs/budget.js';
import { allocate } from './allocate.js';
import type { ComputeInput } from './context.js';
import type { AllocationReport } from '../reports/allocation.js';
import { type Said, said } from '../text/said.js';

/** The allocation's inputs and the adopted budget. */
export interface BudgetedInput extends ComputeInput {
  /** The budget as ledger rows (see {@link budgetLedger}); null when the agreement declares no budget at all. */
  readonly budget: readonly ActualsRow[] | null;
}

/**
 * The adopted budget as ledger rows, one per category: the agreement's
 * `budget:` and the budget CSV together, a category in both being an error.
 * Running the allocation on these rows instead of the actuals gives each
 * party's budgeted share by exactly the rules that give its actual share.
 */
export function budgetLedger(a: Agreement, csvRows: readonly BudgetRow[], diags: Diagnostics): ActualsRow[] {
  const rows: BudgetRow[] = [...[...a.budget].map(([category, b]) => ({ category, amount: b.amount, at: b.at })), ...csvRows];
  const seen = new Map<string, BudgetRow>();
  for (const row of rows) {
    const first = seen.get(row.category);
    if (first)
      diags.error(
        row.at,
        'budget-duplicate',
        said(
          `arten '${row.category}' er budsjettert to ganger (første gang i ${first.at.file}:${first.at.line})`,
          `category '${row.category}' is budgeted twice (first at ${first.at.file}:${first.at.line})`,
        ),
        said(
          'gi hver art én budsjettlinje; legg sammen beløpene om begge er ment',
          'give each category one budget line; add the amounts together if both are meant',
        ),
      );
    else seen.set(row.category, row);
  }
  return [...seen.values()].map((r) => ({ category: r.category, amount: r.amount, rows: 1, at: r.at, categoryAt: r.at }));
}

/**
 * The allocation run on the budget instead of the actuals. An agreement whose
 * items read the ledger has no budget unless one is given: that is an error
 * here, never a silent zero.
 */
export function budgetAllocation(input: BudgetedInput, diags: Diagnostics, missing: Said): AllocationReport | null {
  const a = input.agreement;
  if (input.budget === null && readsLedger(a)) {
    const at = a.settlement?.akonto[0]?.at ?? { file: a.file, line: 1, col: 1 };
    diags.error(
      at,
      'budget-missing',
      missing,
      said(
        'legg til budget: { <art>: <beløp> } i avtalen, eller en budsjett-CSV under inputs:',
        'add budget: { <category>: <amount> } to the agreement, or a budget CSV under inputs:',
      ),
    );
    return null;
  }
  return diags.take(allocate({ ...input, actuals: input.budget ?? [] }));
}

/** Whether some item's amount depends on the ledger, so that it has no budget unless one is given. */
export function readsLedger(a: Agreement): boolean {
  return selectorUses(a).some((u) => u.role !== 'ignore');
}
