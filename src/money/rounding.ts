import { Money } from './money.js';
import type { Ratio } from './ratio.js';

/**
 * `half-up`: every line is rounded on its own (halves away from zero, so a
 * credit is the mirror image of a charge) and what the lines miss is reported
 * as unallocated. `largest-remainder`: lines sum exactly to the basis rounded
 * to the unit.
 */
export type RoundingMethod = 'half-up' | 'largest-remainder';
export const ROUNDING_METHODS: readonly RoundingMethod[] = ['half-up', 'largest-remainder'];

export interface Rounding {
  /** A positive amount: 0.01 for øre, 1 for whole kroner. */
  readonly unit: Money;
  readonly method: RoundingMethod;
}

export const ORE = Money.parse('0.01')!;

/** Rounds an exact value to a multiple of `unit`, halves away from zero. */
export function roundToUnit(x: Ratio, unit: Money): Money {
  return Money.round(x, unit);
}
