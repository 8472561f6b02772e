import { type Infeasible, isInfeasible, type ScenarioColumn, type ScenarioHead, type ScenarioPoint, type ScenarioSetting } from '../reports/scenario.js';
import { Ratio } from '../money/ratio.js';
import { csvRows, NEEDS_QUOTES, needsQuotes, neutralise, toCsv } from './csv.js';
import { label, marker } from './labels.js';
import { jsonHead } from './json-head.js';
import { formatMoneyPlain, localDecimal, type Locale } from './locale.js';
import { money, ratio } from './allocation-json.js';

/**
 * A report written a piece at a time: its head, one piece per point (the
 * baseline is point 0), its tail. A piece depends on its point alone, so a
 * worker thread can write the pieces of its share and the main thread put
 * them in order: a sweep of a million scenarios is never held whole.
 */
export interface Streamed<H, P> {
  readonly head: (h: H, version: string, locale: Locale) => string;
  readonly point: (h: H, p: P, n: number, locale: Locale) => string;
  readonly tail: (h: H) => string;
}

const percent = (r: Ratio | null) => (r ? r.times(Ratio.of(100n)).toDecimalString(2) : null);

/** `{ path, value }`, the value as written. */
function settingsJson(settings: readonly ScenarioSetting[]): object[] {
  return settings.map(({ path, value }) => ({ path, value }));
}

/**
 * `{ name, baseline?: true, settings: [{ path, value }], parties: [{ id,
 * name, charged, delta, delta_ratio }], parties_total }` as
 * `JSON.stringify(…, null, 2)` writes it, each
 * line after the first indented four more (a point's place in the list),
 * made as text: a sweep of a million points makes no object a point to
 * stringify. Texts are escaped by JSON.stringify; amounts and ratios are
 * digits. tests/scenario-points.properties.test.ts holds the two together.
 */
const INDENT = ['\n    ', '\n      ', '\n        ', '\n          '];

function scenarioJsonText(s: ScenarioColumn): string {
  const q = JSON.stringify;
  const at = (n: 0 | 2 | 4 | 6) => INDENT[n / 2]!;
  const ratioText = (r: Ratio | null) => (r ? `"${ratio(r)}"` : 'null');
  let out = `{${at(2)}"name": ${q(s.name)},`;
  if (s.isBaseline) out += `${at(2)}"baseline": true,`;
  out += `${at(2)}"settings": `;
  if (s.settings.length === 0) out += '[],';
  else {
    out += '[';
    for (const [i, t] of s.settings.entries())
      out += `${at(4)}{${at(6)}"path": ${q(t.path)},${at(6)}"value": ${q(t.value)}${at(4)}}${i < s.settings.length - 1 ? ',' : ''}`;
    out += `${at(2)}],`;
  }
  out += `${at(2)}"parties": `;
  if (s.parties.length === 0) out += '[],';
  else {
    out += '[';
    for (const [i, p] of s.parties.entries())
      out += `${at(4)}{${at(6)}"id": ${q(p.id)},${at(6)}"name": ${q(p.name)},${at(6)}"charged": "${money(p.charged)}",${at(6)}"delta": "${money(p.delta)}",${at(6)}"delta_ratio": ${ratioText(p.deltaShare)}${at(4)}}${i < s.parties.length - 1 ? ',' : ''}`;
    out += `${at(2)}],`;
  }
  const baseline = s.total.minus(s.totalDelta);
  const total = baseline.isZero() ? null : s.totalDelta.toRatio().div(baseline.abs().toRatio());
  out += `${at(2)}"parties_total": {${at(4)}"charged": "${money(s.total)}",${at(4)}"delta": "${money(s.totalDelta)}",${at(4)}"delta_ratio": ${ratioText(total)}${at(2)}}`;
  return `${out}${at(0)}}`;
}

/** A scenario that makes the agreement invalid: `{ name, settings, infeasible: reason }`, no figures. */
const infeasibleJson = (p: Infeasible, locale: Locale): object => ({ name: p.name, settings: settingsJson(p.settings), infeasible: p.reason[locale] });

/** `{ agreement, year, currency, scenarios: [...] }` — the baseline first. */
export const scenarioJson: Streamed<ScenarioHead, ScenarioPoint> = {
  head: (h, version) => {
    const a = h.baseline.agreement;
    const head = JSON.stringify({ ...jsonHead('scenarios', version), agreement: a.title, year: a.year, currency: a.currency, scenarios: [] }, null, 2);
    return head.slice(0, head.lastIndexOf('[]') + 1);
  },
  point: (_h, p, n, locale) =>
    `${n ? ',' : ''}\n    ${isInfeasible(p) ? JSON.stringify(infeasibleJson(p, locale), null, 2).replace(/\n/g, '\n    ') : scenarioJsonText(p)}`,
  tail: () => '\n  ]\n}\n',
};

