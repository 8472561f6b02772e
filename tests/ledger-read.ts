import type { InputSpec } from '../src/agreement/model.js';
import { NODE_FS } from '../src/cli/io.js';
import { Progress } from '../src/cli/progress.js';
import { readInput } from '../src/cli/read-input.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { type ActualsRow, actualsSink, type LedgerShape } from '../src/inputs/actuals.js';
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
