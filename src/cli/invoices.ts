import path from 'node:path';
import { invoices, sendsEhf } from '../commands/invoices.js';
import { isIsoDate } from '../dates/date.js';
import { formatMoney } from '../render/locale.js';
import { INVOICE_EXTENSIONS, render, type FormatOf } from '../render/registry.js';
import type { CommonOptions, Context } from './context.js';
import { ExitError } from './exit.js';
import type { Io } from './io.js';
import { writeOutputs } from './output.js';
import { said } from '../text/said.js';

export type InvoiceOptions = CommonOptions & { format: FormatOf<'invoice'>; date?: string; akonto?: string; reference: string[] };

/** `samkost invoices`: one file per invoice into --out DIR, all or nothing. */
export function invoicesCommand(io: Io): (arg: string, opts: InvoiceOptions, c: Context) => Promise<void> {
  return async (arg, opts, c) => {
    if (!opts.out || opts.out === '-')
      throw new ExitError(
        2,
        said('invoices trenger --out MAPPE', 'invoices needs --out DIR'),
        said('én fil per kommune skrives i den mappen', 'one file per party is written into that directory'),
      );
    const date = opts.date ?? today(io.now());
    if (!isIsoDate(date))
      throw new ExitError(
        2,
        said(`--date '${opts.date}' er ikke en dato`, `--date '${opts.date}' is not a date`),
        said('skriv den som ÅÅÅÅ-MM-DD, f.eks. 2024-01-15', 'write it as YYYY-MM-DD, e.g. 2024-01-15'),
      );
    const akonto = opts.akonto === undefined ? undefined : /^[1-9]\d{0,2}$/.test(opts.akonto) ? Number(opts.akonto) : null;
    if (akonto === null)
      throw new ExitError(
        2,
        said(`--akonto '${opts.akonto}' er ikke et terminnummer`, `--akonto '${opts.akonto}' is not an instalment number`),
        said('gi terminen som 1, 2, … i rekkefølgen i settlement: akonto:', 'give the instalment as 1, 2, … in the order of settlement: akonto:'),
      );
    const references = new Map<string, string>();
    for (const r of opts.reference) {
      const eq = r.indexOf('=');
      const [party, ref] = eq < 0 ? [r, ''] : [r.slice(0, eq), r.slice(eq + 1).trim()];
      if (!ref)
        throw new ExitError(
          2,
          said(`--reference '${r}' gir ingen referanse`, `--reference '${r}' gives no reference`),
          said('skriv --reference KOMMUNE=REF, f.eks. --reference ibestad=4500123', 'write --reference PARTY=REF, e.g. --reference ibestad=4500123'),
        );
      references.set(party, ref);
    }
    const loaded = await c.load(arg);
    const run = await c.report(invoices(await c.inputs(loaded), { date, references, ...(akonto !== undefined ? { akonto } : {}) }), loaded);
    const sent = opts.format === 'ehf' ? run.invoices.filter(sendsEhf) : run.invoices;
    const stem = opts.locale === 'nb' ? 'faktura' : 'invoice';
    const suffix = akonto === undefined ? '' : `-akonto-${akonto}`;
    const files = sent.map((i) => ({
      file: path.join(opts.out!, `${stem}-${run.year}-${i.buyer.id}${suffix}.${INVOICE_EXTENSIONS[opts.format]}`),
      content: render('invoice', opts.format, i, c.renderOptions),
    }));
    await writeOutputs(io, files, opts.force === true);
    for (const f of files) c.speaker.status(said(`skrev ${f.file}`, `wrote ${f.file}`));
    for (const i of run.invoices.filter((i) => !sent.includes(i))) {
      const balance = formatMoney(i.carriedForward, opts.locale);
      c.speaker.status(
        said(
          `ingen EHF til ${i.buyer.name}: ingenting faktureres, årsoppgjøret er en kontoutskrift${i.carriedForward.isZero() ? '' : ` (saldo ${balance} overføres)`}`,
          `no EHF for ${i.buyer.name}: nothing is billed, the annual settlement is a statement${i.carriedForward.isZero() ? '' : ` (balance ${balance} carried forward)`}`,
        ),
      );
    }
  };
}

/** Today in the user's time zone: a Norwegian invoice written at 00:30 is dated today, not yesterday (UTC). */
function today(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
