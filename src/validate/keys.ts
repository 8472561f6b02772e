import { byMembership, partYear, populationIn } from '../agreement/membership.js';
import type { Agreement, Id, Key, Party } from '../agreement/model.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { Ratio } from '../money/ratio.js';
import { said } from '../text/said.js';

/**
 * What a key's shares rest on, as far as the agreement alone tells: the
 * values the shares are proportional to, `data` when a driver (read with
 * the inputs) takes part, or null once a problem was reported.
 */
type Values = ReadonlyMap<Id, Ratio> | 'data' | null;

/**
 * Every key the allocation resolves, walked over the parties it is resolved
 * for — an item's key over the item's `parties:`, a key's own `parties:`,
 * each blend part, a limit's `redistribute` key — as compute walks it: a
 * population a key needs and the agreement lacks, and a total of zero from
 * the agreement's shares, populations or months of membership, are reported
 * here. A driver's values come with the inputs: compute checks those
 * (through `keyZeroTotal`, the one place its message is written).
 */
export function keysResolvable(a: Agreement, diags: Diagnostics): void {
  const walk = new KeyWalk(a, diags);
  const done = new Set<string>();
  const resolve = (id: Id, at: SourcePos, only?: readonly Id[]) => {
    const name = only ? `${id} ${only.join(' ')}` : id;
    if (done.has(name)) return;
    done.add(name);
    walk.resolve(id, at, a.parties, only);
  };
  for (const item of a.items) if (item.target.kind === 'key') resolve(item.target.key, item.target.at, item.parties?.ids);
  for (const limit of a.limits) if (limit.redistribute) resolve(limit.redistribute.key, limit.redistribute.at);
}

/** The agreement's half of compute/keys.ts: the same scopes, the values without the shares. */
class KeyWalk {
  constructor(
    private readonly a: Agreement,
    private readonly diags: Diagnostics,
  ) {}

  resolve(id: Id, at: SourcePos, scope: readonly Party[], only?: readonly Id[]): Values {
    if (only) return this.restricted(id, at, only);
    const key = this.a.keys.get(id);
    if (!key) return id === 'equal' ? this.equal(scope, at) : id === 'population' ? this.population(scope, at) : null;
    return this.definition(key, key.parties ? this.a.parties.filter((p) => key.parties?.includes(p.id)) : scope);
  }

  /** An item's `parties:`: the key over them, and a key that reaches beyond them kept to them and scaled. */
  private restricted(id: Id, at: SourcePos, only: readonly Id[]): Values {
    const scope = this.a.parties.filter((p) => only.includes(p.id));
    const own = this.a.keys.get(id)?.parties;
    const values = this.resolve(id, at, own ? scope.filter((p) => own.includes(p.id)) : scope);
    if (!values || values === 'data' || [...values.keys()].every((p) => only.includes(p))) return values;
    return this.proportional(new Map([...values].filter(([p]) => only.includes(p))), at, 'share');
  }

  private definition(key: Key, parties: readonly Party[]): Values {
    switch (key.def.kind) {
      case 'shares': {
        const out = new Map<Id, Ratio>();
        for (const p of this.a.parties) {
          const s = key.def.shares.get(p.id);
          if (s) out.set(p.id, s.share);
        }
        const members = this.a.parties.filter((p) => out.has(p.id));
        return partYear(members, this.a.year) ? this.proportional(byMembership(members, out, this.a.year), key.at, 'share × months/12') : out;
      }
      case 'equal':
        return this.equal(parties, key.at);
      case 'population':
        return this.population(parties, key.at);
      case 'driver':
        return 'data';
      case 'blend': {
        const acc = new Map<Id, Ratio>();
        let data = false;
        for (const part of key.def.parts) {
          const sub = this.resolve(part.key, part.at, parties);
          if (!sub) return null;
          if (sub === 'data') data = true;
          else for (const [party, v] of sub) acc.set(party, (acc.get(party) ?? Ratio.ZERO).plus(part.weight.times(v)));
        }
        return data ? 'data' : acc;
      }
    }
  }

  private equal(parties: readonly Party[], at: SourcePos): Values {
    const ones = new Map(parties.map((p) => [p.id, Ratio.ONE]));
    return partYear(parties, this.a.year) ? this.proportional(byMembership(parties, ones, this.a.year), at, 'months/12') : ones;
  }

  private population(parties: readonly Party[], at: SourcePos): Values {
    const year = this.a.year;
    const values = new Map<Id, Ratio>();
    let ok = true;
    for (const p of parties) {
      const pop = p.population;
      const v = populationIn(p, year);
      if (v === undefined) {
        ok = false;
        this.diags.error(
          pop?.at ?? p.at,
          'population-missing',
          said(
            `kommunen '${p.id}' har ikke noe folketall${pop ? ` for ${year}` : ''}, men en nøkkel fordeler etter folketall`,
            `party '${p.id}' has no population${pop ? ` for ${year}` : ''}, but a key splits by population`,
          ),
          pop
            ? said(`legg til ${year}: <folketall> i kommunens population:`, `add ${year}: <population> to its population`)
            : said(`legg til population: <innbyggere per 1. januar> for kommunen '${p.id}'`, `add population: <inhabitants on 1 January> to party '${p.id}'`),
        );
      } else values.set(p.id, v);
    }
    if (!ok) return null;
    return partYear(parties, this.a.year)
      ? this.proportional(byMembership(parties, values, this.a.year), at, 'population × months/12')
      : this.proportional(values, at, 'population');
  }

  private proportional(values: ReadonlyMap<Id, Ratio>, at: SourcePos, measure: string): Values {
    if (!sumsToZero(values)) return values;
    keyZeroTotal(this.diags, at, measure);
    return null;
  }
}

function sumsToZero(values: ReadonlyMap<Id, Ratio>): boolean {
  return [...values.values()].reduce((a, b) => a.plus(b), Ratio.ZERO).isZero();
}

/**
 * A key's values sum to zero over its parties: no shares. `measure` names
 * what was summed — `population`, a driver's name, either `× months/12`, or
 * `share` — as the key's derivation names it.
 */
export function keyZeroTotal(diags: Diagnostics, at: SourcePos, measure: string): void {
  const what =
    measure === 'population'
      ? said('folketallet', 'population')
      : measure.endsWith('months/12')
        ? said(
            `${measure
              .replace(/^share\b/, 'fast andel')
              .replace(/^population\b/, 'folketall')
              .replace('months/12', 'måneder/12')} (ingen kommune i nøkkelen var medlem i år)`,
            `${measure} (no party in the key was a member this year)`,
          )
        : said(`driveren '${measure}'`, `driver '${measure}'`);
  diags.error(
    at,
    'key-zero-total',
    said(
      `${what.nb} summerer til null over nøkkelens kommuner, så ingen andeler kan regnes ut`,
      `${what.en} sums to zero over the key's parties, so no shares can be computed`,
    ),
    said('sjekk verdiene: minst én kommune må ha mer enn null', 'check the values: at least one party must have more than zero'),
  );
}
