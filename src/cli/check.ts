import { type FormatOf, formatsOf } from '../render/formats.js';
import type { CommandSpec } from './command-spec.js';
import type { CommonOptions } from './context.js';

export type CheckOptions = CommonOptions & { format: FormatOf<'check'>; strict?: boolean; invoices?: boolean; scenarios?: string };

/** `samkost check`: every agreement and its inputs validated; exit 1 on any error. */
export const checkSpec: CommandSpec = {
  name: 'check',
  define: ({ t, program, common, context }) =>
    common(
      program
        .command('check')
        .argument('<agreement...>', t('avtalefiler eller mapper', 'agreement files or directories'))
        .description(
          t(
            'kontroller avtaler og inndataene deres; avslutt med 1 ved feil (også advarsler med --strict)',
            'validate agreements and their inputs; exit 1 on any error (warnings too with --strict)',
          ),
        ),
      formatsOf('check'),
    )
      .option('--strict', t('advarsler teller som feil (avslutt med 1): for CI', 'warnings count as errors (exit 1): for CI'))
      .option(
        '--invoices',
        t(
          'kontroller også at sluttfakturaene kan sendes (organisasjonsnumre, adresser, konto, referanser, nummerserie)',
          'also check that the final invoices can be issued (org numbers, addresses, account, references, number series)',
        ),
      )
      .option(
        '--scenarios <file>',
        t(
          'kjør også scenarioene i denne filen mot hver avtale: hver innstilling må nevne en verdi og la avtalen være gyldig',
          'also run the scenarios of this file against every agreement: each setting must name a value and leave it valid',
        ),
      )
      .action(async (args: string[], opts: CheckOptions) => (await import('./check-action.js')).checkCommand(args, opts, await context(opts))),
};
