import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Ratio } from '../money/ratio.js';
import type { Agreement, Id, Key, Party } from './model.js';

/**
 * What is done at each step of resolving a key, by whoever walks it:
 * compute turns values into shares (remembering, and rounding by
 * `precision:`); validate/ checks what the agreement alone gives. Which
 * parties each key is resolved over is written once, in {@link walkKey}.
 * A step returns null once it has reported why it cannot go on.
 */
export interface KeySteps<R, V> {
  /** `equal` (the built-in key, or a key defined as it) over these parties. */
  equal(parties: readonly Party[], at: SourcePos): R | null;
  /** `population` (the built-in key, or a key defined as it) over these parties. */
  population(parties: readonly Party[], at: SourcePos): R | null;
  /** A key of fixed shares. */
  shares(key: Key, shares: ReadonlyMap<Id, Ratio>): R | null;
  /** A key by a driver's values, over these parties. */
  driver(driver: Id, parties: readonly Party[], at: SourcePos): R | null;
  /** A blend: each part's result with its weight. */
  blend(parts: readonly { readonly weight: Ratio; readonly value: V }[]): R | null;
  /** Key `id` (`key` when the agreement defines it) resolved to `r`. */
  named(id: Id, key: Key | undefined, r: R): V;
  /** An item's `parties:`: key `id`'s result, when it reaches beyond them, kept to them. */
  restrict(id: Id, value: V, only: readonly Id[], at: SourcePos): V | null;
}

/**
 * Resolves key `id` by `steps`. Built-in keys (`equal`, `population`) and
 * keys without `parties:` of their own work over `scope`; a key with
 * `parties:` always over its own list; blend parts over their blend's
 * parties. With `only` (an item's `parties:`), built-in keys and keys
 * without `parties:` are resolved over those parties, and any other key's
 * result is kept to them (`restrict`). An unknown key gives null: the
 * reader reported it.
 */
export function walkKey<R, V>(a: Agreement, steps: KeySteps<R, V>, id: Id, at: SourcePos, scope: readonly Party[] = a.parties, only?: readonly Id[]): V | null {
  if (only) {
    // A key with parties: of its own is resolved over those alone, whatever the scope.
    const inItem = a.parties.filter((p) => only.includes(p.id));
    const value = walkKey(a, steps, id, at, inItem);
    return value && steps.restrict(id, value, only, at);
  }
  const key = a.keys.get(id);
  if (!key) {
    const builtin = id === 'equal' ? steps.equal(scope, at) : id === 'population' ? steps.population(scope, at) : null;
    return builtin && steps.named(id, undefined, builtin);
  }
  const own = key.parties;
  const parties = own ? a.parties.filter((p) => own.includes(p.id)) : scope;
  const r = definition(a, steps, key, parties);
  return r && steps.named(id, key, r);
}

function definition<R, V>(a: Agreement, steps: KeySteps<R, V>, key: Key, parties: readonly Party[]): R | null {
  switch (key.def.kind) {
    case 'shares': {
      const out = new Map<Id, Ratio>();
      for (const p of a.parties) {
        const s = key.def.shares.get(p.id);
        if (s) out.set(p.id, s.share);
      }
      return steps.shares(key, out);
    }
    case 'equal':
      return steps.equal(parties, key.at);
    case 'population':
      return steps.population(parties, key.at);
    case 'driver':
      return steps.driver(key.def.driver, parties, key.def.at);
    case 'blend': {
      const parts: { weight: Ratio; value: V }[] = [];
      for (const part of key.def.parts) {
        const value = walkKey(a, steps, part.key, part.at, parties);
        if (!value) return null;
        parts.push({ weight: part.weight, value });
      }
      return steps.blend(parts);
    }
  }
}
