import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/cli/style.js';

/**
 * samkost colours its diagnostics itself (src/cli/style.ts), as chalk did
 * before: the same bytes as chalk's 16 colours for any text, with codes,
 * line breaks and CRLF in it; and none without a terminal or with colour off.
 */
describe('terminal colours', () => {
  const tty = { write: () => undefined, isTTY: true };
  const chalk = new Chalk({ level: 1 });
  const text = fc.oneof(
    fc.string(),
    fc
      .array(fc.constantFrom('a', 'æ', ' ', '\n', '\r', '\r\n', '\u001B[22m', '\u001B[39m', '\u001B[1m', '\u001B[31m', '\u001B', '[', 'm'))
      .map((parts) => parts.join('')),
  );

  it('writes each style as chalk does', () => {
    const ours = makeStyle(true, tty, {});
    const theirs = { error: chalk.red.bold, warning: chalk.yellow.bold, dim: chalk.blue, bold: chalk.bold };
    fc.assert(
      fc.property(text, (s) => {
        for (const k of ['error', 'warning', 'dim', 'bold'] as const) expect(ours[k](s), k).toBe(theirs[k](s));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes no colour off a terminal, with --no-color, or with NO_COLOR set', () => {
    for (const style of [makeStyle(true, { ...tty, isTTY: false }, {}), makeStyle(false, tty, {}), makeStyle(true, tty, { NO_COLOR: '1' })])
      fc.assert(
        fc.property(text, (s) => {
          expect([style.error(s), style.warning(s), style.dim(s), style.bold(s)]).toEqual([s, s, s, s]);
        }),
      );
  });
});
