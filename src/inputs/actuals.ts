import { ledgerDateProblem, parseLedgerDate } from '../dates/date.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import { scaledToMoney, scanKroner } from './amount.js';
import { locateColumns } from './columns.js';
import type { TableHeader, TableSink } from './table.js';
import { said } from '../text/said.js';
import { dateNb } from '../dates/date.js';

/**
 * Ledger rows as the allocation sees them: rows with the same category,
 * account, project and party summed into one entry. Nothing the agreement can
 * select by is lost, and memory grows with the ledger's distinct accounts,
 * not with its number of rows. `party` set means a direct cost of that party.
 */
export interface ActualsRow {
  readonly category: string;
  readonly amount: Money;
  readonly account?: string;
  readonly project?: string;
  readonly party?: string;
  /** How many ledger rows were summed (1 for a budget line). */
  readonly rows: number;
  /** Where the first row's amount was written. */
  readonly at: SourcePos;
  readonly categoryAt: SourcePos;
  readonly partyAt?: SourcePos;
}

const REQUIRED = ['category', 'amount'] as const;
const OPTIONAL = ['account', 'project', 'party', 'date', 'text'] as const;

interface Entry {
  readonly category: string;
  readonly account: string;
  readonly project: string;
  readonly party: string;
  units: bigint;
  scale: number;
  rows: number;
  readonly at: SourcePos;
  readonly categoryAt: SourcePos;
  readonly partyAt?: SourcePos;
}

/**
 * Reads the actuals row by row as they stream in, summing exactly (bigint
 * units, never a float). Every unreadable cell is reported with its position
 * and raw value; no row is skipped silently.
 */
/**
 * With `year`, a date column (when the file has one) is checked: a date
 * that cannot be read is an error, and rows dated in another year are
 * counted into one warning — a ledger export for the wrong period.
 */
export function actualsSink(
  columns: ReadonlyMap<string, string>,
  year?: number,
  keep: { readonly account: boolean; readonly project: boolean } = { account: true, project: true },
): TableSink<ActualsRow[]> {
  const entries = new Map<string, Map<string, Entry>>();
  let head: TableHeader;
  let category = -1;
  let amount = -1;
  let account = -1;
  let project = -1;
  let party = -1;
  let date = -1;
  let outside: { rows: number; first: SourcePos; date: string } | null = null;
  return {
    header(h, diags) {
      head = h;
      const cols = locateColumns(h, REQUIRED, OPTIONAL, columns, diags);
      if (!cols) return false;
      category = cols.get('category')!;
      amount = cols.get('amount')!;
      // A column nothing selects by is not summed by: its values would only multiply the entries.
      account = keep.account ? (cols.get('account') ?? -1) : -1;
      project = keep.project ? (cols.get('project') ?? -1) : -1;
      party = cols.get('party') ?? -1;
      date = year === undefined ? -1 : (cols.get('date') ?? -1);
      return true;
    },
    row(r, diags) {
      const a = scanKroner(r.field(amount), head.numbers);
      if ('error' in a) {
        diags.error(r.at(amount), 'csv-amount', a.error, a.hint);
        return;
      }
      const cat = trim(r.field(category));
      if (cat === '') {
        diags.error(
          r.at(category),
          'csv-empty-category',
          said('raden har ingen art', 'the row has no category'),
          said('hver regnskapsrad trenger en art, så en post kan velge den', 'every actuals row needs a category so an item can select it'),
        );
        return;
      }
      if (date >= 0) {
        const text = trim(r.field(date));
        const d = text === '' ? null : parseLedgerDate(text);
        if (text !== '' && d === null) {
          diags.error(
            r.at(date),
            'csv-date',
            said(`'${text}' er ikke en dato`, `'${text}' is not a date`),
            ledgerDateProblem(text) ?? said('skriv 30.04.2024 eller 2024-04-30', 'write 2024-04-30 or 30.04.2024'),
          );
          return;
        }
        if (d !== null && !d.startsWith(`${year}-`)) {
          if (outside) outside.rows++;
          else outside = { rows: 1, first: r.at(date), date: d };
        }
      }
      const acc = account < 0 ? '' : trim(r.field(account));
      const proj = project < 0 ? '' : trim(r.field(project));
      const p = party < 0 ? '' : trim(r.field(party));
      // Two levels, so the common row (no project, no party) builds no key string.
      let byRest = entries.get(cat);
      if (!byRest) {
        byRest = new Map();
        entries.set(own(cat), byRest);
      }
      const key = proj || p ? `${acc}\u001f${proj}\u001f${p}` : acc;
      const e = byRest.get(key);
      if (!e) {
        byRest.set(own(key), {
          category: own(cat),
          account: own(acc),
          project: own(proj),
          party: own(p),
          units: a.units,
          scale: a.scale,
          rows: 1,
          at: r.at(amount),
          categoryAt: r.at(category),
          ...(p ? { partyAt: r.at(party) } : {}),
        });
        return;
      }
      e.rows++;
      if (a.scale === e.scale) e.units += a.units;
      else if (a.scale < e.scale) e.units += a.units * 10n ** BigInt(e.scale - a.scale);
      else {
        e.units = e.units * 10n ** BigInt(a.scale - e.scale) + a.units;
        e.scale = a.scale;
      }
    },
    finish(diags) {
      if (outside) {
        const n = outside.rows;
        diags.warning(
          outside.first,
          'actuals-date',
          said(
            `${n} ${n === 1 ? 'rad er' : 'rader er'} datert utenfor ${year} (den første, her, ${dateNb(outside.date)}), men telles med i regnskapet for ${year}`,
            `${n} row${n === 1 ? ' is' : 's are'} dated outside ${year} (the first, here, on ${outside.date}), yet counted in ${year}'s actuals`,
          ),
          said(
            `sjekk at dette er regnskapet for ${year}; fjern radene fra de andre årene om de ikke hører til`,
            `check that this is the ledger for ${year}; remove the other years' rows if they do not belong`,
          ),
        );
      }
      // In reading order: by the line of each entry's first row.
      const all = [...entries.values()].flatMap((m) => [...m.values()]).sort((x, y) => x.at.line - y.at.line);
      return all.map((e) => ({
        category: e.category,
        amount: scaledToMoney(e),
        rows: e.rows,
        at: e.at,
        categoryAt: e.categoryAt,
        ...(e.account ? { account: e.account } : {}),
        ...(e.project ? { project: e.project } : {}),
        ...(e.party ? { party: e.party, partyAt: e.partyAt! } : {}),
      }));
    },
  };
}

/**
 * A string of its own. A field sliced from a 64 KiB chunk of the file keeps
 * the whole chunk alive while the entry lives, so the strings an entry keeps
 * are copied once, when it is created — memory then follows the entries,
 * not the file.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** `s.trim()`, without the copy when there is nothing to trim (nearly always, a million times per ledger). */
function trim(s: string): string {
  return s.length > 0 && s.charCodeAt(0) > 32 && s.charCodeAt(s.length - 1) > 32 ? s : s.trim();
}
