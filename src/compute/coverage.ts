import type { Agreement, Id, IgnoreRule, Selector } from '../agreement/model.js';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ActualsRow } from '../inputs/actuals.js';
import { NO_MEMO, type Memo } from '../memo/memo.js';
import { Money } from '../money/money.js';
import type { IgnoredTotal, LedgerReconciliation } from './report.js';
import { matcher } from './select.js';
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
  // The walk reads the rules and the rows only: a scenario that changes neither (a population, a price) reuses it.
  const walked = memo.remember(rows, `coverage ${JSON.stringify(rules)}`, () => {
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
  readonly partyIds: readonly Id[];
  readonly items: readonly { readonly id: Id; readonly selector: Selector }[];
  /** Selectors of percentage bases. */
  readonly bases: readonly Selector[];
  readonly ignore: readonly IgnoreRule[];
}

function coverageRules(a: Agreement): CoverageRules {
  return {
    partyIds: a.parties.map((p) => p.id),
    items: a.items.flatMap((i) => (i.source.kind === 'actuals' ? [{ id: i.id, selector: i.source.selector }] : [])),
    bases: a.items
      .flatMap((i) => (i.source.kind === 'percent' ? [...i.source.of, ...i.source.deduct] : []))
      .flatMap((r) => (r.kind === 'actuals' ? [r.selector] : [])),
    ignore: a.ignore,
  };
}

function walkLedger(rules: CoverageRules, rows: readonly ActualsRow[], diags: Diagnostics): Coverage {
  const { partyIds } = rules;
  const amountItems = rules.items.map((i) => ({ id: i.id, takes: matcher(i.selector) }));
  const ignoring = rules.ignore.map((g) => matcher(g.selector));
  const inBases = rules.bases.map(matcher);
  // Amounts are collected and summed once per bucket (Money.sum adds bigint units): a scenario sweep runs this thousands of times.
  const ignoredRows = rules.ignore.map((rule) => ({ rule, rows: 0, amounts: [] as Money[] }));
  const unselected = new Map<string, { first: ActualsRow; rows: number; amounts: Money[] }>();
  const all: Money[] = [];
  const taken: Money[] = [];
  const outside: Money[] = [];
  const bases: Money[] = [];
  let rowCount = 0;
  const overlapping = new Set<string>();

  for (const row of rows) {
    if (row.party !== undefined && !partyIds.includes(row.party)) {
      diags.error(
        row.partyAt ?? row.at,
        'unknown-party',
        said(`ukjent kommune '${row.party}'`, `unknown party '${row.party}'`),
        didYouMean(row.party, partyIds) ?? declaredParties(partyIds),
      );
    }
    const takenBy = amountItems.filter((i) => i.takes(row));
    if (takenBy.length > 1) {
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
    all.push(row.amount);
    if (takenBy.length > 0) {
      taken.push(row.amount);
      if (!overlapping.has(row.category) && ignoring.some((takes) => takes(row))) {
        overlapping.add(row.category);
        diags.warning(
          row.categoryAt,
          'ignore-overlap',
          said(
            `arten '${row.category}' velges av posten '${takenBy[0]!.id}' og står også under ignore:; posten tar den`,
            `category '${row.category}' is selected by item '${takenBy[0]!.id}' and also listed under ignore:; the item takes it`,
          ),
          said(
            'fjern den fra ignore:, eller snevre inn postens utvalg, så avtalen sier én ting',
            "remove it from ignore:, or narrow the item's selector, so the agreement says one thing",
          ),
        );
      }
      continue;
    }
    const at = ignoring.findIndex((takes) => takes(row));
    const ignore = at < 0 ? undefined : ignoredRows[at];
    if (ignore && row.party !== undefined) {
      diags.warning(
        row.partyAt ?? row.at,
        'ignore-party',
        said(
          `raden nevner kommunen '${row.party}', men arten '${row.category}' holdes utenfor, så ingen belastes for den`,
          `this row names party '${row.party}', but its category '${row.category}' is ignored, so no one is charged for it`,
        ),
        said(
          `velg arten i en post for å belaste '${row.party}', eller la kommunekolonnen stå tom for rader utenfor fordelingen`,
          `select the category in an item to charge '${row.party}', or leave the party column empty for rows outside the split`,
        ),
      );
    }
    if (ignore) {
      ignore.rows += row.rows;
      ignore.amounts.push(row.amount);
      outside.push(row.amount);
    } else if (inBases.some((takes) => takes(row))) bases.push(row.amount);
    else {
      const u = unselected.get(row.category) ?? { first: row, rows: 0, amounts: [] };
      u.rows += row.rows;
      u.amounts.push(row.amount);
      unselected.set(row.category, u);
    }
  }
  const ignored = ignoredRows.map((g) => ({ rule: g.rule, rows: g.rows, amount: Money.sum(g.amounts) }));
  const ledger = { rows: rowCount, total: Money.sum(all), items: Money.sum(taken), ignored: Money.sum(outside), bases: Money.sum(bases) };
  for (const [category, u] of unselected) {
    const sum = amount(Money.sum(u.amounts));
    diags.error(
      u.first.categoryAt,
      'actuals-unselected',
      said(
        `arten ${quote(category)} (${inRows(u.rows).nb}, sum ${sum.nb}) velges ikke av noen post og holdes ikke utenfor`,
        `category ${quote(category)} (${inRows(u.rows).en}, total ${sum.en}) is not selected by any item and not ignored`,
      ),
      // A category of a line's length is named once, cut short; the hint then shows where it goes.
      said(
        `velg den i en posts actuals:, eller legg til { category: [${short(category, 'ART')}], reason: ... } under ignore:`,
        `select it in an item's actuals:, or add { category: [${short(category, 'CATEGORY')}], reason: ... } under ignore:`,
      ),
    );
  }
  return { ignored, ledger };
}

/** A category too long to repeat in a hint stands there as a placeholder: it is quoted, cut short, in the message. */
const short = (text: string, placeholder: string) => (text.length > 60 ? placeholder : text);

/** A test for rows that `ignore:` keeps outside the split (and that no item takes as its amount). */
export function outsideSplit(a: Agreement): (row: ActualsRow) => boolean {
  const ignoring = a.ignore.map((g) => matcher(g.selector));
  const taking = a.items.flatMap((i) => (i.source.kind === 'actuals' ? [matcher(i.source.selector)] : []));
  return (row) => ignoring.some((t) => t(row)) && !taking.some((t) => t(row));
}
