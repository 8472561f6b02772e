import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Agreement, InputSpec } from '../agreement/model.js';
import { readAgreement } from '../agreement/read.js';
import { Diagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readActuals, type ActualsRow } from '../inputs/actuals.js';
import { decodeText } from '../inputs/decode.js';
import { readDrivers, type DriverRow } from '../inputs/drivers.js';
import { parseCsv } from '../inputs/table.js';
import { ExitError } from './exit.js';

/** Everything read from disk for one agreement, before any computing. */
export interface Loaded {
  readonly file: string;
  /** File name → text, for error excerpts. */
  readonly sources: Map<string, string>;
  readonly agreement: Agreement | null;
  readonly actuals: readonly ActualsRow[];
  readonly driverRows: readonly DriverRow[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface InputOverrides {
  readonly actuals?: string;
  readonly drivers?: string;
}

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
  let actuals: ActualsRow[] = [];
  let driverRows: DriverRow[] = [];
  if (a) {
    const spec = (name: 'actuals' | 'drivers', override?: string): InputSpec | undefined =>
      override ? { file: override, columns: a.inputs.get(name)?.columns ?? new Map(), at: { file, line: 1, col: 1 } } : a.inputs.get(name);
    const actualsSpec = spec('actuals', overrides.actuals);
    if (actualsSpec) actuals = (await readTable(actualsSpec, sources, diags, (t) => readActuals(t, actualsSpec.columns, diags))) ?? [];
    const driversSpec = spec('drivers', overrides.drivers);
    if (driversSpec) driverRows = (await readTable(driversSpec, sources, diags, (t) => readDrivers(t, driversSpec.columns, diags))) ?? [];
  }
  return { file, sources, agreement: diags.hasErrors ? null : a, actuals, driverRows, diagnostics: diags.sorted() };
}

async function readTable<T>(spec: InputSpec, sources: Map<string, string>, diags: Diagnostics, rows: (t: NonNullable<ReturnType<typeof parseCsv>>) => T | null): Promise<T | null> {
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
