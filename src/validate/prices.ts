import type { Agreement, Tier } from '../agreement/model.js';
import { item, quantity } from '../agreement/phrases.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import type { Ratio } from '../money/ratio.js';
import { type Said, said } from '../text/said.js';

/**
 * Flags a quantity above the last step: prices are never extrapolated. The
 * one place the rule is written: validation applies it to the quantities the
 * agreement writes, compute to those a drivers file gives.
 */
export function withinSteps(diags: Diagnostics, tiers: readonly Tier[], q: Ratio, at: SourcePos, where: Said): boolean {
  const last = tiers[tiers.length - 1];
  if (!last) throw new Error('internal: a price without steps (the reader refuses it)');
  if (last.upTo !== null && q.cmp(last.upTo) > 0) {
    diags.error(
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

/** Every price with steps and a quantity written in the agreement: that quantity is within the steps. */
export function pricesWithinSteps(a: Agreement, diags: Diagnostics): void {
  for (const i of a.items) {
    if (i.source.kind !== 'price') continue;
    const p = i.source.price;
    if (p.kind === 'tiered' && p.quantity.kind === 'fixed') withinSteps(diags, p.tiers, p.quantity.value, p.quantity.at, item(i.id));
  }
}
