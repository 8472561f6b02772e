import { isOneOf } from './one-of.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { Ratio } from '../money/ratio.js';
import { exactPercent, formatPercent } from './percent.js';
import { BUILTIN_KEYS, type BlendPart, type Id, type Key, type KeyDef } from './model.js';
import type { Entry, YamlReader, YNode } from './yaml-nodes.js';

const DEFINITIONS = ['shares', 'blend', 'driver', 'equal', 'population'] as const;
const KEY_FIELDS = [...DEFINITIONS, 'parties', 'precision'];

/** `keys:` — allocation keys by id. Exactly one definition each. */
export function readKeys(r: YamlReader, node: YNode, at: SourcePos, partyIds: ReadonlySet<Id>): Map<Id, Key> {
  const keys = new Map<Id, Key>();
  if (node === null) return keys;
  for (const e of r.map(node, 'keys', at) ?? []) {
    const id = r.slug(e.key, 'key id', e.at);
    if (id === null) continue;
    if (isOneOf(BUILTIN_KEYS, id)) {
      r.diags.error(e.at, 'duplicate-id', `key '${id}' is built in and cannot be redefined`, `give your key another name, e.g. '${id}-2'`);
      continue;
    }
    const key = readKey(r, id, e, partyIds);
    if (key) keys.set(id, key);
  }
  return keys;
}

function readKey(r: YamlReader, id: Id, e: Entry, partyIds: ReadonlySet<Id>): Key | null {
  const fields = r.map(e.value, `key '${id}'`, e.at);
  if (!fields) return null;
  r.onlyFields(fields, KEY_FIELDS, `key '${id}'`);
  const field = (name: string) => fields.find((f) => f.key === name);

  let parties: Id[] | undefined;
  const partiesEntry = field('parties');
  if (partiesEntry) {
    parties = [];
    for (const n of r.seq(partiesEntry.value, `parties of key '${id}'`, partiesEntry.valueAt) ?? []) {
      const p = r.id(n, 'party', partiesEntry.valueAt);
      if (p === null) continue;
      if (!partyIds.has(p)) unknownParty(r, p, r.pos(n, partiesEntry.valueAt), partyIds);
      else parties.push(p);
    }
    if (parties.length === 0)
      r.diags.error(partiesEntry.valueAt, 'key-parties', `key '${id}' is restricted to no parties`, 'list the parties the key applies to, or remove parties:');
  }

  let precision: Ratio | undefined;
  const precisionEntry = field('precision');
  if (precisionEntry) {
    const p = r.ratio(precisionEntry.value, `precision of key '${id}'`, precisionEntry.valueAt);
    if (p && (p.sign() <= 0 || !Ratio.ONE.div(p).isInteger() || !p.isFiniteDecimal())) {
      r.diags.error(
        precisionEntry.valueAt,
        'key-precision',
        `precision ${formatPercent(p)} of key '${id}' does not divide 100 % into whole steps`,
        'use a step such as 0.01%, 0.1% or 1%',
      );
    } else if (p) precision = p;
  }

  const defs = fields.filter((f) => isOneOf(DEFINITIONS, f.key));
  if (defs.length !== 1) {
    const msg = defs.length === 0 ? `key '${id}' has no definition` : `key '${id}' has ${defs.length} definitions (${defs.map((d) => d.key).join(', ')})`;
    r.diags.error(defs[1]?.at ?? e.at, 'key-definition', msg, 'give exactly one of shares:, blend:, driver:, equal: true or population: true');
    return null;
  }
  const def = readDefinition(r, id, defs[0]!, partyIds, parties);
  return def ? { id, def, at: e.at, ...(parties ? { parties } : {}), ...(precision ? { precision } : {}) } : null;
}

