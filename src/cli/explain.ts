import { formatsOf } from '../render/formats.js';
import { type CommandSpec, later } from './command-spec.js';

/** `samkost explain`: how each amount on a party's invoice was derived. */
export const explainSpec: CommandSpec = {
  name: 'explain',
  define: ({ t, command }) =>
    command(
      'explain',
      t('hvordan hvert beløp på en kommunes faktura er regnet ut', "how each amount on a party's invoice was derived"),
      formatsOf('explanation'),
      later(async () => (await import('./report-actions.js')).explainAction),
    )
      .requiredOption('--party <id>', t('kommunen som skal forklares', 'the party to explain'))
      .option('--item <id>', t('bare denne posten', 'only this item')),
};
