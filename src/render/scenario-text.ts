import { type ScenarioColumn, type ScenarioComparison, settingText } from '../reports/scenario.js';
import { leftColumn, rightColumn, type Block, type Doc } from './doc.js';
import { label } from './labels.js';
import { formatMoney, formatPercent1, type Locale } from './locale.js';

/** Baseline and scenarios side by side per party: charged, and the change in kroner and percent. */
export function scenarioDoc(c: ScenarioComparison, locale: Locale): Doc {
  const a = c.baseline.agreement;
  const m = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x, locale);
  const [baseline, ...scenarios] = c.columns;
  const name = (s: ScenarioColumn) => (s.name === 'baseline' ? label('baseline', locale) : s.name);
  const columns = [
    leftColumn(label('party', locale)),
    rightColumn(name(baseline)),
    ...scenarios.flatMap((s) => [rightColumn(name(s)), rightColumn(label('change', locale)), rightColumn(label('changePct', locale))]),
  ];
  const rows = baseline.parties.map((p, i) => [
    p.name,
    m(p.charged),
    ...scenarios.flatMap((s) => {
      const q = s.parties[i]!;
      return [m(q.charged), m(q.delta), q.deltaShare ? formatPercent1(q.deltaShare, locale) : '–'];
    }),
  ]);
  const footer = [[label('sum', locale), m(baseline.total), ...scenarios.flatMap((s) => [m(s.total), m(s.totalDelta), ''])]];
  const block: Block = {
    heading: label('scenarios', locale),
    notes: scenarios.map((s) => `${s.name}: ${s.settings.map(settingText).join(', ')}`),
    columns,
    rows,
    footer,
  };
  return { title: `${a.title} ${a.year} — ${label('scenarios', locale)}`, notes: [], blocks: [block] };
}
