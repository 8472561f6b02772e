import type { Diagnostics } from '../diagnostics/diagnostic.js';

/**
 * Remembers what a pure computation returned, for a caller that computes
 * many times over the same inputs (a scenario sweep). The readers and the
 * core keep no state of their own: they are handed a memo, and compute
 * afresh without one.
 *
 * A key must name everything the computation reads besides `scope`: the
 * callers build it from the very values they pass in (a section's YAML node,
 * the party ids, the selectors), so a new dependency is a new part of the
 * key, never a stale answer. `scope` is an object the result belongs to (the
 * ledger rows, a YAML node), held weakly.
 */
export interface Memo {
  remember<T>(scope: object, key: string, compute: () => T): T;
}

/** No memory: every computation runs. What the readers and the core use unless a caller hands them one. */
export const NO_MEMO: Memo = { remember: (_scope, _key, compute) => compute() };

/**
 * {@link Memo.remember} for a computation that reports problems into `diags`:
 * what it reported the first time is reported again whenever its result is
 * reused, so a remembered answer never loses a warning.
 */
export function rememberReporting<T>(memo: Memo, diags: Diagnostics, scope: object, key: string, compute: () => T): T {
  let fresh = false;
  const kept = memo.remember(scope, key, () => {
    fresh = true;
    const before = diags.list.length;
    return { value: compute(), found: diags.list.slice(before) };
  });
  if (!fresh) for (const d of kept.found) diags.list.push(d);
  return kept.value;
}

/** The parties' ids in order, as one text: part of several keys a computation makes, made once a list of parties. */
export function partyIds(memo: Memo, parties: readonly { readonly id: string }[]): string {
  return memo.remember(parties, 'party ids', () => parties.map((p) => p.id).join(' '));
}
