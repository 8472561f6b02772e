import { isOneOf } from '../agreement/one-of.js';
import { LOCALES, type Locale } from '../text/said.js';

/**
 * The language of what is said before the options are parsed (errors in the
 * command line itself, `--help`): `--locale`/`-l` as written, else bokmål.
 */
export function localeOf(argv: readonly string[]): Locale {
  for (const [i, a] of argv.entries()) {
    const value = a === '--locale' || a === '-l' ? argv[i + 1] : /^(?:--locale=|-l)(.+)$/.exec(a)?.[1];
    if (value !== undefined && isOneOf(LOCALES, value)) return value;
  }
  return 'nb';
}

/**
 * Commander's own errors in bokmål. Commander writes them in English only;
 * each shape it writes is listed here, and one it gains in a later version
 * is passed on as it is rather than lost.
 */
const NB: readonly [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s, (o, g) => `feil: ukjent valg '${o}'${guess(g)}`],
  [/^error: unknown command '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s, (c, g) => `feil: ukjent kommando '${c}'${guess(g)}`],
  [/^error: missing required argument '(.*)'$/, (a) => `feil: argumentet '${a}' mangler`],
  [/^error: option '(.*)' argument missing$/, (o) => `feil: valget '${o}' mangler verdi`],
  [/^error: required option '(.*)' not specified$/, (o) => `feil: valget '${o}' må gis`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, want, got) => `feil: for mange argumenter${c ? ` til '${c}'` : ''}: ventet ${want}, fikk ${got}`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (o, v, choices) => `feil: valget '${o}' kan ikke være '${v}'; tillatt er ${choices}`,
  ],
];

function guess(g: string | undefined): string {
  return g ? `\n(mente du ${g.replace(/^one of /, 'en av ')}?)` : '';
}

export function commanderMessage(text: string, locale: Locale): string {
  if (locale !== 'nb') return text;
  const line = text.replace(/\n$/, '');
  for (const [pattern, say] of NB) {
    const m = pattern.exec(line);
    if (m) return `${say(...m.slice(1).map((s) => s ?? ''))}\n`;
  }
  return text;
}
