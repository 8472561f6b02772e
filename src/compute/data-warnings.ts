import type { Agreement } from '../agreement/model.js';
import { describeSelector, patternText } from '../agreement/selector.js';
import { type SelectorUse, selectorUses } from '../agreement/uses.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { ActualsRow } from '../inputs/actuals.js';
import type { PaymentRow } from '../inputs/payments.js';
import { said } from '../text/said.js';
import { matcher, patternMatches, valueIn } from './select.js';

/**
 * What the ledger and the payments file say that is most likely a mistake
 * though it computes: a file with no rows, a selector that selects nothing,
 * a pattern that matches no value. Warnings, found in the data.
 */
export function dataWarnings(a: Agreement, actuals: readonly ActualsRow[], payments: readonly PaymentRow[] | null, diags: Diagnostics): void {
  ledgerWarnings(a, actuals, diags);
  paymentsWarnings(a, payments, diags);
}

/**
 * A payments file with a header and no rows means nothing was paid: the
 * whole amount is billed. Said, since an empty export is the likelier story.
 */
function paymentsWarnings(a: Agreement, payments: readonly PaymentRow[] | null, diags: Diagnostics): void {
  if (payments === null || payments.length > 0) return;
  const declared = a.inputs.get('payments');
  diags.warning(
    declared?.at ?? { file: a.file, line: 1, col: 1 },
    'payments-empty',
    said(
      `innbetalingsfilen${declared ? ` '${declared.file}'` : ''} har ingen rader, så ingenting er betalt og hele beløpet faktureres`,
      `the payments file${declared ? ` '${declared.file}'` : ''} has no rows, so nothing is paid and the whole amount is invoiced`,
    ),
    said('sjekk at dette er årets eksport av innbetalingene', "check that this is the year's export of the payments"),
  );
}

/**
 * A ledger that selects nothing is a silent 0,00 on an invoice: a header-only
 * export, or an item whose categories are not in this year's ledger.
 */
function ledgerWarnings(a: Agreement, actuals: readonly ActualsRow[], diags: Diagnostics): void {
  const declared = a.inputs.get('actuals');
  const uses = selectorUses(a);
  if (!declared || uses.length === 0) return;
  if (actuals.length === 0) {
    if (!uses.some((u) => u.role !== 'ignore')) return;
    diags.warning(
      declared.at,
      'ledger-empty',
      said(`regnskapet '${declared.file}' har ingen rader`, `the ledger '${declared.file}' has no rows`),
      said(
        'hver post som leser regnskapet, blir 0,00; sjekk at dette er årets eksport',
        "every item that reads the ledger is 0,00; check that this is the year's export",
      ),
    );
    return;
  }
  for (const u of uses) {
    if (u.role === 'ignore' || actuals.some(matcher(u.selector))) continue;
    diags.warning(
      u.selector.at,
      'actuals-none',
      said(
        `posten '${u.item.id}' velger ingen rad i regnskapet (${describeSelector(u.selector)}), så den leser 0,00 fra regnskapet`,
        `item '${u.item.id}' selects no ledger row (${describeSelector(u.selector)}), so it reads 0,00 from the ledger`,
      ),
      said('sjekk navnene mot artene i regnskapet, eller fjern utvalget', "check the names against the ledger's categories, or remove the selector"),
    );
  }
  patternsMatchingNothing(uses, actuals, diags);
}

/**
 * A range, a prefix or a `not:` that matches no value of its column is
 * most likely a typo (`"1010..1099"` for `"10100..10999"`): a warning at
 * the value, whether or not the selector's other values match.
 */
function patternsMatchingNothing(uses: readonly SelectorUse[], rows: readonly ActualsRow[], diags: Diagnostics): void {
  const seen = new Map<string, readonly string[]>();
  const valuesOf = (column: string) => {
    let vs = seen.get(column);
    if (!vs) {
      // A loop into the set, not a map first: a ledger has tens of thousands of entries.
      const distinct = new Set<string>();
      for (const r of rows) distinct.add(valueIn(r, column));
      vs = [...distinct];
      seen.set(column, vs);
    }
    return vs;
  };
  const warned = new Set<string>();
  const warn = (at: SourcePos, written: string, column: string) => {
    const key = `${at.file}:${at.line}:${at.col}`;
    if (warned.has(key)) return;
    warned.add(key);
    diags.warning(
      at,
      'selector-none',
      said(`${written} treffer ingen verdi i kolonnen ${column} i regnskapet`, `${written} matches no value of the ${column} column in the ledger`),
      said(
        `sjekk verdien mot regnskapet (f.eks. ${
          valuesOf(column)
            .filter((v) => v !== '')
            .slice(0, 3)
            .join(', ') || 'ingen verdier'
        }), eller fjern den`,
        `check the value against the ledger (e.g. ${
          valuesOf(column)
            .filter((v) => v !== '')
            .slice(0, 3)
            .join(', ') || 'no values'
        }), or remove it`,
      ),
    );
  };
  for (const { selector } of uses)
    for (const f of selector.fields) {
      // A field of exact values alone asks nothing here: its column's values are not gathered for it.
      if (!f.not && f.patterns.every((p) => p.kind === 'exact')) continue;
      const values = valuesOf(f.column);
      for (const p of f.patterns) if (p.kind !== 'exact' && !values.some((v) => patternMatches(p, v))) warn(p.at, `"${patternText(p)}"`, f.column);
      if (f.not && !values.some((v) => !f.patterns.some((p) => patternMatches(p, v))))
        warn(f.at, `${f.column}: { not: ${f.patterns.map(patternText).join(', ')} }`, f.column);
    }
}
