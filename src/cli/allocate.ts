import { formatsOf } from '../render/formats.js';
import { type CommandSpec, later } from './command-spec.js';

/** `samkost allocate`: the allocation, items × parties. */
export const allocateSpec: CommandSpec = {
  name: 'allocate',
  define: ({ t, command }) =>
    command(
      'allocate',
      t('fordelingen: poster × kommuner', 'the allocation: items × parties'),
      formatsOf('allocation'),
      later(async () => (await import('./report-actions.js')).allocateAction),
    ),
};
