import type { ScenarioComparison } from '../reports/scenario.js';
import type { Projection } from '../reports/projection.js';
import { label } from './labels.js';
import type { Locale } from './locale.js';
import { docTables, htmlPage, lineChart } from './page.js';
import { projectionDoc } from './projection.js';
import { scenarioDoc } from './scenario-text.js';

/** A sweep or a set of scenarios as one page: a chart per party of its charge across the scenarios, then the table. */
export function scenarioHtml(c: ScenarioComparison, locale: Locale): string {
  const a = c.baseline.agreement;
  const names = c.columns.map((s) => (s.name === 'baseline' ? label('baseline', locale) : s.name));
  const charts = c.baseline.parties
    .map(({ party }, i) => lineChart(party.name, names, [{ values: c.columns.map((s) => s.parties[i]!.charged) }], locale))
    .join('\n');
  return htmlPage(
    `${a.title} ${a.year} — ${label('scenarios', locale)}`,
    locale,
    `<div class="charts">\n${charts}\n</div>\n${docTables(scenarioDoc(c, locale))}`,
    true,
  );
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
