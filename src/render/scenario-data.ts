import type { ScenarioComparison } from '../scenario/compare.js';
import { Ratio } from '../money/ratio.js';
import { toCsv } from './csv.js';
import { label } from './labels.js';
import { formatMoneyPlain, type Locale } from './locale.js';

const percent = (r: Ratio | null) => (r ? r.times(Ratio.of(100n)).toDecimalString(2) : null);

/** `{ scenarios: [{ name, settings, parties: [{ id, charged, delta, delta_percent }], total }] }`, the baseline first. */
export function scenarioJson(c: ScenarioComparison): object {
  const a = c.baseline.agreement;
  return {
    agreement: a.title,
    year: a.year,
    currency: a.currency,
    scenarios: c.columns.map((s) => ({
      name: s.name,
      settings: s.settings,
      parties: s.parties.map((p) => ({ id: p.id, charged: p.charged.toFixed2(), delta: p.delta.toFixed2(), delta_percent: percent(p.deltaShare) })),
      total: s.total.toFixed2(),
      total_delta: s.totalDelta.toFixed2(),
    })),
  };
}

/** One row per scenario and party, so a spreadsheet can pivot it. */
export function scenarioCsv(c: ScenarioComparison, locale: Locale): string {
  const header = [label('scenario', locale), label('party', locale), label('charged', locale), label('change', locale), label('changePct', locale)];
  const rows = c.columns.flatMap((s) =>
    s.parties.map((p) => {
      const pct = percent(p.deltaShare) ?? '';
      return [s.name, p.id, formatMoneyPlain(p.charged, locale), formatMoneyPlain(p.delta, locale), locale === 'nb' ? pct.replace('.', ',') : pct];
    }),
  );
  return toCsv(header, rows, [false, false, true, true, true], locale);
}
