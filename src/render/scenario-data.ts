import type { Infeasible, ScenarioColumn, ScenarioSetting } from '../reports/scenario.js';
import type { AllocationReport } from '../reports/allocation.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Ratio } from '../money/ratio.js';
import { csvRows, toCsv } from './csv.js';
import { label, marker } from './labels.js';
import { jsonHead } from './json-head.js';
import { formatMoneyPlain, localDecimal, type Locale } from './locale.js';
import { money, ratio } from './allocation-json.js';

const percent = (r: Ratio | null) => (r ? r.times(Ratio.of(100n)).toDecimalString(2) : null);

// JSON and CSV are written one scenario at a time: a sweep of 10 000
// scenarios keeps text, not objects.

function scenarioJsonHead(baseline: AllocationReport, version: string): object {
  const a = baseline.agreement;
  return { ...jsonHead('scenarios', version), agreement: a.title, year: a.year, currency: a.currency };
}

/** `{ path, value }`, the value as written. */
function settingsJson(settings: readonly ScenarioSetting[]): object[] {
  return settings.map(({ path, value }) => ({ path, value }));
}

/** `{ name, baseline?: true, settings: [{ path, value }], parties: [{ id, name, charged, delta, delta_ratio }], parties_total }`. */
function scenarioJsonColumn(s: ScenarioColumn): object {
  const baseline = s.total.minus(s.totalDelta);
  return {
    name: s.name,
    ...(s.isBaseline ? { baseline: true } : {}),
    settings: settingsJson(s.settings),
    parties: s.parties.map((p) => ({
      id: p.id,
      name: p.name,
      charged: money(p.charged),
      delta: money(p.delta),
      delta_ratio: p.deltaShare ? ratio(p.deltaShare) : null,
    })),
    parties_total: {
      charged: money(s.total),
      delta: money(s.totalDelta),
      delta_ratio: baseline.isZero() ? null : ratio(s.totalDelta.toRatio().div(baseline.abs().toRatio())),
    },
  };
}

/** A scenario the agreement cannot take, for --keep-going: named by the first error it makes. */
export function infeasible(
  s: { readonly name: string; readonly settings: readonly ScenarioSetting[] },
  diagnostics: readonly Diagnostic[],
  locale: Locale,
): Infeasible {
  const first = diagnostics.find((d) => d.severity === 'error');
  return {
    name: s.name,
    settings: s.settings.map(({ path, value }) => ({ path, value })),
    reason: first
      ? `${first.message[locale]} [${first.code}]`
      : locale === 'nb'
        ? 'avtalen tåler ikke dette scenarioet'
        : 'the agreement cannot take this scenario',
  };
}

/** `{ agreement, year, currency, scenarios: [...] }` — the baseline first. */
export class ScenarioJsonWriter {
  private readonly parts: string[] = [];

  constructor(
    private readonly baseline: AllocationReport,
    private readonly version: string,
  ) {}

  /** A scenario's text on its own, so it can be rendered elsewhere (a worker thread) and added with {@link addPart}. */
  static part(column: ScenarioColumn): string {
    return JSON.stringify(scenarioJsonColumn(column), null, 2).replace(/\n/g, '\n    ');
  }

  /** A scenario that makes the agreement invalid: `{ name, settings, infeasible: reason }`, no figures. */
  static infeasible(s: Infeasible): string {
    return JSON.stringify({ name: s.name, settings: settingsJson(s.settings), infeasible: s.reason }, null, 2).replace(/\n/g, '\n    ');
  }

  add(column: ScenarioColumn): void {
    this.parts.push(ScenarioJsonWriter.part(column));
  }

  addPart(part: string): void {
    this.parts.push(part);
  }

  text(): string {
    const head = JSON.stringify({ ...scenarioJsonHead(this.baseline, this.version), scenarios: [] }, null, 2);
    return `${head.slice(0, head.lastIndexOf('[]'))}[\n    ${this.parts.join(',\n    ')}\n  ]\n}\n`;
  }
}

/** Which columns are numbers (not neutralised against formulas): the swept values, then charged, change and change % (and a note). */
const numeric = (swept: readonly string[], noted: boolean) => [false, ...swept.map(() => true), false, true, true, true, ...(noted ? [false] : [])];

/** A column per swept value, named by its path, so a spreadsheet can chart the charge against it. */
function scenarioCsvHeader(locale: Locale, swept: readonly string[], noted: boolean): string[] {
  return [
    label('scenario', locale),
    ...swept,
    label('party', locale),
    label('charged', locale),
    label('change', locale),
    label('changePct', locale),
    ...(noted ? [label('note', locale)] : []),
  ];
}

/** The value a scenario gave each swept path (as written, with the locale's decimal mark); none for the baseline. */
function sweptValues(settings: readonly ScenarioSetting[], locale: Locale, swept: readonly string[]): string[] {
  return swept.map((path) => {
    const setting = settings.find((t) => t.path === path);
    return setting === undefined ? '' : localDecimal(setting.value.replace(/%$/, ''), locale);
  });
}

function scenarioCsvRows(s: ScenarioColumn, locale: Locale, swept: readonly string[], noted: boolean): string[][] {
  const values = sweptValues(s.settings, locale, swept);
  return s.parties.map((p) => {
    const pct = percent(p.deltaShare) ?? '';
    return [
      s.isBaseline ? marker('baseline', locale) : s.name,
      ...values,
      p.id,
      formatMoneyPlain(p.charged, locale),
      formatMoneyPlain(p.delta, locale),
      localDecimal(pct, locale),
      ...(noted ? [''] : []),
    ];
  });
}

/** One row per scenario and party, so a spreadsheet can pivot it; with a sweep, a column per swept path. Written a scenario at a time. */
export class ScenarioCsvWriter {
  private readonly parts: string[];

  /** `noted`: a last column says why a scenario has no figures (`--keep-going`). */
  constructor(
    private readonly locale: Locale,
    private readonly swept: readonly string[] = [],
    private readonly noted = false,
  ) {
    this.parts = [toCsv(scenarioCsvHeader(locale, swept, noted), [], numeric(swept, noted), locale)];
  }

  static part(column: ScenarioColumn, locale: Locale, swept: readonly string[] = [], noted = false): string {
    return csvRows(scenarioCsvRows(column, locale, swept, noted), numeric(swept, noted), locale);
  }

  /** One row for a scenario without figures: its name, its swept values and, in the note, why. */
  static infeasible(s: Infeasible, locale: Locale, swept: readonly string[]): string {
    return csvRows([[s.name, ...sweptValues(s.settings, locale, swept), '', '', '', '', s.reason]], numeric(swept, true), locale);
  }

  add(column: ScenarioColumn): void {
    this.parts.push(ScenarioCsvWriter.part(column, this.locale, this.swept, this.noted));
  }

  addPart(part: string): void {
    this.parts.push(part);
  }

  text(): string {
    return this.parts.join('');
  }
}
