import { ledgerDateProblem } from '../dates/date.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { Money } from '../money/money.js';
import { type ScaledAmount, scanKroner } from './amount.js';
import { locateColumns } from './columns.js';
import type { LedgerPlan, LedgerSink, Where } from './ledger-bytes.js';
import { LedgerDates } from './ledger-dates.js';
import type { TableHeader } from './table.js';
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
  /** Other columns a selector names, by lower-cased header: only those the reader was asked to keep. */
  readonly columns?: Readonly<Record<string, string>>;
  readonly party?: string;
  /** How many ledger rows were summed (1 for a budget line). */
  readonly rows: number;
  /** Where the first row's amount was written. */
  readonly at: SourcePos;
  readonly categoryAt: SourcePos;
  readonly partyAt?: SourcePos;
}

const OUR_COLUMNS = ['category', 'amount', 'account', 'project', 'party', 'date', 'text'] as const;

/**
 * What the reader keeps of each row besides its category, amount and party.
 * `selected`: the columns the agreement's selectors name, with where each is
 * first named (a column the file lacks is an error there). `keep`: only
 * those (`selected`); account and project too, for `explain`, which lists
 * them (`accounts`); or every column, for scenario settings that may select
 * by any (`all`). A column not kept is summed over. `party` turns a party
 * as written (id, name or org number) into its id.
 */
export interface LedgerShape {
  readonly selected: ReadonlyMap<string, SourcePos>;
  readonly keep: 'selected' | 'accounts' | 'all';
  readonly party?: (written: string) => string;
  /** With `keep: 'selected'`: sum rows over values the agreement cannot tell apart (see {@link RowClasses}). */
  readonly classes?: RowClasses;
}

/**
 * What lets rows be summed over values of a column that no output can tell
 * apart: a ledger of ten thousand accounts selected by a range sums per
 * category and per the selector fields each account passes, not per account.
 * Made from the agreement (compute/row-classes.ts); the reader only asks.
 */
export interface RowClasses {
  /** The class of a value in a column (lower-cased name): values of one class pass or fail every selector's field of the column alike. */
  classOf(column: string, value: string): string;
  /**
   * The kind of a value: values of one kind match the same patterns. The
   * first value of each kind is kept as written, so a warning that a pattern
   * matches no value sees what the ledger has. Without it, the class.
   */
  kindOf?(column: string, value: string): string;
  /** True when an entry of these values is reported on by itself (a party it cannot charge, a row two items take): it keeps its values as written. */
  apart(row: { readonly category: string; readonly value: (column: string) => string; readonly party: string }): boolean;
}

/**
 * The values of one column as entries keep them: each value stands for the
 * first value of its class. The empty value always stands for itself; a
 * value that shows something — one of the column's first three other values
 * (the examples a warning gives, in ledger order) or the first of its kind —
 * stands for itself on its first row, so some entry keeps it as written, and
 * for its class on every later row, so it adds one entry, not one per
 * category and party.
 */
class ColumnClasses {
  private readonly stands = new Map<string, string>();
  private readonly firstOf = new Map<string, string>();
  private readonly kinds = new Set<string>();
  private examples = 0;
  constructor(
    private readonly column: string,
    private readonly classes: RowClasses,
  ) {}

  /** What `v` stands for on this row: on its first row, the answer of {@link first}. */
  of(v: string): string {
    return this.stands.get(v) ?? this.first(v).here;
  }

  /** What `v` stands for on its first row (`here`) and on every later one (`after`); asked once per value. */
  first(v: string): { readonly here: string; readonly after: string } {
    if (v === '') {
      this.stands.set('', '');
      return { here: v, after: v };
    }
    const k = this.classes.classOf(this.column, v);
    const kind = this.classes.kindOf ? this.classes.kindOf(this.column, v) : k;
    let after = this.firstOf.get(k);
    if (after === undefined) {
      after = own(v);
      this.firstOf.set(k, after);
    }
    const shows = this.examples < 3 || !this.kinds.has(kind);
    if (this.examples < 3) this.examples++;
    if (!this.kinds.has(kind)) this.kinds.add(own(kind));
    this.stands.set(own(v), after);
    return { here: shows ? v : after, after };
  }
}

