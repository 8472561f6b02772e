import { describe, expect, it } from 'vitest';
import { samkost } from './cli.js';

/**
 * A run that starts with a command's name defines only that command
 * (src/cli/run.ts, definedFor: each definition costs start-up time, issue
 * 24); `help NAME` still defines them all. What commander says of the
 * command must not tell the two apart: its help, and its errors.
 */
const COMMANDS = ['check', 'allocate', 'settle', 'deviation', 'explain', 'scenario', 'invoices', 'schema', 'completion', 'init'];

describe('a command named first is defined alone', () => {
  it('its help is the one `help NAME` writes with every command defined, in both languages', async () => {
    for (const name of COMMANDS)
      for (const locale of [[], ['--locale', 'en']]) {
        const alone = await samkost([name, '--help', ...locale]);
        expect(alone.stdout, name).toMatch(new RegExp(`samkost ${name}\\b`));
        expect(alone, `${name} ${locale.join(' ')}`).toEqual(await samkost(['help', name, ...locale]));
      }
  });

  it('its errors name the same options as with every command defined (the program level only adds its own)', async () => {
    // An unknown option under the command, and a near miss of one of its own: the suggestion looks at the command and the program.
    for (const [args, said] of [
      [['check', 'a.yaml', '--nosuch'], "unknown option '--nosuch'"],
      [['check', 'a.yaml', '--strikt'], '--strict'],
      [['allocate', 'a.yaml', '--formatt', 'csv'], '--format'],
      [['check', 'a.yaml', '--versio'], '--version'],
    ] as const) {
      const r = await samkost([...args, '--locale', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(said);
    }
  });

  it('completion still writes every command', async () => {
    const r = await samkost(['completion', 'bash']);
    for (const name of COMMANDS) expect(r.stdout, name).toContain(name);
  });
});
