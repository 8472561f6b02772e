import { allocate as allocateItems } from '../compute/allocate.js';
import type { AllocationReport } from '../compute/report.js';
import type { Computed } from '../diagnostics/diagnostic.js';
import { computeOn, type Inputs } from './inputs.js';

/** `samkost allocate`: every item split between the parties. */
export function allocate(inputs: Inputs): Computed<AllocationReport> {
  return computeOn(inputs, allocateItems);
}
