import { Chalk } from 'chalk';
import { PLAIN, type Style } from '../diagnostics/render.js';
import type { Styles } from './style.js';

/**
 * The styles of standard error and output, coloured by chalk at level 1
 * (16 colours: every terminal shows them) where `coloured` says so. A
 * chunk of its own in the build, loaded only when a stream is coloured
 * (src/cli/style.ts).
 */
export function colouredStyles(coloured: { readonly err: boolean; readonly out: boolean }): Styles {
  const c = new Chalk({ level: 1 });
  const style: Style = { error: (s) => c.red.bold(s), warning: (s) => c.yellow.bold(s), dim: (s) => c.blue(s), bold: (s) => c.bold(s) };
  return { err: coloured.err ? style : PLAIN, out: coloured.out ? style : PLAIN };
}
