import type { SourcePos } from '../diagnostics/diagnostic.js';
import { type Said, said } from '../text/said.js';
import { type ScaledAmount, scanAmount } from './amount.js';
import { locateColumns } from './columns.js';
import { scaledText, subtract } from './decimal.js';
import type { RowView, TableHeader, TableSink } from './table.js';

/** The name of the amount column samkost makes from a debit/credit pair: no file's header can hold it. */
const MADE_AMOUNT = '\u0000amount';

/**
 * `columns: { debit: Debet, credit: Kredit }`: the ledger has no signed
 * amount, but a debit and a credit column, as Unit4, Visma and SAF-T keep
 * it. Returns the columns the row reader should look for (its `amount` is
 * the made column) and a sink wrapper that adds that column to every row as
 * debit − credit, exactly. Null when the agreement maps no such pair: the
 * rows then pass as they are, at no cost.
 */
export function debitCredit(
  columns: ReadonlyMap<string, string>,
): { readonly columns: ReadonlyMap<string, string>; wrap<T>(sink: TableSink<T>): TableSink<T> } | null {
  if (!columns.has('debit') && !columns.has('credit')) return null;
  const mapped = new Map(columns);
  mapped.set('amount', MADE_AMOUNT);
  return { columns: mapped, wrap: (sink) => pairSink(sink, columns) };
}

function pairSink<T>(inner: TableSink<T>, columns: ReadonlyMap<string, string>): TableSink<T> {
  let head: TableHeader;
  let debit = -1;
  let credit = -1;
  const view = new PairView();
  return {
    header(h, diags) {
      head = h;
      if (!columns.has('debit') || !columns.has('credit') || columns.has('amount')) {
        const [have, lack] = columns.has('amount') ? ['amount', 'debit/credit'] : columns.has('debit') ? ['debit', 'credit'] : ['credit', 'debit'];
        diags.error(
          h.at,
          'debit-credit',
          columns.has('amount')
            ? said('columns: har både amount og debit/credit', 'columns: maps both amount and debit/credit')
            : said(`columns: har ${have}, men ikke ${lack}`, `columns: maps ${have} but not ${lack}`),
          said(
            'et fortegnsbeløp i én kolonne: columns: { amount: Beløp }; debet og kredit i hver sin: columns: { debit: Debet, credit: Kredit }',
            'a signed amount in one column: columns: { amount: Amount }; debit and credit in two: columns: { debit: Debit, credit: Credit }',
          ),
        );
        return false;
      }
      const cols = locateColumns(h, ['debit', 'credit'] as const, [] as const, columns, diags);
      if (!cols) return false;
      debit = cols.get('debit')!;
      credit = cols.get('credit')!;
      return inner.header({ ...h, names: [...h.names, MADE_AMOUNT] }, diags);
    },
    row(r, diags) {
      const d = side(r, debit, head);
      const c = side(r, credit, head);
      if ('error' in d || 'error' in c) {
        for (const [s, i] of [
          [d, debit],
          [c, credit],
        ] as const)
          if ('error' in s) diags.error(r.at(i), s.code, s.error, s.hint);
        return;
      }
      if ((d.filled && c.filled) || (d.blank && c.blank)) {
        diags.error(
          r.at(debit),
          'debit-credit',
          d.filled
            ? said(
                `raden har både debet (${r.field(debit).trim()}) og kredit (${r.field(credit).trim()})`,
                `the row has both a debit (${r.field(debit).trim()}) and a credit (${r.field(credit).trim()})`,
              )
            : said('raden har verken debet eller kredit', 'the row has neither a debit nor a credit'),
          said(
            'en regnskapslinje føres enten i debet eller i kredit; skriv 0 i den ene om linjen er på null',
            'a ledger line is either a debit or a credit; write 0 in one of them if the line is zero',
          ),
        );
        return;
      }
      const amount = subtract(d.amount, c.amount);
      view.set(r, scaledText(amount, head.numbers.decimal), r.at(d.filled || (!c.filled && !d.blank) ? debit : credit));
      inner.row(view, diags);
    },
    finish(diags) {
      return inner.finish(diags);
    },
  };
}

type Side = { amount: ScaledAmount; filled: boolean; blank: boolean } | { error: Said; hint: Said; code: 'csv-amount' | 'debit-credit' };

const ZERO: ScaledAmount = { units: 0n, scale: 0 };

/** A debit or credit cell: empty, zero (as many exports fill the unused side) or an unsigned amount. */
function side(r: RowView, i: number, head: TableHeader): Side {
  const text = r.field(i).trim();
  if (text === '') return { amount: ZERO, filled: false, blank: true };
  const a = scanAmount(text, head.numbers);
  if ('error' in a) return { error: a.error, hint: a.hint, code: 'csv-amount' };
  if (a.units < 0n)
    return {
      code: 'debit-credit',
      error: said(`'${text}' er negativ i en debet- eller kreditkolonne`, `'${text}' is negative in a debit or credit column`),
      hint: said(
        'debet og kredit skrives uten fortegn; et negativt beløp hører i den andre kolonnen',
        'debit and credit are written without a sign; a negative amount belongs in the other column',
      ),
    };
  return { amount: a, filled: a.units !== 0n, blank: false };
}

/** A row with one more cell, the amount made from its debit and credit. */
class PairView implements RowView {
  private r!: RowView;
  private amount = '';
  private amountAt!: SourcePos;

  set(r: RowView, amount: string, at: SourcePos): void {
    this.r = r;
    this.amount = amount;
    this.amountAt = at;
  }

  get count(): number {
    return this.r.count + 1;
  }

  get line(): number {
    return this.r.line;
  }

  field(i: number): string {
    return i === this.r.count ? this.amount : this.r.field(i);
  }

  at(i: number): SourcePos {
    return i === this.r.count ? this.amountAt : this.r.at(i);
  }
}
