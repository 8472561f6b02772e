import type { Agreement, Id, IgnoreRule, Party, Selector } from '../agreement/model.js';
import { closestParty } from '../agreement/party-names.js';
import { selectedColumns, selectorUses } from '../agreement/uses.js';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { NO_MEMO, type Memo } from '../memo/memo.js';
import { Money } from '../money/money.js';
import type { IgnoredTotal, LedgerReconciliation } from '../reports/allocation.js';
import { matcher, SelectorTable, valueIn } from './select.js';
import { amount, declaredParties, rows as inRows } from '../agreement/phrases.js';
import { quote } from '../agreement/yaml-nodes.js';
import { said } from '../text/said.js';

/**
 * No krone disappears unseen: every actuals row is the amount of exactly one
 * item, the base of a percentage, or declared outside the split under
 * `ignore:`. Rows left over are reported per category with their total;
 * rows taken by two items are reported, since they would be charged twice.
 */
export function checkCoverage(a: Agreement, rows: readonly ActualsRow[], diags: Diagnostics, memo: Memo = NO_MEMO): Coverage {
  const rules = coverageRules(a);
  // Without rows there is nothing to walk, and no key worth making (a budget sweep).
  if (rows.length === 0) return walkLedger(rules, rows, diags);
  // The walk reads the rules and the rows only: a scenario that changes neither (a population, a price) reuses it.
  const key = JSON.stringify({ ...rules, parties: rules.parties.map((p) => [p.id, p.name]) });
  const walked = memo.remember(rows, `coverage ${key}`, () => {
    const own = new Diagnostics();
    return { coverage: walkLedger(rules, rows, own), found: own.list };
  });
  for (const e of walked.found) diags.list.push(e);
  return walked.coverage;
}

interface Coverage {
  readonly ignored: readonly IgnoredTotal[];
  readonly ledger: LedgerReconciliation;
}

/** What of the agreement decides where a ledger row goes. */
interface CoverageRules {
  readonly parties: readonly Party[];
  /** The columns selected by, for rows of a ledger without a category column. */
  readonly columns: readonly string[];
  readonly items: readonly { readonly id: Id; readonly selector: Selector }[];
  /** Selectors of percentage bases. */
  readonly bases: readonly Selector[];
  readonly ignore: readonly IgnoreRule[];
}

function coverageRules(a: Agreement): CoverageRules {
  const uses = selectorUses(a);
  return {
    parties: a.parties,
    columns: [...selectedColumns(a).keys()],
    items: uses.flatMap((u) => (u.role === 'item' ? [{ id: u.item.id, selector: u.selector }] : [])),
    bases: uses.flatMap((u) => (u.role === 'base' ? [u.selector] : [])),
    ignore: a.ignore,
  };
}

