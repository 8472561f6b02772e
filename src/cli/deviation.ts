import { DEVIATION_SIGNS } from '../reports/deviation.js';
import { formatsOf } from '../render/formats.js';
import { Option } from 'commander';
import { type CommandSpec, later } from './command-spec.js';

/** `samkost deviation`: budget against actuals, the overrun split by party. */
export const deviationSpec: CommandSpec = {
  name: 'deviation',
  define: ({ t, command }) =>
    command(
      'deviation',
      t('budsjett mot regnskap per art og post; merforbruket fordelt per kommune', 'budget vs actuals per category and item; overrun split by party'),
      formatsOf('deviation'),
      later(async () => (await import('./report-actions.js')).deviationAction),
    )
      .addOption(
        new Option('--sign <convention>', t('fortegnet på avviket', 'how deviation is signed')).choices(DEVIATION_SIGNS).default('budget-minus-actual'),
      )
      .option(
        '--thousands',
        t(
          'vis beløp i hele tusen kroner (table og md; csv og json forblir eksakte)',
          'show amounts in whole thousands of kroner (table and md; csv and json stay exact)',
        ),
      ),
};
