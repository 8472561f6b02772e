import type { Command, Option } from 'commander';
import type { Locale } from '../text/said.js';
import type { CommonOptions, Context } from './context.js';
import type { Io } from './io.js';

/** What a command does with its argument and options once commander has parsed them. */
export type Action<O> = (arg: string, opts: O, c: Context) => Promise<void>;

/**
 * An action loaded only when its command runs: the definitions of every
 * command (their options and help) are loaded at start-up, what they do is
 * not, so `--help` or `check` does not load what `invoices` or `scenario`
 * runs (tests/startup.test.ts).
 */
export const later =
  <O>(load: () => Promise<Action<O>>): Action<O> =>
  async (arg, opts, c) =>
    (await load())(arg, opts, c);

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
  /** A command's context: where it speaks, how it reads the agreement (loaded with the command's action). */
  readonly context: (opts: CommonOptions & { thousands?: boolean; format?: string }) => Promise<Context>;
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
 * The one road of every command: the command line's own mistakes found
 * (`parse`, exit 2, before anything is read), the agreement loaded (read and
 * validated), the report computed, rendered, written. A stage that meets a
 * problem ends the road through the context (its diagnostics, its exit
 * code); none of them writes before `write`.
 */
export interface Road<A, O, P, L, R, Out> {
  readonly parse: (arg: A, opts: O, c: Context) => Promise<P> | P;
  readonly load: (arg: A, parsed: P, opts: O, c: Context) => Promise<L>;
  readonly compute: (loaded: L, parsed: P, opts: O, c: Context) => Promise<R>;
  readonly render: (report: R, parsed: P, opts: O, c: Context) => Promise<Out> | Out;
  readonly write: (rendered: Out, report: R, opts: O, c: Context) => Promise<void>;
}

export const road =
  <A, O, P, L, R, Out>(r: Road<A, O, P, L, R, Out>) =>
  async (arg: A, opts: O, c: Context): Promise<void> => {
    const parsed = await r.parse(arg, opts, c);
    const report = await r.compute(await r.load(arg, parsed, opts, c), parsed, opts, c);
    await r.write(await r.render(report, parsed, opts, c), report, opts, c);
  };
