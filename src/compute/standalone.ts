import type { Agreement, Standalone } from '../agreement/model.js';
import type { Money } from '../money/money.js';
import { roundToUnit } from '../money/rounding.js';
import { indexFactor } from './index-factor.js';

/** A party's cost of going alone in the agreement year: its amount, indexed like an item, rounded to the agreement's unit. */
export function standaloneCost(a: Agreement, s: Standalone): Money {
  return s.index ? roundToUnit(s.amount.times(indexFactor(a, s.index).factor), s.index.round ?? a.rounding.unit) : s.amount;
}
