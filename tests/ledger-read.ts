import { expect } from 'vitest';
import type { InputSpec } from '../src/agreement/model.js';
import { NODE_FS } from '../src/cli/io.js';
import { Progress } from '../src/cli/progress.js';
import { readInput } from '../src/cli/read-input.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { type ActualsRow, actualsSink, type LedgerShape } from '../src/inputs/actuals.js';
import type { Encoding } from '../src/inputs/decode.js';
import type { TableSink } from '../src/inputs/table.js';

/**
 * A CSV ledger read as the CLI reads it, by the byte reader or (`plain`) by
 * the plain reader alone: a sink without `absorb` is one the byte reader
 * cannot feed. `fed` says whether the byte reader did feed it, so the
 * differential tests can tell a fast read from a fallback.
 */
export async function readLedger(spec: InputSpec, shape: LedgerShape, plain: boolean) {
  const diags = new Diagnostics();
  let fed = false;
  const sink = (): TableSink<ActualsRow[]> => {
    const s = actualsSink(spec.columns, 2024, shape);
    if (plain) return { header: s.header, row: s.row, finish: s.finish };
    const absorb = s.absorb;
    s.absorb = (...a) => {
      fed = true;
      absorb.apply(s, a);
    };
    return s;
  };
  const r = await readInput(NODE_FS, spec, sink, diags, new Progress(null));
  return { result: r.result, rows: r.rows, encoding: r.encoding, kept: r.kept, diagnostics: diags.list, fed };
}

/** The columns of the generated CSV ledgers, as an agreement names them, and where it names them. */
export const LEDGER_COLUMNS = new Map([
  ['category', 'Art'],
  ['account', 'Konto'],
  ['party', 'Kommune'],
  ['amount', 'Beløp'],
  ['text', 'Tekst'],
]);
export const AT = { file: 'agreement.yaml', line: 1, col: 1 };

/** A generated CSV ledger with {@link LEDGER_COLUMNS}, its encoding declared or not, read as {@link readLedger} reads it. */
export function readCsvLedger(file: string, encoding: Encoding | undefined, shape: LedgerShape, plain: boolean) {
  return readLedger({ file, columns: LEDGER_COLUMNS, dialect: encoding ? { encoding } : {}, at: AT }, shape, plain);
}

/**
 * Reads `file` by the byte reader and by the plain reader alone, and expects
 * the same entries, rows, encoding and diagnostics of both; the byte
 * reader's read, whose `fed` says whether it read the file itself.
 */
export async function expectSameAsPlain(file: string, encoding: Encoding | undefined, shape: LedgerShape) {
  const byBytes = await readCsvLedger(file, encoding, shape, false);
  const plain = await readCsvLedger(file, encoding, shape, true);
  expect(byBytes.diagnostics).toEqual(plain.diagnostics);
  expect(byBytes.result).toEqual(plain.result);
  expect(byBytes.rows).toBe(plain.rows);
  expect(byBytes.encoding).toBe(plain.encoding);
  return byBytes;
}
