import type { Id, Item } from '../agreement/model.js';
import { Diagnostics, type Computed, type SourcePos } from '../diagnostics/diagnostic.js';
import { distribute } from '../money/distribute.js';
import { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
import { roundToUnit } from '../money/rounding.js';
import { Bases, type Basis } from './basis.js';
import type { ComputeContext, ComputeInput } from './context.js';
import { checkCoverage } from './coverage.js';
import { resolveKey, type KeyDerivation } from './keys.js';
import type { AllocationLine, AllocationReport, ItemResult, PartyTotals } from './report.js';

/**
 * The allocation: every item split between the parties. Pure. Problems that
 * only the data can show (a missing population, a server count above the
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
  const key = (id: Id, at: SourcePos) => {
    if (!keys.has(id)) keys.set(id, resolveKey(ctx, id, at));
    return keys.get(id)!;
  };
  for (const item of a.items) {
    const basis = bases.get(item);
    const result = basis ? allocateItem(ctx, item, basis, key) : null;
    if (result) items.push(result);
  }
  if (diags.hasErrors) return diags.failure();
  // The ledger is summed twice, by two code paths: by coverage, row by row,
  // and by each item's basis. They must agree to the øre.
  const charged = Money.sum(items.flatMap((r) => r.steps.filter((s) => s.step === 'actuals').map((s) => s.amount)));
  if (!charged.eq(ledger.items) || !ledger.total.eq(ledger.items.plus(ledger.ignored).plus(ledger.bases))) {
    throw new Error(
      `internal: the ledger does not reconcile (${ledger.total.toPlain()} read, ${charged.toPlain()} charged by items, ${ledger.items.toPlain()} selected)`,
    );
  }

  const parties: PartyTotals[] = a.parties.map((party) => {
    const sum = (kind: Item['kind']) => Money.sum(items.filter((r) => r.item.kind === kind).map((r) => r.allocations.get(party.id) ?? Money.ZERO));
    const operating = sum('operating');
    const investment = sum('investment');
    const charged = operating.plus(investment);
    return { party, operating, investment, charged };
  });
  const total = (kind?: Item['kind']) => Money.sum(items.filter((r) => kind === undefined || r.item.kind === kind).map((r) => r.basis));
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

function allocateItem(ctx: ComputeContext, item: Item, b: Basis, key: (id: Id, at: SourcePos) => KeyDerivation | null): ItemResult | null {
  const lines: AllocationLine[] = [];
  const rounding = item.rounding;
  let shares: ReadonlyMap<Id, Ratio> | undefined;
  let derivation: KeyDerivation | undefined;
  let shared = Money.ZERO;
  const target = item.target;

  if (target.kind === 'own') {
    for (const [party, o] of b.own)
      lines.push({ party, method: 'own', quantity: o.quantity, exact: o.amount.toRatio(), amount: roundToUnit(o.amount.toRatio(), rounding.unit) });
  } else {
    const directTotal = Money.sum(b.direct.values());
    shared = b.basis.minus(directTotal);
    if (target.kind === 'party') {
      lines.push({ party: target.party, method: 'party', exact: shared.toRatio(), amount: roundToUnit(shared.toRatio(), rounding.unit) });
    } else {
      const resolved = key(target.key, target.at);
      if (!resolved) return null;
      derivation = resolved;
      shares = resolved.shares;
      const quotas = [...resolved.shares].map(([id, share]) => ({ id, share }));
      const d = distribute(shared, quotas, rounding);
      for (const q of quotas)
        lines.push({ party: q.id, method: 'key', key: target.key, share: q.share, exact: d.exact.get(q.id)!, amount: d.amounts.get(q.id)! });
    }
    for (const [party, m] of b.direct) lines.push({ party, method: 'direct', exact: m.toRatio(), amount: roundToUnit(m.toRatio(), rounding.unit) });
  }

  const byParty = new Map<Id, Money[]>();
  for (const l of lines) byParty.set(l.party, [...(byParty.get(l.party) ?? []), l.amount]);
  const allocations = new Map<Id, Money>();
  for (const p of ctx.agreement.parties) {
    const own = byParty.get(p.id);
    if (own) allocations.set(p.id, Money.sum(own));
  }
  const unallocated = b.basis.minus(Money.sum(lines.map((l) => l.amount)));
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
