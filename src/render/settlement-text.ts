import type { ItemKind } from '../agreement/model.js';
import type { SettlementReport } from '../reports/settlement.js';
import { Money } from '../money/money.js';
import { leftColumn, rightColumn, type Block, type Doc } from './doc.js';
import { fill } from './fill.js';
import { kindLabel, label } from './labels.js';
import { formatDate, formatMoney, formatShare, type Locale } from './locale.js';

/** The kinds a report shows: those with anything charged, paid or scheduled. */
export function kindsShown(r: SettlementReport): ItemKind[] {
  const kinds: ItemKind[] = ['operating', 'investment'];
  const shown = kinds.filter((k) =>
    r.parties.some((p) => !p.kinds[k].charged.isZero() || !p.kinds[k].paid.isZero() || !p.kinds[k].invoiced.isZero() || !p.kinds[k].broughtForward.isZero()),
  );
  return shown.length ? shown : ['operating'];
}

/** `Molde kommune (vertskommune)`: the host's share is settled internally, not invoiced. */
export function partyName(p: SettlementReport['parties'][number], locale: Locale): string {
  return p.isHost ? `${p.party.name} (${label('host', locale)})` : p.party.name;
}

/**
 * Charged, a-konto invoiced, paid, brought forward and balance per party,
 * per kind; then what the final settlement bills and, with a schedule and a
 * payments file, the a-konto left open (or overpaid).
 */
export function settlementDoc(r: SettlementReport, locale: Locale): Doc {
  const a = r.allocation.agreement;
  const m = (x: Money) => formatMoney(x, locale);
  const invoiced = r.schedule !== null;
  const brought = r.parties.some((p) => !p.broughtForward.isZero());
  const open = invoiced && r.paidFrom === 'payments';
  const blocks: Block[] = kindsShown(r).map((kind) => {
    const t = r.totals.kinds[kind];
    return {
      heading: kindLabel(kind, locale),
      notes: t.carriedForward ? [label('carriedRule', locale)] : [],
      columns: [
        leftColumn(label('party', locale)),
        rightColumn(label('chargedActual', locale)),
        ...(invoiced ? [rightColumn(label('invoiced', locale))] : []),
        rightColumn(label('paid', locale)),
        ...(brought ? [rightColumn(label('broughtForward', locale))] : []),
        rightColumn(label('balance', locale)),
      ],
      rows: r.parties.map((p) => {
        const k = p.kinds[kind];
        return [partyName(p, locale), m(k.charged), ...(invoiced ? [m(k.invoiced)] : []), m(k.paid), ...(brought ? [m(k.broughtForward)] : []), m(k.balance)];
      }),
      footer: [[label('sum', locale), m(t.charged), ...(invoiced ? [m(t.invoiced)] : []), m(t.paid), ...(brought ? [m(t.broughtForward)] : []), m(t.balance)]],
    };
  });
  const carried = !r.totals.carriedForward.isZero() || kindsShown(r).some((k) => r.totals.kinds[k].carriedForward);
  const due = r.finalDue ? formatDate(r.finalDue, locale) : '';
  blocks.push({
    heading: label('finalSettlement', locale),
    notes: open ? [label('openRule', locale)] : [],
    columns: [
      leftColumn(label('party', locale)),
      rightColumn(label('dueNow', locale)),
      ...(carried ? [rightColumn(label('carriedForward', locale))] : []),
      ...(open ? [rightColumn(label('openAkonto', locale))] : []),
      ...(due ? [rightColumn(label('dueDate', locale))] : []),
    ],
    rows: r.parties.map((p) => [
      partyName(p, locale),
      m(p.dueNow),
      ...(carried ? [m(p.carriedForward)] : []),
      ...(open ? [m(p.openAkonto)] : []),
      ...(due ? [due] : []),
    ]),
    footer: [
      [
        label('sum', locale),
        m(r.totals.dueNow),
        ...(carried ? [m(r.totals.carriedForward)] : []),
        ...(open ? [m(Money.sum(r.parties.map((p) => p.openAkonto)))] : []),
        ...(due ? [''] : []),
      ],
    ],
  });
  const paidNote =
    r.paidFrom === 'payments'
      ? label('paidFromPayments', locale)
      : r.paidFrom === 'schedule'
        ? label('paidFromSchedule', locale)
        : label('paidFromNone', locale);
  return {
    title: `${a.title} ${a.year} — ${label('settlement', locale)}`,
    notes: [
      paidNote,
      label(invoiced ? 'balanceRuleInvoiced' : 'balanceRule', locale),
      ...(r.broughtForward
        ? [fill(label('broughtForwardRule', locale), { title: r.broughtForward.title, year: String(r.broughtForward.year), file: r.broughtForward.file })]
        : []),
    ],
    blocks,
  };
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
