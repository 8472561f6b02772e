import type { Id, Party } from '../agreement/model.js';
import { type KeySteps, walkKey } from '../agreement/key-walk.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { largestRemainder } from '../money/distribute.js';
import { Ratio } from '../money/ratio.js';
import { NO_MEMO, rememberReporting } from '../memo/memo.js';
import type { ComputeContext } from './context.js';
import { byMembership, partYear, populationIn } from '../agreement/membership.js';
import { said } from '../text/said.js';
import { keyZeroTotal } from '../validate/keys.js';
import type { KeyDerivation, Shares } from '../reports/keys.js';

type Derived = KeyDerivation extends infer D ? (D extends unknown ? Omit<D, 'key' | 'unrounded'> : never) : never;

/**
 * Resolves a key to exact shares, walked as {@link walkKey} says (over
 * `scope`, its own `parties:`, or an item's `only`). Returns null after
 * reporting why the shares cannot be computed.
 */
export function resolveKey(
  ctx: ComputeContext,
  id: Id,
  at: SourcePos,
  scope: readonly Party[] = ctx.agreement.parties,
  only?: readonly Id[],
): KeyDerivation | null {
  return walkKey(ctx.agreement, shareSteps(ctx), id, at, scope, only);
}

/** The memo's scope for `equal` keys. */
const EQUAL = {};

/** Each step of a key as shares, with how they were reached (for explain). */
function shareSteps(ctx: ComputeContext): KeySteps<Derived, KeyDerivation> {
  const a = ctx.agreement;
  return {
    // `equal` reads only who is a member and for how long: a sweep of populations reuses it, and so the lines of its items.
    equal: (parties, at) =>
      rememberReporting(ctx.memo ?? NO_MEMO, ctx.diags, EQUAL, `${a.year} ${membersKey(ctx, parties)} ${at.file}:${at.line}:${at.col}`, () =>
        equalShares(ctx, parties, at),
      ),
    population: (parties, at) => populationShares(ctx, parties, at),
    shares: (key, out) => {
      const members = a.parties.filter((p) => out.has(p.id));
      return partYear(members, a.year) ? proportional(ctx, byMembership(members, out, a.year), key.at, 'share × months/12') : { kind: 'shares', shares: out };
    },
    driver: (driver, parties, at) => driverShares(ctx, driver, parties, at),
    // Each party's weighted shares summed in the order of the parts, the parties in the agreement's order.
    blend: (parts) => {
      const shares = new Map<Id, Ratio>();
      for (const p of a.parties) {
        let sum: Ratio | undefined;
        for (const { weight, value } of parts) {
          const share = value.shares.get(p.id);
          if (share) sum = (sum ?? Ratio.ZERO).plus(weight.times(share));
        }
        if (sum) shares.set(p.id, sum);
      }
      return { kind: 'blend', parts: parts.map(({ weight, value }) => ({ weight, derivation: value })), shares };
    },
    named: (id, key, d) => (key?.precision ? { key: id, ...d, shares: roundShares(d.shares, key.precision), unrounded: d.shares } : { key: id, ...d }),
    // A key whose shares reach beyond the item's parties: kept for them and scaled to 100 %.
    restrict: (id, d, only, at) => {
      if ([...d.shares.keys()].every((p) => only.includes(p))) return d;
      const scaled = proportional(ctx, new Map([...d.shares].filter(([p]) => only.includes(p))), at, 'share');
      return scaled && { key: id, ...scaled };
    },
  };
}

function equalShares(ctx: ComputeContext, parties: readonly Party[], at: SourcePos): Derived | null {
  if (partYear(parties, ctx.agreement.year))
    return proportional(ctx, byMembership(parties, new Map(parties.map((p) => [p.id, Ratio.ONE])), ctx.agreement.year), at, 'months/12');
  const share = Ratio.of(1n, BigInt(parties.length));
  return { kind: 'equal', count: parties.length, shares: new Map(parties.map((p) => [p.id, share])) };
}

