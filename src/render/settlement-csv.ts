import type { SettlementReport } from '../compute/settle.js';
import { Money } from '../money/money.js';
import { toCsv } from './csv.js';
import { kindLabel, label } from './labels.js';
import { formatMoneyPlain, formatDecimal, type Locale } from './locale.js';
import { kindsShown } from './settlement-text.js';

/** One row per party and kind: charged, paid, balance, and whether the balance is carried forward. */
export function settlementCsv(r: SettlementReport, locale: Locale): string {
  const m = (x: Money) => formatMoneyPlain(x, locale);
  const header = [
    label('party', locale),
    label('label', locale),
    label('kind', locale),
    label('chargedActual', locale),
    label('paid', locale),
    label('balance', locale),
    label('carriedForward', locale),
    label('dueDate', locale),
  ];
  const rows = r.parties.flatMap((p) =>
    kindsShown(r).map((k) => {
      const b = p.kinds[k];
      return [
        p.party.id,
        p.party.name,
        kindLabel(k, locale),
        m(b.charged),
        m(b.paid),
        m(b.balance),
        m(b.carriedForward ? b.balance : Money.ZERO),
        r.finalDue ?? '',
      ];
    }),
  );
  return toCsv(header, rows, [false, false, false, true, true, true, true, false], locale);
}

/** One row per party, kind and instalment. */
export function scheduleCsv(r: SettlementReport, locale: Locale): string {
  const header = [label('party', locale), label('kind', locale), label('dueDate', locale), label('share', locale), label('amount', locale)];
  const rows = (r.schedule ?? []).flatMap((s) =>
    kindsShown(r).flatMap((k) =>
      s.instalments.map((i) => [s.party.id, kindLabel(k, locale), i.due, formatDecimal(i.part, locale), formatMoneyPlain(i.amounts[k], locale)]),
    ),
  );
  return toCsv(header, rows, [false, false, false, true, true], locale);
}
