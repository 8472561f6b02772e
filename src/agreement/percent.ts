import { Ratio } from '../money/ratio.js';

/** A share as people write it in messages: `99.99 %`, `33.333333 %`. */
export function formatPercent(r: Ratio): string {
  return `${r.times(Ratio.of(100n)).toDecimalString(6)} %`;
}
