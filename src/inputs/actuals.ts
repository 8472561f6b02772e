import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import { parseAmount } from './amount.js';
import { locateColumns } from './columns.js';
import type { CsvTable } from './table.js';

/** One ledger row. `party` set means a direct cost of that party. */
export interface ActualsRow {
  readonly category: string;
  readonly amount: Money;
  readonly account?: string;
  readonly project?: string;
  readonly party?: string;
  readonly text?: string;
  /** Where the row's amount was written. */
  readonly at: SourcePos;
  readonly categoryAt: SourcePos;
  readonly partyAt?: SourcePos;
}

const REQUIRED = ['category', 'amount'] as const;
const OPTIONAL = ['account', 'project', 'party', 'date', 'text'] as const;

/** Typed actuals rows; every unreadable cell is reported and nothing is skipped silently. */
export function readActuals(table: CsvTable, columns: ReadonlyMap<string, string>, diags: Diagnostics): ActualsRow[] | null {
  const cols = locateColumns(table, REQUIRED, OPTIONAL, columns, diags);
  if (!cols) return null;
  const rows: ActualsRow[] = [];
  let ok = true;
  for (const cells of table.rows) {
    const cell = (name: string) => (cols.has(name as never) ? cells[cols.get(name as never)!] : undefined);
    const category = cell('category')!;
    const amountCell = cell('amount')!;
    const amount = parseAmount(amountCell.value, table.decimal);
    if ('error' in amount) {
      diags.error(amountCell.at, 'csv-amount', amount.error, amount.hint);
      ok = false;
      continue;
    }
    if (category.value.trim() === '') {
      diags.error(category.at, 'csv-empty-category', 'the row has no category', 'every actuals row needs a category so an item can select it');
      ok = false;
      continue;
    }
    const opt = (name: string) => {
      const v = cell(name)?.value.trim();
      return v ? v : undefined;
    };
    const party = opt('party');
    rows.push({
      category: category.value.trim(),
      amount,
      at: amountCell.at,
      categoryAt: category.at,
      ...(opt('account') ? { account: opt('account') } : {}),
      ...(opt('project') ? { project: opt('project') } : {}),
      ...(party ? { party, partyAt: cell('party')!.at } : {}),
      ...(opt('text') ? { text: opt('text') } : {}),
    });
  }
  return ok ? rows : null;
}
