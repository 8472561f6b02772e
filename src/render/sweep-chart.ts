import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import type { ScenarioColumn, ScenarioComparison } from '../reports/scenario.js';
import { label } from './labels.js';
import { formatMoney, localDecimal, type Locale } from './locale.js';
import { escapeMarkup as esc } from './markup.js';
import { pixels } from './page.js';

const WIDTH = 720;
const HEIGHT = 340;
const LEFT = 110;
const RIGHT = 20;
const TOP = 16;
const BOTTOM = 56;
/** Told apart in print and by most colour-blind readers; a party past the tenth gets a dash pattern as well. */
const COLOURS = ['#1f4e79', '#c4622d', '#3a7d44', '#8e3b8c', '#b8860b', '#2a9d8f', '#9b2226', '#5c677d', '#e07a5f', '#264653'];

/** The x axis: the swept value where the scenarios vary one number, else the scenarios in order. */
type Axis =
  | { readonly kind: 'value'; readonly path: string; readonly percent: boolean; readonly at: (s: ScenarioColumn) => Ratio }
  | { readonly kind: 'names' };

/**
 * One chart of every party's charge across a sweep: the swept value on x
 * (with its unit), kroner on y with a scale, a line per party, and each
 * party's charge as the agreement is written (the baseline) as a dashed
 * reference line — not as a first point, which would draw a false step.
 */
export function sweepChart(c: ScenarioComparison, locale: Locale): string {
  const [baseline, ...scenarios] = c.columns;
  if (scenarios.length === 0) return '';
  const axis = xAxis(scenarios);
  const xs = scenarios.map((s, i) => (axis.kind === 'value' ? axis.at(s) : Ratio.of(BigInt(i))));
  const xLow = min(xs);
  const xHigh = max(xs);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (v: Ratio) => LEFT + (xHigh.cmp(xLow) === 0 ? plotW / 2 : pixels(v.minus(xLow), xHigh.minus(xLow), plotW));

  const amounts = c.columns.flatMap((s) => s.parties.map((p) => p.charged.toRatio()));
  const yTicks = niceTicks(min(amounts), max(amounts));
  const yLow = yTicks[0]!;
  const yHigh = yTicks.at(-1)!;
  const y = (v: Ratio) => TOP + plotH - pixels(v.minus(yLow), yHigh.minus(yLow), plotH);

  const grid = yTicks
    .map((t) => {
      const at = y(t);
      return `<line class="grid" x1="${LEFT}" y1="${at}" x2="${WIDTH - RIGHT}" y2="${at}"/><text class="tick" x="${LEFT - 6}" y="${at + 4}" text-anchor="end">${esc(tickAmount(t, locale))}</text>`;
    })
    .join('');
  const xTicks =
    axis.kind === 'value' ? niceTicks(xLow, xHigh).filter((t) => t.cmp(xLow) >= 0 && t.cmp(xHigh) <= 0) : scenarios.map((_, i) => Ratio.of(BigInt(i)));
  const xTickText = (t: Ratio, i: number) => (axis.kind === 'value' ? valueText(t, axis.percent, locale) : scenarios[i]!.name);
  const xAxisMarks = xTicks
    .map(
      (t, i) =>
        `<line class="axis" x1="${x(t)}" y1="${TOP + plotH}" x2="${x(t)}" y2="${TOP + plotH + 4}"/><text class="tick" x="${x(t)}" y="${TOP + plotH + 16}" text-anchor="middle">${esc(xTickText(t, i))}</text>`,
    )
    .join('');
  const xTitle = axisTitle(axis, locale);
  const axes =
    `<line class="axis" x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + plotH}"/><line class="axis" x1="${LEFT}" y1="${TOP + plotH}" x2="${WIDTH - RIGHT}" y2="${TOP + plotH}"/>` +
    `<text class="tick" x="${LEFT + plotW / 2}" y="${HEIGHT - 18}" text-anchor="middle">${esc(xTitle)}</text>` +
    `<text class="tick" x="12" y="${TOP + plotH / 2}" transform="rotate(-90 12 ${TOP + plotH / 2})" text-anchor="middle">kr</text>`;

  const lines = baseline.parties
    .map((party, i) => {
      const colour = COLOURS[i % COLOURS.length]!;
      const round = (i - (i % COLOURS.length)) / COLOURS.length;
      const dash = round > 0 ? ` stroke-dasharray="${2 + (round % 4) * 2} 2"` : '';
      const points = scenarios.map((s, k) => ({ x: x(xs[k]!), y: y(s.parties[i]!.charged.toRatio()), s, p: s.parties[i]! }));
      const reference = `<line class="reference" x1="${LEFT}" y1="${y(party.charged.toRatio())}" x2="${WIDTH - RIGHT}" y2="${y(party.charged.toRatio())}" stroke="${colour}"><title>${esc(`${party.name}, ${label('baseline', locale)}: ${formatMoney(party.charged, locale)}`)}</title></line>`;
      const line = `<polyline class="series" stroke="${colour}"${dash} points="${points.map((q) => `${q.x},${q.y}`).join(' ')}"/>`;
      const dots = points
        .map(
          (q) =>
            `<circle cx="${q.x}" cy="${q.y}" r="2.5" fill="${colour}"><title>${esc(`${party.name}, ${q.s.name}: ${formatMoney(q.p.charged, locale)}`)}</title></circle>`,
        )
        .join('');
      return reference + line + dots;
    })
    .join('\n');
  const legend = baseline.parties
    .map((party, i) => `<li><span class="swatch" style="background:${COLOURS[i % COLOURS.length]}"></span>${esc(party.name)}</li>`)
    .join('');
  const caption = label('chargedPerScenario', locale);
  return (
    `<figure class="sweep"><figcaption>${esc(caption)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${esc(caption)}">${grid}${axes}${xAxisMarks}\n${lines}</svg>` +
    `<ul class="legend">${legend}<li><span class="swatch reference"></span>${esc(label('baselineReference', locale))}</li></ul></figure>`
  );
}

