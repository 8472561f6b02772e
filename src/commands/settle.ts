import { settle as settleParties } from '../compute/settle.js';
import type { BroughtForward, SettlementReport } from '../reports/settlement.js';
import { computeOn, lastYearInvalid, refused, type Inputs, type LastYear, type Outcome } from './inputs.js';
import { Diagnostics, type Computed } from '../diagnostics/diagnostic.js';
import { Money } from '../money/money.js';
import { byKind } from '../reports/by-kind.js';
import { said } from '../text/said.js';

export interface SettleOptions {
  /** The a-konto schedule is what is asked for, so an agreement without one has nothing to show. */
  readonly schedule: boolean;
}

/** `samkost settle`: per party, charged against a-konto paid, the balance and when it falls due. */
export function settle(inputs: Inputs, options: SettleOptions = { schedule: false }): Outcome<SettlementReport> {
  const brought = inputs.lastYear ? broughtForward(inputs.lastYear) : null;
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
function broughtForward(last: LastYear): Computed<BroughtForward> {
  const settled = settle(last.inputs);
  if (!settled.report) {
    const diags = new Diagnostics();
    const errors = settled.diagnostics.filter((d) => d.severity === 'error');
    diags.error(last.from.at, 'brought-forward-invalid', ...lastYearInvalid(last.from.written, last.inputs.agreement.file, errors));
    return diags.failure();
  }
  const a = settled.report.allocation.agreement;
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
