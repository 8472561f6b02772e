import type { Id } from '../agreement/model.js';
import type { Ratio } from '../money/ratio.js';

/** Shares in agreement party order; they sum to exactly 1. */
export type Shares = ReadonlyMap<Id, Ratio>;

/**
 * How a key's shares were reached, recorded while computing them so that an
 * explanation shows the very numbers used: the values and their total for a
 * proportional key, each weighted part of a blend, and the shares before a
 * `precision:` rounding.
 */
export type KeyDerivation = { readonly key: Id; readonly shares: Shares; readonly unrounded?: Shares } & (
  | { readonly kind: 'shares' }
  | { readonly kind: 'equal'; readonly count: number }
  | { readonly kind: 'proportional'; readonly measure: string; readonly values: ReadonlyMap<Id, Ratio>; readonly total: Ratio }
  | { readonly kind: 'blend'; readonly parts: readonly { readonly weight: Ratio; readonly derivation: KeyDerivation }[] }
);
