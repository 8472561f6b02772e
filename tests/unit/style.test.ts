import { describe, expect, it } from 'vitest';
import { samkost } from '../cli.js';

/**
 * Diagnostics are coloured on a terminal only (chalk, at the level samkost
 * gives it: src/cli/style.ts), and never with NO_COLOR or --no-color.
 */
describe('terminal colours', () => {
  let stderr = '';
  const tty = {
    write: (t: string | Uint8Array) => {
      stderr += String(t);
    },
    isTTY: true,
  };
  const missing = ['check', 'fixtures/does-not-exist'];

  it('colours the place and the severity on a terminal', async () => {
    stderr = '';
    await samkost(missing, { stderr: tty, env: {} });
    expect(stderr).toContain('\u001B[1mfixtures/does-not-exist:1:1:\u001B[22m \u001B[31m\u001B[1mfeil\u001B[22m\u001B[39m: kan ikke lese');
  });

  it('writes no colour with NO_COLOR, with --no-color, or off a terminal', async () => {
    for (const [args, env, stream] of [
      [missing, { NO_COLOR: '1' }, tty],
      [[...missing, '--no-color'], {}, tty],
      [missing, {}, { ...tty, isTTY: false }],
    ] as const) {
      stderr = '';
      await samkost(args, { stderr: stream, env });
      expect(stderr).toContain('fixtures/does-not-exist:1:1: feil: kan ikke lese');
      expect(stderr).not.toContain('\u001B');
    }
  });
});