function readDefinition(r: YamlReader, id: Id, d: Entry, partyIds: ReadonlySet<Id>, restrictedTo: readonly Id[] | undefined): KeyDef | null {
  switch (d.key) {
    case 'equal':
    case 'population': {
      if (r.scalarText(d.value) !== null || (d.value as { value?: unknown } | null)?.value !== true) {
        r.diags.error(d.valueAt, 'type', `${d.key} of key '${id}' must be true`, `write ${d.key}: true`);
        return null;
      }
      return { kind: d.key };
    }
    case 'driver': {
      const driver = r.id(d.value, `driver of key '${id}'`, d.valueAt);
      return driver === null ? null : { kind: 'driver', driver, at: d.valueAt };
    }
    case 'shares': {
      const shares = new Map<Id, { share: Ratio; at: SourcePos }>();
      let total = Ratio.ZERO;
      const entries = r.map(d.value, `shares of key '${id}'`, d.valueAt);
      // Shares that are not a mapping have no sum to speak of: the type error says it all.
      let complete = entries !== null;
      let misnamed = false;
      for (const s of entries ?? []) {
        const share = r.ratio(s.value, `share of '${s.key}' in key '${id}'`, s.valueAt);
        if (share === null) {
          complete = false;
          continue;
        }
        if (share.sign() < 0) {
          r.diags.error(s.valueAt, 'key-share-negative', `share of '${s.key}' in key '${id}' is negative`, 'shares are between 0 % and 100 %');
          complete = false;
        }
        total = total.plus(share);
        if (!partyIds.has(s.key)) {
          unknownParty(r, s.key, s.at, partyIds);
          misnamed = true;
        } else if (restrictedTo && !restrictedTo.includes(s.key))
          r.diags.error(
            s.at,
            'key-parties',
            `party '${s.key}' has a share in key '${id}' but is not in its parties list`,
            `add '${s.key}' to parties: or remove its share`,
          );
        else shares.set(s.key, { share, at: s.valueAt });
      }
      // A party left out of shares: pays nothing by this key. Said, since it is as often a slip as a choice
      // (unless a share names an unknown party: that error is the likelier story).
      const left = restrictedTo || misnamed ? [] : [...partyIds].filter((p) => !shares.has(p));
      if (complete && left.length)
        r.diags.warning(
          d.at,
          'key-party-missing',
          `${left.map((p) => `'${p}'`).join(', ')} ${left.length === 1 ? 'has' : 'have'} no share in key '${id}', so ${left.length === 1 ? 'it pays' : 'they pay'} nothing by it`,
          `give ${left.length === 1 ? 'it' : 'each'} a share of 0 % to say so, or list the key's parties under parties:`,
        );
      if (complete && !total.eq(Ratio.ONE)) {
        const missing = Ratio.ONE.minus(total);
        r.diags.error(
          d.at,
          'key-shares-sum',
          `shares of key '${id}' sum to ${exactPercent(total)}, not 100 %`,
          `the shares are ${missing.sign() > 0 ? 'short by' : 'over by'} ${exactPercent(missing.abs())}; correct one share, or write exact fractions such as 1/3`,
        );
      }
      return { kind: 'shares', shares };
    }
    default: {
      const parts: BlendPart[] = [];
      let total = Ratio.ZERO;
      let complete = true;
      for (const n of r.seq(d.value, `blend of key '${id}'`, d.valueAt) ?? []) {
        const at = r.pos(n, d.valueAt);
        const fields = r.map(n, `blend part of key '${id}'`, at);
        if (!fields) {
          complete = false;
          continue;
        }
        r.onlyFields(fields, ['weight', 'key'], `blend part of key '${id}'`);
        const w = fields.find((f) => f.key === 'weight');
        const k = fields.find((f) => f.key === 'key');
        if (!w || !k) {
          r.diags.error(at, 'missing-field', `blend part of key '${id}' needs both weight and key`, 'write { weight: 50%, key: population }');
          complete = false;
          continue;
        }
        const weight = r.ratio(w.value, 'blend weight', w.valueAt);
        const key = r.id(k.value, 'blend key', k.valueAt);
        if (weight === null || key === null) {
          complete = false;
          continue;
        }
        if (weight.sign() < 0) {
          r.diags.error(w.valueAt, 'blend-weight-negative', `blend weight in key '${id}' is negative`, 'weights are between 0 % and 100 %');
          complete = false;
        }
        total = total.plus(weight);
        parts.push({ weight, key, at: k.valueAt });
      }
      if (complete && !total.eq(Ratio.ONE)) {
        r.diags.error(
          d.at,
          'blend-weights-sum',
          `blend weights of key '${id}' sum to ${exactPercent(total)}, not 100 %`,
          'the weights of a blend must add up to exactly 100 %',
        );
      }
      return { kind: 'blend', parts };
    }
  }
}

export function unknownParty(r: YamlReader, id: string, at: SourcePos, partyIds: Iterable<Id>): void {
  const guess = didYouMean(id, partyIds);
  r.diags.error(at, 'unknown-party', `unknown party '${id}'`, guess ?? `declared parties: ${[...partyIds].join(', ')}`);
}
