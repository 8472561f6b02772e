import { Command, CommanderError, Option } from 'commander';
import { AGREEMENT_SCHEMA } from '../agreement/schema.js';
import { allocate } from '../commands/allocate.js';
import { deviation } from '../commands/deviation.js';
import { explain } from '../commands/explain.js';
import type { Inputs, Outcome } from '../commands/inputs.js';
import { settle } from '../commands/settle.js';
import { DEVIATION_SIGNS, type DeviationSign } from '../reports/deviation.js';
import { LOCALES } from '../render/locale.js';
import { formatsOf, render, type FormatOf, type ReportKind, type Reports } from '../render/registry.js';
import type { CommonOptions, Context } from './context.js';
import { completionScript, SHELLS, type Shell } from './completion.js';
import { init, TEMPLATES } from './init.js';
import { Speaker } from './speaker.js';
import { VERSION } from './version.js';
import { ExitError } from './exit.js';
import type { Io } from './io.js';
import { type LedgerDetail, load, type Loaded, loadOrUnreadable } from './load.js';
import { Progress } from './progress.js';
import { scenarioCommand, type ScenarioOptions } from './scenario.js';
import { checkCommand } from './check.js';
import { type InvoiceOptions, invoicesCommand } from './invoices.js';
import { type Locale, type Said, said } from '../text/said.js';
import { commanderMessage, HELP_AFTER, helpIn, localeOf } from './command-line-words.js';
import { localDay } from '../dates/date.js';

