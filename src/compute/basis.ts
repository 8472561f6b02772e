import type { BaseRef, Id, Item, Price, Selector } from '../agreement/model.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { STANDARD_VAT_RATE, vatExcludingFactor } from '../money/vat.js';
import { ORE, roundToUnit } from '../money/rounding.js';
import type { ComputeContext } from './context.js';
import { withinSteps } from '../validate/prices.js';
import { indexFactor } from './index-factor.js';
import { billing } from './billing.js';
import { priceOf } from './price.js';
import type { BasisStep, BilledPeriod, PriceDetail } from '../reports/allocation.js';
import { type Selection, selection, selections } from './select.js';
import { selectorUses } from '../agreement/uses.js';
import { said } from '../text/said.js';

export interface Basis {
  readonly basis: Money;
  /** Actuals rows naming a party: that party's direct cost, outside the key. */
  readonly direct: ReadonlyMap<Id, Money>;
  /** Per-party prices, for items priced per party. */
  readonly own: ReadonlyMap<Id, Own>;
  readonly steps: readonly BasisStep[];
}

/**
 * A party's price for its own quantity, to the øre. A price over the year
 * (`periods:`, `connected:`) keeps its exact value, which the item's
 * rounding then rounds, and the periods it was billed for.
 */
export interface Own {
  readonly amount: Money;
  readonly quantity: Ratio;
  readonly raised?: PriceDetail;
  readonly exact?: Ratio;
  readonly billed?: readonly BilledPeriod[];
}

/** An amount written including VAT is divided by 1 + the standard rate. */
const VAT_FACTOR = vatExcludingFactor(STANDARD_VAT_RATE);

/**
 * Computes item bases, each once, following `percent` references. Cycles were
 * rejected by the reader; the guard here only keeps a bug from looping.
 */
export class Bases {
  private readonly done = new Map<Id, Basis | null>();
  private readonly busy = new Set<Id>();
  /** Every selection the items and bases read, by selector: summed in one pass over the ledger when the first is asked for. */
  private selected: ReadonlyMap<Selector, Selection> | undefined;

  constructor(private readonly ctx: ComputeContext) {}

  private selectionOf(selector: Selector): Selection {
    if (!this.selected) {
      const read = selectorUses(this.ctx.agreement).flatMap((u) => (u.role === 'ignore' ? [] : [u.selector]));
      const sums = selections(this.ctx.actuals, read, this.ctx.memo);
      this.selected = new Map(read.map((s, i) => [s, sums[i]!]));
    }
    return this.selected.get(selector) ?? selection(this.ctx.actuals, selector, this.ctx.memo);
  }

  get(item: Item): Basis | null {
    if (this.done.has(item.id)) return this.done.get(item.id)!;
    if (this.busy.has(item.id)) throw new Error(`internal: percent cycle through '${item.id}' was not caught by the reader`);
    this.busy.add(item.id);
    const b = this.compute(item);
    this.busy.delete(item.id);
    this.done.set(item.id, b);
    return b;
  }

