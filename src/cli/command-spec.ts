import type { Command, Option } from 'commander';
import type { Inputs } from '../commands/inputs.js';
import type { Outcome } from '../diagnostics/outcome.js';
import { render, type FormatOf, type ReportKind, type Reports } from '../render/registry.js';
import type { Locale } from '../text/said.js';
import type { CommonOptions, Context } from './context.js';
import type { Io } from './io.js';
import type { LedgerDetail } from './load.js';

/** What a command does with its argument and options once commander has parsed them. */
export type Action<O> = (arg: string, opts: O, c: Context) => Promise<void>;

/**
 * What every command's definition is built with: the program, the help's
 * language, and the options the commands that read an agreement share.
 */
export interface Kit {
  readonly io: Io;
  readonly program: Command;
  readonly locale: Locale;
  /** The help in the language the command line asks for. */
  readonly t: (nb: string, en: string) => string;
  /** A command's context: where it speaks, how it reads the agreement. */
  readonly context: (opts: CommonOptions & { thousands?: boolean; format?: string }) => Context;
  readonly localeOption: () => Option;
  /** The options of every command that reads an agreement: format, locale, output, inputs. */
  readonly common: (c: Command, formats: readonly string[]) => Command;
  /** A command of one agreement with the common options and `action`. */
  readonly command: <O extends CommonOptions, F extends string>(
    name: string,
    description: string,
    formats: readonly F[],
    action: Action<O & { format: F }>,
  ) => Command;
}

/**
 * One command of the CLI, with its options beside it: `define` puts its
 * arguments, options, help and action on the program. `buildProgram` is a
 * loop over the list of them.
 */
export interface CommandSpec {
  readonly name: string;
  readonly define: (kit: Kit) => unknown;
}

/** A repeatable option's values, in the order given. */
export const many = (v: string, all: string[]): string[] => [...all, v];

/**
 * A report command: load (read and validate), compute, render in the chosen
 * format, write — the one road of every command that prints one report.
 */
export const reportAction =
  <K extends ReportKind, O extends CommonOptions>(
    kind: (opts: O) => K,
    compute: (inputs: Inputs, opts: O) => Outcome<Reports[K]>,
    detail: LedgerDetail = 'selected',
  ): Action<O & { format: FormatOf<K> }> =>
  async (arg, opts, c) => {
    const loaded = await c.load(arg, detail);
    const r = await c.report(compute(await c.inputs(loaded), opts), loaded);
    await c.speaker.out(render(kind(opts), opts.format, r, c.renderOptions), opts);
  };
