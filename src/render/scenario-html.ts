import type { Projection } from '../reports/projection.js';
import type { ScenarioColumn, ScenarioComparison } from '../reports/scenario.js';
import { leftColumn, rightColumn, type Block, type Doc } from './doc.js';
import { label } from './labels.js';
import { formatMoney, formatPercent1, type Locale } from './locale.js';
import { docTables, htmlPage, lineChart } from './page.js';
import { projectionDoc } from './projection.js';
import { sweepAxisTitle, sweepChart, sweepValue } from './sweep-chart.js';

/**
 * A sweep or a set of scenarios as one page: one chart of every party's
 * charge across the scenarios, then the figures with a row per scenario, so
 * a sweep of many points prints down the page instead of off its side.
 */
export function scenarioHtml(c: ScenarioComparison, locale: Locale): string {
  const a = c.baseline.agreement;
  return htmlPage(`${a.title} ${a.year} — ${label('scenarios', locale)}`, locale, `${sweepChart(c, locale)}\n${docTables(scenarioRowsDoc(c, locale))}`, true);
}

/** Per scenario (the baseline first): each party's charge, and its change from the baseline. */
function scenarioRowsDoc(c: ScenarioComparison, locale: Locale): Doc {
  const [baseline, ...scenarios] = c.columns;
  const m = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x, locale);
  const columns = [leftColumn(sweepAxisTitle(scenarios, locale)), ...baseline.parties.map((p) => rightColumn(p.name)), rightColumn(label('sum', locale))];
  const name = (s: ScenarioColumn) => (s.isBaseline ? label('baseline', locale) : (sweepValue(scenarios, s, locale) ?? s.name));
  const charged: Block = {
    heading: label('chargedPerScenario', locale),
    notes: [],
    columns,
    rows: c.columns.map((s) => [name(s), ...s.parties.map((p) => m(p.charged)), m(s.total)]),
    footer: [],
  };
  const change: Block = {
    heading: label('changePerScenario', locale),
    notes: [],
    columns,
    rows: scenarios.map((s) => [
      name(s),
      ...s.parties.map((p) => `${m(p.delta)}${p.deltaShare ? ` (${formatPercent1(p.deltaShare, locale)})` : ''}`),
      m(s.totalDelta),
    ]),
    footer: [],
  };
  return { title: '', notes: [], blocks: scenarios.length ? [charged, change] : [charged] };
}

/** A projection over years as one page: a chart per party of its charge by year (and going alone, dashed, where given), then the tables. */
export function projectionHtml(p: Projection, locale: Locale): string {
  const years = p.years.map((y) => String(y.year));
  const charts = p.agreement.parties
    .map((party, i) => {
      const charged = { values: p.years.map((y) => y.parties[i]!.charged) };
      const alone = p.years.every((y) => y.parties[i]!.alone !== null) ? [{ values: p.years.map((y) => y.parties[i]!.alone!) }] : [];
      return lineChart(party.name, years, [charged, ...alone], locale);
    })
    .join('\n');
  return htmlPage(
    `${p.agreement.title} — ${years[0]}–${years.at(-1)}`,
    locale,
    `<div class="charts">\n${charts}\n</div>\n${docTables(projectionDoc(p, locale))}`,
    true,
  );
}
