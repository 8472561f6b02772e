import { byMembership, partYear, populationIn } from '../agreement/membership.js';
import type { Agreement, Id } from '../agreement/model.js';
import { type KeySteps, walkKey } from '../agreement/key-walk.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { Ratio } from '../money/ratio.js';
import { said } from '../text/said.js';

/**
 * What a key's shares rest on, as far as the agreement alone tells: the
 * values the shares are proportional to, or `data` when a driver (read with
 * the inputs) takes part.
 */
type Values = ReadonlyMap<Id, Ratio> | 'data';

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
  const steps = valueSteps(a, diags);
  const done = new Set<string>();
  const resolve = (id: Id, at: SourcePos, only?: readonly Id[]) => {
    const name = only ? `${id} ${only.join(' ')}` : id;
    if (done.has(name)) return;
    done.add(name);
    walkKey(a, steps, id, at, a.parties, only);
  };
  for (const item of a.items) if (item.target.kind === 'key') resolve(item.target.key, item.target.at, item.parties?.ids);
  for (const limit of a.limits) if (limit.redistribute) resolve(limit.redistribute.key, limit.redistribute.at);
}

/** The agreement's half of compute/keys.ts: the same walk, the values without the shares. */
function valueSteps(a: Agreement, diags: Diagnostics): KeySteps<Values, Values> {
  const proportional = (values: ReadonlyMap<Id, Ratio>, at: SourcePos, measure: string): Values | null => {
    if (!sumsToZero(values)) return values;
    keyZeroTotal(diags, at, measure);
    return null;
  };
  return {
    equal: (parties, at) => {
      const ones = new Map(parties.map((p) => [p.id, Ratio.ONE]));
      return partYear(parties, a.year) ? proportional(byMembership(parties, ones, a.year), at, 'months/12') : ones;
    },
    population: (parties, at) => {
      const values = new Map<Id, Ratio>();
      let ok = true;
      for (const p of parties) {
        const pop = p.population;
        const v = populationIn(p, a.year);
        if (v === undefined) {
          ok = false;
          diags.error(
            pop?.at ?? p.at,
            'population-missing',
            said(
              `kommunen '${p.id}' har ikke noe folketall${pop ? ` for ${a.year}` : ''}, men en nøkkel fordeler etter folketall`,
              `party '${p.id}' has no population${pop ? ` for ${a.year}` : ''}, but a key splits by population`,
            ),
            pop
              ? said(`legg til ${a.year}: <folketall> i kommunens population:`, `add ${a.year}: <population> to its population`)
              : said(`legg til population: <innbyggere per 1. januar> for kommunen '${p.id}'`, `add population: <inhabitants on 1 January> to party '${p.id}'`),
          );
        } else values.set(p.id, v);
      }
      if (!ok) return null;
      return partYear(parties, a.year)
        ? proportional(byMembership(parties, values, a.year), at, 'population × months/12')
        : proportional(values, at, 'population');
    },
    shares: (key, out) => {
      const members = a.parties.filter((p) => out.has(p.id));
      return partYear(members, a.year) ? proportional(byMembership(members, out, a.year), key.at, 'share × months/12') : out;
    },
    // A driver's values come with the inputs: compute checks them.
    driver: () => 'data',
    blend: (parts) => {
      const acc = new Map<Id, Ratio>();
      for (const { weight, value } of parts) {
        if (value === 'data') return 'data';
        for (const [party, v] of value) acc.set(party, (acc.get(party) ?? Ratio.ZERO).plus(weight.times(v)));
      }
      return acc;
    },
    named: (_id, _key, values) => values,
    restrict: (_id, values, only, at) =>
      values === 'data' || [...values.keys()].every((p) => only.includes(p))
        ? values
        : proportional(new Map([...values].filter(([p]) => only.includes(p))), at, 'share'),
  };
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