function populationShares(ctx: ComputeContext, parties: readonly Party[], at: SourcePos): Derived | null {
  const year = ctx.agreement.year;
  const values = new Map<Id, Ratio>();
  for (const p of parties) {
    const v = populationIn(p, year);
    // validate/keys.ts walks every key over the parties it is resolved for.
    if (v === undefined) throw new Error(`internal: party '${p.id}' has no population for ${year} past validation`);
    values.set(p.id, v);
  }
  return partYear(parties, ctx.agreement.year)
    ? proportional(ctx, byMembership(parties, values, ctx.agreement.year), at, 'population × months/12')
    : proportional(ctx, values, at, 'population');
}

function driverShares(ctx: ComputeContext, driver: Id, parties: readonly Party[], at: SourcePos): Derived | null {
  const table = ctx.drivers.get(driver);
  if (!table || !ctx.memo) return sharesOfDriver(ctx, driver, table, parties, at);
  // The same values (the same map: a remembered driver table) over the same members give the same shares.
  return rememberReporting(ctx.memo, ctx.diags, table, `shares ${ctx.agreement.year} ${membersKey(ctx, parties)} ${at.file}:${at.line}:${at.col}`, () =>
    sharesOfDriver(ctx, driver, table, parties, at),
  );
}

/** Who is a member and for how long: what equal shares, and the membership part of any key, depend on. Made once a list of parties. */
function membersKey(ctx: ComputeContext, parties: readonly Party[]): string {
  return (ctx.memo ?? NO_MEMO).remember(parties, 'members', () =>
    parties.map((p) => `${p.id}:${p.membership?.joined ?? ''}:${p.membership?.left ?? ''}`).join(' '),
  );
}

function sharesOfDriver(
  ctx: ComputeContext,
  driver: Id,
  table: ReadonlyMap<Id, { readonly value: Ratio; readonly at: SourcePos }> | undefined,
  parties: readonly Party[],
  at: SourcePos,
): Derived | null {
  const values = new Map<Id, Ratio>();
  let ok = true;
  for (const p of parties) {
    const v = table?.get(p.id)?.value;
    if (v === undefined) {
      ok = false;
      ctx.diags.error(
        at,
        'driver-missing',
        said(`driveren '${driver}' har ingen verdi for kommunen '${p.id}'`, `driver '${driver}' has no value for party '${p.id}'`),
        said(
          `legg til raden '${p.id},${driver},<verdi>' i driverfilen, eller drivers: { ${driver}: { ${p.id}: <verdi> } } i avtalen`,
          `add a row '${p.id},${driver},<value>' to the drivers file, or drivers: { ${driver}: { ${p.id}: <value> } } to the agreement`,
        ),
      );
    } else values.set(p.id, v);
  }
  if (!ok) return null;
  return partYear(parties, ctx.agreement.year)
    ? proportional(ctx, byMembership(parties, values, ctx.agreement.year), at, `${driver} × months/12`)
    : proportional(ctx, values, at, driver);
}

/** Shares proportional to a measure (`population` or a driver's name). */
function proportional(ctx: ComputeContext, values: ReadonlyMap<Id, Ratio>, at: SourcePos, measure: string): Derived | null {
  const total = [...values.values()].reduce((a, b) => a.plus(b), Ratio.ZERO);
  if (total.isZero()) {
    // Only a driver's values get here: validate/keys.ts found the agreement's own zero totals.
    keyZeroTotal(ctx.diags, at, measure);
    return null;
  }
  return { kind: 'proportional', measure, values, total, shares: new Map([...values].map(([id, v]) => [id, v.div(total)])) };
}

/**
 * `precision:` rounds computed shares to a step by the allocation
 * primitive's largest remainder — 100 % split in steps of the precision — so
 * the rounded shares still sum to exactly 100 %. Shares stay fractions
 * throughout; they are not money.
 */
function roundShares(shares: Shares, step: Ratio): Shares {
  // 1 ÷ precision is a whole number of steps: the agreement reader checks it.
  const steps = largestRemainder(
    Ratio.ONE.div(step).floor(),
    [...shares].map(([id, share]) => ({ id, weight: share, units: share.div(step) })),
  );
  return new Map([...steps].map(([id, n]) => [id, step.times(Ratio.of(n))]));
}
