import type { CheckReport, CheckSummary } from '../reports/check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson, HINT } from '../diagnostics/render.js';
import { formatMoney, type Locale } from './locale.js';

/** `file: ok — …`, one line per agreement without errors: what it adds up to, and how the ledger was used. */
export function checkText(r: CheckReport, locale: Locale): string {
  const lines = r.agreements.flatMap((a) => (a.summary ? [`${a.file}: ok — ${summaryText(a.summary, locale)}`] : []));
  return lines.length ? lines.join('\n') + '\n' : '';
}

function summaryText(s: CheckSummary, locale: Locale): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const money = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, locale);
  const l = s.ledger;
  if (locale === 'nb') {
    const bases = l.bases.isZero() ? '' : ` + ${money(l.bases)} prosentgrunnlag`;
    const ledger = l.rows === 0 ? '' : `; regnskap ${money(l.total)} = ${money(l.items)} ført på poster + ${money(l.ignored)} holdt utenfor${bases}`;
    const counts = `${n(s.parties, 'kommune', 'kommuner')}, ${n(s.items, 'post', 'poster')}, ${n(s.actualsRows, 'regnskapsrad', 'regnskapsrader')}`;
    return `${counts}; totalt ${money(s.total)}, fordelt ${money(s.allocated)}, ufordelt ${money(s.unallocated)}${ledger}`;
  }
  const bases = l.bases.isZero() ? '' : ` + ${money(l.bases)} percentage bases`;
  const ledger = l.rows === 0 ? '' : `; ledger ${money(l.total)} = ${money(l.items)} charged by items + ${money(l.ignored)} ignored${bases}`;
  const counts = `${n(s.parties, 'party', 'parties')}, ${n(s.items, 'item', 'items')}, ${n(s.actualsRows, 'actuals row', 'actuals rows')}`;
  return `${counts}; total ${money(s.total)}, allocated ${money(s.allocated)}, unallocated ${money(s.unallocated)}${ledger}`;
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
          locations: [{ physicalLocation: { artifactLocation: { uri: d.file }, region: { startLine: d.line, startColumn: d.col } } }],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
