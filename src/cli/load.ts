import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputName, InputSpec } from '../agreement/model.js';
import { readAgreement } from '../agreement/read.js';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Inputs } from '../commands/compute.js';
import { readActuals } from '../inputs/actuals.js';
import { readBudgetRows } from '../inputs/budget.js';
import { decodeText } from '../inputs/decode.js';
import { readDrivers } from '../inputs/drivers.js';
import { readPayments } from '../inputs/payments.js';
import { parseCsv, type CsvTable } from '../inputs/table.js';
import { ExitError } from './exit.js';

/** Everything read from disk for one agreement, before any computing. */
export interface Loaded {
  readonly file: string;
  /** File name → text, for error excerpts. */
  readonly sources: Map<string, string>;
  /** Null when the agreement or an input has errors. */
  readonly inputs: Inputs | null;
  /** Rows read from the actuals file, for check's summary. */
  readonly actualsCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Input files given on the command line instead of those under the agreement's inputs:. */
export type InputOverrides = { readonly [K in InputName]?: string };

/** A directory means `<dir>/agreement.yaml`. */
export async function agreementPath(arg: string): Promise<string> {
  const s = await stat(arg).catch(() => null);
  if (!s) throw new ExitError(1, `cannot read '${arg}': no such file or directory`, 'give an agreement file, or a directory holding agreement.yaml');
  return s.isDirectory() ? path.join(arg, 'agreement.yaml') : arg;
}

export async function load(arg: string, overrides: InputOverrides = {}): Promise<Loaded> {
  const file = await agreementPath(arg);
  const text = await readFile(file).then(
    (b) => decodeText(b).text,
    () => {
      throw new ExitError(1, `cannot read '${file}'`, 'a directory given on the command line must hold agreement.yaml');
    },
  );
  const sources = new Map([[file, text]]);
  const dir = path.dirname(file);
  const read = readAgreement(text, file, (p) => path.join(dir, p));
  const diags = new Diagnostics();
  diags.list.push(...read.diagnostics);
  const a = read.agreement;
  if (!a) return { file, sources, inputs: null, actualsCount: 0, diagnostics: diags.sorted() };
  const spec = (name: InputName): InputSpec | undefined => {
    const override = overrides[name];
    return override ? { file: override, columns: a.inputs.get(name)?.columns ?? new Map(), at: { file, line: 1, col: 1 } } : a.inputs.get(name);
  };
  const table = async <T>(name: InputName, rows: (t: CsvTable, columns: ReadonlyMap<string, string>, diags: Diagnostics) => T[] | null): Promise<T[] | null> => {
    const s = spec(name);
    return s ? ((await readTable(s, sources, diags, (t) => rows(t, s.columns, diags))) ?? []) : null;
  };
  const actuals = (await table('actuals', readActuals)) ?? [];
  const driverRows = (await table('drivers', readDrivers)) ?? [];
  const budgetRows = await table('budget', readBudgetRows);
  const payments = await table('payments', readPayments);
  const inputs = diags.hasErrors ? null : { agreement: a, actuals, driverRows, budgetRows, payments };
  return { file, sources, inputs, actualsCount: actuals.length, diagnostics: diags.sorted() };
}

async function readTable<T>(spec: InputSpec, sources: Map<string, string>, diags: Diagnostics, rows: (t: CsvTable) => T | null): Promise<T | null> {
  const bytes = await readFile(spec.file).catch(() => null);
  if (!bytes) {
    diags.error(spec.at, 'input-missing', `cannot read input file '${spec.file}'`, 'paths under inputs: are relative to the agreement file');
    return null;
  }
  const { text } = decodeText(bytes);
  sources.set(spec.file, text);
  const table = parseCsv(text, spec.file, diags);
  return table ? rows(table) : null;
}