  private compute(item: Item): Basis | null {
    const steps: BasisStep[] = [];
    const direct = new Map<Id, Money>();
    const own = new Map<Id, Own>();
    let amount: Money;
    const src = item.source;
    switch (src.kind) {
      case 'amount':
        amount = src.amount;
        steps.push({ step: 'amount', detail: { kind: 'amount' }, amount });
        break;
      case 'actuals': {
        const s = this.selectionOf(src.selector);
        amount = s.amount;
        for (const [party, m] of s.direct) direct.set(party, m);
        steps.push({ step: 'actuals', detail: { kind: 'actuals', rows: s.count, selector: src.selector }, amount, rows: s.rows });
        break;
      }
      case 'price': {
        const p = this.price(item, own, steps, this.indexedPrice(item, src.price, steps));
        if (!p) return null;
        amount = p;
        break;
      }
      case 'percent': {
        const of = this.sumOf(src.of);
        const deduct = this.sumOf(src.deduct);
        if (!of || !deduct) return null;
        const rows = [...src.of, ...src.deduct].flatMap((ref) => (ref.kind === 'actuals' ? this.selectionOf(ref.selector).rows : []));
        // `above:` — the rate applies to the part of the base (of, or of − less) above the threshold, none of it when below.
        const base = src.reading === 'less' ? of.toRatio().minus(deduct.toRatio()) : of.toRatio();
        const excess = item.above ? base.minus(item.above.amount.toRatio()) : base;
        const over = excess.sign() < 0 ? Ratio.ZERO : excess;
        const exact = src.reading === 'less' ? over.times(src.percent) : over.times(src.percent).minus(deduct.toRatio());
        amount = exact.isFiniteDecimal() ? Money.fromFinite(exact) : roundToUnit(exact, ORE);
        const detail = {
          kind: 'percent',
          percent: src.percent,
          reading: src.reading,
          of,
          deduct,
          roundedToOre: !exact.isFiniteDecimal(),
          ...(item.above ? { above: item.above.amount } : {}),
        } as const;
        steps.push({ step: 'percent', detail, amount, ...(rows.length ? { rows } : {}) });
        break;
      }
    }
    if (item.vatIncluded) {
      const start = amount;
      amount = Money.fromFinite(amount.times(VAT_FACTOR));
      for (const [p, m] of direct) direct.set(p, Money.fromFinite(m.times(VAT_FACTOR)));
      for (const [p, o] of own) {
        const exact = o.exact?.times(VAT_FACTOR);
        own.set(p, exact ? { ...o, exact, amount: roundToUnit(exact, ORE) } : { ...o, amount: Money.fromFinite(o.amount.times(VAT_FACTOR)) });
      }
      steps.push({ step: 'vat', detail: { kind: 'vat', rate: STANDARD_VAT_RATE, start }, amount });
    }
    // A price indexed with `round:` was indexed before it was used (indexedPrice); everything else is indexed here, as an amount.
    if (item.index && !(item.index.round && src.kind === 'price')) {
      const { factor, changes } = indexFactor(this.ctx.agreement, item.index);
      const unit = item.index.round ?? item.rounding.unit;
      const start = amount;
      amount = roundToUnit(amount.times(factor), unit);
      if (own.size) {
        // The indexed amount is rounded to the unit: what a price over the year is indexed from is its amount to the øre.
        for (const [p, { exact: _, ...o }] of own) own.set(p, { ...o, amount: roundToUnit(o.amount.times(factor), unit) });
        amount = Money.sum([...own.values()].map((o) => o.amount));
      }
      steps.push({
        step: 'index',
        // Each party's own amount is indexed and rounded by itself: no one starting amount gives the sum.
        detail: { kind: 'index', series: item.index.series, from: item.index.from, changes, factor, unit, ...(own.size ? {} : { start }) },
        amount,
      });
    }
    // Money on reports and invoices has two decimals: a finer basis (a unit
    // price in fractions of an øre, VAT taken off an odd øre) is rounded to øre
    // here, once, and the step says so.
    if (!roundToUnit(amount.toRatio(), ORE).eq(amount)) {
      const start = amount;
      amount = roundToUnit(amount.toRatio(), ORE);
      for (const [p, m] of direct) direct.set(p, roundToUnit(m.toRatio(), ORE));
      for (const [p, o] of own) own.set(p, { ...o, amount: roundToUnit(o.amount.toRatio(), ORE) });
      if (own.size) amount = Money.sum([...own.values()].map((o) => o.amount));
      steps.push({ step: 'round', detail: { kind: 'round', ...(own.size ? {} : { start }) }, amount });
    }
    return { basis: amount, direct, own, steps };
  }

  /**
   * `index: { …, round: 0.01 }` on a price: the unit price (or each step's
   * price) indexed and rounded to the step before it is multiplied — the
   * rate the agreement publishes — with a step that shows both.
   */
  private indexedPrice(item: Item, price: Price, steps: BasisStep[]): Price {
    const round = item.index?.round;
    if (!item.index || !round) return price;
    const { factor, changes } = indexFactor(this.ctx.agreement, item.index);
    const detail = { kind: 'index', series: item.index.series, from: item.index.from, changes, factor, unit: round } as const;
    if (price.kind === 'unit') {
      const exact = price.unit.times(factor);
      const unit = roundToUnit(exact, round);
      steps.push({ step: 'index', detail: { ...detail, prices: 'unit', rate: { before: price.unit, exact } }, amount: unit });
      return { ...price, unit };
    }
    const tiers = price.tiers.map((t) => ({ ...t, price: roundToUnit(t.price.times(factor), round) }));
    steps.push({
      step: 'index',
      detail: { ...detail, prices: 'steps', start: price.tiers[price.tiers.length - 1]!.price },
      amount: tiers[tiers.length - 1]!.price,
    });
    return { ...price, tiers };
  }

