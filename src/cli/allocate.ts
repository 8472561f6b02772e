import { allocate } from '../commands/allocate.js';
import { formatsOf } from '../render/registry.js';
import { type CommandSpec, reportAction } from './command-spec.js';

/** `samkost allocate`: the allocation, items × parties. */
export const allocateSpec: CommandSpec = {
  name: 'allocate',
  define: ({ t, command }) =>
    command(
      'allocate',
      t('fordelingen: poster × kommuner', 'the allocation: items × parties'),
      formatsOf('allocation'),
      reportAction(
        () => 'allocation',
        (inputs) => allocate(inputs),
      ),
    ),
};
