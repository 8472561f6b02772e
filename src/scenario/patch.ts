import { isScalar } from '../agreement/yaml-tree.js';
import type { Agreement, Party } from '../agreement/model.js';
import { MAX_DIGITS } from '../agreement/yaml-nodes.js';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { Ratio } from '../money/ratio.js';
import { keysResolvable } from '../validate/keys.js';
import type { Setting, Target } from './set.js';

/**
 * A scenario's settings applied to the agreement as read and validated once,
 * for the settings whose whole effect on the model is known here: the model
 * the reader would give for the changed tree, and the one rule of the
 * agreement that change can break, checked again. Null for anything else —
 * another path, a value the reader might refuse or read otherwise, a model
 * that breaks a rule — and the scenario is then read as a whole, which gives
 * the same model or exactly the errors it has always given.
 *
 * A sweep of thousands of populations is therefore no longer thousands of
 * agreements read and validated: each is one party's population swapped in.
 */
export function patchAgreement(base: Agreement, settings: readonly Setting[], target: (s: Setting) => Target | null): Agreement | null {
  let a = base;
  let zero = false;
  for (const s of settings) {
    const party = POPULATION.exec(s.path)?.[1];
    const t = party === undefined ? null : target(s);
    if (party === undefined || t?.kind !== 'replace' || !isScalar(t.node)) return null;
    const value = populationValue(s.value);
    const next = value && withPopulation(a, party, value);
    if (!next) return null;
    a = next;
    zero ||= value.isZero();
  }
  // Of the agreement's rules, a population can break only one: a key's total of zero (validate/keys.ts). Every total
  // that rule sums is of values ≥ 0 (populations, months, shares, blend weights) and was above zero as written, so a
  // population above zero keeps it so; a zero one is walked again, as validation walks it.
  if (zero) {
    const diags = new Diagnostics();
    keysResolvable(a, diags);
    if (diags.list.length) return null;
  }
  return a;
}

const POPULATION = /^parties\.([^.]+)\.population$/;

/**
 * `parties.ID.population` replaced by a plain decimal: what the party
 * reader makes of one (yaml-nodes.ts `quantity`), at the position of the
 * value it replaces (the scenario's tree keeps it). A sign, a leading zero,
 * too many digits, or a party whose population is a series by year is left
 * to the reader.
 */
function populationValue(text: string): Ratio | null {
  return /^(0|[1-9]\d*)(\.\d+)?$/.test(text) && text.length <= MAX_DIGITS ? Ratio.parseDecimal(text) : null;
}

/** The agreement with one party's population, written as one figure, replaced. */
function withPopulation(a: Agreement, id: string, value: Ratio): Agreement | null {
  const at = a.parties.findIndex((p) => p.id === id);
  const party = a.parties[at];
  if (party?.population?.kind !== 'fixed') return null;
  const changed: Party = { ...party, population: { kind: 'fixed', value, at: party.population.at } };
  const parties = a.parties.slice();
  parties[at] = changed;
  return { ...a, parties };
}
