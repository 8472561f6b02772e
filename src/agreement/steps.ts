import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { Ratio } from '../money/ratio.js';
import type { Tier } from './model.js';

/** Flags a quantity above the last step: prices are never extrapolated. */
export function checkWithinSteps(r: { readonly diags: Diagnostics }, tiers: readonly Tier[], q: Ratio, at: SourcePos, where: string): boolean {
  const last = tiers[tiers.length - 1]!;
  if (last.upTo !== null && q.cmp(last.upTo) > 0) {
    r.diags.error(
      at,
      'price-above-last-step',
      `quantity ${q.toDecimalString()} is above the last price step (${last.upTo.toDecimalString()}) of ${where}`,
      'add a step that covers it, or [.inf, price] for an open last step',
    );
    return false;
  }
  return true;
}
