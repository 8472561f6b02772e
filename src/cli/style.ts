import { PLAIN, type Style } from '../diagnostics/render.js';
import type { Io, Terminal } from './io.js';

/** How standard error and standard output are styled. */
export interface Styles {
  readonly err: Style;
  readonly out: Style;
}

/** No colour on either stream. */
export const UNSTYLED: Styles = { err: PLAIN, out: PLAIN };

/**
 * Colour only on a terminal, never with --no-color or NO_COLOR set. chalk
 * is loaded only for a stream that is coloured (src/cli/colour.ts): a start
 * that writes to a file or a pipe (CI, scripts, the bench) does not build
 * its tables of styles. The level is always given, so chalk's own look at
 * the terminal is never used: the build gives chalk its terminal-free
 * supports-color (rolldown.config.mjs), which spares every start loading
 * node:tty.
 */
export async function stylesFor(color: boolean, io: Pick<Io, 'stderr' | 'stdout' | 'env'>): Promise<Styles> {
  const on = (stream: Terminal) => color && !io.env.NO_COLOR && stream.isTTY === true;
  const coloured = { err: on(io.stderr), out: on(io.stdout) };
  if (!coloured.err && !coloured.out) return UNSTYLED;
  return (await import('./colour.js')).colouredStyles(coloured);
}
