import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { AGREEMENT_SCHEMA } from '../agreement/schema.js';
import { allocation, checkAll, deviationTable, settlement, type Computed } from '../commands/compute.js';
import { DEVIATION_SIGNS, type DeviationSign } from '../compute/deviation.js';
import { explain } from '../compute/explain.js';
import { buildInvoices, invoiceNumberClashes, type Invoice } from '../compute/invoice.js';
import type { Agreement } from '../agreement/model.js';
import { isIsoDate } from '../dates/date.js';
import { collecting, Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsToJson, renderDiagnostics } from '../diagnostics/render.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { allocationCsv } from '../render/allocation-csv.js';
import { allocationJson } from '../render/allocation-json.js';
import { allocationDoc } from '../render/allocation-text.js';
import { deviationCsv } from '../render/deviation-csv.js';
import { deviationJson } from '../render/deviation-json.js';
import { deviationDoc } from '../render/deviation-text.js';
import type { Doc } from '../render/doc.js';
import { docToMarkdown, docToText } from '../render/doc-text.js';
import { explanationJson } from '../render/explain-json.js';
import { explanationText } from '../render/explain-text.js';
import { invoiceCsv, invoiceJson } from '../render/invoice-data.js';
import { invoiceDoc } from '../render/invoice-doc.js';
import { invoiceHtml } from '../render/invoice-html.js';
import { invoiceEhf } from '../render/invoice-ehf.js';
import { formatMoney, LOCALES, type Locale } from '../render/locale.js';
import { scheduleCsv, settlementCsv } from '../render/settlement-csv.js';
import { settlementJson } from '../render/settlement-json.js';
import { scheduleDoc, settlementDoc } from '../render/settlement-text.js';
import type { Encoding } from '../inputs/decode.js';
import { lineLookup } from './excerpts.js';
import { ExitError } from './exit.js';
import { load, type Loaded } from './load.js';
import { writeOutputs } from './output.js';
import { computeOrFail, emit, type CommonOptions, type Format } from './common.js';
import { scenarioCommand, type ScenarioOptions } from './scenario.js';
import { Progress } from './progress.js';
import { makeStyle } from './style.js';

type InvoiceFormat = 'html' | 'md' | 'csv' | 'json' | 'ehf';

