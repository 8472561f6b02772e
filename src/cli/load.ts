import path from 'node:path';
import type { BroughtForwardFrom, InputName, InputSpec } from '../agreement/model.js';
import { shortParsedYaml, type ParsedYaml } from '../agreement/yaml-nodes.js';
import { readValidAgreement } from '../validate/agreement.js';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Inputs, LastYear } from '../commands/inputs.js';
import { lastYearInvalid } from '../compute/brought-forward.js';
import type { AgreementSource } from '../commands/scenario.js';
import { actualsSink, type LedgerShape } from '../inputs/actuals.js';
import { partyResolver } from '../agreement/party-names.js';
import { selectedColumns } from '../agreement/uses.js';
import { rowClasses } from '../compute/row-classes.js';
import { readBudgetRows } from '../inputs/budget.js';
import { debitCredit } from '../inputs/debit-credit.js';
import { decodeText, type Encoding } from '../inputs/decode.js';
import type { KeptLines } from '../inputs/kept-lines.js';
import { readDrivers } from '../inputs/drivers.js';
import { readPayments } from '../inputs/payments.js';
import { tableSink, type CsvTable, type TableSink } from '../inputs/table.js';
import type { SourceFiles } from './excerpts.js';
import { ExitError } from './exit.js';
import { reason, type FileSystem } from './io.js';
import { readInput } from './read-input.js';
import { isUnreadable, MAX_TEXT_FILE, orExit, text as readText, textFile, tooLarge, type Unreadable, within } from './read-text.js';
import type { Progress } from './progress.js';
import { said, verbatim } from '../text/said.js';

