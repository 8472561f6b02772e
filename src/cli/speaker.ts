import type { Outcome } from '../diagnostics/outcome.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderDiagnostics, type Style } from '../diagnostics/render.js';
import { lineLookup, type SourceFiles } from './excerpts.js';
import { ExitError } from './exit.js';
import type { Io } from './io.js';
import { writeOutput, writeOutputs } from './output.js';
import { OutStream } from './out-stream.js';
import type { Styles } from './style.js';
import { type Locale, type Said, said } from '../text/said.js';
import { HINT, SEVERITY } from '../diagnostics/render.js';
import { visible } from '../text/characters.js';
import type { Output, WithDiagnostics } from '../render/registry.js';
import { type CommandProblem, diagnosticsJson } from '../render/diagnostics-json.js';
import { VERSION } from './version.js';

/**
 * The one place the CLI speaks to the user: diagnostics with their excerpts,
 * errors with their hints, status lines, and the output itself — to
 * standard output or, atomically, to `--out`.
 *
 * Asked for `--format json`, it keeps what goes wrong instead of printing
 * it: a run that fails ends with one JSON document of diagnostics on
 * standard output ({@link end}); a run that succeeds prints its warnings
 * as text, as without JSON.
 */
export class Speaker {
  readonly err: Style;
  /** Emphasis in tables written to standard output. */
  readonly bold: (s: string) => string;
  /** With `--format json`: the problems so far, and their text for standard error should the run succeed after all. */
  private readonly kept: { problems: (Diagnostic | CommandProblem)[]; text: string[] } | null;
  /** Whether the command wrote its output (then a failure's diagnostics are in it, as `check --format json` writes them). */
  private wrote = false;

  constructor(
    readonly io: Io,
    /** Colour on standard error and output, or none: {@link stylesFor}. */
    styles: Styles,
    /** The language of everything said: `--locale`, or before the options are read, what the command line asks for. */
    readonly locale: Locale,
    /** `--format json`: what goes wrong is written as JSON. */
    json = false,
  ) {
    this.err = styles.err;
    this.bold = styles.out.bold;
    this.kept = json ? { problems: [], text: [] } : null;
  }

  /** Prints diagnostics, each with the line it points at from `files`. */
  async diagnostics(list: readonly Diagnostic[], files: SourceFiles): Promise<void> {
    if (!list.length) return;
    const text = renderDiagnostics(list, await lineLookup(this.io.fs, list, files), this.locale, this.err);
    if (!this.kept) return void this.io.stderr.write(text);
    this.kept.problems.push(...list);
    this.kept.text.push(text);
  }

  /** `samkost: feil: …` with its hint, for what is wrong outside any file. */
  error(message: Said, hint?: Said): void {
    const l = this.locale;
    if (this.kept) return void this.kept.problems.push({ message, ...(hint ? { hint } : {}) });
    this.io.stderr.write(`samkost: ${this.err.error(SEVERITY.error[l])}: ${visible(message[l])}\n${hint ? `  = ${HINT[l]}: ${visible(hint[l])}\n` : ''}`);
  }

  /**
   * The end of the run, failed or not: with `--format json`, a failure that
   * wrote no output writes its diagnostics as JSON on standard output; a
   * success prints the warnings it kept.
   */
  end(failed: boolean): void {
    if (!this.kept) return;
    if (!failed) for (const t of this.kept.text) this.io.stderr.write(t);
    else if (!this.wrote) this.io.stdout.write(diagnosticsJson(this.kept.problems, this.locale, VERSION));
  }

  status(line: Said): void {
    this.io.stderr.write(`${line[this.locale]}\n`);
  }

  /**
   * A command's report after printing what was found, or — when it has
   * none — its diagnostics and the reasons it refused, then the end of the
   * run. `failed` is what to say when the input simply has errors.
   */
  async report<R>(
    outcome: Outcome<R>,
    files: SourceFiles,
    failed = {
      message: said('ingenting ble regnet ut: inndataene har feil', 'nothing was computed: the input has errors'),
      hint: said('rett det som er listet over', 'correct what is listed above'),
    },
  ): Promise<R> {
    const texts = 'texts' in outcome && outcome.texts ? new Map([...files.texts, ...outcome.texts]) : files.texts;
    await this.diagnostics(outcome.diagnostics, { ...files, texts });
    if (outcome.report !== null) return outcome.report;
    const refusal = 'refusal' in outcome ? outcome.refusal : { exit: 1 as const, reasons: [failed] };
    const last = refusal.reasons.at(-1)!;
    for (const r of refusal.reasons.slice(0, -1)) this.error(r.message, r.hint);
    throw new ExitError(refusal.exit, last.message, last.hint);
  }

  /**
   * Writes to `--out` (atomically, never over a file without `--force`) or
   * to standard output; diagnostics a report carries go to standard error
   * first, and a report that is then empty writes nothing.
   */
  async out(text: Output | WithDiagnostics, opts: { out?: string; force?: boolean }): Promise<void> {
    if (typeof text === 'object' && 'diagnostics' in text) {
      this.io.stderr.write(text.diagnostics);
      if (text.text) await this.out(text.text, opts);
      return;
    }
    // A workbook is bytes: to a terminal they are noise, to a pipe or a file they are the workbook.
    if (typeof text !== 'string' && (!opts.out || opts.out === '-') && this.io.stdout.isTTY)
      throw new ExitError(
        2,
        said('xlsx er et binærformat og skrives ikke til terminalen', 'xlsx is a binary format and is not written to a terminal'),
        said('gi --out FIL.xlsx, eller send utdataene videre med > eller |', 'give --out FILE.xlsx, or redirect the output with > or |'),
      );
    const file = outFile(opts);
    if (file) await writeOutput(this.io, file, text, opts.force === true);
    else this.io.stdout.write(text);
    this.wrote = true;
  }

  /**
   * Text written a piece at a time: pieces are kept until there are
   * `spoolAt` bytes of them, then go on to a temporary file (beside
   * `--out`, or in the system's temporary folder for standard output). Only
   * `close` shows the output, so a run that fails half-way still writes
   * nothing, and a sweep of a million scenarios is never held whole.
   */
  stream(opts: { out?: string; force?: boolean }, spoolAt = SPOOL_AT): OutStream {
    const file = outFile(opts);
    return new OutStream(this.io, file, spoolAt, {
      whole: (text) => this.out(text, opts),
      spooled: async (spool) => {
        if (file) await writeOutputs(this.io, [{ file, content: { spool } }], opts.force === true);
        else await copyOut(this.io, spool);
      },
    });
  }
}

/**
 * A spooled output to standard output through one buffer: a buffer per
 * piece read would be garbage outside the heap that no collection is due
 * to free, up to tens of megabytes of it.
 */
async function copyOut(io: Io, spool: string): Promise<void> {
  const handle = await io.fs.open(spool, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      await io.stdout.writeText(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/** Past this many bytes, streamed output goes on to a temporary file. */
const SPOOL_AT = 4 << 20;

/** The file `--out` names, or null for standard output (none given, or `-` as for any Unix tool). */
function outFile(opts: { out?: string }): string | null {
  // `--out ""` (an unset shell variable) is a mistake, not a request for standard output.
  if (opts.out === '')
    throw new ExitError(
      2,
      said('--out nevner ingen fil', '--out names no file'),
      said('gi et filnavn, eller utelat --out for å skrive til standard ut', 'give a file name, or leave out --out to write to standard output'),
    );
  return opts.out && opts.out !== '-' ? opts.out : null;
}
