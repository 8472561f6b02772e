import { isOneOf } from '../agreement/one-of.js';
import { Help } from 'commander';
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

/** What `samkost --help` adds after the commands: examples, exit codes, the environment it reads. */
export const HELP_AFTER: Readonly<Record<Locale, string>> = {
  nb: `
Eksempler:
  samkost check fixtures/*                         kontroller hver avtale; avslutt med 1 ved feil
  samkost allocate fixtures/ror-ikt-2023-overrun   fordelingen som tabell
  samkost settle agreement.yaml --format csv --out oppgjor.csv
  samkost invoices agreement.yaml --format ehf --out ehf/
  samkost scenario agreement.yaml --set parties.molde.population=32000
  samkost check - < agreement.yaml                 avtalen fra standard inn

Avslutningskoder:
  0  ferdig (eventuelle advarsler er skrevet ut)
  1  inndataene er feil: hvert problem skrives som fil:linje:kolonne (check --strict: advarsler også)
  2  kommandolinjen er feil
  70 intern feil i samkost: én linje på standard feil; meld fra med kommandoen og filene

Miljø:
  NO_COLOR      satt til hva som helst: ingen farger (som --no-color)
`,
  en: `
Examples:
  samkost check fixtures/*                         validate every agreement; exit 1 on any error
  samkost allocate fixtures/ror-ikt-2023-overrun   the allocation as a table (nb)
  samkost settle agreement.yaml --format csv --out oppgjor.csv
  samkost invoices agreement.yaml --format ehf --out ehf/
  samkost scenario agreement.yaml --set parties.molde.population=32000
  samkost check - < agreement.yaml                 the agreement from standard input

Exit codes:
  0  done (warnings, if any, are printed)
  1  the input is wrong: every problem is printed as file:line:col (check --strict: warnings too)
  2  the command line is wrong
  70 an internal error in samkost: one line on standard error; please report it with the command and files

Environment:
  NO_COLOR      set to anything: no colours (as --no-color)
`,
};

/** Commander's own words in the help (headings, choices, defaults), in the help's language. */
export function helpIn(locale: Locale): Partial<Help> {
  if (locale !== 'nb') return {};
  const titles: Record<string, string> = { 'Usage:': 'Bruk:', 'Options:': 'Valg:', 'Commands:': 'Kommandoer:', 'Arguments:': 'Argumenter:' };
  const base = new Help();
  const extras = (s: string) => s.replace('(choices: ', '(valg: ').replace(/\bdefault: /, 'standard: ');
  return {
    styleTitle: (s) => titles[s] ?? s,
    commandUsage: (cmd) => placeholders(base.commandUsage(cmd)),
    subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd)),
    optionTerm: (o) => placeholders(base.optionTerm(o)),
    argumentTerm: (a) => PLACEHOLDERS[a.name()] ?? a.name(),
    optionDescription: (o) => extras(base.optionDescription(o)),
    argumentDescription: (a) => extras(base.argumentDescription(a)),
  };
}

/** The names of the values options and arguments take, as the help shows them in bokmål; the flags stay as they are. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  options: 'valg',
  command: 'kommando',
  agreement: 'avtale',
  'agreement...': 'avtale...',
  file: 'fil',
  locale: 'språk',
  'path=value': 'sti=verdi',
  'path=from..to[:step]': 'sti=fra..til[:steg]',
  'series=change': 'serie=endring',
  'from..to': 'fra..til',
  'party=ref': 'kommune=ref',
  date: 'dato',
  name: 'navn',
  shell: 'skall',
  dir: 'mappe',
  convention: 'fortegn',
};

function placeholders(s: string): string {
  return s.replace(/([<[])([^>\]\s]+?)([>\]])/g, (all, open: string, name: string, close: string) =>
    PLACEHOLDERS[name] === undefined ? all : `${open}${PLACEHOLDERS[name]}${close}`,
  );
}
