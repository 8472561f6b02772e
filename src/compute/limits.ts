import { amount } from '../agreement/phrases.js';
import { boundFor } from '../agreement/limits.js';
import type { Id, Item, Limit } from '../agreement/model.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { roundParts } from '../money/distribute.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { ORE, type Rounding } from '../money/rounding.js';
import type { AllocationLine, ItemResult, LimitLine } from '../reports/allocation.js';
import type { KeyDerivation } from '../reports/keys.js';
import { said } from '../text/said.js';
import type { ComputeContext } from './context.js';

/** Redistributed amounts are shared to the øre, by largest remainder: they add up to exactly what the limits moved. */
const SHARING: Rounding = { unit: ORE, method: 'largest-remainder' };

type Resolve = (id: Id, at: SourcePos) => KeyDerivation | null;

/**
 * The adjustment lines of each `limits:` rule, one result per rule that
 * binds someone (a rule that binds nobody adds nothing, so the reports are
 * as without it). Each rule sees the items as allocated, not other rules.
 */
export function applyLimits(ctx: ComputeContext, items: readonly ItemResult[], key: Resolve): ItemResult[] {
  const out: ItemResult[] = [];
  for (const limit of ctx.agreement.limits) {
    const r = applyLimit(ctx, limit, items, key);
    if (r) out.push(r);
  }
  return out;
}

function applyLimit(ctx: ComputeContext, limit: Limit, items: readonly ItemResult[], key: Resolve): ItemResult | null {
  const ids = new Set(limit.items.map((i) => i.id));
  const listed = items.filter((i) => ids.has(i.item.id));
  const sum = (p: Id) => Money.sum(listed.map((i) => i.allocations.get(p) ?? Money.ZERO));
  // The parties limited: those the items charge, or of them those the rule names.
  const subjects = ctx.agreement.parties.filter((p) => listed.some((i) => i.allocations.has(p.id)) && (!limit.parties || limit.parties.includes(p.id)));
  const lines = new Map<Id, AllocationLine>();
  let moved = Money.ZERO; // what the other parties must take on: positive when limits took some off
  for (const p of subjects) {
    const s = sum(p.id);
    const lo = boundFor(limit.min, p.id);
    const hi = boundFor(limit.max, p.id);
    const bound = lo && s.cmp(lo) < 0 ? { side: 'min' as const, amount: lo } : hi && s.cmp(hi) > 0 ? { side: 'max' as const, amount: hi } : undefined;
    if (!bound) continue;
    const adjustment = bound.amount.minus(s);
    lines.set(p.id, line(p.id, 'limit', adjustment, { sum: s, bound }));
    moved = moved.minus(adjustment);
  }
  if (limit.redistribute && !moved.isZero()) {
    const derivation = key(limit.redistribute.key, limit.redistribute.at);
    if (!derivation) return null;
    if (!redistribute(ctx, limit, derivation.shares, moved, sum, new Set(subjects.map((p) => p.id)), lines)) return null;
  }
  if (![...lines.values()].some((l) => !l.amount.isZero())) return null;

  const ordered = ctx.agreement.parties.flatMap((p) => (lines.has(p.id) ? [lines.get(p.id)!] : []));
  const basis = Money.sum(ordered.map((l) => l.amount));
  const kind = listed[0]?.item.kind ?? 'operating';
  const item: Item = {
    id: limit.id,
    label: limit.label,
    kind,
    source: { kind: 'amount', amount: basis, at: limit.at },
    vatIncluded: false,
    rounding: SHARING,
    target: { kind: 'limit', limit },
    at: limit.at,
  };
  return {
    item,
    basis,
    steps: [
      { step: 'limit', detail: { kind: 'limit', items: [...ids], ...(limit.redistribute ? { redistribute: limit.redistribute.key } : {}) }, amount: basis },
    ],
    shared: Money.ZERO,
    lines: ordered,
    allocations: new Map(ordered.map((l) => [l.party, l.amount])),
    unallocated: Money.ZERO,
  };
}