  private price(item: Item, own: Map<Id, Own>, steps: BasisStep[], price: Price): Money | null {
    const q = price.quantity;
    const where = said(`posten '${item.id}'`, `item '${item.id}'`);
    // A quantity must fall within the steps, and within each period's own steps.
    const tables = price.kind === 'unit' ? [] : [price.tiers, ...(item.dated ?? []).flatMap((d) => (d.tiers ? [d.tiers] : []))];
    const within = (value: Ratio, party?: Id) =>
      tables.every((tiers) =>
        withinSteps(this.ctx.diags, tiers, value, q.at, party ? said(`${where.nb}, kommunen '${party}'`, `${where.en}, party '${party}'`) : where),
      );
    if (q.kind === 'fixed') {
      const r = priceOf(price, q.value);
      if ('aboveLastStep' in r) throw new Error(`internal: item '${item.id}' priced above its last step (validation refuses it)`);
      steps.push({ step: 'price', detail: { kind: 'price', price: r.detail }, amount: r.amount });
      return r.amount;
    }
    const values = this.ctx.drivers.get(q.driver);
    // An item with parties: reaches only them: each is priced on its own quantity, or the quantity is their sum.
    const reached = item.parties ? this.ctx.agreement.parties.filter((p) => item.parties!.ids.includes(p.id)) : this.ctx.agreement.parties;
    const missing = reached.filter((p) => !values?.has(p.id));
    if (missing.length) {
      this.ctx.diags.error(
        q.at,
        'driver-missing',
        said(
          `driveren '${q.driver}' har ingen verdi for ${missing.map((p) => `'${p.id}'`).join(', ')}`,
          `driver '${q.driver}' has no value for ${missing.map((p) => `'${p.id}'`).join(', ')}`,
        ),
        said(
          `gi hver kommune en verdi for ${q.driver} (0 om den ikke har noen) i driverfilen eller under drivers:`,
          `give every party a ${q.driver} value (0 if it has none) in the drivers file or under drivers:`,
        ),
      );
      return null;
    }
    if (q.perParty) {
      let ok = true;
      for (const p of reached) {
        const v = values!.get(p.id)!.value;
        if (!within(v, p.id)) {
          ok = false;
          continue;
        }
        const b = billing(item, price, this.ctx.agreement.year, p.id, v);
        if (b && 'periods' in b) {
          own.set(p.id, { amount: roundToUnit(b.exact, ORE), quantity: v, exact: b.exact, billed: b.periods });
          continue;
        }
        const r = priceOf(b && 'plain' in b ? b.plain : price, v);
        if ('aboveLastStep' in r) continue;
        own.set(p.id, { amount: r.amount, quantity: v, ...(r.detail.min ? { raised: r.detail } : {}) });
      }
      if (!ok) return null;
      const total = Money.sum([...own.values()].map((o) => o.amount));
      steps.push({ step: 'price', detail: { kind: 'own-price', driver: q.driver }, amount: total });
      return total;
    }
    const total = reached.reduce((a, p) => a.plus(values!.get(p.id)!.value), Ratio.ZERO);
    if (!within(total)) return null;
    const r = priceOf(price, total);
    if ('aboveLastStep' in r) return null;
    steps.push({ step: 'price', detail: { kind: 'price', price: r.detail, summed: q.driver }, amount: r.amount });
    return r.amount;
  }

  private sumOf(refs: readonly BaseRef[]): Money | null {
    let total = Money.ZERO;
    for (const ref of refs) {
      if (ref.kind === 'actuals') {
        total = total.plus(this.selectionOf(ref.selector).amount);
        continue;
      }
      const item = this.ctx.agreement.items.find((i) => i.id === ref.id)!;
      const b = this.get(item);
      if (!b) return null;
      total = total.plus(b.basis);
    }
    return total;
  }
}
