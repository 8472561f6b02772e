import type { ScenarioColumn } from '../scenario/compare.js';
import type { AllocationReport } from '../compute/report.js';
import { Ratio } from '../money/ratio.js';
import { csvRows, toCsv } from './csv.js';
import { label } from './labels.js';
import { formatMoneyPlain, localDecimal, type Locale } from './locale.js';

const percent = (r: Ratio | null) => (r ? r.times(Ratio.of(100n)).toDecimalString(2) : null);

// JSON and CSV are written one scenario at a time: a sweep of 10 000
// scenarios keeps text, not objects.

function scenarioJsonHead(baseline: AllocationReport): { agreement: string; year: number; currency: string } {
  const a = baseline.agreement;
  return { agreement: a.title, year: a.year, currency: a.currency };
}

/** `{ name, baseline?: true, settings, parties: [{ id, name, charged, delta, delta_percent }], total, total_delta }`. */
function scenarioJsonColumn(s: ScenarioColumn): object {
  return {
    name: s.name,
    ...(s.isBaseline ? { baseline: true } : {}),
    settings: s.settings,
    parties: s.parties.map((p) => ({ id: p.id, name: p.name, charged: p.charged.toFixed2(), delta: p.delta.toFixed2(), delta_percent: percent(p.deltaShare) })),
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

/** Which columns are numbers (not neutralised against formulas): the swept values, then charged, change and change %. */
const numeric = (swept: readonly string[]) => [false, ...swept.map(() => true), false, true, true, true];

/** A column per swept value, named by its path, so a spreadsheet can chart the charge against it. */
function scenarioCsvHeader(locale: Locale, swept: readonly string[]): string[] {
  return [label('scenario', locale), ...swept, label('party', locale), label('charged', locale), label('change', locale), label('changePct', locale)];
}

function scenarioCsvRows(s: ScenarioColumn, locale: Locale, swept: readonly string[]): string[][] {
  // The value a scenario gave each swept path (as written, with the locale's decimal mark); none for the baseline.
  const values = swept.map((path) => {
    const setting = s.settings.find((t) => t.startsWith(`${path}=`));
    return setting === undefined ? '' : localDecimal(setting.slice(path.length + 1).replace(/%$/, ''), locale);
  });
  return s.parties.map((p) => {
    const pct = percent(p.deltaShare) ?? '';
    return [s.name, ...values, p.id, formatMoneyPlain(p.charged, locale), formatMoneyPlain(p.delta, locale), localDecimal(pct, locale)];
  });
}

/** One row per scenario and party, so a spreadsheet can pivot it; with a sweep, a column per swept path. Written a scenario at a time. */
export class ScenarioCsvWriter {
  private readonly parts: string[];

  constructor(
    private readonly locale: Locale,
    private readonly swept: readonly string[] = [],
  ) {
    this.parts = [toCsv(scenarioCsvHeader(locale, swept), [], numeric(swept), locale)];
  }

  static part(column: ScenarioColumn, locale: Locale, swept: readonly string[] = []): string {
    return csvRows(scenarioCsvRows(column, locale, swept), numeric(swept), locale);
  }

  add(column: ScenarioColumn): void {
    this.parts.push(ScenarioCsvWriter.part(column, this.locale, this.swept));
  }

  addPart(part: string): void {
    this.parts.push(part);
  }

  text(): string {
    return this.parts.join('');
  }
}
