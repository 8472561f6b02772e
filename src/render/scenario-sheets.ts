import { Ratio } from '../money/ratio.js';
import type { ScenarioColumn, ScenarioComparison } from '../scenario/compare.js';
import { label, marker } from './labels.js';
import type { Locale } from './locale.js';
import { moneyColumn, numberColumn, percentColumn, type Sheet, sheet, textColumn } from './sheet.js';

/**
 * One row per scenario and party, with a column per path the scenarios set
 * holding each scenario's value (a number where it is one, so a
 * spreadsheet can chart the charge against it).
 */
export function scenarioSheet(c: ScenarioComparison, locale: Locale): Sheet {
  const paths = [...new Set(c.columns.flatMap((s) => s.settings.map((t) => t.slice(0, t.indexOf('=')))))];
  type Row = { readonly s: ScenarioColumn; readonly p: ScenarioColumn['parties'][number] };
  const value = (s: ScenarioColumn, path: string) => s.settings.find((t) => t.startsWith(`${path}=`))?.slice(path.length + 1);
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

/** A swept or set value: a number (a percentage as its fraction) where it reads as one, else the text as written. */
function numberOrText<Row>(title: string, get: (row: Row) => string | undefined) {
  const num = numberColumn(title, (row: Row) => {
    const v = get(row);
    return v === undefined ? null : Ratio.parse(v);
  });
  const text = textColumn(title, get);
  return { title, kind: num.kind, cell: (row: Row) => num.cell(row) ?? text.cell(row) };
}
