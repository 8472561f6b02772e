import { settle as settleParties } from '../compute/settle.js';
import { broughtForward } from '../compute/brought-forward.js';
import type { SettlementReport } from '../reports/settlement.js';
import { computeOn, type Inputs } from './inputs.js';
import { refused, type Outcome } from '../diagnostics/outcome.js';
import { said } from '../text/said.js';

export interface SettleOptions {
  /** The a-konto schedule is what is asked for, so an agreement without one has nothing to show. */
  readonly schedule: boolean;
}

/** `samkost settle`: per party, charged against a-konto paid, the balance and when it falls due. */
export function settle(inputs: Inputs, options: SettleOptions = { schedule: false }): Outcome<SettlementReport> {
  const last = inputs.lastYear;
  const brought = last
    ? broughtForward({ from: last.from, file: last.file, files: last.files, agreementFile: last.inputs.agreement.file }, settle(last.inputs), inputs.agreement)
    : null;
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
