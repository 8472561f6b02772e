import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { samkost, usageError } from './cli.js';

const COMMANDS = ['check', 'allocate', 'settle', 'deviation', 'explain', 'scenario', 'invoices', 'schema', 'completion'];

describe('samkost completion', () => {
  it('bash: a valid script that completes commands, options and format choices', async () => {
    const script = (await samkost(['completion', 'bash'])).stdout;
    const complete = (words: string[]) =>
      spawnSync(
        'bash',
        ['-c', `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _samkost; echo "\${COMPREPLY[@]}"`],
        { encoding: 'utf8' },
      );
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    expect(complete(['samkost', 'de']).stdout.trim()).toBe('deviation');
    expect(complete(['samkost', 'allocate', 'x', '--for']).stdout.trim().split(' ')).toEqual(['--format', '--force']);
    expect(complete(['samkost', 'check', 'x', '--format', '']).stdout.trim()).toBe('table json github sarif');
  });
  it('zsh and fish: every command is offered', async () => {
    for (const shell of ['zsh', 'fish']) {
      const script = (await samkost(['completion', shell])).stdout;
      for (const c of COMMANDS) expect(script, `${shell} ${c}`).toContain(c);
    }
  });
  it('an unknown shell is a command-line error', async () => {
    usageError(await samkost(['completion', 'tcsh']), "ingen fullføring for skallet 'tcsh'");
  });
  it('--help shows examples, exit codes and the environment, in bokmål unless --locale en is given', async () => {
    const help = (await samkost(['--help'])).stdout;
    for (const part of ['Bruk:', 'Eksempler:', 'Avslutningskoder:', 'Miljø:', 'NO_COLOR']) expect(help).toContain(part);
    const english = (await samkost(['--help', '--locale', 'en'])).stdout;
    for (const part of ['Usage:', 'Examples:', 'Exit codes:', 'Environment:', 'NO_COLOR']) expect(english).toContain(part);
    expect((await samkost(['scenario', '-l', 'en', '--help'])).stdout).toContain('<path=value>');
    expect((await samkost(['scenario', '--help'])).stdout).toContain('<sti=verdi>');
  });
});
