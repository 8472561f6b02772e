import { said } from '../text/said.js';
import type { CommandSpec } from './command-spec.js';
import { completionScript, SHELLS, type Shell } from './completion.js';
import { ExitError } from './exit.js';

const isShell = (s: string): s is Shell => (SHELLS as readonly string[]).includes(s);

/** `samkost completion SHELL`: a completion script for the shell. */
export const completionSpec: CommandSpec = {
  name: 'completion',
  define: ({ t, program, io }) =>
    program
      .command('completion')
      .argument('<shell>', t(`skallet: ${SHELLS.join(', ')}`, `the shell: ${SHELLS.join(', ')}`))
      .description(t('skriv et fullføringsskript: eval "$(samkost completion bash)"', 'print a completion script: eval "$(samkost completion bash)"'))
      .exitOverride()
      .action(async (shell: string) => {
        if (!isShell(shell))
          throw new ExitError(
            2,
            said(`ingen fullføring for skallet '${shell}'`, `no completion for shell '${shell}'`),
            said(`gi en av ${SHELLS.join(', ')}`, `give one of ${SHELLS.join(', ')}`),
          );
        io.stdout.write(completionScript(program, shell));
      }),
};