/** Everything read from disk for one agreement, before any computing. */
export interface Loaded extends SourceFiles {
  readonly file: string;
  /** Null when the agreement or an input has errors. */
  readonly inputs: Inputs | null;
  /** Rows read from the actuals file, for check's summary. */
  readonly actualsCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Input files given on the command line instead of those under the agreement's inputs:. */
export type InputOverrides = { readonly [K in InputName]?: string };

/** A path written in the agreement: relative to the agreement's folder, or absolute as written. */
const besideAgreement =
  (file: string) =>
  (p: string): string =>
    path.isAbsolute(p) ? p : path.join(path.dirname(file), p);

const AGREEMENT = said('avtalen', 'agreement');
const GIVE_AGREEMENT = said('gi en avtalefil, eller en mappe med agreement.yaml', 'give an agreement file, or a directory holding agreement.yaml');

/** A directory means `<dir>/agreement.yaml`. */
async function agreementPath(fs: FileSystem, arg: string): Promise<string | Unreadable> {
  const s = await fs.stat(arg).catch((e: unknown): Unreadable => {
    const why = reason(e);
    return { unreadable: said(`kan ikke lese '${arg}': ${why.nb}`, `cannot read '${arg}': ${why.en}`), hint: GIVE_AGREEMENT };
  });
  if (isUnreadable(s)) return s;
  return s.isDirectory() ? path.join(arg, 'agreement.yaml') : arg;
}

type RowReader<T> = (t: CsvTable, columns: ReadonlyMap<string, string>, diags: Diagnostics) => T[] | null;

/**
 * Which ledger columns the rows are summed by besides category and party:
 * `selected`, the ones the agreement's selectors and `ignore:` name (a
 * ledger of ten thousand accounts selected by category is summed per
 * category); `accounts`, those and account and project, for `explain`, which
 * lists every summed row with its account; `all`, every column, for
 * scenarios whose settings may select by any; `classes`, the selected ones
 * summed over values the agreement cannot tell apart (compute/row-classes.ts:
 * ten thousand accounts selected by a range sum per class, not per account),
 * for a command that computes the agreement as written.
 */
export type LedgerDetail = LedgerShape['keep'] | 'classes';

/** What diagnostics name standard input by. */
export const STDIN = '<stdin>';

/** The agreement and its inputs as read; the end of the command when the agreement cannot be read at all. */
export async function load(...args: Parameters<typeof loadOrUnreadable>): Promise<Loaded> {
  return orExit(await loadOrUnreadable(...args));
}

/** The agreement and its inputs as read, or why the agreement's file cannot be read (for `check`, one more problem to report). */
export async function loadOrUnreadable(
  fs: FileSystem,
  arg: string,
  overrides: InputOverrides,
  progress: Progress,
  detail: LedgerDetail = 'classes',
  stdin: (limit: number) => Promise<Uint8Array | null> = async () => new Uint8Array(),
): Promise<Loaded | Unreadable> {
  atMostOneStdin([arg, ...Object.values(overrides)]);
  // `-`: the agreement from standard input; the paths it names are then relative to where samkost runs.
  const file = arg === '-' ? STDIN : await agreementPath(fs, arg);
  if (isUnreadable(file)) return file;
  const piped = arg === '-' ? within(await stdin(MAX_TEXT_FILE), MAX_TEXT_FILE, said('avtalen', 'the agreement')) : null;
  if (isUnreadable(piped)) return piped;
  const text = piped
    ? await readText(piped, AGREEMENT, STDIN)
    : await textFile(
        fs,
        file,
        AGREEMENT,
        file === arg
          ? GIVE_AGREEMENT
          : said('en mappe gitt på kommandolinjen må inneholde agreement.yaml', 'a directory given on the command line must hold agreement.yaml'),
      );
  if (isUnreadable(text)) return text;
  return loadText(fs, file, text, overrides, progress, detail, stdin);
}

/**
 * One agreement's inputs, from its text: its input files, and for
 * `brought_forward:` last year's. With `lastOf`, the agreement is last year's
 * for the year given, and must be for the year before: checked before its
 * inputs or its own last year are read, so agreements naming each other end.
 */
async function loadText(
  fs: FileSystem,
  file: string,
  text: string,
  overrides: InputOverrides,
  progress: Progress,
  detail: LedgerDetail,
  stdin: (limit: number) => Promise<Uint8Array | null>,
  lastOf?: { readonly year: number; readonly from: BroughtForwardFrom },
): Promise<Loaded> {
  const texts = new Map([[file, text]]);
  const encodings = new Map<string, Encoding>();
  const kept = new Map<string, KeptLines>();
  const read = readValidAgreement(await parsedAgreement(text), file, besideAgreement(file));
  const diags = new Diagnostics();
  for (const e of read.diagnostics) diags.list.push(e);
  const a = read.agreement;
  if (!a) return { file, texts, encodings, kept, inputs: null, actualsCount: 0, diagnostics: diags.sorted() };
  if (lastOf && a.year !== lastOf.year - 1) {
    diags.error(
      lastOf.from.at,
      'brought-forward-year',
      said(
        `fjorårets avtale '${lastOf.from.written}' gjelder ${a.year}, men denne avtalen gjelder ${lastOf.year}: saldoene overføres bare fra året før`,
        `last year's agreement '${lastOf.from.written}' is for ${a.year}, but this agreement is for ${lastOf.year}: balances are brought forward from the year before only`,
      ),
      said(`vis til avtalen for ${lastOf.year - 1}`, `name the agreement for ${lastOf.year - 1}`),
    );
    return { file, texts, encodings, kept, inputs: null, actualsCount: 0, diagnostics: diags.sorted() };
  }
  const spec = (name: InputName): InputSpec | undefined => {
    const override = overrides[name];
    const declared = a.inputs.get(name);
    return override
      ? {
          file: override === '-' ? STDIN : override,
          columns: declared?.columns ?? new Map(),
          dialect: declared?.dialect ?? {},
          at: { file, line: 1, col: 1 },
          option: `--${name}`,
        }
      : declared;
  };
  let actualsCount = 0;
  const stream = async <T>(name: InputName, sink: (s: InputSpec) => TableSink<T>): Promise<T | null | undefined> => {
    const declared = spec(name);
    if (!declared) return undefined;
    // A debit/credit pair becomes the amount column before the rows reach the reader that sums them.
    const pair = debitCredit(declared.columns);
    const s = pair ? { ...declared, columns: pair.columns } : declared;
    const bytes = s.file === STDIN ? tooLarge(await stdin(MAX_STDIN_TABLE), MAX_STDIN_TABLE, verbatim(s.option ?? `--${name}`)) : undefined;
    const r = await readInput(fs, s, () => (pair ? pair.wrap(sink(s)) : sink(s)), diags, progress, bytes);
    // Standard input cannot be read again for the excerpts of its errors: its text is kept.
    if (bytes && r.encoding) texts.set(STDIN, decodeText(bytes, r.encoding).text);
    else if (r.encoding) encodings.set(s.file, r.encoding);
    if (r.kept) kept.set(s.file, r.kept);
    if (name === 'actuals') actualsCount = r.rows;
    return r.result;
  };
  const rows =
    <T>(read: RowReader<T>) =>
    (s: InputSpec) =>
      tableSink((t, d) => read(t, s.columns, d));
  const shape: LedgerShape = {
    selected: selectedColumns(a),
    keep: detail === 'classes' ? 'selected' : detail,
    party: partyResolver(a.parties),
    ...(detail === 'classes' ? { classes: rowClasses(a) } : {}),
  };
  const actuals = (await stream('actuals', (s) => actualsSink(s.columns, a.year, shape))) ?? [];
  const driverRows = (await stream('drivers', rows(readDrivers))) ?? [];
  const budgetRows = await stream('budget', rows(readBudgetRows));
  const payments = await stream('payments', rows(readPayments));
  const from = a.settlement?.broughtForward;
  const lastYear = from && !diags.hasErrors ? await readLastYear(fs, file, a.year, from, progress, diags) : undefined;
  const inputs = diags.hasErrors
    ? null
    : { agreement: a, actuals, driverRows, budgetRows: budgetRows ?? null, payments: payments ?? null, ...(lastYear ? { lastYear } : {}) };
  return { file, texts, encodings, kept, inputs, actualsCount, diagnostics: diags.sorted() };
}

/**
 * Last year for `brought_forward:`, from its own files as `load` reads a
 * year; every problem with it is one error at the `brought_forward:` value
 * (last year's own first error quoted), so the user knows which file to fix.
 */
async function readLastYear(
  fs: FileSystem,
  thisFile: string,
  year: number,
  from: BroughtForwardFrom,
  progress: Progress,
  diags: Diagnostics,
): Promise<LastYear | undefined> {
  const missing = (why: Unreadable) => {
    diags.error(
      from.at,
      'brought-forward-missing',
      said(
        `fjorårets avtale '${from.written}' kan ikke leses: ${why.unreadable.nb}`,
        `last year's agreement '${from.written}' cannot be read: ${why.unreadable.en}`,
      ),
      said(
        'brought_forward er fjorårets avtalefil eller mappen den ligger i, relativt til denne avtalen',
        "brought_forward is last year's agreement file or its directory, relative to this agreement",
      ),
    );
    return undefined;
  };
  const file = await agreementPath(fs, from.path);
  if (isUnreadable(file)) return missing(file);
  const text = await textFile(fs, file, said('fjorårets avtale', "last year's agreement"), GIVE_AGREEMENT);
  if (isUnreadable(text)) return missing(text);
  // Last year's inputs are its agreement's own (no command-line overrides), so a file it cannot read is a diagnostic of its own.
  const loaded = await loadText(fs, file, text, {}, progress, 'selected', async () => new Uint8Array(), { year, from });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  // The wrong year is already said at the brought_forward: value.
  const wrongYear = errors.filter((d) => d.code === 'brought-forward-year' && d.file === thisFile);
  if (wrongYear.length) {
    diags.list.push(...wrongYear);
    return undefined;
  }
  if (!loaded.inputs) {
    diags.error(from.at, 'brought-forward-invalid', ...lastYearInvalid(from.written, loaded.file, errors));
    return undefined;
  }
  const here = path.dirname(thisFile);
  const there = path.dirname(loaded.file);
  const relative = (p: string) => path.relative(here, p).split(path.sep).join('/');
  const own = [loaded.file, ...[...loaded.inputs.agreement.inputs.values()].map((s) => s.file)];
  const files = [
    ...(await Promise.all(own.map(async (f) => ({ path: relative(f), sha256: await sha256Of(fs, f) })))),
    // The year before last, read for last year: its paths were relative to last year's folder.
    ...(loaded.inputs.lastYear?.files ?? []).map((h) => ({ path: relative(path.join(there, h.path)), sha256: h.sha256 })),
  ];
  return { from, file: relative(loaded.file), inputs: loaded.inputs, files };
}

/** The SHA-256 of a file's bytes, streamed, as lowercase hex. */
async function sha256Of(fs: FileSystem, file: string): Promise<string> {
  // node:crypto is loaded only here: loading it costs every run a tenth of Node's own start-up.
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The most a CSV input read from standard input may hold: it cannot be read
 * twice, so it is kept in memory (a file is streamed and has no limit).
 */
export const MAX_STDIN_TABLE = 256 * 1024 * 1024;

/** Standard input can be read once: at most one of the files a command names may be `-`. */
export function atMostOneStdin(files: readonly (string | undefined)[]): void {
  if (files.filter((f) => f === '-').length > 1)
    throw new ExitError(
      2,
      said('bare én fil kan leses fra standard inn (-)', 'only one file can be read from standard input (-)'),
      said('gi de andre som filer', 'give the others as files'),
    );
}

/**
 * An agreement's text as its YAML tree: the short reader's, which reads the
 * YAML agreements are written in, or for any other text the yaml library's,
 * loaded only then (it is a third of the code a start would otherwise load).
 */
async function parsedAgreement(text: string): Promise<ParsedYaml> {
  return shortParsedYaml(text) ?? (await import('../agreement/yaml-library.js')).libraryYaml(text);
}

/** The agreement as read, for scenarios to change. */
export const agreementSource = (loaded: Loaded): AgreementSource => ({
  text: loaded.texts.get(loaded.file)!,
  file: loaded.file,
  resolve: besideAgreement(loaded.file),
});
