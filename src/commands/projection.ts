import { didYouMean } from '../diagnostics/suggest.js';
import { notIndexed, planYear, projectedYear } from '../scenario/projection.js';
import { indexChangesMissing, type Assumption } from '../validate/projection.js';
import type { Projection, ProjectedYear } from '../reports/projection.js';
import type { Setting } from '../scenario/set.js';
import type { Inputs } from './inputs.js';
import { refused, type Outcome } from '../diagnostics/outcome.js';
import { openScenarios, type AgreementSource } from './scenario.js';
import { said } from '../text/said.js';

export interface ProjectionOptions {
  readonly from: number;
  readonly to: number;
  readonly assumptions: readonly Assumption[];
  /** Settings applied to every year. */
  readonly fixed: readonly Setting[];
}

/**
 * `samkost scenario --years`: the agreement rolled forward a year at a
 * time — the year set, index changes taken from the agreement or assumed —
 * each year computed by the same runner as any scenario.
 */
export function project(source: AgreementSource, inputs: Inputs, options: ProjectionOptions): Outcome<Projection> {
  const opened = openScenarios(source, inputs, { scenarios: [{ name: 'projection', settings: options.fixed }], fixed: options.fixed });
  if (!opened.report) return opened;
  const session = opened.report;
  const a = session.baseline.agreement;
  for (const x of options.assumptions) {
    if (!a.indices.has(x.series))
      return refused(
        2,
        said(
          `--assume nevner indeksserien '${x.series}', som avtalen ikke har`,
          `--assume names index series '${x.series}', which the agreement does not declare`,
        ),
        didYouMean(x.series, a.indices.keys()) ??
          said(`seriene i avtalen: ${[...a.indices.keys()].join(', ') || 'ingen'}`, `declared series: ${[...a.indices.keys()].join(', ') || 'none'}`),
        opened.diagnostics,
      );
  }
  const missing = indexChangesMissing(a, options.from, options.to, options.assumptions);
  if (missing.length)
    return refused(
      1,
      said('ingenting ble framskrevet: indeksendringer mangler', 'nothing was projected: index changes are missing'),
      said('oppgi dem i avtalen eller gi --assume', 'declare them in the agreement or give --assume'),
      [...opened.diagnostics, ...missing],
    );
  const plans = [];
  for (let y = options.from; y <= options.to; y++) plans.push(planYear(a, y, options.assumptions));
  const years: ProjectedYear[] = [];
  for (const plan of plans) {
    const evaluated = session.evaluate({ name: String(plan.year), settings: [...options.fixed, ...plan.settings] });
    if (!evaluated.report) return evaluated;
    years.push(projectedYear(evaluated.report));
  }
  const assumed = plans.flatMap((p) => p.assumed).filter((x, i, all) => all.findIndex((y) => y.series === x.series && y.year === x.year) === i);
  return { report: { agreement: a, years, assumed, notIndexed: notIndexed(a) }, diagnostics: opened.diagnostics };
}
