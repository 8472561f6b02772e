import { settle as settleParties } from '../compute/settle.js';
import type { BroughtForward, SettlementReport } from '../reports/settlement.js';
import { computeOn, lastYearInvalid, refused, type Inputs, type LastYear, type Outcome } from './inputs.js';
import { Diagnostics, type Computed } from '../diagnostics/diagnostic.js';
import { Money } from '../money/money.js';
import { byKind } from '../reports/by-kind.js';
import { said } from '../text/said.js';
import { ITEM_KINDS, type Agreement } from '../agreement/model.js';

export interface SettleOptions {
  /** The a-konto schedule is what is asked for, so an agreement without one has nothing to show. */
  readonly schedule: boolean;
}

/** `samkost settle`: per party, charged against a-konto paid, the balance and when it falls due. */
export function settle(inputs: Inputs, options: SettleOptions = { schedule: false }): Outcome<SettlementReport> {
  const brought = inputs.lastYear ? broughtForward(inputs.lastYear, inputs.agreement) : null;
  if (brought && !brought.report) return brought;
  const settled = computeOn(inputs, (input) => settleParties(brought?.report ? { ...input, broughtForward: brought.report } : input));
  if (options.schedule && settled.report && !settled.report.schedule) {
    return refused(
      1,
      said('avtalen har ingen a-kontoplan', 'the agreement has no a-konto schedule'),
      said('legg til settlement: { akonto: [{ due: 2023-04-30, part: 50% }, ...] }', 'add settlement: { akonto: [{ due: 2023-04-30, part: 50% }, ...] }'),
      settled.diagnostics,
    );
  }
  return settled;
}

/**
 * Last year settled from its own inputs (and its own last year, in turn):
 * per party, the balance of each kind it carried forward. Last year must
 * settle without errors; its warnings were last year's to heed.
 */
function broughtForward(last: LastYear, now: Agreement): Computed<BroughtForward> {
  const settled = settle(last.inputs);
  const diags = new Diagnostics();
  if (!settled.report) {
    const errors = settled.diagnostics.filter((d) => d.severity === 'error');
    diags.error(last.from.at, 'brought-forward-invalid', ...lastYearInvalid(last.from.written, last.inputs.agreement.file, errors));
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