function walkLedger(rules: CoverageRules, rows: readonly ActualsRow[], diags: Diagnostics): Coverage {
  const partyIds = rules.parties.map((p) => p.id);
  const known = new Set(partyIds);
  // A ledger without categories is told apart by the values of the columns selected by.
  const values = (row: ActualsRow) => rules.columns.map((c) => `${c} ${valueIn(row, c)}`).join(', ');
  const groupOf = (row: ActualsRow) => (row.category === '' ? values(row) : row.category);
  // Every selector asked of a row at once, items first, then the rules of ignore:, then the bases: one look-up a column a row, not one a selector.
  const table = new SelectorTable([...rules.items.map((i) => i.selector), ...rules.ignore.map((g) => g.selector), ...rules.bases]);
  const items = rules.items.length;
  const ignores = items + rules.ignore.length;
  const all = ignores + rules.bases.length;
  // Amounts are collected and summed once per bucket (Money.sum adds bigint units): a scenario sweep runs this thousands of times.
  const ignoredRows = rules.ignore.map((rule) => ({ rule, rows: 0, amounts: [] as Money[] }));
  const unselected = new Map<string, { first: ActualsRow; rows: number; amounts: Money[] }>();
  const read: Money[] = [];
  const taken: Money[] = [];
  const outside: Money[] = [];
  const bases: Money[] = [];
  let rowCount = 0;
  const overlapping = new Set<string>();

  // Indexed: an iterator costs a call a row while this loop is not yet optimised.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.party !== undefined && !known.has(row.party)) {
      diags.error(
        row.partyAt ?? row.at,
        'unknown-party',
        said(`ukjent kommune '${row.party}'`, `unknown party '${row.party}'`),
        closestParty(row.party, rules.parties) ?? declaredParties(partyIds),
      );
    }
    table.ask(row);
    const first = table.firstOf(0, items);
    if (first >= 0 && table.firstOf(first + 1, items) >= 0) {
      const takenBy = rules.items.filter((_, i) => table.takes(i));
      diags.error(
        row.at,
        'actuals-overlap',
        said(
          `raden velges av postene ${takenBy.map((i) => `'${i.id}'`).join(' og ')}, så den ville blitt belastet to ganger`,
          `row is selected by items ${takenBy.map((i) => `'${i.id}'`).join(' and ')}, so it would be charged twice`,
        ),
        said('snevre inn utvalgene så hver rad hører til én post', 'narrow the selectors so each row belongs to one item'),
      );
    }
    rowCount += row.rows;
    read.push(row.amount);
    const ignore = table.firstOf(items, ignores);
    if (first >= 0) {
      taken.push(row.amount);
      if (ignore >= 0 && !overlapping.has(groupOf(row))) {
        overlapping.add(groupOf(row));
        const what =
          row.category === '' ? said(`raden med ${values(row)}`, `the row with ${values(row)}`) : said(`arten '${row.category}'`, `category '${row.category}'`);
        const by = rules.items[first]!.id;
        diags.warning(
          row.categoryAt,
          'ignore-overlap',
          said(
            `${what.nb} velges av posten '${by}' og står også under ignore:; posten tar den`,
            `${what.en} is selected by item '${by}' and also listed under ignore:; the item takes it`,
          ),
          said(
            'fjern den fra ignore:, eller snevre inn postens utvalg, så avtalen sier én ting',
            "remove it from ignore:, or narrow the item's selector, so the agreement says one thing",
          ),
        );
      }
      continue;
    }
    const rule = ignore < 0 ? undefined : ignoredRows[ignore - items];
    if (rule && row.party !== undefined) {
      diags.warning(
        row.partyAt ?? row.at,
        'ignore-party',
        row.category === ''
          ? said(
              `raden nevner kommunen '${row.party}', men holdes utenfor (${values(row)}), så ingen belastes for den`,
              `this row names party '${row.party}', but it is ignored (${values(row)}), so no one is charged for it`,
            )
          : said(
              `raden nevner kommunen '${row.party}', men arten '${row.category}' holdes utenfor, så ingen belastes for den`,
              `this row names party '${row.party}', but its category '${row.category}' is ignored, so no one is charged for it`,
            ),
        said(
          `velg arten i en post for å belaste '${row.party}', eller la kommunekolonnen stå tom for rader utenfor fordelingen`,
          `select the category in an item to charge '${row.party}', or leave the party column empty for rows outside the split`,
        ),
      );
    }
    if (rule) {
      rule.rows += row.rows;
      rule.amounts.push(row.amount);
      outside.push(row.amount);
    } else if (table.firstOf(ignores, all) >= 0) bases.push(row.amount);
    else {
      const group = groupOf(row);
      const u = unselected.get(group) ?? { first: row, rows: 0, amounts: [] };
      u.rows += row.rows;
      u.amounts.push(row.amount);
      unselected.set(group, u);
    }
  }
  const ignored = ignoredRows.map((g) => ({ rule: g.rule, rows: g.rows, amount: Money.sum(g.amounts) }));
  const ledger = { rows: rowCount, total: Money.sum(read), items: Money.sum(taken), ignored: Money.sum(outside), bases: Money.sum(bases) };
  for (const [group, u] of unselected) {
    const sum = amount(Money.sum(u.amounts));
    if (u.first.category !== '') {
      diags.error(
        u.first.categoryAt,
        'actuals-unselected',
        said(
          `arten ${quote(group)} (${inRows(u.rows).nb}, sum ${sum.nb}) velges ikke av noen post og holdes ikke utenfor`,
          `category ${quote(group)} (${inRows(u.rows).en}, total ${sum.en}) is not selected by any item and not ignored`,
        ),
        // A category of a line's length is named once, cut short; the hint then shows where it goes.
        said(
          `velg den i en posts actuals:, eller legg til { category: [${short(group, 'ART')}], reason: ... } under ignore:`,
          `select it in an item's actuals:, or add { category: [${short(group, 'CATEGORY')}], reason: ... } under ignore:`,
        ),
      );
      continue;
    }
    const rule = rules.columns.map((c) => `${c}: [${valueIn(u.first, c)}]`).join(', ');
    diags.error(
      u.first.at,
      'actuals-unselected',
      said(
        `radene med ${group} (${inRows(u.rows).nb}, sum ${sum.nb}) velges ikke av noen post og holdes ikke utenfor`,
        `the rows with ${group} (${inRows(u.rows).en}, total ${sum.en}) are not selected by any item and not ignored`,
      ),
      said(
        `velg dem i en posts actuals:, eller legg til { ${rule}, reason: ... } under ignore:`,
        `select them in an item's actuals:, or add { ${rule}, reason: ... } under ignore:`,
      ),
    );
  }
  return { ignored, ledger };
}

/** A category too long to repeat in a hint stands there as a placeholder: it is quoted, cut short, in the message. */
const short = (text: string, placeholder: string) => (text.length > 60 ? placeholder : text);

/** A test for rows that `ignore:` keeps outside the split (and that no item takes as its amount). */
export function outsideSplit(a: Agreement): (row: ActualsRow) => boolean {
  const uses = selectorUses(a);
  const ignoring = uses.flatMap((u) => (u.role === 'ignore' ? [matcher(u.selector)] : []));
  const taking = uses.flatMap((u) => (u.role === 'item' ? [matcher(u.selector)] : []));
  return (row) => ignoring.some((t) => t(row)) && !taking.some((t) => t(row));
}