/** Which columns are numbers (not neutralised against formulas): the set values (text among them neutralised one by one), then charged, change and change % (and a note). */
const numeric = (h: ScenarioHead) => [false, ...h.paths.map(() => true), false, false, true, true, true, ...(h.noted ? [false] : [])];

/**
 * The columns of the workbook's sheet (render/scenario-sheets.ts), in the
 * same order: the scenario, a column per path the scenarios set, the party
 * and its name, charged, change, change % — and with `--keep-going` a note.
 */
function scenarioCsvHeader(h: ScenarioHead, locale: Locale): string[] {
  return [
    label('scenario', locale),
    ...h.paths,
    label('party', locale),
    label('name', locale),
    label('charged', locale),
    label('change', locale),
    label('changePct', locale),
    ...(h.noted ? [label('note', locale)] : []),
  ];
}

/**
 * The value a scenario gave each path, as written: a number (a percentage
 * without its sign) with the locale's decimal mark, other text as it is;
 * empty where the scenario does not set the path (the baseline).
 */
function setValues(settings: readonly ScenarioSetting[], h: ScenarioHead, locale: Locale): string[] {
  return h.paths.map((path) => {
    const value = settings.find((t) => t.path === path)?.value;
    if (value === undefined) return '';
    const number = value.trim().replace(/\s*%$/, '');
    return Ratio.parseDecimal(number) ? localDecimal(number, locale) : neutralise(value);
  });
}

/** A scenario's rows as cells: what {@link scenarioCsvText} writes, through csvRows (the reference its test holds it to). */
export function scenarioCsvRows(h: ScenarioHead, s: ScenarioColumn, locale: Locale): string[][] {
  const values = setValues(s.settings, h, locale);
  return s.parties.map((p) => [
    s.isBaseline ? marker('baseline', locale) : s.name,
    ...values,
    p.id,
    p.name,
    formatMoneyPlain(p.charged, locale),
    formatMoneyPlain(p.delta, locale),
    localDecimal(percent(p.deltaShare) ?? '', locale),
    ...(h.noted ? [''] : []),
  ]);
}

/**
 * A scenario's rows as {@link csvRows} writes them, made cell by cell: the
 * scenario's cells once for all its parties, and no arrays of cells — a
 * sweep writes a million points. A cell csv-stringify would quote sends the
 * point through csvRows itself (tests/scenario-points.properties.test.ts holds the two together).
 */
function scenarioCsvText(h: ScenarioHead, s: ScenarioColumn, locale: Locale): string {
  const d = locale === 'nb' ? ';' : ',';
  const slow = () => csvRows(scenarioCsvRows(h, s, locale), numeric(h), locale);
  const first = neutralise(s.isBaseline ? marker('baseline', locale) : s.name);
  if (needsQuotes(first, d)) return slow();
  let lead = first;
  for (const v of setValues(s.settings, h, locale)) {
    if (needsQuotes(v, d)) return slow();
    lead += d + v;
  }
  const end = h.noted ? `${d}\r\n` : '\r\n';
  let out = '';
  for (const p of s.parties) {
    const cells = `${neutralise(p.id)}${d}${neutralise(p.name)}${d}${formatMoneyPlain(p.charged, locale)}${d}${formatMoneyPlain(p.delta, locale)}${d}${localDecimal(percent(p.deltaShare) ?? '', locale)}`;
    // The cells were joined by the delimiter: one more of it than those four means a cell holds one.
    if (NEEDS_QUOTES.test(cells) || count(cells, d) !== 4) return slow();
    out += `${lead}${d}${cells}${end}`;
  }
  return out;
}

function count(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/** One row per scenario and party, so a spreadsheet can pivot it; a scenario without figures is one row whose note says why. */
export const scenarioCsv: Streamed<ScenarioHead, ScenarioPoint> = {
  head: (h, _version, locale) => toCsv(scenarioCsvHeader(h, locale), [], numeric(h), locale),
  point: (h, p, _n, locale) =>
    isInfeasible(p)
      ? csvRows([[p.name, ...setValues(p.settings, h, locale), '', '', '', '', '', p.reason[locale]]], numeric(h), locale)
      : scenarioCsvText(h, p, locale),
  tail: () => '',
};
