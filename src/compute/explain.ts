import type { Id, Item, Party } from '../agreement/model.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import type { KeyDerivation } from './keys.js';
import { memberFraction } from './membership.js';
import type { AllocationLine, AllocationReport, BasisStep } from './report.js';

/** One item's part of a party's charge, with everything that produced it. */
export interface ItemExplanation {
  readonly item: Item;
  readonly basis: Money;
  readonly steps: readonly BasisStep[];
  /** The part split by the key: the basis less the parties' direct rows. */
  readonly shared: Money;
  readonly derivation?: KeyDerivation;
  /** The party's lines: share or price, exact product, rounded amount. */
  readonly lines: readonly AllocationLine[];
  readonly amount: Money;
  /** What rounding left of the whole item, and so of no party. */
  readonly unallocated: Money;
}

export interface Explanation {
  readonly report: AllocationReport;
  readonly party: Party;
  readonly items: readonly ItemExplanation[];
  readonly total: Money;
  /** Months of the year the party was a member, when `joined:`/`left:` make it fewer than 12 — the months its key weights were counted for. */
  readonly membership?: { readonly months: number; readonly joined?: string; readonly left?: string };
}

/**
 * Why a party's share is what it is: a view of the allocation report, not a
 * second calculation, so every number shown is the number that was used.
 */
export function explain(report: AllocationReport, party: Id, item?: Id): Explanation {
  const p = report.agreement.parties.find((x) => x.id === party)!;
  const items = report.items
    .filter((i) => (item === undefined || i.item.id === item) && i.allocations.has(party))
    .map(
      (i): ItemExplanation => ({
        item: i.item,
        basis: i.basis,
        steps: i.steps,
        shared: i.shared,
        lines: i.lines.filter((l) => l.party === party),
        amount: i.allocations.get(party)!,
        unallocated: i.unallocated,
        ...(i.derivation ? { derivation: i.derivation } : {}),
      }),
    );
  const total = Money.sum(items.map((i) => i.amount));
  const fraction = memberFraction(p, report.agreement.year);
  const months = Number(fraction.times(Ratio.of(12n)).floor());
  return {
    report,
    party: p,
    items,
    total,
    ...(p.membership && months < 12
      ? { membership: { months, ...(p.membership.joined ? { joined: p.membership.joined } : {}), ...(p.membership.left ? { left: p.membership.left } : {}) } }
      : {}),
  };
}
