import { type Agreement, type BroughtForwardFrom, ITEM_KINDS } from '../agreement/model.js';
import { type Computed, type Diagnostic, Diagnostics } from '../diagnostics/diagnostic.js';
import { Money } from '../money/money.js';
import { byKind } from '../reports/by-kind.js';
import type { BroughtForward, FileHash, SettlementReport } from '../reports/settlement.js';
import { type Said, said } from '../text/said.js';

/**
 * Last year has errors, so no balance can be brought forward from it: said
 * once, at the `brought_forward:` value, with last year's first error, so
 * the user knows which file to fix and where to start.
 */
export function lastYearInvalid(written: string, file: string, errors: readonly Diagnostic[]): [Said, Said] {
  const first = errors[0];
  const where = first ? `${first.file}:${first.line}:${first.col}` : file;
  const more = errors.length - 1;
  return [
    said(
      `fjorårets avtale '${written}' har feil, så saldoene kan ikke overføres; den første: ${where}: ${first?.message.nb ?? ''}${more > 0 ? ` (og ${more} til)` : ''}`,
      `last year's agreement '${written}' has errors, so no balance can be brought forward; the first: ${where}: ${first?.message.en ?? ''}${more > 0 ? ` (and ${more} more)` : ''}`,
    ),
    said(`rett fjorårets avtale først: samkost check ${file}`, `fix last year's agreement first: samkost check ${file}`),
  ];
}

/**
 * Last year's settlement (settled from its own inputs, and its own last
 * year in turn) as what this year brings forward: per party, the balance of
 * each kind it carried forward. Last year must settle without errors; its
 * warnings were last year's to heed. What is found here is found in last
 * year's data.
 */
export function broughtForward(
  last: { readonly from: BroughtForwardFrom; readonly file: string; readonly files: readonly FileHash[]; readonly agreementFile: string },
  settled: { readonly report: SettlementReport | null; readonly diagnostics: readonly Diagnostic[] },
  now: Agreement,
): Computed<BroughtForward> {
  const diags = new Diagnostics();
  if (!settled.report) {
    const errors = settled.diagnostics.filter((d) => d.severity === 'error');
    diags.error(last.from.at, 'brought-forward-invalid', ...lastYearInvalid(last.from.written, last.agreementFile, errors));
    return diags.failure();
  }
  const a = settled.report.allocation.agreement;
  const vat = (x: Agreement) => x.invoicing.vat;
  // The brought-forward line takes this year's VAT category: last year's balance must have been reckoned in the same.
  if (vat(a) !== vat(now))
    diags.error(
      last.from.at,
      'brought-forward-vat',
      said(
        `${a.title} ${a.year} har vat: ${vat(a)}, men denne avtalen har vat: ${vat(now)}, så saldoen fra i fjor ville fått feil mva.`,
        `${a.title} ${a.year} has vat: ${vat(a)}, but this agreement has vat: ${vat(now)}, so last year's balance would be billed with the wrong VAT`,
      ),
      said(
        'gjør opp fjorårets saldo i fjorårets avtale (uten carry_forward), og ta den ut av brought_forward',
        "settle last year's balance in last year's agreement (without carry_forward), and leave out brought_forward",
      ),
    );
  // Under VAT without a schedule, payments include VAT and are not set against the net balance: carried as it is, the balance would ignore them.
  else if (
    vat(a) === 'standard' &&
    !settled.report.schedule &&
    settled.report.parties.some((p) => ITEM_KINDS.some((k) => p.kinds[k].carriedForward && !p.kinds[k].paid.isZero()))
  )
    diags.error(
      last.from.at,
      'brought-forward-vat',
      said(
        `${a.title} ${a.year} har vat: standard og ingen a-kontoplan, så innbetalingene (inkl. mva.) er ikke trukket fra saldoen den overfører`,
        `${a.title} ${a.year} has vat: standard and no a-konto schedule, so the payments (VAT included) are not set against the balance it carries forward`,
      ),
      said(
        'fakturer a-konto etter en plan i fjorårets avtale (settlement: akonto:), så saldoen er belastet − fakturert eks. mva.',
        "invoice the a-konto by a schedule in last year's agreement (settlement: akonto:), so its balance is charged − invoiced excluding VAT",
      ),
    );
  if (diags.hasErrors) return diags.failure();
  return {
    report: {
      at: last.from.at,
      title: a.title,
      year: a.year,
      file: last.file,
      files: last.files,
      balances: settled.report.parties.map((p) => ({ party: p.party, kinds: byKind((k) => (p.kinds[k].carriedForward ? p.kinds[k].balance : Money.ZERO)) })),
    },
    diagnostics: [],
  };
}
