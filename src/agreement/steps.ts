import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { Ratio } from '../money/ratio.js';
import type { Tier } from './model.js';
import { type Said, said } from '../text/said.js';
import { quantity } from './phrases.js';

/** Flags a quantity above the last step: prices are never extrapolated. */
export function checkWithinSteps(r: { readonly diags: Diagnostics }, tiers: readonly Tier[], q: Ratio, at: SourcePos, where: Said): boolean {
  const last = tiers[tiers.length - 1]!;
  if (last.upTo !== null && q.cmp(last.upTo) > 0) {
    r.diags.error(
      at,
      'price-above-last-step',
      said(
        `mengden ${quantity(q).nb} er over det siste pristrinnet (${quantity(last.upTo).nb}) i ${where.nb}`,
        `quantity ${quantity(q).en} is above the last price step (${quantity(last.upTo).en}) of ${where.en}`,
      ),
      said(
        'legg til et trinn som dekker den, eller [.inf, pris] for et åpent siste trinn',
        'add a step that covers it, or [.inf, price] for an open last step',
      ),
    );
    return false;
  }
  return true;
}
