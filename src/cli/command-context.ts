import { localDay } from '../dates/date.js';
import type { Inputs } from '../commands/inputs.js';
import type { Outcome } from '../diagnostics/outcome.js';
import { said } from '../text/said.js';
import type { CommonOptions, Context } from './context.js';
import type { Io } from './io.js';
import { load, type Loaded, loadOrUnreadable } from './load.js';
import { Progress } from './progress.js';
import { Speaker } from './speaker.js';
import { stylesFor } from './style.js';
import { VERSION } from './version.js';

/**
 * The context a command of one or more agreements runs in, once commander
 * has parsed its options: where it speaks, how it reads and reports. Loaded
 * with the command's action, never for `--help` or a command-line mistake.
 */
export async function commandContext(io: Io, opts: CommonOptions & { thousands?: boolean; format?: string }): Promise<Context> {
  const c = new Speaker(io, await stylesFor(opts.color, io), opts.locale, opts.format === 'json');
  const failed = (arg: string) => ({
    message: said('ingenting ble regnet ut: inndataene har feil', 'nothing was computed: the input has errors'),
    hint: said(`kjør samkost check ${arg} for å se alle`, `run samkost check ${arg} to see them all`),
  });
  return {
    speaker: c,
    load: (arg, detail) => load(io.fs, arg, opts, Progress.for(io.stderr, opts.quiet === true, opts.locale), detail, io.stdin),
    loadOrUnreadable: (arg) => loadOrUnreadable(io.fs, arg, opts, Progress.for(io.stderr, opts.quiet === true, opts.locale), 'classes', io.stdin),
    inputs: async (loaded) =>
      c.report<Inputs>(
        loaded.inputs ? { report: loaded.inputs, diagnostics: [] } : { report: null, diagnostics: loaded.diagnostics },
        loaded,
        failed(loaded.file),
      ),
    report: <R>(outcome: Outcome<R>, loaded: Loaded) =>
      c.report<R>({ ...outcome, diagnostics: [...loaded.diagnostics, ...outcome.diagnostics] }, loaded, failed(loaded.file)),
    renderOptions: {
      locale: opts.locale,
      bold: c.bold,
      thousands: opts.thousands === true,
      version: VERSION,
      today: localDay(io.now()),
      diagnosticStyle: c.err,
    },
  };
}
