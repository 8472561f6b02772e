import type { Id } from '../agreement/model.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { memberFraction } from '../agreement/membership.js';
import type { AllocationReport } from '../reports/allocation.js';
import type { Explanation, ItemExplanation } from '../reports/explanation.js';

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
