import { explain } from '../commands/explain.js';
import { formatsOf } from '../render/registry.js';
import { type CommandSpec, reportAction } from './command-spec.js';
import type { CommonOptions } from './context.js';

/** `samkost explain`: how each amount on a party's invoice was derived. */
export const explainSpec: CommandSpec = {
  name: 'explain',
  define: ({ t, command }) =>
    command(
      'explain',
      t('hvordan hvert beløp på en kommunes faktura er regnet ut', "how each amount on a party's invoice was derived"),
      formatsOf('explanation'),
      reportAction(
        (_: CommonOptions & { party: string; item?: string }) => 'explanation',
        (inputs, o) => explain(inputs, { party: o.party, ...(o.item !== undefined ? { item: o.item } : {}) }),
        'accounts',
      ),
    )
      .requiredOption('--party <id>', t('kommunen som skal forklares', 'the party to explain'))
      .option('--item <id>', t('bare denne posten', 'only this item')),
};
