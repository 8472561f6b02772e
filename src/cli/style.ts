import type { Style } from '../diagnostics/render.js';
import type { Io, Terminal } from './io.js';

/** Colour only on a terminal, never with --no-color or NO_COLOR set. */
export function makeStyle(color: boolean, stream: Terminal, env: Io['env']): Style {
  if (!(color && !env.NO_COLOR && stream.isTTY)) return { error: plain, warning: plain, dim: plain, bold: plain };
  return { error: sgr(RED, BOLD), warning: sgr(YELLOW, BOLD), dim: sgr(BLUE), bold: sgr(BOLD) };
}

const plain = (s: string) => s;

/** ANSI SGR codes: each style's opening and closing code. */
const RED = [31, 39] as const;
const YELLOW = [33, 39] as const;
const BLUE = [34, 39] as const;
const BOLD = [1, 22] as const;

/**
 * Text in these styles, byte for byte as chalk writes it in 16 colours
 * (tests/unit/style.test.ts compares the two): opened before the text and
 * closed after it; a code inside the text that closes one of them is
 * followed by one that opens it again; and each line break is closed
 * before and opened after, so no colour bleeds past a line. Written out
 * here rather than taken from chalk, which looks at the terminal (node:tty,
 * node:os) whenever it is loaded: at every start of samkost.
 */
function sgr(...styles: readonly (readonly [number, number])[]): (s: string) => string {
  const code = (n: number) => `\u001B[${n}m`;
  const open = styles.map(([o]) => code(o)).join('');
  const close = styles
    .map(([, c]) => code(c))
    .reverse()
    .join('');
  return (s) => {
    if (!s) return s;
    let text = s;
    if (text.includes('\u001B')) for (const [o, c] of [...styles].reverse()) text = text.replaceAll(code(c), code(c) + code(o));
    return open + text.replace(/\r?\n/g, (lf) => close + lf + open) + close;
  };
}
