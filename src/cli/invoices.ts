import { type FormatOf, formatsOf } from '../render/formats.js';
import { type CommandSpec, later, many } from './command-spec.js';
import type { CommonOptions } from './context.js';

export type InvoiceOptions = CommonOptions & { format: FormatOf<'invoice'>; date?: string; akonto?: string; reference: string[] };

/** `samkost invoices`: one invoice per party, written to a folder. */
export const invoicesSpec: CommandSpec = {
  name: 'invoices',
  define: ({ t, command, io }) => {
    const invoicesCli = command(
      'invoices',
      t('én faktura per kommune, skrevet til --out MAPPE', 'one invoice per party, written to --out DIR'),
      formatsOf('invoice'),
      later(async () => (await import('./invoices-action.js')).invoicesCommand(io)),
    )
      .option('--date <date>', t('fakturadato, DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (standard: i dag)', 'invoice date, DD.MM.YYYY or YYYY-MM-DD (default: today)'))
      .option(
        '--akonto <n>',
        t(
          'fakturaene for a-kontotermin n i planen i stedet for sluttoppgjøret',
          'the invoices for a-konto instalment n of the schedule instead of the final settlement',
        ),
      )
      .option(
        '--reference <party=ref>',
        t(
          'en kommunes referanse for fakturaene (Deres ref.), foran avtalens (kan gjentas)',
          "a party's reference for its invoices (Deres ref.), over the agreement's (repeatable)",
        ),
        many,
        [],
      );
    // invoices writes a folder of files, not one file: its --out and --force say so.
    for (const o of invoicesCli.options) {
      if (o.long === '--out') {
        o.flags = '-o, --out <dir>';
        o.description = t('mappen fakturaene skrives til, én fil per kommune', 'the folder the invoices are written into, one file per party');
      }
      if (o.long === '--force') o.description = t('skriv over fakturaer som finnes i mappen', 'overwrite invoices already in the folder');
    }
    return invoicesCli;
  },
};