const ACCOUNTS: LedgerShape = { selected: new Map([['category', { file: '', line: 1, col: 1 }]]), keep: 'accounts' };

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
export function actualsSink(columns: ReadonlyMap<string, string>, year?: number, shape: LedgerShape = ACCOUNTS): LedgerSink<ActualsRow[]> {
  // The entries, by category and then the rest of their key: each an index into the lists below.
  const entries = new Map<string, Map<string, number>>();
  // Each entry's row, made with the entry (its amount and count set by `finish`), and its sum so far: lists, not an object an entry besides its row, since a ledger has tens of thousands of entries and every object of theirs lives until the end. In the order made: of first rows, so `finish` need not sort (it checks).
  const made: Mutable<ActualsRow>[] = [];
  const units: bigint[] = [];
  const scales: number[] = [];
  const counts: number[] = [];
  // Whether entries are found by key: always for rows; for a byte reader's entries, which it says are of distinct values, only once two may meet — a party written by name or number becomes its id, which another entry may write.
  let keyed = true;
  /** The key of an entry within its category; two levels, so the common row (no project, no party) builds no key string. */
  const keyOf = (acc: string, proj: string, p: string, other: readonly string[] | null): string => {
    let key = proj || p ? `${acc}\u001f${proj}\u001f${p}` : acc;
    if (other) for (let i = 0; i < other.length; i++) key += `\u001f${other[i]}`;
    return key;
  };
  /** Every entry made so far, found by key from now on: as `put` would have filed them, in the order made. */
  const keyMade = () => {
    keyed = true;
    for (let e = 0; e < made.length; e++) {
      const r = made[e]!;
      let byRest = entries.get(r.category);
      if (!byRest) {
        byRest = new Map();
        entries.set(r.category, byRest);
      }
      const other = r.columns ? others.map((o) => r.columns![o.name]!) : null;
      byRest.set(own(keyOf(r.account ?? '', r.project ?? '', r.party ?? '', other)), e);
    }
  };
  let head: TableHeader;
  let category = -1;
  let amount = -1;
  let account = -1;
  let project = -1;
  let party = -1;
  let date = -1;
  let others: { readonly name: string; readonly index: number }[] = [];
  let outside: { rows: number; first: SourcePos; date: string } | null = null;
  let plan: LedgerPlan | undefined;
  const dates = new LedgerDates();
  // By column: account, project, then each of `others` (null when that column is not summed by class).
  let standing: (ColumnClasses | null)[] = [];
  // Whether the entry of a class key keeps its rows apart by their values as written: by category, classes, then party, so the common entry (no project, no other column) builds no key string.
  const apartOf = new Map<string, Map<string, Map<string, boolean>>>();
  /**
   * The values an entry keeps: each value's class, unless the entry of the
   * classes is reported on by itself. Every row's values are asked for,
   * with a category or without, as the byte reader asks for every value it
   * reads: a value's first row is then the same row on either path.
   */
  const classed = (cat: string, acc: string, proj: string, p: string, other: string[] | null): boolean => {
    const ca = standing[0] ? standing[0].of(acc) : acc;
    const cp = standing[1] ? standing[1].of(proj) : proj;
    const co = other?.map((v, i) => (standing[2 + i] ? standing[2 + i]!.of(v) : v)) ?? null;
    if (cat === '') return false;
    let byClasses = apartOf.get(cat);
    if (!byClasses) {
      byClasses = new Map();
      apartOf.set(own(cat), byClasses);
    }
    let key = cp === '' ? ca : `${ca}\u001f${cp}`;
    if (co) for (const v of co) key += `\u001f${v}`;
    let byParty = byClasses.get(key);
    if (!byParty) {
      byParty = new Map();
      byClasses.set(own(key), byParty);
    }
    let apart = byParty.get(p);
    if (apart === undefined) {
      const value = (c: string) => (c === 'account' ? ca : c === 'project' ? cp : c === 'category' ? cat : (co?.[others.findIndex((o) => o.name === c)] ?? ''));
      apart = shape.classes!.apart({ category: cat, value, party: p });
      byParty.set(own(p), apart);
    }
    if (apart) return false;
    classedValues.acc = ca;
    classedValues.proj = cp;
    classedValues.other = co;
    return true;
  };
  // The values of the row being put, and of its classes: set in place, since a row is put a million times a ledger.
  const asWritten: { acc: string; proj: string; other: string[] | null } = { acc: '', proj: '', other: null };
  const classedValues: { acc: string; proj: string; other: string[] | null } = { acc: '', proj: '', other: null };
  /**
   * Adds `n` rows of amount `a` to the entry of these values (as they stand:
   * `summed`, from the byte reader, which classed them); a new entry takes
   * its positions from `where`. The byte reader's values are strings of
   * their own already (decoded once each), so only a row's are copied.
   */
  const put = (cat: string, named: string, a: ScaledAmount, n: number, where: Where, summed = false) => {
    const p = named && shape.party ? shape.party(named) : named;
    if (!keyed && p !== named) keyMade();
    const keep = !summed && standing.length > 0 && classed(cat, asWritten.acc, asWritten.proj, p, asWritten.other);
    const { acc, proj, other } = keep ? classedValues : asWritten;
    const mine = summed ? same : own;
    let byRest: Map<string, number> | undefined;
    let key = '';
    let e: number | undefined;
    if (keyed) {
      byRest = entries.get(cat);
      if (!byRest) {
        byRest = new Map();
        entries.set(mine(cat), byRest);
      }
      key = keyOf(acc, proj, p, other);
      e = byRest.get(key);
    }
    if (e === undefined) {
      // Properties set one by one, in the order they always had: the amount is set by `finish`.
      const row: Mutable<ActualsRow> = {
        category: mine(cat),
        amount: Money.ZERO,
        rows: 0,
        at: where.at(amount),
        categoryAt: where.at(category < 0 ? amount : category),
      };
      if (acc) row.account = mine(acc);
      if (proj) row.project = mine(proj);
      if (other) {
        const columns: Record<string, string> = {};
        for (let i = 0; i < other.length; i++) columns[others[i]!.name] = mine(other[i]!);
        row.columns = columns;
      }
      if (p) {
        row.party = mine(p);
        row.partyAt = where.at(party);
      }
      byRest?.set(own(key), made.length);
      made.push(row);
      units.push(a.units);
      scales.push(a.scale);
      counts.push(n);
      return;
    }
    counts[e]! += n;
    const scale = scales[e]!;
    if (a.scale === scale) units[e]! += a.units;
    else if (a.scale < scale) units[e]! += a.units * 10n ** BigInt(scale - a.scale);
    else {
      units[e] = units[e]! * 10n ** BigInt(a.scale - scale) + a.units;
      scales[e] = a.scale;
    }
  };
  return {
    header(h, diags) {
      head = h;
      // Category is needed only when something selects by it; an export without one is selected by its other columns.
      const required = shape.selected.has('category') ? (['category', 'amount'] as const) : (['amount'] as const);
      const cols = locateColumns(
        h,
        required,
        OUR_COLUMNS.filter((c) => !(required as readonly string[]).includes(c)),
        columns,
        diags,
      );
      const dims = cols && selectedColumns(h, columns, shape, cols, diags);
      if (!cols || !dims) return false;
      category = cols.get('category') ?? -1;
      amount = cols.get('amount')!;
      // A column nothing selects by is not summed by: its values would only multiply the entries.
      const kept = (c: 'account' | 'project') => (shape.keep !== 'selected' || shape.selected.has(c) ? (cols.get(c) ?? -1) : -1);
      account = kept('account');
      project = kept('project');
      others = dims;
      party = cols.get('party') ?? -1;
      date = year === undefined ? -1 : (cols.get('date') ?? -1);
      const classes = shape.keep === 'selected' ? shape.classes : undefined;
      // Only a column some selector names is summed by class; an unselected one is summed over already.
      const by = (name: string, index: number) => (classes && index >= 0 && shape.selected.has(name) ? new ColumnClasses(name, classes) : null);
      standing = classes ? [by('account', account), by('project', project), ...others.map((o) => by(o.name, o.index))] : [];
      // Nothing summed by class (category alone selected): no class key a row.
      if (standing.every((c) => c === null)) standing = [];
      return true;
    },
    row(r, diags) {
      const a = scanKroner(r.field(amount), head.numbers);
      if ('error' in a) {
        diags.error(r.at(amount), 'csv-amount', a.error, a.hint);
        return;
      }
      const cat = category < 0 ? '' : trim(r.field(category));
      if (cat === '' && shape.selected.has('category')) {
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
        const d = text === '' ? null : dates.of(text);
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
      const written = party < 0 ? '' : trim(r.field(party));
      // Indexed, and only when there are such columns: this runs once a row, a million times a ledger.
      let other: string[] | null = null;
      if (others.length > 0) {
        other = new Array<string>(others.length);
        for (let i = 0; i < others.length; i++) other[i] = trim(r.field(others[i]!.index));
      }
      asWritten.acc = acc;
      asWritten.proj = proj;
      asWritten.other = other;
      put(cat, written, a, 1, r);
    },
    plan(withDates = false) {
      // The CSV byte reader checks no dates: a ledger with a date column to check is read the plain way.
      if (date >= 0 && !withDates) return null;
      const fields: number[] = [];
      const role = (i: number) => (i < 0 ? -1 : fields.push(i) - 1);
      plan = {
        category: role(category),
        account: role(account),
        project: role(project),
        party: role(party),
        others: others.map((o) => role(o.index)),
        fields,
        amount,
        numbers: head.numbers,
        count: head.names.length,
        requireCategory: shape.selected.has('category'),
        classed: standing.length > 0,
        date,
      };
      return plan;
    },
    dated(text) {
      // As `row` checks a date.
      const d = text === '' ? null : dates.of(text);
      if (text !== '' && d === null) return 'wrong';
      return d !== null && !d.startsWith(`${year}-`) ? 'outside' : 'in';
    },
    outside(rows, first, text) {
      outside = { rows, first, date: dates.of(text)! };
    },
    absorb(values, ore, rows, where, distinct) {
      plan ??= this.plan()!;
      if (distinct !== true) {
        if (!keyed) keyMade();
      } else if (made.length === 0) keyed = false;
      // No closure over `values`: this runs once an entry, tens of thousands of times.
      asWritten.acc = fieldOf(values, plan.account);
      asWritten.proj = fieldOf(values, plan.project);
      asWritten.other = plan.others.length ? plan.others.map((i) => fieldOf(values, i)) : null;
      put(fieldOf(values, plan.category), fieldOf(values, plan.party), ore, rows, where, true);
    },
    stands(f, value) {
      plan ??= this.plan()!;
      const role = roleOf(plan, f);
      const c = role < 0 ? null : standing[role];
      return c ? c.first(value) : { here: value, after: value };
    },
    apart(fieldValues) {
      plan ??= this.plan()!;
      const v = (i: number) => (i < 0 ? '' : fieldValues[i]!);
      const cat = v(plan.category);
      if (standing.length === 0 || cat === '') return true;
      const written = v(plan.party);
      const p = written && shape.party ? shape.party(written) : written;
      // Asked once per entry of classes, each of its own values: asked of the classes straight, with no memo by key.
      const value = (c: string) =>
        c === 'account'
          ? v(plan!.account)
          : c === 'project'
            ? v(plan!.project)
            : c === 'category'
              ? cat
              : v(plan!.others[others.findIndex((o) => o.name === c)] ?? -1);
      return shape.classes!.apart({ category: cat, value, party: p });
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
      for (let e = 0; e < made.length; e++) {
        made[e]!.amount = Money.fromUnits(units[e]!, scales[e]!);
        made[e]!.rows = counts[e]!;
      }
      // In reading order: by the line of each entry's first row. Entries are made in that order, one a line, so the list made is nearly always it already.
      if (inLineOrder(made)) return made;
      if (!keyed) keyMade();
      return [...entries.values()].flatMap((m) => [...m.values()].map((e) => made[e]!)).sort((x, y) => x.at.line - y.at.line);
    },
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The value of field `i` of a byte reader's entry, empty for a role the plan has no field for (−1). */
const fieldOf = (values: readonly string[], i: number): string => (i < 0 ? '' : values[i]!);

/** Whether each entry's first row comes after the one before's: then the list is what sorting entries by line gives, with no ties to order. */
function inLineOrder(list: readonly ActualsRow[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.at.line <= list[i - 1]!.at.line) return false;
  return true;
}

/** The column of field `f` of a plan as an index into the sink's columns summed by class: account, project, then each other column; −1 for category and party. */
function roleOf(plan: LedgerPlan, f: number): number {
  if (f === plan.account) return 0;
  if (f === plan.project) return 1;
  const o = plan.others.indexOf(f);
  return o < 0 ? -1 : 2 + o;
}

/**
 * The columns besides our own that rows are kept apart by, found in the
 * header: each one a selector names by its header (an error at the selector
 * when the file lacks it, or has it twice) — kept even when it is also one
 * of ours (`art` where `columns:` maps category to Art) — and under `all`
 * every other column of the file.
 */
function selectedColumns(
  h: TableHeader,
  mapping: ReadonlyMap<string, string>,
  shape: LedgerShape,
  cols: ReadonlyMap<(typeof OUR_COLUMNS)[number], number>,
  diags: Diagnostics,
): { readonly name: string; readonly index: number }[] | null {
  const ours = new Set(cols.values());
  // The amount, party, date and text columns have roles of their own, under whatever header `columns:` gives them.
  const roles = new Map((['amount', 'party', 'date', 'text'] as const).flatMap((r) => (cols.has(r) ? [[cols.get(r)!, r] as const] : [])));
  const norm = (s: string) => s.trim().toLowerCase();
  const names = h.names.map(norm);
  const out: { name: string; index: number }[] = [];
  let ok = true;
  for (const [name, at] of shape.selected) {
    // A missing category is reported by locateColumns, at the header, as it always was.
    if (name === 'category') continue;
    // Our own names are found through columns: under inputs:, as locateColumns finds them.
    const header = norm(mapping.get(name) ?? name);
    const i = names.indexOf(header);
    const again = i < 0 ? -1 : names.indexOf(header, i + 1);
    if (i >= 0 && again < 0 && roles.has(i)) {
      ok = false;
      diags.error(
        at,
        'selector-column',
        said(
          `kolonnen '${h.names[i]!.trim()}' er ${roles.get(i)}-kolonnen i ${h.file}, og den kan ikke velges etter`,
          `the column '${h.names[i]!.trim()}' is the ${roles.get(i)} column of ${h.file}, which cannot be selected by`,
        ),
        said('velg etter en annen kolonne i regnskapet', 'select by another column of the ledger'),
      );
      continue;
    }
    if (i >= 0 && again < 0) {
      if (!(OUR_COLUMNS as readonly string[]).includes(name)) out.push({ name, index: i });
      continue;
    }
    // Two columns of our own name are reported by locateColumns, at the header.
    if (again >= 0 && (OUR_COLUMNS as readonly string[]).includes(name)) continue;
    ok = false;
    if (again >= 0)
      diags.error(
        at,
        'selector-column',
        said(
          `${h.file} har to kolonner som heter '${h.names[i]!.trim()}' (kolonne ${i + 1} og ${again + 1}), så det er uklart hvilken det velges etter`,
          `${h.file} has two columns named '${h.names[i]!.trim()}' (columns ${i + 1} and ${again + 1}), so which one is selected by is unclear`,
        ),
        said('gi nytt navn til en av dem i filen', 'rename one of them in the file'),
      );
    else
      diags.error(
        at,
        'selector-column',
        said(`${h.file} har ingen kolonne '${mapping.get(name) ?? name}' å velge etter`, `${h.file} has no column '${mapping.get(name) ?? name}' to select by`),
        didYouMean(
          name,
          h.names.map((n) => n.trim()),
        ) ?? said(`overskriften har: ${h.names.join(', ')}`, `the header has: ${h.names.join(', ')}`),
      );
  }
  if (shape.keep === 'all')
    names.forEach((name, index) => {
      if (name !== '' && !ours.has(index) && !out.some((o) => o.name === name) && names.indexOf(name) === index) out.push({ name, index });
    });
  return ok ? out : null;
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

/** A string as it is: what {@link own} is for values the byte reader decoded, each a string of its own already. */
const same = (s: string): string => s;

/** `s.trim()`, without the copy when there is nothing to trim (nearly always, a million times per ledger). */
function trim(s: string): string {
  return s.length > 0 && s.charCodeAt(0) > 32 && s.charCodeAt(s.length - 1) > 32 ? s : s.trim();
}