/** The file extension per invoice format: EHF is UBL XML. */
const INVOICE_EXTENSIONS: Record<InvoiceFormat, string> = { html: 'html', md: 'md', csv: 'csv', json: 'json', ehf: 'xml' };

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

  const common = (c: Command, formats: readonly string[], defaultFormat = 'table') =>
    c
      .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(defaultFormat))
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
  const REPORT_FORMATS = ['table', 'json', 'csv', 'md'];

  common(program.command('check').argument('<agreement...>', 'agreement files or directories').description('validate agreements and their inputs; exit 1 on any error'), ['table', 'json']).action(
    async (args: string[], opts: CommonOptions) => check(args, opts),
  );

  common(program.command('allocate').argument('<agreement>', 'agreement file or directory').description('the allocation: items × parties'), REPORT_FORMATS).action(async (arg: string, opts: CommonOptions) =>
    report(arg, opts, allocation, (r) => ({ doc: allocationDoc(r, opts.locale), json: allocationJson(r), csv: allocationCsv(r, opts.locale) })),
  );

  common(program.command('settle').argument('<agreement>', 'agreement file or directory').description('per party: charged, a-konto paid, balance, due date'), REPORT_FORMATS)
    .option('--schedule', 'print the a-konto schedule (instalments on the budget) instead of the settlement')
    .action(async (arg: string, opts: CommonOptions & { schedule?: boolean }) =>
      report(arg, opts, settlement, (r) => {
        if (opts.schedule && !r.schedule) throw new ExitError(1, 'the agreement has no a-konto schedule', 'add settlement: { akonto: [{ due: 2023-04-30, part: 50% }, ...] }');
        return opts.schedule
          ? { doc: scheduleDoc(r, opts.locale), json: settlementJson(r), csv: scheduleCsv(r, opts.locale) }
          : { doc: settlementDoc(r, opts.locale), json: settlementJson(r), csv: settlementCsv(r, opts.locale) };
      }),
    );

  common(program.command('deviation').argument('<agreement>', 'agreement file or directory').description('budget vs actuals per category and item; overrun split by party'), REPORT_FORMATS)
    .addOption(new Option('--sign <convention>', 'how deviation is signed').choices(DEVIATION_SIGNS).default('budget-minus-actual'))
    .option('--thousands', 'show amounts in whole thousands of kroner (table and md; csv and json stay exact)')
    .action(async (arg: string, opts: CommonOptions & { sign: DeviationSign; thousands?: boolean }) =>
      report(
        arg,
        opts,
        (inputs) => deviationTable(inputs, opts.sign),
        (r) => ({ doc: deviationDoc(r, { locale: opts.locale, thousands: opts.thousands === true }), json: deviationJson(r), csv: deviationCsv(r, opts.locale) }),
      ),
    );

  common(program.command('explain').argument('<agreement>', 'agreement file or directory').description("how each amount on a party's invoice was derived"), ['table', 'json'])
    .requiredOption('--party <id>', 'the party to explain')
    .option('--item <id>', 'only this item')
    .action(async (arg: string, opts: CommonOptions & { party: string; item?: string }) => explainCommand(arg, opts));

  common(program.command('scenario').argument('<agreement>', 'agreement file or directory').description('what-if: the agreement with changes, side by side with the agreement as written'), REPORT_FORMATS)
    .option('--set <path=value>', 'change one value of the agreement, e.g. parties.hustadvika.population=14000 (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--scenarios <file>', 'a YAML file of named scenarios: scenarios: [{ name, set: { PATH: VALUE } }]')
    .option('--sweep <path=from..to[:step]>', 'one scenario per value in a range, e.g. items.soc.price.quantity=350..500:5 (repeatable: every combination)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--name <name>', "the --set scenario's name in the output (default: its settings)")
    .option('--threads <n>', 'threads for a long sweep written as csv or json (default: one per core; 1: none)')
    .option('--years <from..to>', 'project the agreement over these years (index changes from the agreement or --assume), with standalone costs if it declares them')
    .option('--assume <series=change>', 'an index change for years the series lacks: deflator=3% (every such year) or deflator.2027=2.5% (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (arg: string, opts: ScenarioOptions) => scenarioCommand(arg, opts));

  common(program.command('invoices').argument('<agreement>', 'agreement file or directory').description('one invoice per party, written to --out DIR'), ['html', 'md', 'csv', 'json', 'ehf'], 'html')
    .option('--date <date>', 'invoice date, YYYY-MM-DD (default: today)')
    .option('--akonto <n>', 'the invoices for a-konto instalment n of the schedule instead of the final settlement')
    .option('--reference <party=ref>', "a party's reference for its invoices (Deres ref.), over the agreement's (repeatable)", (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (arg: string, opts: InvoiceOptions) => invoicesCommand(arg, opts));

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
  const agreements: Agreement[] = [];
  const texts = new Map<string, string>();
  const encodings = new Map<string, Encoding>();
  for (const arg of args) {
    const loaded = await load(arg, opts, Progress.for(process.stderr, opts.quiet === true));
    for (const [f, t] of loaded.texts) texts.set(f, t);
    for (const [f, e] of loaded.encodings) encodings.set(f, e);
    const { diagnostics, summary } = checkOne(loaded, opts.locale);
    const clashes = loaded.inputs ? invoiceNumberClashes(loaded.inputs.agreement, agreements) : [];
    if (loaded.inputs) agreements.push(loaded.inputs.agreement);
    results.push({ file: loaded.file, diagnostics: [...diagnostics, ...clashes], ...(summary && !clashes.length ? { summary } : {}) });
  }
  const all = results.flatMap((r) => r.diagnostics);
  const failed = all.some((d) => d.severity === 'error');
  if (opts.format === 'json') {
    const json = { ok: !failed, agreements: results.map((r) => ({ file: r.file, ok: !r.diagnostics.some((d) => d.severity === 'error') })), diagnostics: diagnosticsToJson(all) };
    await emit(JSON.stringify(json, null, 2) + '\n', opts);
  } else {
    if (all.length) process.stderr.write(renderDiagnostics(all, await lineLookup(all, { texts, encodings }), makeStyle(opts.color, process.stderr)));
    const lines = results.filter((r) => r.summary).map((r) => `${r.file}: ok — ${r.summary}`);
    if (lines.length) await emit(lines.join('\n') + '\n', opts);
  }
  if (failed) throw ExitError.quiet(1);
}

function checkOne(loaded: Loaded, locale: Locale): { diagnostics: readonly Diagnostic[]; summary?: string } {
  if (!loaded.inputs) return { diagnostics: loaded.diagnostics };
  const { report: settled, diagnostics } = checkAll(loaded.inputs);
  const all = [...loaded.diagnostics, ...diagnostics];
  if (!settled) return { diagnostics: all };
  const report = settled.allocation;
  const a = loaded.inputs.agreement;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const l = report.ledger;
  const ledger = l.rows === 0 ? '' : `; ledger ${formatMoney(l.total, locale)} = ${formatMoney(l.items, locale)} charged by items + ${formatMoney(l.ignored, locale)} ignored${l.bases.isZero() ? '' : ` + ${formatMoney(l.bases, locale)} percentage bases`}`;
  const summary = `${n(a.parties.length, 'party', 'parties')}, ${n(a.items.length, 'item', 'items')}, ${n(loaded.actualsCount, 'actuals row', 'actuals rows')}; total ${formatMoney(report.total, locale)}, allocated ${formatMoney(report.total.minus(report.unallocated), locale)}, unallocated ${formatMoney(report.unallocated, locale)}${ledger}`;
  return { diagnostics: all, summary };
}

/** A report command: compute, pick the renderer for the format, write. */
async function report<R>(arg: string, opts: CommonOptions, run: (inputs: NonNullable<Loaded['inputs']>) => Computed<R>, render: (r: R) => { doc: Doc; json: object; csv: string }): Promise<void> {
  const r = render((await computeOrFail(arg, opts, run)).report);
  const text =
    opts.format === 'json'
      ? JSON.stringify(r.json, null, 2) + '\n'
      : opts.format === 'csv'
        ? r.csv
        : opts.format === 'md'
          ? docToMarkdown(r.doc)
          : docToText(r.doc, makeStyle(opts.color, process.stdout).bold);
  await emit(text, opts);
}

async function explainCommand(arg: string, opts: CommonOptions & { party: string; item?: string }): Promise<void> {
  const { report } = await computeOrFail(arg, opts, allocation);
  const known = (what: string, id: string, ids: readonly string[]) => {
    if (!ids.includes(id)) throw new ExitError(2, `no ${what} '${id}' in ${report.agreement.title} ${report.agreement.year}`, didYouMean(id, ids) ?? `${what === 'party' ? 'parties' : 'items'}: ${ids.join(', ')}`);
  };
  known('party', opts.party, report.agreement.parties.map((p) => p.id));
  if (opts.item !== undefined) known('item', opts.item, report.agreement.items.map((i) => i.id));
  const e = explain(report, opts.party, opts.item);
  await emit(opts.format === 'json' ? JSON.stringify(explanationJson(e), null, 2) + '\n' : explanationText(e, opts.locale), opts);
}

type InvoiceOptions = Omit<CommonOptions, 'format'> & { format: InvoiceFormat; date?: string; akonto?: string; reference: string[] };

async function invoicesCommand(arg: string, opts: InvoiceOptions): Promise<void> {
  if (!opts.out) throw new ExitError(2, 'invoices needs --out DIR', 'one file per party is written into that directory');
  const date = opts.date ?? today();
  if (!isIsoDate(date)) throw new ExitError(2, `--date '${opts.date}' is not a date`, 'write it as YYYY-MM-DD, e.g. 2024-01-15');
  const akonto = opts.akonto === undefined ? undefined : /^[1-9]\d{0,2}$/.test(opts.akonto) ? Number(opts.akonto) : null;
  if (akonto === null) throw new ExitError(2, `--akonto '${opts.akonto}' is not an instalment number`, 'give the instalment as 1, 2, … in the order of settlement: akonto:');
  const { report: settled, loaded } = await computeOrFail(arg, opts, settlement);
  const a = settled.allocation.agreement;
  if (akonto !== undefined) {
    const count = a.settlement?.akonto.length ?? 0;
    if (!settled.schedule || count === 0) throw new ExitError(1, `${a.title} ${a.year} has no a-konto schedule to invoice`, 'add settlement: { akonto: [{ due: 2024-04-30, part: 50% }, ...] } and a budget');
    if (akonto > count) throw new ExitError(2, `--akonto ${akonto}: the schedule has ${count} instalment${count === 1 ? '' : 's'}`, `give --akonto 1${count > 1 ? ` to ${count}` : ''}`);
  }
  const references = new Map<string, string>();
  const ids = a.parties.map((p) => p.id);
  for (const r of opts.reference) {
    const eq = r.indexOf('=');
    const [party, ref] = eq < 0 ? [r, ''] : [r.slice(0, eq), r.slice(eq + 1).trim()];
    if (!ref) throw new ExitError(2, `--reference '${r}' gives no reference`, 'write --reference PARTY=REF, e.g. --reference ibestad=4500123');
    if (!ids.includes(party)) throw new ExitError(2, `--reference names no party '${party}' of ${a.title} ${a.year}`, didYouMean(party, ids) ?? `parties: ${ids.join(', ')}`);
    references.set(party, ref);
  }
  const diags = new Diagnostics();
  const invoices = collecting(diags, () => buildInvoices(settled, { date, references, ...(akonto !== undefined ? { akonto } : {}) }));
  if (!invoices) {
    process.stderr.write(renderDiagnostics(diags.sorted(), await lineLookup(diags.list, loaded), makeStyle(opts.color, process.stderr)));
    throw new ExitError(1, 'no invoice was written', 'correct what is listed above, then run samkost invoices again');
  }
  const render: Record<InvoiceFormat, (i: Invoice) => string> = {
    html: (i) => invoiceHtml(i, opts.locale),
    md: (i) => docToMarkdown(invoiceDoc(i, opts.locale)),
    csv: (i) => invoiceCsv(i, opts.locale),
    json: (i) => JSON.stringify(invoiceJson(i, opts.locale), null, 2) + '\n',
    ehf: (i) => invoiceEhf(i, opts.locale),
  };
  // An EHF goes into the party's books: one that bills nothing is not sent. The printable copies still state the balance.
  const sent = opts.format === 'ehf' ? invoices.filter((i) => i.billed.length > 0 && !i.totals.payable.isZero()) : invoices;
  const stem = opts.locale === 'nb' ? 'faktura' : 'invoice';
  const suffix = akonto === undefined ? '' : `-akonto-${akonto}`;
  const files = sent.map((i) => ({ file: path.join(opts.out!, `${stem}-${a.year}-${i.buyer.id}${suffix}.${INVOICE_EXTENSIONS[opts.format]}`), content: render[opts.format](i) }));
  await writeOutputs(files, opts.force === true);
  const skipped = invoices.filter((i) => !sent.includes(i)).map((i) => `no EHF for ${i.buyer.name}: nothing to invoice (${i.carriedForward.isZero() ? 'balance 0.00' : `balance ${i.carriedForward.toFixed2()} carried forward`})\n`);
  process.stderr.write(files.map((f) => `wrote ${f.file}\n`).join('') + skipped.join(''));
}

/** Today in the user's time zone: a Norwegian invoice written at 00:30 is dated today, not yesterday (UTC). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
