import { Command, CommanderError, Option } from 'commander';
import { AGREEMENT_SCHEMA } from '../agreement/schema.js';
import { allocate } from '../commands/allocate.js';
import { deviation } from '../commands/deviation.js';
import { explain } from '../commands/explain.js';
import type { Inputs, Outcome } from '../commands/inputs.js';
import { settle } from '../commands/settle.js';
import { DEVIATION_SIGNS, type DeviationSign } from '../compute/deviation.js';
import { LOCALES } from '../render/locale.js';
import { formatsOf, render, type FormatOf, type ReportKind, type Reports } from '../render/registry.js';
import type { CommonOptions, Context } from './context.js';
import { completionScript, SHELLS, type Shell } from './completion.js';
import { init, TEMPLATES } from './init.js';
import { Speaker } from './speaker.js';
import { VERSION } from './version.js';
import { ExitError } from './exit.js';
import type { Io } from './io.js';
import { type LedgerDetail, load, type Loaded } from './load.js';
import { Progress } from './progress.js';
import { scenarioCommand, type ScenarioOptions } from './scenario.js';
import { checkCommand } from './check.js';
import { type InvoiceOptions, invoicesCommand } from './invoices.js';
import { type Locale, said } from '../text/said.js';
import { commanderMessage, localeOf } from './command-line-words.js';

