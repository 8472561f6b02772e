import type { CheckReport, CheckSummary } from '../reports/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson, HINT, renderDiagnostics, type Style } from '../diagnostics/render.js';
import type { WithDiagnostics } from './output.js';
import { formatMoney, type Locale } from './locale.js';
import { json, type RenderOptions } from './renderer.js';

/**
 * The terminal table: every diagnostic compiler-style with its excerpt (for
 * standard error, in the diagnostics' colours), then a line per agreement
 * without errors.
 */
export function checkTable(r: CheckReport, locale: Locale, style: Style): WithDiagnostics {
  const list = r.agreements.flatMap((a) => a.diagnostics);
  return {
    diagnostics: list.length ? renderDiagnostics(list, r.excerpts ?? (() => undefined), locale, style) : '',
    text: checkText(r, locale),
  };
}

/** `file: ok — …`, one line per agreement without errors: what it adds up to, and how the ledger was used. */
export function checkText(r: CheckReport, locale: Locale): string {
  const lines = r.agreements.flatMap((a) => (a.summary ? [`${a.file}: ok — ${summaryText(a.summary, locale)}`] : []));
  return lines.length ? lines.join('\n') + '\n' : '';
}

function summaryText(s: CheckSummary, locale: Locale): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const money = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, locale);
  const l = s.ledger;
  // A term is added or taken away by its sign: `− 210 000,00 holdt utenfor`, never `+ -210 000,00`.
  const term = (m: Parameters<typeof formatMoney>[0], what: string) => `${m.sign() < 0 ? '−' : '+'} ${money(m.abs())} ${what}`;
  // Rounding that gives out more than the total is over-allocated, as the tables say: a positive amount.
  const rest = (under: string, over: string) => (s.unallocated.sign() < 0 ? `${over} ${money(s.unallocated.abs())}` : `${under} ${money(s.unallocated)}`);
  if (locale === 'nb') {
    const bases = l.bases.isZero() ? '' : ` ${term(l.bases, 'prosentgrunnlag')}`;
    const ledger = l.rows === 0 ? '' : `; regnskap ${money(l.total)} = ${money(l.items)} ført på poster ${term(l.ignored, 'holdt utenfor')}${bases}`;
    const counts = `${n(s.parties, 'kommune', 'kommuner')}, ${n(s.items, 'post', 'poster')}, ${n(s.actualsRows, 'regnskapsrad', 'regnskapsrader')}`;
    return `${counts}; totalt ${money(s.total)}, fordelt ${money(s.allocated)}, ${rest('ufordelt', 'overfordelt')}${ledger}`;
  }
  const bases = l.bases.isZero() ? '' : ` ${term(l.bases, 'percentage bases')}`;
  const ledger = l.rows === 0 ? '' : `; ledger ${money(l.total)} = ${money(l.items)} charged by items ${term(l.ignored, 'ignored')}${bases}`;
  const counts = `${n(s.parties, 'party', 'parties')}, ${n(s.items, 'item', 'items')}, ${n(s.actualsRows, 'actuals row', 'actuals rows')}`;
  return `${counts}; total ${money(s.total)}, allocated ${money(s.allocated)}, ${rest('unallocated', 'over-allocated')}${ledger}`;
}

/** Machine-readable: whether each agreement passed, and every diagnostic. */
export function checkJson(r: CheckReport, locale: Locale): object {
  return {
    ok: r.ok,
    agreements: r.agreements.map((a) => ({
      file: a.file,
      ok: !a.diagnostics.some((d) => d.severity === 'error'),
      ...(a.summary
        ? {
            summary: {
              parties: a.summary.parties,
              items: a.summary.items,
              actuals_rows: a.summary.actualsRows,
              total: a.summary.total.toFixed2(),
              allocated: a.summary.allocated.toFixed2(),
              unallocated: a.summary.unallocated.toFixed2(),
              ledger: {
                rows: a.summary.ledger.rows,
                total: a.summary.ledger.total.toFixed2(),
                items: a.summary.ledger.items.toFixed2(),
                ignored: a.summary.ledger.ignored.toFixed2(),
                percentage_bases: a.summary.ledger.bases.toFixed2(),
              },
            },
          }
        : {}),
    })),
    diagnostics: diagnosticsToJson(
      r.agreements.flatMap((a) => a.diagnostics),
      locale,
    ),
  };
}

/** A diagnostic's message with its hint on the next line, for the formats that show one text per problem. */
function withHint(d: Diagnostic, locale: Locale): string {
  return d.hint ? `${d.message[locale]}\n= ${HINT[locale]}: ${d.hint[locale]}` : d.message[locale];
}

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation
 * per diagnostic, shown on the line of the pull request it points at; the
 * hint follows the message on its own line. Agreements without errors get a
 * plain `file: ok` line, which the runner just prints.
 */
export function checkGithub(r: CheckReport, locale: Locale): string {
  // The workflow-command escapes: '%', CR and LF everywhere; ':' and ',' too inside a property.
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines = r.agreements.flatMap((a) =>
    a.diagnostics.map((d) => `::${d.severity} file=${property(d.file)},line=${d.line},col=${d.col},title=${property(d.code)}::${data(withHint(d, locale))}`),
  );
  return [...lines, ...checkText(r, locale).split('\n').filter(Boolean)].map((l) => `${l}\n`).join('');
}

/**
 * A file as a SARIF `uri` (a URI reference): each path segment
 * percent-encoded, so a space, `#`, `%`, a backslash, `<stdin>` or a
 * non-ASCII letter is still a valid URI naming that file.
 */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * SARIF 2.1.0, the format code-scanning tools read (GitHub code scanning
 * among them): one run of samkost, a rule per diagnostic code met, a result
 * per diagnostic at its file, line and column.
 */
export function checkSarif(r: CheckReport, version: string, locale: Locale): string {
  const all = r.agreements.flatMap((a) => a.diagnostics);
  const codes = [...new Set(all.map((d) => d.code))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'samkost', version, rules: codes.map((id) => ({ id })) } },
        results: all.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: d.severity,
          message: { text: withHint(d, locale) },
          locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(d.file) }, region: { startLine: d.line, startColumn: d.col } } }],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** `check`'s renderer for each of its formats (render/formats.ts), apart from the other reports': `check` loads only these. */
export const CHECK_RENDERERS = {
  table: (r: CheckReport, o: RenderOptions) => checkTable(r, o.locale, o.diagnosticStyle),
  json: json('check', checkJson),
  github: (r: CheckReport, o: RenderOptions) => checkGithub(r, o.locale),
  sarif: (r: CheckReport, o: RenderOptions) => checkSarif(r, o.version, o.locale),
};
