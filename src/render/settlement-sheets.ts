import type { ItemKind } from '../agreement/model.js';
import type { PartySettlement, SettlementReport } from '../reports/settlement.js';
import { Money } from '../money/money.js';
import { allocationLinesSheet } from './allocation-sheets.js';
import { kindLabel, label } from './labels.js';
import type { Locale } from './locale.js';
import { dateColumn, moneyColumn, ratioColumn, type Sheet, sheet, textColumn } from './sheet.js';
import { kindsShown } from './settlement-text.js';

/** One row per party and kind: charged, paid, balance, and what of it is carried forward. */
export function settlementSheet(r: SettlementReport, locale: Locale): Sheet {
  type Row = { readonly p: PartySettlement; readonly kind: ItemKind };
  const b = (x: Row) => x.p.kinds[x.kind];
  return sheet<Row>(
    label('settlement', locale),
    [
      textColumn(label('party', locale), (x) => x.p.party.id),
      textColumn(label('label', locale), (x) => x.p.party.name),
      textColumn(label('kind', locale), (x) => kindLabel(x.kind, locale)),
      moneyColumn(label('chargedActual', locale), (x) => b(x).charged),
      moneyColumn(label('invoiced', locale), (x) => b(x).invoiced),
      moneyColumn(label('paid', locale), (x) => b(x).paid),
      moneyColumn(label('broughtForward', locale), (x) => b(x).broughtForward),
      moneyColumn(label('balance', locale), (x) => b(x).balance),
      moneyColumn(label('carriedForward', locale), (x) => (b(x).carriedForward ? b(x).balance : Money.ZERO)),
      dateColumn(label('dueDate', locale), () => r.finalDue),
    ],
    r.parties.flatMap((p) => kindsShown(r).map((kind) => ({ p, kind }))),
  );
}

/** One row per party, kind and instalment of the a-konto schedule. */
export function scheduleSheet(r: SettlementReport, locale: Locale): Sheet {
  const rows = (r.schedule ?? []).flatMap((s) => kindsShown(r).flatMap((kind) => s.instalments.map((i) => ({ party: s.party, kind, i }))));
  return sheet<(typeof rows)[number]>(
    label('schedule', locale),
    [
      textColumn(label('party', locale), (x) => x.party.id),
      textColumn(label('name', locale), (x) => x.party.name),
      textColumn(label('kind', locale), (x) => kindLabel(x.kind, locale)),
      dateColumn(label('dueDate', locale), (x) => x.i.due),
      ratioColumn(label('share', locale), (x) => x.i.part),
      moneyColumn(label('amount', locale), (x) => x.i.amounts[x.kind]),
    ],
    rows,
  );
}

/** Every payment counted as paid, per party: received, or assumed from the schedule — and which, on every row, so an assumed a-konto never reads as a booked payment. */
function paymentsSheet(r: SettlementReport, locale: Locale): Sheet {
  const rows = r.parties.flatMap((p) => p.payments.map((x) => ({ party: p.party, x })));
  const source = r.paidFrom === 'schedule' ? label('assumedFromSchedule', locale) : label('received', locale);
  return sheet<(typeof rows)[number]>(
    label('payments', locale),
    [
      textColumn(label('party', locale), (y) => y.party.id),
      textColumn(label('name', locale), (y) => y.party.name),
      textColumn(label('source', locale), () => source),
      dateColumn(label('date', locale), (y) => y.x.date),
      textColumn(label('kind', locale), (y) => kindLabel(y.x.kind, locale)),
      moneyColumn(label('amount', locale), (y) => y.x.amount),
      textColumn(label('label', locale), (y) => y.x.text),
    ],
    rows,
  );
}

/** The workbook of a settlement: the settlement, the a-konto schedule (if any), the payments and the allocation lines. */
export function settlementSheets(r: SettlementReport, locale: Locale): Sheet[] {
  return [settlementSheet(r, locale), ...(r.schedule ? [scheduleSheet(r, locale)] : []), paymentsSheet(r, locale), allocationLinesSheet(r.allocation, locale)];
}

/** The workbook of `settle --schedule`: the a-konto schedule first, then the rest of the settlement. */
export function scheduleSheets(r: SettlementReport, locale: Locale): Sheet[] {
  return [scheduleSheet(r, locale), settlementSheet(r, locale), paymentsSheet(r, locale), allocationLinesSheet(r.allocation, locale)];
}
