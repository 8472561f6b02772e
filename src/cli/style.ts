import { Chalk } from 'chalk';
import type { Style } from '../diagnostics/render.js';
import type { Io, Terminal } from './io.js';

/**
 * Colour only on a terminal, never with --no-color or NO_COLOR set. The
 * level is always given here, so chalk's own look at the terminal is never
 * used: the build gives chalk its terminal-free supports-color
 * (rolldown.config.mjs), which spares every start loading node:tty.
 */
export function makeStyle(color: boolean, stream: Terminal, env: Io['env']): Style {
  const on = color && !env.NO_COLOR && stream.isTTY;
  const c = new Chalk({ level: on ? 1 : 0 });
  return { error: (s) => c.red.bold(s), warning: (s) => c.yellow.bold(s), dim: (s) => c.blue(s), bold: (s) => c.bold(s) };
}
