import { Command, CommanderError, Option, type OutputConfiguration } from 'commander';
import type { CommonOptions, Context } from './context.js';
import type { Speaker } from './speaker.js';
import { VERSION } from './version.js';
import { ExitError } from './exit.js';
import type { Io } from './io.js';
import { scenarioSpec } from './scenario.js';
import { checkSpec } from './check.js';
import { allocateSpec } from './allocate.js';
import type { CommandSpec, Kit } from './command-spec.js';
import { completionSpec } from './completion-command.js';
import { deviationSpec } from './deviation.js';
import { explainSpec } from './explain.js';
import { initSpec } from './init-command.js';
import { schemaSpec } from './schema.js';
import { settleSpec } from './settle.js';
import { invoicesSpec } from './invoices.js';
import { LOCALES, type Locale, type Said, said } from '../text/said.js';
import { commanderMessage, HELP_AFTER, helpIn, localeOf } from './command-line-words.js';

/**
 * Runs the CLI and returns the exit code: 0 success, 1 wrong input, 2 wrong
 * command line, 70 a failure of samkost itself. Everything it reads or writes outside its arguments goes
 * through `io`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const locale = localeOf(argv);
  const json = jsonAsked(argv);
  // Who speaks: the command's own speaker once its options are parsed, and until then one made only when there is something to say.
  let current: Speaker | null = null;
  const speaker = async () => {
    if (current) return current;
    const [{ Speaker }, { stylesFor }] = await Promise.all([import('./speaker.js'), import('./style.js')]);
    const styles = await stylesFor(true, io);
    current ??= new Speaker(io, styles, locale, json);
    return current;
  };
  const spokenIn = (): Locale => current?.locale ?? locale;
  const context = async (opts: CommonOptions & { thousands?: boolean; format?: string }): Promise<Context> => {
    const c = await (await import('./command-context.js')).commandContext(io, opts);
    current = c.speaker;
    return c;
  };
  const program = buildProgram(io, context, locale, json, definedFor(argv));
  // Without --format json a speaker that never spoke has nothing to end with.
  const ended = async (code: number) => {
    if (current || json) (await speaker()).end(code !== 0);
    return code;
  };
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ended(0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Under --format json commander said nothing yet (buildProgram): its message goes into the JSON.
      if (e.exitCode !== 0 && json) (await speaker()).error(commanderSaid(e.message), HELP_AFTER_ERROR);
      return ended(e.exitCode === 0 ? 0 : 2);
    }
    if (e instanceof ExitError) {
      if (e.said) (await speaker()).error(e.said, e.hint);
      return ended(e.code);
    }
    io.stderr.write(`${internalError(e, argv, spokenIn())}\n`);
    return INTERNAL_ERROR;
  }
}

/** EX_SOFTWARE (sysexits.h): samkost itself failed, not the input or the command line. */
export const INTERNAL_ERROR = 70;

/**
 * A failure samkost did not foresee, in one line: what failed, the version,
 * and where to take it — never a stack trace, whose bundled source would
 * fill the terminal and tell the user nothing.
 */
function internalError(e: unknown, argv: readonly string[], locale: Locale): string {
  const first = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!;
  const what = first.length > 200 ? `${first.slice(0, 199)}…` : first;
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  return said(
    `samkost: intern feil i samkost ${VERSION}${command ? ` (${command})` : ''}: ${what} — dette er en feil i samkost; meld fra med kommandoen og filene`,
    `samkost: internal error in samkost ${VERSION}${command ? ` (${command})` : ''}: ${what} — this is a bug in samkost; please report it with the command and files`,
  )[locale];
}

/** `--format json` (or `-f json`, `--format=json`) anywhere on the command line: then even a command line commander refuses is answered in JSON. */
function jsonAsked(argv: readonly string[]): boolean {
  return argv.some((a, i) => ((a === '--format' || a === '-f') && argv[i + 1] === 'json') || a === '--format=json' || a === '-fjson');
}

/** A commander error in both languages, without its `error: ` (a diagnostic's severity says that). */
function commanderSaid(message: string): Said {
  const bare = (l: Locale) =>
    commanderMessage(`${message}\n`, l)
      .replace(/^(error|feil): /, '')
      .trimEnd();
  return said(bare('nb'), bare('en'));
}

const HELP_AFTER_ERROR = said('kjør samkost --help for bruk', 'run samkost --help for usage');

/** What commander asks of the terminal: the width and the colours of the help. */
interface TerminalQuestions {
  getOutHelpWidth(): number | undefined;
  getErrHelpWidth(): number | undefined;
  getOutHasColors(): boolean | undefined;
  getErrHasColors(): boolean | undefined;
}

