import path from 'node:path';
import { amount } from '../agreement/phrases.js';
import { invoices, sendsEhf } from '../commands/invoices.js';
import { invoiceBasisSheet } from '../render/invoice-basis.js';
import { sheetCsv } from '../render/sheet.js';
import { toXlsx } from '../render/xlsx.js';
import { INVOICE_EXTENSIONS, render } from '../render/registry.js';
import { road } from './command-spec.js';
import type { Context } from './context.js';
import type { InvoiceOptions } from './invoices.js';
import { ExitError } from './exit.js';
import type { Io } from './io.js';
import { writeOutputs } from './output.js';
import { forbiddenCharacter } from '../text/characters.js';
import { said } from '../text/said.js';
import { ledgerDateProblem, localDay, parseLedgerDate } from '../dates/date.js';

/** The command line of `invoices`, checked before anything is read. */
interface InvoiceRequest {
  readonly out: string;
  readonly date: string;
  readonly akonto: number | undefined;
  readonly references: ReadonlyMap<string, string>;
}

/** `samkost invoices`: one file per invoice into --out DIR, all or nothing. */
export function invoicesCommand(io: Io): (arg: string, opts: InvoiceOptions, c: Context) => Promise<void> {
  return road({
    parse: async (_arg: string, opts: InvoiceOptions): Promise<InvoiceRequest> => {
      if (!opts.out || opts.out === '-')
        throw new ExitError(
          2,
          said('invoices trenger --out MAPPE', 'invoices needs --out DIR'),
          said('én fil per kommune skrives i den mappen', 'one file per party is written into that directory'),
        );
      await outFolder(io, opts.out);
      // `15.01.2027` as Norwegians write a date, or ISO `2027-01-15`: the two forms the ledgers take too.
      const date = opts.date === undefined ? localDay(io.now()) : parseLedgerDate(opts.date);
      if (date === null)
        throw new ExitError(
          2,
          said(`--date '${opts.date}' er ikke en dato`, `--date '${opts.date}' is not a date`),
          ledgerDateProblem(opts.date ?? '') ??
            said(
              'skriv den som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, f.eks. 15.01.2024 eller 2024-01-15',
              'write it as DD.MM.YYYY or YYYY-MM-DD, e.g. 15.01.2024 or 2024-01-15',
            ),
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
        const bad = forbiddenCharacter(ref);
        if (bad)
          throw new ExitError(2, said(`--reference for '${party}' inneholder ${bad.what.nb}`, `--reference for '${party}' contains ${bad.what.en}`), bad.hint);
        if (references.has(party))
          throw new ExitError(
            2,
            said(`--reference er gitt to ganger for '${party}'`, `--reference is given twice for '${party}'`),
            said('gi én referanse per kommune', 'give one reference per party'),
          );
        references.set(party, ref);
      }
      return { out: opts.out, date, akonto, references };
    },
    load: (arg, _parsed, _opts, c) => c.load(arg),
    compute: async (loaded, { date, references, akonto }, opts, c) =>
      c.report(invoices(await c.inputs(loaded), { date, references, ehf: opts.format === 'ehf', ...(akonto !== undefined ? { akonto } : {}) }), loaded),
    render: (run, { out, date, akonto }, opts, c) => {
      const sent = opts.format === 'ehf' ? run.invoices.filter(sendsEhf) : run.invoices;
      const stem = opts.locale === 'nb' ? 'faktura' : 'invoice';
      const suffix = akonto === undefined ? '' : `-akonto-${akonto}`;
      const files = sent.map((i) => ({
        file: path.join(out, `${stem}-${run.year}-${i.buyer.id}${suffix}.${INVOICE_EXTENSIONS[opts.format]}`),
        content: render('invoice', opts.format, i, c.renderOptions),
      }));
      // Beside the EHF, the same documents as an invoice basis for the host's sales module (README "Sending invoices"); none when nothing is billed.
      if (opts.format === 'ehf' && sent.length > 0) {
        const basis = path.join(out, `${opts.locale === 'nb' ? 'fakturagrunnlag' : 'invoice-basis'}-${run.year}${suffix}`);
        const sheet = invoiceBasisSheet(run.invoices, opts.locale);
        // The workbook is dated by the invoice date, not the run's: the same run writes the same bytes.
        const title = `${sent[0]!.agreement.title} ${run.year} — ${sheet.name}`;
        files.push(
          { file: `${basis}.csv`, content: sheetCsv(sheet, opts.locale) },
          { file: `${basis}.xlsx`, content: toXlsx([sheet], { locale: opts.locale, title, date, version: c.renderOptions.version }) },
        );
      }
      return { files, sent };
    },
    write: async ({ files, sent }, run, opts, c) => {
      await writeOutputs(io, files, opts.force === true);
      for (const f of files) c.speaker.status(said(`skrev ${f.file}`, `wrote ${f.file}`));
      for (const i of run.invoices.filter((i) => !sent.includes(i))) {
        const balance = amount(i.carriedForward);
        c.speaker.status(
          said(
            `ingen EHF til ${i.buyer.name}: ingenting faktureres, årsoppgjøret er en kontoutskrift${i.carriedForward.isZero() ? '' : ` (saldo ${balance.nb} overføres)`}`,
            `no EHF for ${i.buyer.name}: nothing is billed, the annual settlement is a statement${i.carriedForward.isZero() ? '' : ` (balance ${balance.en} carried forward)`}`,
          ),
        );
      }
    },
  });
}

/**
 * --out names a folder: an existing file is not one (its invoices would be
 * reported as files "inside" it), and a new name with a document's extension
 * (`faktura.html`) is a file meant, not a folder to create.
 */
async function outFolder(io: Io, out: string): Promise<void> {
  const s = await io.fs.stat(out).catch(() => null);
  const hint = said(
    'gi en mappe, f.eks. --out fakturaer; én fil per kommune skrives i den',
    'give a folder, e.g. --out invoices; one file per party is written into it',
  );
  if (s && !s.isDirectory()) throw new ExitError(2, said(`--out '${out}' er en fil, ikke en mappe`, `--out '${out}' is a file, not a folder`), hint);
  if (!s && /\.(html?|xml|md|txt|pdf|json|csv|xlsx)$/i.test(out))
    throw new ExitError(
      2,
      said(`--out '${out}' ser ut som et filnavn; invoices skriver til en mappe`, `--out '${out}' looks like a file name; invoices writes into a folder`),
      hint,
    );
}
