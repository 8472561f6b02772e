import type { Id, Item } from '../agreement/model.js';
import { Diagnostics, type Computed, type SourcePos } from '../diagnostics/diagnostic.js';
import { roundParts } from '../money/distribute.js';
import { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import { Bases, type Basis } from './basis.js';
import type { ComputeContext, ComputeInput } from './context.js';
import { checkCoverage } from './coverage.js';
import { resolveKey } from './keys.js';
import { applyLimits } from './limits.js';
import { partyIds } from '../memo/memo.js';
import type { KeyDerivation } from '../reports/keys.js';
import type { AllocationLine, AllocationReport, ItemResult, PartyTotals } from '../reports/allocation.js';

/**
 * The allocation: every item split between the parties. Pure. Problems that
 * only the data can show (a driver without a value, a server count above the
 * last price step, an unselected ledger category) are all collected and
 * returned together, with no report.
 */
export function allocate(input: ComputeInput): Computed<AllocationReport> {
  const diags = new Diagnostics();
  const ctx: ComputeContext = { ...input, diags };
  const a = input.agreement;
  const { ignored, ledger } = checkCoverage(a, input.actuals, diags, input.memo);
  const bases = new Bases(ctx);
  const items: ItemResult[] = [];
  // Items sharing a key share its shares: resolved once, and a problem with it reported once.
  const keys = new Map<Id, KeyDerivation | null>();
  const key = (id: Id, at: SourcePos, only?: readonly Id[]) => {
    const name = only ? `${id} ${only.join(' ')}` : id;
    if (keys.has(name)) return keys.get(name) ?? null;
    const resolved = resolveKey(ctx, id, at, undefined, only);
    keys.set(name, resolved);
    return resolved;
  };
  for (const item of a.items) {
    const basis = bases.get(item);
    const result = basis ? allocateItem(ctx, item, basis, key) : null;
    if (result) items.push(result);
  }
  if (!diags.hasErrors) items.push(...applyLimits(ctx, items, key));
  if (diags.hasErrors) return diags.failure();
  // The ledger is summed twice, by two code paths: by coverage, row by row,
  // and by each item's basis. They must agree to the øre.
  const charged = Money.sum(items.flatMap((r) => r.steps.filter((s) => s.step === 'actuals').map((s) => s.amount)));
  if (!charged.eq(ledger.items) || !ledger.total.eq(ledger.items.plus(ledger.ignored).plus(ledger.bases))) {
    throw new Error(
      `internal: the ledger does not reconcile (${ledger.total.toPlain()} read, ${charged.toPlain()} charged by items, ${ledger.items.toPlain()} selected)`,
    );
  }

  const ofKind = (kind: Item['kind']) => items.filter((r) => r.item.kind === kind);
  const operatingItems = ofKind('operating');
  const investmentItems = ofKind('investment');
  const parties: PartyTotals[] = a.parties.map((party) => {
    const sum = (of: readonly ItemResult[]) => Money.sum(of.map((r) => r.allocations.get(party.id) ?? Money.ZERO));
    const operating = sum(operatingItems);
    const investment = sum(investmentItems);
    const charged = operating.plus(investment);
    return { party, operating, investment, charged };
  });
  const total = (kind?: Item['kind']) => Money.sum((kind === undefined ? items : ofKind(kind)).map((r) => r.basis));
  return diags.result({
    agreement: a,
    items,
    parties,
    total: total(),
    totals: { operating: total('operating'), investment: total('investment') },
    unallocated: Money.sum(items.map((r) => r.unallocated)),
    ignored,
    ledger,
  });
}

function allocateItem(
  ctx: ComputeContext,
  item: Item,
  b: Basis,
  key: (id: Id, at: SourcePos, only?: readonly Id[]) => KeyDerivation | null,
): ItemResult | null {
  const rounding = item.rounding;
  let shares: ReadonlyMap<Id, Ratio> | undefined;
  let derivation: KeyDerivation | undefined;
  let shared = Money.ZERO;
  const target = item.target;
  // Every line of the item, before rounding: its exact amounts add up to the basis.
  const exact: Draft[] = [];

  if (target.kind === 'limit') throw new Error(`internal: limit '${item.id}' is not an item to allocate`);
  if (target.kind === 'own') {
    for (const [party, o] of b.own)
      exact.push({
        party,
        method: 'own',
        quantity: o.quantity,
        exact: o.exact ?? o.amount.toRatio(),
        amount: Money.ZERO,
        ...(o.raised ? { raised: o.raised } : {}),
        ...(o.billed ? { billed: o.billed } : {}),
      });
  } else {
    const directTotal = Money.sum(b.direct.values());
    shared = b.basis.minus(directTotal);
    // When the parties' own rows carry the whole basis, nothing is left to split: no line
    // of 0,00 beside them (the item is still split, to 0,00, when it has no rows of its own).
    const nothingShared = shared.isZero() && b.direct.size > 0;
    if (target.kind === 'party') {
      if (!nothingShared) exact.push({ party: target.party, method: 'party', exact: shared.toRatio(), amount: Money.ZERO });
    } else {
      const resolved = key(target.key, target.at, item.parties?.ids);
      if (!resolved) return null;
      if (!nothingShared) {
        derivation = resolved;
        shares = resolved.shares;
        // `above:` — the party in `below:` pays up to the threshold; only the rest is shared by the key.
        const above = item.above;
        if (above?.below) {
          const first = shared.cmp(above.amount) <= 0 ? shared : above.amount;
          exact.push({ party: above.below, method: 'party', threshold: above.amount, exact: first.toRatio(), amount: Money.ZERO });
          shared = shared.minus(first);
        }
        for (const [party, share] of resolved.shares)
          exact.push({ party, method: 'key', key: target.key, share, exact: shared.times(share), amount: Money.ZERO });
      }
    }
    for (const [party, m] of b.direct) exact.push({ party, method: 'direct', exact: m.toRatio(), amount: Money.ZERO });
  }
  // A sweep that leaves an item's shares (the same object: a remembered key), basis and direct costs as they
  // were reuses its rounded lines.
  const round = () => roundedLines(ctx, b, exact, rounding);
  const { lines, allocations, unallocated } =
    ctx.memo && shares
      ? ctx.memo.remember(
          shares,
          `lines ${item.id} ${rounding.unit.toPlain()} ${rounding.method} ${b.basis.toPlain()} ${item.above?.amount.toPlain() ?? ''} ${[...b.direct].map(([p, m]) => `${p}=${m.toPlain()}`).join(' ')} ${partyIds(ctx.memo, ctx.agreement.parties)}`,
          round,
        )
      : round();
  return {
    item,
    basis: b.basis,
    steps: b.steps,
    shared,
    lines,
    allocations,
    unallocated,
    ...(shares ? { shares } : {}),
    ...(derivation ? { derivation } : {}),
  };
}

/** An item's exact lines rounded together, and what each party is charged. */
/** A line being made: its amount is set once the item's lines are rounded together. */
type Draft = { -readonly [K in keyof AllocationLine]: AllocationLine[K] };

function roundedLines(ctx: ComputeContext, b: Basis, exact: Draft[], rounding: Item['rounding']) {
  // One rounding for the whole item, so largest remainder distributes exactly the basis rounded to the unit.
  // Ids only break ties in largest remainder: not built where no tie is broken.
  const ties = rounding.method === 'largest-remainder';
  const rounded = roundParts(
    b.basis,
    exact.map((l) => ({ id: ties ? `${l.party} ${l.method}` : '', exact: l.exact })),
    rounding,
  );
  for (const [i, l] of exact.entries()) l.amount = rounded.amounts[i]!;
  const lines: readonly AllocationLine[] = exact;

  const allocations = new Map<Id, Money>();
  const parties = ctx.agreement.parties;
  // A line a party, in the parties' order (an item split by a key): each line is its party's sum (a Money is normalised).
  if (lines.length === parties.length && lines.every((l, i) => l.party === parties[i]!.id)) for (const l of lines) allocations.set(l.party, l.amount);
  else {
    const byParty = new Map<Id, Money[]>();
    for (const l of lines) {
      const own = byParty.get(l.party);
      if (own) own.push(l.amount);
      else byParty.set(l.party, [l.amount]);
    }
    for (const p of parties) {
      const own = byParty.get(p.id);
      if (own) allocations.set(p.id, Money.sum(own));
    }
  }
  // The basis less the lines' amounts, as roundParts found it.
  return { lines, allocations, unallocated: rounded.unallocated };
}
