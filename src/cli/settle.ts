import { settle } from '../commands/settle.js';
import { formatsOf } from '../render/registry.js';
import { type CommandSpec, reportAction } from './command-spec.js';
import type { CommonOptions } from './context.js';

/** `samkost settle`: per party, charged, paid a-konto, balance and due date; or the a-konto schedule. */
export const settleSpec: CommandSpec = {
  name: 'settle',
  define: ({ t, command }) =>
    command(
      'settle',
      t('per kommune: belastet, innbetalt a-konto, saldo, forfall', 'per party: charged, a-konto paid, balance, due date'),
      formatsOf('settlement'),
      reportAction(
        (o: CommonOptions & { schedule?: boolean }) => (o.schedule ? 'schedule' : 'settlement'),
        (inputs, o) => settle(inputs, { schedule: o.schedule === true }),
      ),
    ).option(
      '--schedule',
      t(
        'skriv a-kontoplanen (terminer etter budsjettet) i stedet for avregningen',
        'print the a-konto schedule (instalments on the budget) instead of the settlement',
      ),
    ),
};
