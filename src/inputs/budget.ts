import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import { parseKroner } from './amount.js';
import { locateColumns } from './columns.js';
import type { CsvTable } from './table.js';
import { said } from '../text/said.js';

/** The adopted budget for one actuals category. */
export interface BudgetRow {
  readonly category: string;
  readonly amount: Money;
  /** Where the category was written, in the agreement's budget: or the budget CSV. */
  readonly at: SourcePos;
}

/** Budget CSV: `category`, `amount`. */
export function readBudgetRows(table: CsvTable, columns: ReadonlyMap<string, string>, diags: Diagnostics): BudgetRow[] | null {
  const cols = locateColumns(table.head, ['category', 'amount'] as const, [] as const, columns, diags);
  if (!cols) return null;
  const rows: BudgetRow[] = [];
  let ok = true;
  for (const cells of table.rows) {
    const category = cells[cols.get('category')!]!;
    const amountCell = cells[cols.get('amount')!]!;
    const amount = parseKroner(amountCell.value, table.head.numbers);
    if ('error' in amount) {
      diags.error(amountCell.at, 'csv-amount', amount.error, amount.hint);
      ok = false;
    } else if (category.value.trim() === '') {
      diags.error(
        category.at,
        'csv-empty-category',
        said('budsjettraden har ingen art', 'the budget row has no category'),
        said('en budsjettrad er budsjettet for én regnskapsart', 'a budget row is the budget of one actuals category'),
      );
      ok = false;
    } else rows.push({ category: category.value.trim(), amount, at: category.at });
  }
  return ok ? rows : null;
}
