import { Ratio } from '../money/ratio.js';
import type { ScenarioColumn, ScenarioComparison } from '../reports/scenario.js';
import { label, marker } from './labels.js';
import type { Locale } from './locale.js';
import { type Cell, type Column, moneyColumn, percentColumn, type Sheet, sheet, textColumn } from './sheet.js';

/**
 * One row per scenario and party, with a column per path the scenarios set
 * holding each scenario's value (a number where it is one, so a
 * spreadsheet can chart the charge against it).
 */
export function scenarioSheet(c: ScenarioComparison, locale: Locale): Sheet {
  const paths = [...new Set(c.columns.flatMap((s) => s.settings.map((t) => t.path)))];
  type Row = { readonly s: ScenarioColumn; readonly p: ScenarioColumn['parties'][number] };
  const value = (s: ScenarioColumn, path: string) => s.settings.find((t) => t.path === path)?.value;
  return sheet<Row>(
    label('scenarios', locale),
    [
      textColumn(label('scenario', locale), (x) => (x.s.isBaseline ? marker('baseline', locale) : x.s.name)),
      ...paths.map((path) => numberOrText(path, (x: Row) => value(x.s, path))),
      textColumn(label('party', locale), (x) => x.p.id),
      textColumn(label('name', locale), (x) => x.p.name),
      moneyColumn(label('charged', locale), (x) => x.p.charged),
      moneyColumn(label('change', locale), (x) => x.p.delta),
      percentColumn(label('changePct', locale), (x) => x.p.deltaShare),
    ],
    c.columns.flatMap((s) => s.parties.map((p) => ({ s, p }))),
  );
}

/** A swept or set value: a number where it reads as one (`40%` a share, shown as 40 %), else the text as written. */
function numberOrText<Row>(title: string, get: (row: Row) => string | undefined): Column<Row> {
  const cell = (row: Row): Cell => {
    const v = get(row);
    if (v === undefined) return null;
    const r = Ratio.parse(v);
    if (r === null) return { kind: 'text', value: v };
    return { kind: v.trim().endsWith('%') ? 'ratio' : 'number', value: r };
  };
  return { title, kind: 'number', cell };
}
