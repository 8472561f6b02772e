import { ITEM_KINDS, type ItemKind } from '../agreement/model.js';

/** Per kind of cost: municipal accounts keep operating and investment apart, so every total does too. */
export type ByKind<T> = { readonly [K in ItemKind]: T };

export function byKind<T>(f: (kind: ItemKind) => T): ByKind<T> {
  return Object.fromEntries(ITEM_KINDS.map((k) => [k, f(k)])) as ByKind<T>;
}
