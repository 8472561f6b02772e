import { isOneOf } from './one-of.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { Ratio } from '../money/ratio.js';
import { exactPercent, formatPercent } from './percent.js';
import { BUILTIN_KEYS, type BlendPart, type Id, type Key, type KeyDef } from './model.js';
import type { Entry, YamlReader, YNode } from './yaml-nodes.js';
import { declaredParties, field, key } from './phrases.js';
import { said } from '../text/said.js';

const DEFINITIONS = ['shares', 'blend', 'driver', 'equal', 'population'] as const;
/** The fields of a key and of a blend's part, as the reader accepts them (held against the schema by tests/fields.test.ts). */
export const KEY_FIELDS = [...DEFINITIONS, 'parties', 'precision'];
export const BLEND_PART_FIELDS = ['weight', 'key'];

/** `keys:` — allocation keys by id. Exactly one definition each. */
export function readKeys(r: YamlReader, node: YNode, at: SourcePos, partyIds: ReadonlySet<Id>): Map<Id, Key> {
  const keys = new Map<Id, Key>();
  if (node === null) return keys;
  for (const e of r.map(node, field('keys'), at) ?? []) {
    const id = r.slug(e.key, said('nøkkel-id', 'key id'), e.at);
    if (id === null) continue;
    if (isOneOf(BUILTIN_KEYS, id)) {
      r.diags.error(
        e.at,
        'duplicate-id',
        said(`nøkkelen '${id}' er innebygd og kan ikke defineres på nytt`, `key '${id}' is built in and cannot be redefined`),
        said(`gi nøkkelen din et annet navn, f.eks. '${id}-2'`, `give your key another name, e.g. '${id}-2'`),
      );
      continue;
    }
    const key = readKey(r, id, e, partyIds);
    if (key) keys.set(id, key);
  }
  return keys;
}