/** A numeric axis when every scenario sets the one varying path to a number; a sweep's unit is % when its values are written so. */
function xAxis(scenarios: readonly ScenarioColumn[]): Axis {
  const paths = [...new Set(scenarios.flatMap((s) => s.settings.map((t) => t.path)))];
  const varying = paths.filter((p) => new Set(scenarios.map((s) => s.settings.find((t) => t.path === p)?.value)).size > 1);
  if (varying.length !== 1) return { kind: 'names' };
  const path = varying[0]!;
  const values = scenarios.map((s) => s.settings.find((t) => t.path === path)?.value);
  const parsed = values.map((v) => (v === undefined ? null : Ratio.parse(v)));
  if (parsed.some((v) => v === null)) return { kind: 'names' };
  const percent = values.every((v) => v!.trim().endsWith('%'));
  const byScenario = new Map(scenarios.map((s, i) => [s, parsed[i]!]));
  return { kind: 'value', path, percent, at: (s) => byScenario.get(s)! };
}

const axisTitle = (axis: Axis, locale: Locale) => (axis.kind === 'value' ? `${axis.path}${axis.percent ? ' (%)' : ''}` : label('scenario', locale));

/** What names the scenarios in a table: the swept path and its unit, else "Scenario". */
export function sweepAxisTitle(scenarios: readonly ScenarioColumn[], locale: Locale): string {
  return axisTitle(xAxis(scenarios), locale);
}

/** A scenario's swept value as the axis shows it (`350`, `40 %`); null when the scenarios are not a sweep of one number. */
export function sweepValue(scenarios: readonly ScenarioColumn[], s: ScenarioColumn, locale: Locale): string | null {
  const axis = xAxis(scenarios);
  return axis.kind === 'value' ? valueText(axis.at(s), axis.percent, locale) : null;
}

function valueText(v: Ratio, percent: boolean, locale: Locale): string {
  const shown = percent ? v.times(Ratio.of(100n)) : v;
  return localDecimal(shown.toDecimalString(4), locale) + (percent ? ' %' : '');
}

/** A tick of the kroner scale: whole kroner are written without øre, so the scale reads 800 000, not 800 000,00. */
const tickAmount = (t: Ratio, locale: Locale) => formatMoney(Money.fromFinite(t), locale).replace(/[,.]00$/, '');

const min = (xs: readonly Ratio[]) => xs.reduce((m, v) => (v.cmp(m) < 0 ? v : m));
const max = (xs: readonly Ratio[]) => xs.reduce((m, v) => (v.cmp(m) > 0 ? v : m));

/**
 * Round values from below `low` to above `high`, 1, 2 or 5 × a power of ten
 * apart, about five of them: a scale a reader can read off. Exact: the
 * ticks are fractions, so a kroner tick is a whole number of kroner.
 */
export function niceTicks(low: Ratio, high: Ratio): Ratio[] {
  const span = high.minus(low);
  const wanted = span.isZero() ? (low.isZero() ? Ratio.ONE : low.abs().div(Ratio.of(10n))) : span.div(Ratio.of(5n));
  let power = Ratio.of(1n, 10n ** 6n);
  let step = power;
  for (;;) {
    const candidate = [1n, 2n, 5n].map((m) => power.times(Ratio.of(m))).find((s) => s.cmp(wanted) >= 0);
    if (candidate) {
      step = candidate;
      break;
    }
    power = power.times(Ratio.of(10n));
  }
  const first = low.div(step).floor();
  const last = -high.div(step).times(Ratio.of(-1n)).floor();
  const ticks: Ratio[] = [];
  for (let n = first; n <= (last === first ? first + 1n : last); n++) ticks.push(step.times(Ratio.of(n)));
  return ticks;
}
