import type { ItemKind } from '../agreement/model.js';
import type { SettlementReport } from '../reports/settlement.js';
import { Money } from '../money/money.js';
import { leftColumn, rightColumn, type Block, type Doc } from './doc.js';
import { kindLabel, label } from './labels.js';
import { formatDate, formatMoney, formatShare, type Locale } from './locale.js';

/** The kinds a report shows: those with anything charged, paid or scheduled. */
export function kindsShown(r: SettlementReport): ItemKind[] {
  const kinds: ItemKind[] = ['operating', 'investment'];
  const shown = kinds.filter((k) =>
    r.parties.some((p) => !p.kinds[k].charged.isZero() || !p.kinds[k].paid.isZero() || (p.scheduled && !p.scheduled[k].isZero())),
  );
  return shown.length ? shown : ['operating'];
}

/** `Molde kommune (vertskommune)`: the host's share is settled internally, not invoiced. */
export function partyName(p: SettlementReport['parties'][number], locale: Locale): string {
  return p.isHost ? `${p.party.name} (${label('host', locale)})` : p.party.name;
}

/** Charged, paid and balance per party, per kind, then what the final settlement invoices. */
export function settlementDoc(r: SettlementReport, locale: Locale): Doc {
  const a = r.allocation.agreement;
  const m = (x: Money) => formatMoney(x, locale);
  const withSchedule = r.paidFrom === 'payments' && r.schedule !== null;
  const blocks: Block[] = kindsShown(r).map((kind) => {
    const t = r.totals.kinds[kind];
    return {
      heading: kindLabel(kind, locale),
      notes: t.carriedForward ? [label('carriedRule', locale)] : [],
      columns: [
        leftColumn(label('party', locale)),
        rightColumn(label('chargedActual', locale)),
        ...(withSchedule ? [rightColumn(label('scheduled', locale))] : []),
        rightColumn(label('paid', locale)),
        rightColumn(label('balance', locale)),
      ],
      rows: r.parties.map((p) => {
        const k = p.kinds[kind];
        return [partyName(p, locale), m(k.charged), ...(withSchedule ? [m(p.scheduled![kind])] : []), m(k.paid), m(k.balance)];
      }),
      footer: [
        [label('sum', locale), m(t.charged), ...(withSchedule ? [m(Money.sum(r.parties.map((p) => p.scheduled![kind])))] : []), m(t.paid), m(t.balance)],
      ],
    };
  });
  const carried = !r.totals.carriedForward.isZero() || kindsShown(r).some((k) => r.totals.kinds[k].carriedForward);
  const due = r.finalDue ? formatDate(r.finalDue, locale) : '';
  blocks.push({
    heading: label('finalSettlement', locale),
    notes: [],
    columns: [
      leftColumn(label('party', locale)),
      rightColumn(label('dueNow', locale)),
      ...(carried ? [rightColumn(label('carriedForward', locale))] : []),
      ...(due ? [rightColumn(label('dueDate', locale))] : []),
    ],
    rows: r.parties.map((p) => [partyName(p, locale), m(p.dueNow), ...(carried ? [m(p.carriedForward)] : []), ...(due ? [due] : [])]),
    footer: [[label('sum', locale), m(r.totals.dueNow), ...(carried ? [m(r.totals.carriedForward)] : []), ...(due ? [''] : [])]],
  });
  const paidNote =
    r.paidFrom === 'payments'
      ? label('paidFromPayments', locale)
      : r.paidFrom === 'schedule'
        ? label('paidFromSchedule', locale)
        : label('paidFromNone', locale);
  return { title: `${a.title} ${a.year} — ${label('settlement', locale)}`, notes: [paidNote, label('balanceRule', locale)], blocks };
}

/** The a-konto schedule: each party's budgeted share split over the instalments, per kind. */
export function scheduleDoc(r: SettlementReport, locale: Locale): Doc {
  const a = r.allocation.agreement;
  const m = (x: Money) => formatMoney(x, locale);
  const schedule = r.schedule ?? [];
  const instalments = a.settlement?.akonto ?? [];
  const blocks: Block[] = kindsShown(r).map((kind) => ({
    heading: kindLabel(kind, locale),
    notes: [],
    columns: [
      leftColumn(label('party', locale)),
      rightColumn(label('budgeted', locale)),
      ...instalments.map((i) => rightColumn(`${formatDate(i.due, locale)} (${formatShare(i.part, locale)})`)),
    ],
    rows: schedule.map((s) => [s.party.name, m(s.budgeted[kind]), ...s.instalments.map((i) => m(i.amounts[kind]))]),
    footer: [
      [
        label('sum', locale),
        m(Money.sum(schedule.map((s) => s.budgeted[kind]))),
        ...instalments.map((_, n) => m(Money.sum(schedule.map((s) => s.instalments[n]!.amounts[kind])))),
      ],
    ],
  }));
  return { title: `${a.title} ${a.year} — ${label('schedule', locale)}`, notes: [label('scheduleRule', locale)], blocks };
}
