import { renderDiagnostics } from '../diagnostics/render.js';
import type { Computed } from '../commands/compute.js';
import type { Locale } from '../render/locale.js';
import { lineLookup } from './excerpts.js';
import { ExitError } from './exit.js';
import { load, type Loaded } from './load.js';
import { writeOutput } from './output.js';
import { Progress } from './progress.js';
import { makeStyle } from './style.js';

export type Format = 'table' | 'json' | 'csv' | 'md';

export interface CommonOptions {
  format: Format;
  locale: Locale;
  out?: string;
  force?: boolean;
  color: boolean;
  actuals?: string;
  drivers?: string;
  budget?: string;
  payments?: string;
  quiet?: boolean;
}

/** Loads, computes, and fails with every diagnostic, or warns and returns the report with what was loaded. */
export async function computeOrFail<R>(arg: string, opts: CommonOptions | Omit<CommonOptions, 'format'>, run: (inputs: NonNullable<Loaded['inputs']>) => Computed<R>): Promise<{ report: R; loaded: Loaded }> {
  const loaded = await load(arg, opts, Progress.for(process.stderr, opts.quiet === true));
  const style = makeStyle(opts.color, process.stderr);
  const computed = loaded.inputs ? run(loaded.inputs) : { report: null, diagnostics: [] };
  const all = [...loaded.diagnostics, ...computed.diagnostics];
  if (!computed.report) {
    process.stderr.write(renderDiagnostics(all, await lineLookup(all, loaded), style));
    throw new ExitError(1, 'nothing was computed: the input has errors', `run samkost check ${arg} to see them all`);
  }
  if (all.length) process.stderr.write(renderDiagnostics(all, await lineLookup(all, loaded), style));
  return { report: computed.report, loaded };
}

/** Writes to --out (atomically, never over a file without --force) or to standard output. */
export async function emit(text: string, opts: { out?: string; force?: boolean }): Promise<void> {
  // `--out ""` (an unset shell variable) is a mistake, not a request for standard output.
  if (opts.out === '') throw new ExitError(2, '--out names no file', 'give a file name, or leave out --out to write to standard output');
  if (opts.out) await writeOutput(opts.out, text, opts.force === true);
  else process.stdout.write(text);
}