/**
 * Runs the CLI and returns the exit code: 0 success, 1 wrong input, 2 wrong
 * command line. Everything it reads or writes outside its arguments goes
 * through `io`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const locale = localeOf(argv);
  let current = new Speaker(io, true, locale);
  const context = (opts: CommonOptions & { thousands?: boolean }): Context => {
    const c = new Speaker(io, opts.color, opts.locale);
    current = c;
    const failed = (arg: string) => ({
      message: said('ingenting ble regnet ut: inndataene har feil', 'nothing was computed: the input has errors'),
      hint: said(`kjør samkost check ${arg} for å se alle`, `run samkost check ${arg} to see them all`),
    });
    return {
      speaker: c,
      load: (arg, detail) => load(io.fs, arg, opts, Progress.for(io.stderr, opts.quiet === true), detail, io.stdin),
      inputs: async (loaded) =>
        c.report<Inputs>(
          loaded.inputs ? { report: loaded.inputs, diagnostics: [] } : { report: null, diagnostics: loaded.diagnostics },
          loaded,
          failed(loaded.file),
        ),
      report: <R>(outcome: Outcome<R>, loaded: Loaded) =>
        c.report<R>({ ...outcome, diagnostics: [...loaded.diagnostics, ...outcome.diagnostics] } as Outcome<R>, loaded, failed(loaded.file)),
      renderOptions: { locale: opts.locale, bold: c.bold, thousands: opts.thousands === true, version: VERSION },
    };
  };
  const program = buildProgram(io, context, locale);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ExitError) {
      if (e.said) current.error(e.said, e.hint);
      return e.code;
    }
    throw e;
  }
}

type Action<O> = (arg: string, opts: O, c: Context) => Promise<void>;

function buildProgram(io: Io, context: (opts: CommonOptions & { thousands?: boolean }) => Context, locale: Locale): Command {
  const program = new Command('samkost')
    .description('Cost allocation and year-end settlement for inter-municipal IT cooperations')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(commanderMessage(s, locale)),
    })
    .showHelpAfterError(locale === 'nb' ? '(kjør samkost --help for bruk)' : '(run samkost --help for usage)');

  const common = (c: Command, formats: readonly string[]) =>
    c
      .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]))
      .addOption(new Option('-l, --locale <locale>', 'number format and labels').choices(LOCALES).default('nb'))
      .option('-o, --out <file>', 'write to a file instead of standard output')
      .option('--force', 'overwrite an existing output file')
      .option('--no-color', 'no colours in terminal output')
      .option('-q, --quiet', 'no progress report while reading large inputs')
      .option('--actuals <file>', 'actuals CSV, instead of the one named in the agreement')
      .option('--drivers <file>', 'drivers CSV, instead of the one named in the agreement')
      .option('--budget <file>', 'budget CSV, instead of the one named in the agreement')
      .option('--payments <file>', 'payments CSV, instead of the one named in the agreement')
      .exitOverride();
  const command = <O extends CommonOptions>(name: string, description: string, formats: readonly string[], action: Action<O & { format: string }>) =>
    common(program.command(name).argument('<agreement>', 'agreement file or directory').description(description), formats).action(
      async (arg: string, opts: O & { format: string }) => action(arg, opts, context(opts)),
    );

  /** A report command: load, compute, render in the chosen format, write. */
  const report =
    <K extends ReportKind, O extends CommonOptions>(
      kind: (opts: O) => K,
      compute: (inputs: Inputs, opts: O) => Outcome<Reports[K]>,
      detail: LedgerDetail = 'used',
    ): Action<O & { format: string }> =>
    async (arg, opts, c) => {
      const loaded = await c.load(arg, detail);
      const r = await c.report(compute(await c.inputs(loaded), opts), loaded);
      await c.speaker.out(render(kind(opts), opts.format as FormatOf<K>, r, c.renderOptions), opts);
    };

  common(
    program
      .command('check')
      .argument('<agreement...>', 'agreement files or directories')
      .description('validate agreements and their inputs; exit 1 on any error (warnings too with --strict)'),
    formatsOf('check'),
  )
    .option('--strict', 'warnings count as errors (exit 1): for CI')
    .option('--invoices', 'also check that the final invoices can be issued (org numbers, addresses, account, references, number series)')
    .option('--scenarios <file>', 'also run the scenarios of this file against every agreement: each setting must name a value and leave it valid')
    .action(async (args: string[], opts: CommonOptions & { format: FormatOf<'check'>; strict?: boolean; invoices?: boolean; scenarios?: string }) =>
      checkCommand(args, opts, context(opts)),
    );

  command(
    'allocate',
    'the allocation: items × parties',
    formatsOf('allocation'),
    report(
      () => 'allocation',
      (inputs) => allocate(inputs),
    ),
  );

  command<CommonOptions & { schedule?: boolean }>(
    'settle',
    'per party: charged, a-konto paid, balance, due date',
    formatsOf('settlement'),
    report(
      (o) => (o.schedule ? 'schedule' : 'settlement'),
      (inputs, o) => settle(inputs, { schedule: o.schedule === true }),
    ),
  ).option('--schedule', 'print the a-konto schedule (instalments on the budget) instead of the settlement');

  command<CommonOptions & { sign: DeviationSign; thousands?: boolean }>(
    'deviation',
    'budget vs actuals per category and item; overrun split by party',
    formatsOf('deviation'),
    report(
      () => 'deviation',
      (inputs, o) => deviation(inputs, { sign: o.sign }),
    ),
  )
    .addOption(new Option('--sign <convention>', 'how deviation is signed').choices(DEVIATION_SIGNS).default('budget-minus-actual'))
    .option('--thousands', 'show amounts in whole thousands of kroner (table and md; csv and json stay exact)');

  command<CommonOptions & { party: string; item?: string }>(
    'explain',
    "how each amount on a party's invoice was derived",
    formatsOf('explanation'),
    report(
      () => 'explanation',
      (inputs, o) => explain(inputs, { party: o.party, ...(o.item !== undefined ? { item: o.item } : {}) }),
      'all',
    ),
  )
    .requiredOption('--party <id>', 'the party to explain')
    .option('--item <id>', 'only this item');

  const many = (v: string, all: string[]) => [...all, v];
  command<ScenarioOptions>(
    'scenario',
    'what-if: the agreement with changes, side by side with the agreement as written',
    formatsOf('projection'),
    scenarioCommand,
  )
    .option('--set <path=value>', 'change one value of the agreement, e.g. parties.hustadvika.population=14000 (repeatable)', many, [] as string[])
    .option('--scenarios <file>', 'a YAML file of named scenarios: scenarios: [{ name, set: { PATH: VALUE } }]')
    .option(
      '--sweep <path=from..to[:step]>',
      'one scenario per value in a range, e.g. items.soc.price.quantity=350..500:5 (repeatable: every combination)',
      many,
      [] as string[],
    )
    .option('--name <name>', "the --set scenario's name in the output (default: its settings)")
    .option('--threads <n>', 'threads for a long sweep written as csv or json (default: one per core; 1: none)')
    .option('--keep-going', 'note a scenario the agreement cannot take (csv, json) and go on, instead of stopping the sweep')
    .option(
      '--years <from..to>',
      'project the agreement over these years (index changes from the agreement or --assume), with standalone costs if it declares them',
    )
    .option(
      '--assume <series=change>',
      'an index change for years the series lacks: deflator=3% (every such year) or deflator.2027=2.5% (repeatable)',
      many,
      [] as string[],
    );

  command<InvoiceOptions>('invoices', 'one invoice per party, written to --out DIR', formatsOf('invoice'), invoicesCommand(io))
    .option('--date <date>', 'invoice date, YYYY-MM-DD (default: today)')
    .option('--akonto <n>', 'the invoices for a-konto instalment n of the schedule instead of the final settlement')
    .option('--reference <party=ref>', "a party's reference for its invoices (Deres ref.), over the agreement's (repeatable)", many, [] as string[]);

  program
    .command('schema')
    .description('print the agreement format as JSON Schema, for editors')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--force', 'overwrite an existing output file')
    .exitOverride()
    .action(async (opts: { out?: string; force?: boolean }) => new Speaker(io, false, locale).out(JSON.stringify(AGREEMENT_SCHEMA, null, 2) + '\n', opts));

  program
    .command('completion')
    .argument('<shell>', `the shell: ${SHELLS.join(', ')}`)
    .description('print a completion script: eval "$(samkost completion bash)"')
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
    .argument('<type>', `the kind of cooperation: ${TEMPLATES.join(', ')}`)
    .argument('<dir>', 'the folder to write the agreement and its example CSV files into')
    .description('write a starting agreement with Norwegian comments and example CSVs; never overwrites')
    .exitOverride()
    .action(async (type: string, dir: string) => {
      const written = await init(io, type, dir);
      const speaker = new Speaker(io, true, locale);
      for (const f of written) speaker.status(said(`skrev ${f}`, `wrote ${f}`));
      speaker.status(said(`neste steg: samkost check ${dir}`, `next: samkost check ${dir}`));
    });

  program.addHelpText('after', HELP_AFTER);
  return program;
}

const isShell = (s: string): s is Shell => (SHELLS as readonly string[]).includes(s);

/** What `samkost --help` adds after the commands: examples, exit codes, the environment it reads. */
const HELP_AFTER = `
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

Environment:
  NO_COLOR      set to anything: no colours (as --no-color)
`;
