import type { ScenarioColumn, ScenarioComparison } from '../scenario/compare.js';
import type { AllocationReport } from '../compute/report.js';
import { Ratio } from '../money/ratio.js';
import { csvRows, toCsv } from './csv.js';
import { label } from './labels.js';
import { formatMoneyPlain, localDecimal, type Locale } from './locale.js';

const percent = (r: Ratio | null) => (r ? r.times(Ratio.of(100n)).toDecimalString(2) : null);

/**
 * JSON and CSV are written one scenario at a time (a sweep of 10 000
 * scenarios keeps text, not objects); the whole-comparison functions are the
 * same pieces joined.
 */
export function scenarioJson(c: ScenarioComparison): object {
  return { ...scenarioJsonHead(c.baseline), scenarios: c.columns.map(scenarioJsonColumn) };
}

function scenarioJsonHead(baseline: AllocationReport): { agreement: string; year: number; currency: string } {
  const a = baseline.agreement;
  return { agreement: a.title, year: a.year, currency: a.currency };
}

/** `{ name, settings, parties: [{ id, charged, delta, delta_percent }], total, total_delta }`. */
function scenarioJsonColumn(s: ScenarioColumn): object {
  return {
    name: s.name,
    settings: s.settings,
    parties: s.parties.map((p) => ({ id: p.id, charged: p.charged.toFixed2(), delta: p.delta.toFixed2(), delta_percent: percent(p.deltaShare) })),
    total: s.total.toFixed2(),
    total_delta: s.totalDelta.toFixed2(),
  };
}

/** `{ agreement, year, currency, scenarios: [...] }` — the baseline first — exactly as `JSON.stringify(scenarioJson(c), null, 2)` writes it. */
export class ScenarioJsonWriter {
  private readonly parts: string[] = [];

  constructor(private readonly baseline: AllocationReport) {}

  /** A scenario's text on its own, so it can be rendered elsewhere (a worker thread) and added with {@link addPart}. */
  static part(column: ScenarioColumn): string {
    return JSON.stringify(scenarioJsonColumn(column), null, 2).replace(/\n/g, '\n    ');
  }

  add(column: ScenarioColumn): void {
    this.parts.push(ScenarioJsonWriter.part(column));
  }

  addPart(part: string): void {
    this.parts.push(part);
  }

  text(): string {
    const head = JSON.stringify({ ...scenarioJsonHead(this.baseline), scenarios: [] }, null, 2);
    return `${head.slice(0, head.lastIndexOf('[]'))}[\n    ${this.parts.join(',\n    ')}\n  ]\n}\n`;
  }
}

const CSV_NUMERIC = [false, false, true, true, true];

/** One row per scenario and party, so a spreadsheet can pivot it. */
export function scenarioCsv(c: ScenarioComparison, locale: Locale): string {
  return toCsv(
    scenarioCsvHeader(locale),
    c.columns.flatMap((s) => scenarioCsvRows(s, locale)),
    CSV_NUMERIC,
    locale,
  );
}

function scenarioCsvHeader(locale: Locale): string[] {
  return [label('scenario', locale), label('party', locale), label('charged', locale), label('change', locale), label('changePct', locale)];
}

function scenarioCsvRows(s: ScenarioColumn, locale: Locale): string[][] {
  return s.parties.map((p) => {
    const pct = percent(p.deltaShare) ?? '';
    return [s.name, p.id, formatMoneyPlain(p.charged, locale), formatMoneyPlain(p.delta, locale), localDecimal(pct, locale)];
  });
}

/** The same CSV as {@link scenarioCsv}, a scenario at a time. */
export class ScenarioCsvWriter {
  private readonly parts: string[];

  constructor(private readonly locale: Locale) {
    this.parts = [toCsv(scenarioCsvHeader(locale), [], CSV_NUMERIC, locale)];
  }

  static part(column: ScenarioColumn, locale: Locale): string {
    return csvRows(scenarioCsvRows(column, locale), CSV_NUMERIC, locale);
  }

  add(column: ScenarioColumn): void {
    this.parts.push(ScenarioCsvWriter.part(column, this.locale));
  }

  addPart(part: string): void {
    this.parts.push(part);
  }

  text(): string {
    return this.parts.join('');
  }
}