function readKey(r: YamlReader, id: Id, e: Entry, partyIds: ReadonlySet<Id>): Key | null {
  const where = key(id);
  const fields = r.map(e.value, where, e.at);
  if (!fields) return null;
  r.onlyFields(fields, KEY_FIELDS, where);
  const entry = (name: string) => fields.find((f) => f.key === name);

  let parties: Id[] | undefined;
  const partiesEntry = entry('parties');
  if (partiesEntry) {
    parties = [];
    for (const n of r.seq(partiesEntry.value, field('parties', where), partiesEntry.valueAt) ?? []) {
      const p = r.id(n, said('kommunen', 'party'), partiesEntry.valueAt);
      if (p === null) continue;
      if (!partyIds.has(p)) unknownParty(r, p, r.pos(n, partiesEntry.valueAt), partyIds);
      else parties.push(p);
    }
    if (parties.length === 0)
      r.diags.error(
        partiesEntry.valueAt,
        'key-parties',
        said(`nøkkelen '${id}' er begrenset til ingen kommuner`, `key '${id}' is restricted to no parties`),
        said('list kommunene nøkkelen gjelder for, eller fjern parties:', 'list the parties the key applies to, or remove parties:'),
      );
  }

  let precision: Ratio | undefined;
  const precisionEntry = entry('precision');
  if (precisionEntry) {
    const p = r.ratio(precisionEntry.value, field('precision', where), precisionEntry.valueAt);
    if (p && (p.sign() <= 0 || !Ratio.ONE.div(p).isInteger() || !p.isFiniteDecimal())) {
      r.diags.error(
        precisionEntry.valueAt,
        'key-precision',
        said(
          `presisjonen ${formatPercent(p, ',')} for nøkkelen '${id}' deler ikke 100 % i hele steg`,
          `precision ${formatPercent(p)} of key '${id}' does not divide 100 % into whole steps`,
        ),
        said('bruk et steg som 0.01%, 0.1% eller 1%', 'use a step such as 0.01%, 0.1% or 1%'),
      );
    } else if (p) precision = p;
  }

  const defs = fields.filter((f) => isOneOf(DEFINITIONS, f.key));
  if (defs.length !== 1) {
    const names = defs.map((d) => d.key).join(', ');
    const msg =
      defs.length === 0
        ? said(`nøkkelen '${id}' har ingen definisjon`, `key '${id}' has no definition`)
        : said(`nøkkelen '${id}' har ${defs.length} definisjoner (${names})`, `key '${id}' has ${defs.length} definitions (${names})`);
    r.diags.error(
      defs[1]?.at ?? e.at,
      'key-definition',
      msg,
      said(
        'gi nøyaktig én av shares:, blend:, driver:, equal: true eller population: true',
        'give exactly one of shares:, blend:, driver:, equal: true or population: true',
      ),
    );
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
        r.diags.error(
          d.valueAt,
          'type',
          said(`${d.key} i nøkkelen '${id}' må være true`, `${d.key} of key '${id}' must be true`),
          said(`skriv ${d.key}: true`, `write ${d.key}: true`),
        );
        return null;
      }
      return { kind: d.key };
    }
    case 'driver': {
      const driver = r.id(d.value, field('driver', key(id)), d.valueAt);
      return driver === null ? null : { kind: 'driver', driver, at: d.valueAt };
    }
    case 'shares': {
      const shares = new Map<Id, { share: Ratio; at: SourcePos }>();
      let total = Ratio.ZERO;
      const entries = r.map(d.value, field('shares', key(id)), d.valueAt);
      // Shares that are not a mapping have no sum to speak of: the type error says it all.
      let complete = entries !== null;
      let misnamed = false;
      for (const s of entries ?? []) {
        const share = r.ratio(s.value, said(`andelen til '${s.key}' i nøkkelen '${id}'`, `share of '${s.key}' in key '${id}'`), s.valueAt);
        if (share === null) {
          complete = false;
          continue;
        }
        if (share.sign() < 0) {
          r.diags.error(
            s.valueAt,
            'key-share-negative',
            said(`andelen til '${s.key}' i nøkkelen '${id}' er negativ`, `share of '${s.key}' in key '${id}' is negative`),
            said('andeler er mellom 0 % og 100 %', 'shares are between 0 % and 100 %'),
          );
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
            said(
              `kommunen '${s.key}' har en andel i nøkkelen '${id}', men står ikke i nøkkelens parties:`,
              `party '${s.key}' has a share in key '${id}' but is not in its parties list`,
            ),
            said(`legg '${s.key}' til i parties: eller fjern andelen`, `add '${s.key}' to parties: or remove its share`),
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
          said(
            `${left.map((p) => `'${p}'`).join(', ')} har ingen andel i nøkkelen '${id}', og betaler derfor ingenting etter den`,
            `${left.map((p) => `'${p}'`).join(', ')} ${left.length === 1 ? 'has' : 'have'} no share in key '${id}', so ${left.length === 1 ? 'it pays' : 'they pay'} nothing by it`,
          ),
          said(
            `gi ${left.length === 1 ? 'den' : 'hver'} en andel på 0 % for å si det, eller list nøkkelens kommuner under parties:`,
            `give ${left.length === 1 ? 'it' : 'each'} a share of 0 % to say so, or list the key's parties under parties:`,
          ),
        );
      if (complete && !total.eq(Ratio.ONE)) {
        const missing = Ratio.ONE.minus(total);
        r.diags.error(
          d.at,
          'key-shares-sum',
          said(
            `andelene i nøkkelen '${id}' summerer til ${exactPercent(total, ',')}, ikke 100 %`,
            `shares of key '${id}' sum to ${exactPercent(total)}, not 100 %`,
          ),
          said(
            `andelene ${missing.sign() > 0 ? 'mangler' : 'er for store med'} ${exactPercent(missing.abs(), ',')}; rett én andel, eller skriv eksakte brøker som 1/3`,
            `the shares are ${missing.sign() > 0 ? 'short by' : 'over by'} ${exactPercent(missing.abs())}; correct one share, or write exact fractions such as 1/3`,
          ),
        );
      }
      return { kind: 'shares', shares };
    }
    default: {
      const parts: BlendPart[] = [];
      let total = Ratio.ZERO;
      let complete = true;
      const part = said(`en del av blandingen i nøkkelen '${id}'`, `blend part of key '${id}'`);
      for (const n of r.seq(d.value, field('blend', key(id)), d.valueAt) ?? []) {
        const at = r.pos(n, d.valueAt);
        const fields = r.map(n, part, at);
        if (!fields) {
          complete = false;
          continue;
        }
        r.onlyFields(fields, BLEND_PART_FIELDS, part);
        const w = fields.find((f) => f.key === 'weight');
        const k = fields.find((f) => f.key === 'key');
        if (!w || !k) {
          r.diags.error(
            at,
            'missing-field',
            said(`${part.nb} trenger både weight og key`, `blend part of key '${id}' needs both weight and key`),
            said('skriv { weight: 50%, key: population }', 'write { weight: 50%, key: population }'),
          );
          complete = false;
          continue;
        }
        const weight = r.ratio(w.value, field('weight', part), w.valueAt);
        const partKey = r.id(k.value, field('key', part), k.valueAt);
        if (weight === null || partKey === null) {
          complete = false;
          continue;
        }
        if (weight.sign() < 0) {
          r.diags.error(
            w.valueAt,
            'blend-weight-negative',
            said(`en vekt i blandingen i nøkkelen '${id}' er negativ`, `blend weight in key '${id}' is negative`),
            said('vekter er mellom 0 % og 100 %', 'weights are between 0 % and 100 %'),
          );
          complete = false;
        }
        total = total.plus(weight);
        parts.push({ weight, key: partKey, at: k.valueAt });
      }
      if (complete && !total.eq(Ratio.ONE)) {
        r.diags.error(
          d.at,
          'blend-weights-sum',
          said(
            `vektene i blandingen i nøkkelen '${id}' summerer til ${exactPercent(total, ',')}, ikke 100 %`,
            `blend weights of key '${id}' sum to ${exactPercent(total)}, not 100 %`,
          ),
          said('vektene i en blanding må summere til nøyaktig 100 %', 'the weights of a blend must add up to exactly 100 %'),
        );
      }
      return { kind: 'blend', parts };
    }
  }
}

export function unknownParty(r: YamlReader, id: string, at: SourcePos, partyIds: Iterable<Id>): void {
  const guess = didYouMean(id, partyIds);
  r.diags.error(at, 'unknown-party', said(`ukjent kommune '${id}'`, `unknown party '${id}'`), guess ?? declaredParties([...partyIds]));
}