/**
 * commander's own answers look at Node's standard output and error,
 * streams Node makes when first asked for, at a cost (io.ts, Descriptor):
 * here they are asked on a terminal only. Elsewhere the width is none
 * (undefined, as commander's own says there, which the help takes as 80;
 * its typings say a number), and so are the colours (FORCE_COLOR would make
 * commander's own keep them: the help has none).
 */
function onlyTerminalsAsked(program: Command, io: Io): void {
  const own = program.configureOutput() as TerminalQuestions;
  const asked: TerminalQuestions = {
    getOutHelpWidth: () => (io.stdout.isTTY ? own.getOutHelpWidth() : undefined),
    getErrHelpWidth: () => (io.stderr.isTTY ? own.getErrHelpWidth() : undefined),
    getOutHasColors: () => io.stdout.isTTY && own.getOutHasColors(),
    getErrHasColors: () => io.stderr.isTTY && own.getErrHasColors(),
  };
  program.configureOutput(asked as OutputConfiguration);
}

/** Every command, in the order the help lists them. */
const COMMANDS: readonly CommandSpec[] = [
  checkSpec,
  allocateSpec,
  settleSpec,
  deviationSpec,
  explainSpec,
  scenarioSpec,
  invoicesSpec,
  schemaSpec,
  completionSpec,
  initSpec,
];

/**
 * The commands a run defines: when the command line starts with a command's
 * name, commander runs that command and asks nothing of the others (not
 * even for its errors, help and suggestions, which look at the command and
 * the program's own options), so only it is defined — each definition costs
 * start-up time (issue 24). Anything else (`--help`, `help check`, an
 * unknown word, an option first) and `completion`, which writes every
 * command, defines them all.
 */
function definedFor(argv: readonly string[]): readonly CommandSpec[] {
  const named = COMMANDS.find((c) => c.name === argv[0]);
  return named && named !== completionSpec ? [named] : COMMANDS;
}

function buildProgram(io: Io, context: Kit['context'], locale: Locale, json: boolean, commands: readonly CommandSpec[]): Command {
  /** The help in the language the command line asks for. */
  const t = (nb: string, en: string) => (locale === 'nb' ? nb : en);
  const program = new Command('samkost')
    .configureHelp(helpIn(locale))
    .helpOption('-h, --help', t('vis hjelp for kommandoen', 'display help for command'))
    .helpCommand('help [command]', t('vis hjelp for en kommando', 'display help for command'))
    .description(
      t('Kostnadsfordeling og årsoppgjør for interkommunale IT-samarbeid', 'Cost allocation and year-end settlement for inter-municipal IT cooperations'),
    )
    .version(VERSION, '-V, --version', t('skriv versjonsnummeret', 'output the version number'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Under --format json the error is written in the JSON instead (run).
      outputError: (s, write) => (json ? undefined : write(commanderMessage(s, locale))),
    })
    .showHelpAfterError(json ? false : `(${HELP_AFTER_ERROR[locale]})`);
  onlyTerminalsAsked(program, io);

  const localeOption = () =>
    new Option('-l, --locale <locale>', t('språk, tallformat og tekster (nb: norsk bokmål, en: engelsk)', 'language, number format and labels'))
      .choices(LOCALES)
      .default('nb');
  const common = (c: Command, formats: readonly string[]) =>
    c
      .addOption(new Option('-f, --format <format>', t('utdataformat', 'output format')).choices(formats).default(formats[0]))
      .addOption(localeOption())
      .option('-o, --out <file>', t('skriv til en fil i stedet for standard ut', 'write to a file instead of standard output'))
      .option('--force', t('skriv over en fil som finnes', 'overwrite an existing output file'))
      .option('--no-color', t('ingen farger i terminalen', 'no colours in terminal output'))
      .option('-q, --quiet', t('ingen fremdriftsmelding mens store filer leses', 'no progress report while reading large inputs'))
      .option('--actuals <file>', t('regnskaps-CSV, i stedet for den avtalen nevner', 'actuals CSV, instead of the one named in the agreement'))
      .option('--drivers <file>', t('driver-CSV, i stedet for den avtalen nevner', 'drivers CSV, instead of the one named in the agreement'))
      .option('--budget <file>', t('budsjett-CSV, i stedet for den avtalen nevner', 'budget CSV, instead of the one named in the agreement'))
      .option('--payments <file>', t('innbetalings-CSV, i stedet for den avtalen nevner', 'payments CSV, instead of the one named in the agreement'))
      .exitOverride();
  const command: Kit['command'] = (name, description, formats, action) =>
    common(program.command(name).argument('<agreement>', t('avtalefil eller mappe', 'agreement file or directory')).description(description), formats).action(
      async (arg: string, opts: Parameters<typeof action>[1]) => action(arg, opts, await context(opts)),
    );
  const kit: Kit = { io, program, locale, t, context, localeOption, common, command };
  for (const spec of commands) spec.define(kit);

  program.addHelpText('after', HELP_AFTER[locale]);
  return program;
}
