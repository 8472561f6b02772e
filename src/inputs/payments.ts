import type { ItemKind } from './kind.js';
import { ledgerDateProblem, parseLedgerDate, type IsoDate } from '../dates/date.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import { parseKroner } from './amount.js';
import { locateColumns } from './columns.js';
import type { CsvTable } from './table.js';
import { said } from '../text/said.js';

/** One payment received from a party: a-konto actually paid. */
export interface PaymentRow {
  readonly party: string;
  readonly amount: Money;
  /** Null when the row names none: the settlement decides from the agreement's kinds. */
  readonly kind: ItemKind | null;
  readonly date?: IsoDate;
  readonly text?: string;
  /** Where the row starts (its party cell), where errors about the whole row point. */
  readonly at: SourcePos;
}

/** The words a ledger may use for the two kinds municipal accounts keep apart. */
const KINDS: Readonly<Record<string, ItemKind>> = { operating: 'operating', drift: 'operating', investment: 'investment', investering: 'investment' };

/**
 * Payments CSV: `party`, `amount`, and optionally `date`, `text` and `kind`
 * (operating/drift or investment/investering; when absent, the settlement
 * takes the agreement's only kind, or reports the row).
 */
export function readPayments(table: CsvTable, columns: ReadonlyMap<string, string>, diags: Diagnostics): PaymentRow[] | null {
  const cols = locateColumns(table.head, ['party', 'amount'] as const, ['date', 'text', 'kind'] as const, columns, diags);
  if (!cols) return null;
  const rows: PaymentRow[] = [];
  let ok = true;
  for (const cells of table.rows) {
    const cell = (name: 'party' | 'amount' | 'date' | 'text' | 'kind') => (cols.has(name) ? cells[cols.get(name)!] : undefined);
    const partyCell = cell('party')!;
    const amountCell = cell('amount')!;
    const amount = parseKroner(amountCell.value, table.head.numbers);
    if ('error' in amount) {
      diags.error(amountCell.at, 'csv-amount', amount.error, amount.hint);
      ok = false;
    }
    if (partyCell.value.trim() === '') {
      diags.error(
        partyCell.at,
        'csv-empty-party',
        said('innbetalingen nevner ingen kommune', 'the payment names no party'),
        said('hver innbetalingsrad sier hvilken kommune som betalte', 'every payment row says which party paid it'),
      );
      ok = false;
    }
    const kindCell = cell('kind');
    const kindText = kindCell?.value.trim().toLowerCase() ?? '';
    const kind = kindText === '' ? null : KINDS[kindText];
    if (kind === undefined) {
      diags.error(
        kindCell!.at,
        'csv-kind',
        said(`'${kindCell!.value}' er ikke en kostnadsart`, `'${kindCell!.value}' is not a kind of cost`),
        said(
          'skriv drift eller investering; la feltet stå tomt bare når avtalen har poster av én art',
          'write drift (operating) or investering (investment); leave it empty only when the agreement has items of one kind',
        ),
      );
      ok = false;
    }
    const dateCell = cell('date');
    const dateText = dateCell?.value.trim() ?? '';
    const date = dateText === '' ? undefined : parseLedgerDate(dateText);
    if (date === null) {
      diags.error(
        dateCell!.at,
        'csv-date',
        said(`'${dateCell!.value}' er ikke en dato`, `'${dateCell!.value}' is not a date`),
        ledgerDateProblem(dateText) ?? said('skriv 30.04.2023 eller 2023-04-30', 'write 2023-04-30 or 30.04.2023'),
      );
      ok = false;
    }
    if (!ok || 'error' in amount || kind === undefined || date === null) continue;
    const text = cell('text')?.value.trim();
    rows.push({ party: partyCell.value.trim(), amount, kind, at: partyCell.at, ...(date ? { date } : {}), ...(text ? { text } : {}) });
  }
  return ok ? rows : null;
}
