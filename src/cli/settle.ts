import { formatsOf } from '../render/formats.js';
import { type CommandSpec, later } from './command-spec.js';

/** `samkost settle`: per party, charged, paid a-konto, balance and due date; or the a-konto schedule. */
export const settleSpec: CommandSpec = {
  name: 'settle',
  define: ({ t, command }) =>
    command(
      'settle',
      t('per kommune: belastet, innbetalt a-konto, saldo, forfall', 'per party: charged, a-konto paid, balance, due date'),
      formatsOf('settlement'),
      later(async () => (await import('./report-actions.js')).settleAction),
    ).option(
      '--schedule',
      t(
        'skriv a-kontoplanen (terminer etter budsjettet) i stedet for avregningen',
        'print the a-konto schedule (instalments on the budget) instead of the settlement',
      ),
    ),
};
