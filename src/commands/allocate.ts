import { allocate as allocateItems } from '../compute/allocate.js';
import type { AllocationReport } from '../reports/allocation.js';
import type { Computed } from '../diagnostics/diagnostic.js';
import type { Memo } from '../memo/memo.js';
import { computeOn, type Inputs } from './inputs.js';

/** `samkost allocate`: every item split between the parties; `memo` when a scenario session runs it. */
export function allocate(inputs: Inputs, memo?: Memo): Computed<AllocationReport> {
  return computeOn(inputs, allocateItems, memo);
}
