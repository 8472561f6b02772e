import { deviation as deviationTable } from '../compute/deviation.js';
import type { DeviationReport, DeviationSign } from '../reports/deviation.js';
import type { Computed } from '../diagnostics/diagnostic.js';
import { computeOn, type Inputs } from './inputs.js';

export interface DeviationOptions {
  readonly sign: DeviationSign;
}

/** `samkost deviation`: budget against actuals per category and item, and the overrun split by party. */
export function deviation(inputs: Inputs, options: DeviationOptions): Computed<DeviationReport> {
  return computeOn(inputs, (input) => deviationTable(input, options.sign));
}