/**
 * Runs the CLI and returns the exit code: 0 success, 1 wrong input, 2 wrong
 * command line, 70 a failure of samkost itself. Everything it reads or writes outside its arguments goes
 * through `io`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const locale = localeOf(argv);
  let current = new Speaker(io, true, locale, jsonAsked(argv));
  const context = (opts: CommonOptions & { thousands?: boolean; format?: string }): Context => {
    const c = new Speaker(io, opts.color, opts.locale, opts.format === 'json');
    current = c;
    const failed = (arg: string) => ({
      message: said('ingenting ble regnet ut: inndataene har feil', 'nothing was computed: the input has errors'),
      hint: said(`kjør samkost check ${arg} for å se alle`, `run samkost check ${arg} to see them all`),
    });
    return {
      speaker: c,
      load: (arg, detail) => load(io.fs, arg, opts, Progress.for(io.stderr, opts.quiet === true, opts.locale), detail, io.stdin),
      loadOrUnreadable: (arg) => loadOrUnreadable(io.fs, arg, opts, Progress.for(io.stderr, opts.quiet === true, opts.locale), 'selected', io.stdin),
      inputs: async (loaded) =>
        c.report<Inputs>(
          loaded.inputs ? { report: loaded.inputs, diagnostics: [] } : { report: null, diagnostics: loaded.diagnostics },
          loaded,
          failed(loaded.file),
        ),
      report: <R>(outcome: Outcome<R>, loaded: Loaded) =>
        c.report<R>({ ...outcome, diagnostics: [...loaded.diagnostics, ...outcome.diagnostics] } as Outcome<R>, loaded, failed(loaded.file)),
      renderOptions: {
        locale: opts.locale,
        bold: c.bold,
        thousands: opts.thousands === true,
        version: VERSION,
        today: localDay(io.now()),
        diagnosticStyle: c.err,
      },
    };
  };
  const program = buildProgram(io, context, locale, jsonAsked(argv));
  const ended = (code: number) => {
    current.end(code !== 0);
    return code;
  };
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ended(0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Under --format json commander said nothing yet (buildProgram): its message goes into the JSON.
      if (e.exitCode !== 0 && jsonAsked(argv)) current.error(commanderSaid(e.message), HELP_AFTER_ERROR);
      return ended(e.exitCode === 0 ? 0 : 2);
    }
    if (e instanceof ExitError) {
      if (e.said) current.error(e.said, e.hint);
      return ended(e.code);
    }
    io.stderr.write(`${internalError(e, argv, current.locale)}\n`);
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

type Action<O> = (arg: string, opts: O, c: Context) => Promise<void>;

function buildProgram(io: Io, context: (opts: CommonOptions & { thousands?: boolean; format?: string }) => Context, locale: Locale, json: boolean): Command {
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
  const command = <O extends CommonOptions>(name: string, description: string, formats: readonly string[], action: Action<O & { format: string }>) =>
    common(program.command(name).argument('<agreement>', t('avtalefil eller mappe', 'agreement file or directory')).description(description), formats).action(
      async (arg: string, opts: O & { format: string }) => action(arg, opts, context(opts)),
    );

  /** A report command: load, compute, render in the chosen format, write. */
  const report =
    <K extends ReportKind, O extends CommonOptions>(
      kind: (opts: O) => K,
      compute: (inputs: Inputs, opts: O) => Outcome<Reports[K]>,
      detail: LedgerDetail = 'selected',
    ): Action<O & { format: string }> =>
    async (arg, opts, c) => {
      const loaded = await c.load(arg, detail);
      const r = await c.report(compute(await c.inputs(loaded), opts), loaded);
      await c.speaker.out(render(kind(opts), opts.format as FormatOf<K>, r, c.renderOptions), opts);
    };

  common(
    program
      .command('check')
      .argument('<agreement...>', t('avtalefiler eller mapper', 'agreement files or directories'))
      .description(
        t(
          'kontroller avtaler og inndataene deres; avslutt med 1 ved feil (også advarsler med --strict)',
          'validate agreements and their inputs; exit 1 on any error (warnings too with --strict)',
        ),
      ),
    formatsOf('check'),
  )
    .option('--strict', t('advarsler teller som feil (avslutt med 1): for CI', 'warnings count as errors (exit 1): for CI'))
    .option(
      '--invoices',
      t(
        'kontroller også at sluttfakturaene kan sendes (organisasjonsnumre, adresser, konto, referanser, nummerserie)',
        'also check that the final invoices can be issued (org numbers, addresses, account, references, number series)',
      ),
    )
    .option(
      '--scenarios <file>',
      t(
        'kjør også scenarioene i denne filen mot hver avtale: hver innstilling må nevne en verdi og la avtalen være gyldig',
        'also run the scenarios of this file against every agreement: each setting must name a value and leave it valid',
      ),
    )
    .action(async (args: string[], opts: CommonOptions & { format: FormatOf<'check'>; strict?: boolean; invoices?: boolean; scenarios?: string }) =>
      checkCommand(args, opts, context(opts)),
    );

  command(
    'allocate',
    t('fordelingen: poster × kommuner', 'the allocation: items × parties'),
    formatsOf('allocation'),
    report(
      () => 'allocation',
      (inputs) => allocate(inputs),
    ),
  );

  command<CommonOptions & { schedule?: boolean }>(
    'settle',
    t('per kommune: belastet, innbetalt a-konto, saldo, forfall', 'per party: charged, a-konto paid, balance, due date'),
    formatsOf('settlement'),
    report(
      (o) => (o.schedule ? 'schedule' : 'settlement'),
      (inputs, o) => settle(inputs, { schedule: o.schedule === true }),
    ),
  ).option(
    '--schedule',
    t(
      'skriv a-kontoplanen (terminer etter budsjettet) i stedet for avregningen',
      'print the a-konto schedule (instalments on the budget) instead of the settlement',
    ),
  );

  command<CommonOptions & { sign: DeviationSign; thousands?: boolean }>(
    'deviation',
    t('budsjett mot regnskap per art og post; merforbruket fordelt per kommune', 'budget vs actuals per category and item; overrun split by party'),
    formatsOf('deviation'),
    report(
      () => 'deviation',
      (inputs, o) => deviation(inputs, { sign: o.sign }),
    ),
  )
    .addOption(new Option('--sign <convention>', t('fortegnet på avviket', 'how deviation is signed')).choices(DEVIATION_SIGNS).default('budget-minus-actual'))
    .option(
      '--thousands',
      t(
        'vis beløp i hele tusen kroner (table og md; csv og json forblir eksakte)',
        'show amounts in whole thousands of kroner (table and md; csv and json stay exact)',
      ),
    );

  command<CommonOptions & { party: string; item?: string }>(
    'explain',
    t('hvordan hvert beløp på en kommunes faktura er regnet ut', "how each amount on a party's invoice was derived"),
    formatsOf('explanation'),
    report(
      () => 'explanation',
      (inputs, o) => explain(inputs, { party: o.party, ...(o.item !== undefined ? { item: o.item } : {}) }),
      'accounts',
    ),
  )
    .requiredOption('--party <id>', t('kommunen som skal forklares', 'the party to explain'))
    .option('--item <id>', t('bare denne posten', 'only this item'));

  const many = (v: string, all: string[]) => [...all, v];
  command<ScenarioOptions>(
    'scenario',
    t(
      'hva om: avtalen med endringer, side om side med avtalen slik den er skrevet',
      'what-if: the agreement with changes, side by side with the agreement as written',
    ),
    formatsOf('projection'),
    scenarioCommand,
  )
    .option(
      '--set <path=value>',
      t(
        'endre én verdi i avtalen, f.eks. parties.hustadvika.population=14000 (kan gjentas)',
        'change one value of the agreement, e.g. parties.hustadvika.population=14000 (repeatable)',
      ),
      many,
      [] as string[],
    )
    .option(
      '--scenarios <file>',
      t(
        'en YAML-fil med navngitte scenarioer: scenarios: [{ name, set: { STI: VERDI } }]',
        'a YAML file of named scenarios: scenarios: [{ name, set: { PATH: VALUE } }]',
      ),
    )
    .option(
      '--sweep <path=from..to[:step]>',
      t(
        'ett scenario per verdi i et intervall, f.eks. items.soc.price.quantity=350..500:5 (kan gjentas: alle kombinasjoner)',
        'one scenario per value in a range, e.g. items.soc.price.quantity=350..500:5 (repeatable: every combination)',
      ),
      many,
      [] as string[],
    )
    .option(
      '--name <name>',
      t('navnet på --set-scenarioet i utdataene (standard: innstillingene)', "the --set scenario's name in the output (default: its settings)"),
    )
    .option(
      '--threads <n>',
      t(
        'tråder for et langt sveip skrevet som csv eller json (standard: én per kjerne; 1: ingen)',
        'threads for a long sweep written as csv or json (default: one per core; 1: none)',
      ),
    )
    .option(
      '--keep-going',
      t(
        'noter et scenario avtalen ikke tåler (csv, json) og fortsett, i stedet for å stoppe sveipet',
        'note a scenario the agreement cannot take (csv, json) and go on, instead of stopping the sweep',
      ),
    )
    .option(
      '--years <from..to>',
      t(
        'framskriv avtalen over disse årene (indeksendringer fra avtalen eller --assume), med kostnader alene om avtalen har dem',
        'project the agreement over these years (index changes from the agreement or --assume), with standalone costs if it declares them',
      ),
    )
    .option(
      '--assume <series=change>',
      t(
        'en indeksendring for år serien mangler: deflator=3% (hvert slikt år) eller deflator.2027=2.5% (kan gjentas)',
        'an index change for years the series lacks: deflator=3% (every such year) or deflator.2027=2.5% (repeatable)',
      ),
      many,
      [] as string[],
    );

  const invoicesCli = command<InvoiceOptions>(
    'invoices',
    t('én faktura per kommune, skrevet til --out MAPPE', 'one invoice per party, written to --out DIR'),
    formatsOf('invoice'),
    invoicesCommand(io),
  )
    .option('--date <date>', t('fakturadato, DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (standard: i dag)', 'invoice date, DD.MM.YYYY or YYYY-MM-DD (default: today)'))
    .option(
      '--akonto <n>',
      t(
        'fakturaene for a-kontotermin n i planen i stedet for sluttoppgjøret',
        'the invoices for a-konto instalment n of the schedule instead of the final settlement',
      ),
    )
    .option(
      '--reference <party=ref>',
      t(
        'en kommunes referanse for fakturaene (Deres ref.), foran avtalens (kan gjentas)',
        "a party's reference for its invoices (Deres ref.), over the agreement's (repeatable)",
      ),
      many,
      [] as string[],
    );
  // invoices writes a folder of files, not one file: its --out and --force say so.
  for (const o of invoicesCli.options) {
    if (o.long === '--out') {
      o.flags = '-o, --out <dir>';
      o.description = t('mappen fakturaene skrives til, én fil per kommune', 'the folder the invoices are written into, one file per party');
    }
    if (o.long === '--force') o.description = t('skriv over fakturaer som finnes i mappen', 'overwrite invoices already in the folder');
  }

  program
    .command('schema')
    .description(t('skriv avtaleformatet som JSON Schema, for editorer', 'print the agreement format as JSON Schema, for editors'))
    .option('-o, --out <file>', t('skriv til en fil i stedet for standard ut', 'write to a file instead of standard output'))
    .option('--force', t('skriv over en fil som finnes', 'overwrite an existing output file'))
    .exitOverride()
    .action(async (opts: { out?: string; force?: boolean }) => new Speaker(io, false, locale).out(JSON.stringify(AGREEMENT_SCHEMA, null, 2) + '\n', opts));

  program
    .command('completion')
    .argument('<shell>', t(`skallet: ${SHELLS.join(', ')}`, `the shell: ${SHELLS.join(', ')}`))
    .description(t('skriv et fullføringsskript: eval "$(samkost completion bash)"', 'print a completion script: eval "$(samkost completion bash)"'))
    .exitOverride()
    .action(async (shell: string) => {
      if (!isShell(shell))
        throw new ExitError(
          2,
          said(`ingen fullføring for skallet '${shell}'`, `no completion for shell '${shell}'`),
          said(`gi en av ${SHELLS.join(', ')}`, `give one of ${SHELLS.join(', ')}`),
        );
      io.stdout.write(completionScript(program, shell));
    });

  program
    .command('init')
    .argument('<type>', t(`slags samarbeid: ${TEMPLATES.join(', ')}`, `the kind of cooperation: ${TEMPLATES.join(', ')}`))
    .argument('<dir>', t('mappen avtalen og eksempel-CSV-filene skrives til', 'the folder to write the agreement and its example CSV files into'))
    .description(
      t(
        'skriv en startavtale med norske kommentarer og eksempel-CSV-er; skriver aldri over',
        'write a starting agreement with Norwegian comments and example CSVs; never overwrites',
      ),
    )
    .addOption(localeOption())
    .exitOverride()
    .action(async (type: string, dir: string, opts: { locale: Locale }) => {
      const written = await init(io, type, dir);
      const speaker = new Speaker(io, true, opts.locale);
      for (const f of written) speaker.status(said(`skrev ${f}`, `wrote ${f}`));
      speaker.status(said(`neste steg: samkost check ${dir}`, `next: samkost check ${dir}`));
    });

  program.addHelpText('after', HELP_AFTER[locale]);
  return program;
}

const isShell = (s: string): s is Shell => (SHELLS as readonly string[]).includes(s);
