import { Command, CommanderError, Option } from 'commander';
import { AGREEMENT_SCHEMA } from '../agreement/schema.js';
import { compute } from '../commands/compute.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson, renderDiagnostics } from '../diagnostics/render.js';
import { allocationCsv } from '../render/allocation-csv.js';
import { allocationJson } from '../render/allocation-json.js';
import { allocationDoc } from '../render/allocation-text.js';
import { docToMarkdown, docToText } from '../render/doc-text.js';
import { formatMoney, LOCALES, type Locale } from '../render/locale.js';
import { ExitError } from './exit.js';
import { load, type Loaded } from './load.js';
import { writeOutput } from './output.js';
import { makeStyle } from './style.js';

type Format = 'table' | 'json' | 'csv' | 'md';

interface CommonOptions {
  format: Format;
  locale: Locale;
  out?: string;
  force?: boolean;
  color: boolean;
  actuals?: string;
  drivers?: string;
}

const VERSION = '0.1.0';

/** Runs the CLI and returns the exit code: 0 success, 1 wrong input, 2 wrong command line. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ExitError) {
      if (!e.message) return e.code;
      const style = makeStyle(true, process.stderr);
      process.stderr.write(`samkost: ${style.error('error')}: ${e.message}\n${e.hint ? `  = hint: ${e.hint}\n` : ''}`);
      return e.code;
    }
    throw e;
  }
}

function buildProgram(): Command {
  const program = new Command('samkost')
    .description('Cost allocation and year-end settlement for inter-municipal IT cooperations')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run samkost --help for usage)');

  const common = (c: Command, formats: readonly Format[]) =>
    c
      .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('table'))
      .addOption(new Option('-l, --locale <locale>', 'number format and labels').choices(LOCALES).default('nb'))
      .option('-o, --out <file>', 'write to a file instead of standard output')
      .option('--force', 'overwrite an existing output file')
      .option('--no-color', 'no colours in terminal output')
      .option('--actuals <file>', 'actuals CSV, instead of the one named in the agreement')
      .option('--drivers <file>', 'drivers CSV, instead of the one named in the agreement')
      .exitOverride();

  common(program.command('check').argument('<agreement...>', 'agreement files or directories').description('validate agreements and their inputs; exit 1 on any error'), ['table', 'json']).action(
    async (args: string[], opts: CommonOptions) => check(args, opts),
  );

  common(program.command('allocate').argument('<agreement>', 'agreement file or directory').description('the allocation: items × parties'), ['table', 'json', 'csv', 'md']).action(
    async (arg: string, opts: CommonOptions) => allocateCommand(arg, opts),
  );

  program
    .command('schema')
    .description('print the agreement format as JSON Schema, for editors')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--force', 'overwrite an existing output file')
    .exitOverride()
    .action(async (opts: { out?: string; force?: boolean }) => emit(JSON.stringify(AGREEMENT_SCHEMA, null, 2) + '\n', opts));
  return program;
}

async function check(args: readonly string[], opts: CommonOptions): Promise<void> {
  const results: { file: string; diagnostics: readonly Diagnostic[]; summary?: string }[] = [];
  const sources = new Map<string, string>();
  for (const arg of args) {
    const loaded = await load(arg, opts);
    for (const [f, t] of loaded.sources) sources.set(f, t);
    const { diagnostics, summary } = checkOne(loaded, opts.locale);
    results.push({ file: loaded.file, diagnostics, ...(summary ? { summary } : {}) });
  }
  const all = results.flatMap((r) => r.diagnostics);
  const failed = all.some((d) => d.severity === 'error');
  if (opts.format === 'json') {
    const json = { ok: !failed, agreements: results.map((r) => ({ file: r.file, ok: !r.diagnostics.some((d) => d.severity === 'error') })), diagnostics: diagnosticsToJson(all) };
    await emit(JSON.stringify(json, null, 2) + '\n', opts);
  } else {
    if (all.length) process.stderr.write(renderDiagnostics(all, sources, makeStyle(opts.color, process.stderr)));
    const lines = results.filter((r) => r.summary).map((r) => `${r.file}: ok — ${r.summary}`);
    if (lines.length) await emit(lines.join('\n') + '\n', opts);
  }
  if (failed) throw ExitError.quiet(1);
}

function checkOne(loaded: Loaded, locale: Locale): { diagnostics: readonly Diagnostic[]; summary?: string } {
  if (!loaded.agreement) return { diagnostics: loaded.diagnostics };
  const { report, diagnostics } = compute(loaded.agreement, loaded.actuals, loaded.driverRows);
  const all = [...loaded.diagnostics, ...diagnostics];
  if (!report) return { diagnostics: all };
  const a = loaded.agreement;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const summary = `${n(a.parties.length, 'party', 'parties')}, ${n(a.items.length, 'item', 'items')}, ${n(loaded.actuals.length, 'actuals row', 'actuals rows')}; total ${formatMoney(report.total, locale)}, allocated ${formatMoney(report.total.minus(report.unallocated), locale)}, unallocated ${formatMoney(report.unallocated, locale)}`;
  return { diagnostics: all, summary };
}

async function allocateCommand(arg: string, opts: CommonOptions): Promise<void> {
  const loaded = await load(arg, opts);
  const style = makeStyle(opts.color, process.stderr);
  const fail = (diagnostics: readonly Diagnostic[]) => {
    process.stderr.write(renderDiagnostics(diagnostics, loaded.sources, style));
    throw new ExitError(1, 'nothing was computed: the input has errors', `run samkost check ${arg} to see them all`);
  };
  if (!loaded.agreement) return fail(loaded.diagnostics);
  const { report, diagnostics } = compute(loaded.agreement, loaded.actuals, loaded.driverRows);
  const all = [...loaded.diagnostics, ...diagnostics];
  if (!report) return fail(all);
  if (all.length) process.stderr.write(renderDiagnostics(all, loaded.sources, style));
  const text =
    opts.format === 'json'
      ? JSON.stringify(allocationJson(report), null, 2) + '\n'
      : opts.format === 'csv'
        ? allocationCsv(report, opts.locale)
        : opts.format === 'md'
          ? docToMarkdown(allocationDoc(report, opts.locale))
          : docToText(allocationDoc(report, opts.locale), makeStyle(opts.color, process.stdout).bold);
  await emit(text, opts);
}

async function emit(text: string, opts: { out?: string; force?: boolean }): Promise<void> {
  if (opts.out) await writeOutput(opts.out, text, opts.force === true);
  else process.stdout.write(text);
}