/**
 * Water-filling: what the limits moved is shared by the key's other parties
 * in proportion to their shares; a party that the sharing would take past
 * its own bound stops at it, and the rest is shared again among the others.
 * Each round stops at least one party, so it ends; when no party is left to
 * take the rest, the limits cannot all hold and that is an error.
 */
function redistribute(
  ctx: ComputeContext,
  limit: Limit,
  shares: ReadonlyMap<Id, Ratio>,
  moved: Money,
  sum: (p: Id) => Money,
  subjects: ReadonlySet<Id>,
  lines: Map<Id, AllocationLine>,
): boolean {
  let rest = moved;
  let free = [...shares].filter(([p, s]) => s.sign() > 0 && !lines.has(p));
  const up = moved.sign() > 0;
  while (!rest.isZero()) {
    if (free.length === 0) {
      infeasible(ctx, limit, rest, lines);
      return false;
    }
    const total = free.reduce((acc, [, s]) => acc.plus(s), Ratio.ZERO);
    const stops = free.filter(([p, s]) => {
      const bound = subjects.has(p) ? boundFor(up ? limit.max : limit.min, p) : undefined;
      if (!bound) return false;
      const after = sum(p)
        .toRatio()
        .plus(rest.times(s.div(total)));
      return up ? after.cmp(bound.toRatio()) > 0 : after.cmp(bound.toRatio()) < 0;
    });
    if (stops.length === 0) break;
    for (const [p] of stops) {
      const bound = boundFor(up ? limit.max : limit.min, p)!;
      const room = bound.minus(sum(p));
      // A party already past the bound in this direction takes nothing.
      const taken = room.sign() === rest.sign() ? room : Money.ZERO;
      lines.set(p, line(p, 'redistributed', taken, { sum: sum(p), bound: { side: up ? 'max' : 'min', amount: bound } }));
      rest = rest.minus(taken);
    }
    free = free.filter(([p]) => !stops.some(([q]) => q === p));
  }
  if (rest.isZero()) return true;
  const total = free.reduce((acc, [, s]) => acc.plus(s), Ratio.ZERO);
  const parts = free.map(([p, s]) => ({ id: p, share: s.div(total), exact: rest.times(s.div(total)) }));
  const rounded = roundParts(rest, parts, SHARING);
  for (const [i, part] of parts.entries())
    lines.set(part.id, { ...line(part.id, 'redistributed', rounded.amounts[i]!, { sum: sum(part.id), shared: rest }), share: part.share, exact: part.exact });
  return true;
}

function line(party: Id, method: 'limit' | 'redistributed', amount: Money, limit: LimitLine): AllocationLine {
  return { party, method, exact: amount.toRatio(), amount, limit };
}

function infeasible(ctx: ComputeContext, limit: Limit, rest: Money, lines: ReadonlyMap<Id, AllocationLine>): void {
  const bound = ctx.agreement.parties
    .filter((p) => lines.has(p.id))
    .map((p) => `'${p.id}'`)
    .join(', ');
  const kr = amount(rest.abs());
  ctx.diags.error(
    limit.redistribute!.at,
    'limit-infeasible',
    rest.sign() > 0
      ? said(
          `grensen '${limit.label}' kan ikke holdes: ${kr.nb} kr skal fordeles etter nøkkelen '${limit.redistribute!.key}', men alle kommunene i den er ved sitt maksimum (${bound})`,
          `limit '${limit.label}' cannot hold: ${kr.en} kr is to be shared by key '${limit.redistribute!.key}', but every party of it is at its maximum (${bound})`,
        )
      : said(
          `grensen '${limit.label}' kan ikke holdes: ${kr.nb} kr skal trekkes fra etter nøkkelen '${limit.redistribute!.key}', men alle kommunene i den er ved sitt minimum (${bound})`,
          `limit '${limit.label}' cannot hold: ${kr.en} kr is to be taken off by key '${limit.redistribute!.key}', but every party of it is at its minimum (${bound})`,
        ),
    said(
      'hev maksimum (eller senk minimum) for minst én kommune, eller fordel etter en nøkkel med flere kommuner',
      'raise a maximum (or lower a minimum) for at least one party, or redistribute by a key with more parties',
    ),
  );
}
