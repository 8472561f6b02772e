import { isOneOf } from './one-of.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { Ratio } from '../money/ratio.js';
import type { Rounding } from '../money/rounding.js';
import {
  ITEM_KINDS,
  TIER_MODES,
  type AmountSource,
  type BaseRef,
  type IndexRef,
  type Item,
  type ItemKind,
  type Price,
  type Quantity,
  type Target,
  type Tier,
  type TierMode,
} from './model.js';
import { readRounding } from './rounding.js';
import { checkWithinSteps } from './steps.js';
import { readSelector } from './selector.js';
import { isMap, isSeq, type Entry, type YamlReader, type YNode } from './yaml-nodes.js';

const SOURCES = ['amount', 'actuals', 'price', 'percent'] as const;
const ITEM_FIELDS = ['id', 'label', ...SOURCES, 'of', 'less', 'minus', 'index', 'kind', 'vat', 'rounding', 'key', 'party'];
const PRICE_FIELDS = ['quantity', 'per', 'months', 'mode', 'steps', 'unit'];

/** `items:` — the list of what is allocated. References are checked later, in references.ts. */
export function readItems(r: YamlReader, node: YNode, at: SourcePos, defaults: Rounding): Item[] {
  const items: Item[] = [];
  const list = node === null ? [] : r.seq(node, 'items', at);
  if (list && list.length === 0) r.diags.error(r.pos(node, at), 'missing-field', 'the agreement has no items', 'add at least one item under items:');
  for (const n of list ?? []) {
    const item = readItem(r, n, r.pos(n, at), defaults);
    if (item) items.push(item);
  }
  return items;
}

function readItem(r: YamlReader, node: YNode, at: SourcePos, defaults: Rounding): Item | null {
  const fields = r.map(node, 'an item', at);
  if (!fields) return null;
  const f = (name: string) => fields.find((e) => e.key === name);
  const idEntry = f('id');
  if (!idEntry) {
    r.diags.error(at, 'missing-field', 'item has no id', 'add id: a-short-name as the first field of the item');
    return null;
  }
  const id = r.id(idEntry.value, 'item id', idEntry.valueAt);
  if (id === null) return null;
  const where = `item '${id}'`;
  r.onlyFields(fields, ITEM_FIELDS, where);

  const labelEntry = f('label');
  const label = labelEntry ? r.string(labelEntry.value, `label of ${where}`, labelEntry.valueAt) : null;
  if (!labelEntry) r.diags.error(idEntry.at, 'missing-field', `${where} has no label`, 'add label: the text shown on reports and invoices');

  const kindEntry = f('kind');
  let kind: ItemKind = 'operating';
  if (kindEntry) {
    const k = r.string(kindEntry.value, `kind of ${where}`, kindEntry.valueAt);
    if (k !== null && isOneOf(ITEM_KINDS, k)) kind = k;
    else if (k !== null)
      r.diags.error(
        kindEntry.valueAt,
        'bad-value',
        `kind of ${where} must be operating or investment, got '${k}'`,
        'drift is operating, investering is investment',
      );
  }

  const vatEntry = f('vat');
  let vatIncluded = false;
  if (vatEntry) {
    const v = r.string(vatEntry.value, `vat of ${where}`, vatEntry.valueAt);
    if (v === 'included') vatIncluded = true;
    else if (v !== null && v !== 'excluded')
      r.diags.error(
        vatEntry.valueAt,
        'bad-value',
        `vat of ${where} must be included or excluded, got '${v}'`,
        'write vat: included when the amount includes 25 % VAT',
      );
  }

  const roundingEntry = f('rounding');
  const rounding = roundingEntry ? readRounding(r, roundingEntry.value, roundingEntry.valueAt, defaults) : defaults;

  const source = readSource(r, fields, where, idEntry.at);
  const indexEntry = f('index');
  const index = indexEntry ? readIndexRef(r, indexEntry, where) : undefined;
  if (indexEntry && source?.kind === 'actuals')
    r.diags.error(
      indexEntry.at,
      'index-actuals',
      `${where} takes actuals, which are already in this year's money`,
      'remove index:, or index an amount: or price: item instead',
    );
  const target = readTarget(r, fields, where, idEntry.at, source);
  if (!source || !target || label === null || !rounding || index === null) return null;
  return { id, label, kind, source, vatIncluded, rounding, target, at: idEntry.at, ...(index ? { index } : {}) };
}

function readSource(r: YamlReader, fields: readonly Entry[], where: string, at: SourcePos): AmountSource | null {
  const sources = fields.filter((e) => isOneOf(SOURCES, e.key));
  const f = (name: string) => fields.find((e) => e.key === name);
  if (sources.length !== 1) {
    const msg = sources.length === 0 ? `${where} has no amount` : `${where} has ${sources.length} amounts (${sources.map((s) => s.key).join(', ')})`;
    r.diags.error(sources[1]?.at ?? at, 'amount-source', msg, 'give exactly one of amount:, actuals:, price: or percent:');
    return null;
  }
  const s = sources[0]!;
  if (s.key !== 'percent') {
    for (const name of ['of', 'less', 'minus']) {
      const e = f(name);
      if (e)
        r.diags.error(
          e.at,
          'percent-field',
          `${name}: belongs to a percent item, but ${where} has ${s.key}:`,
          `remove ${name}: or make the item a percent: item`,
        );
    }
  }
  switch (s.key) {
    case 'amount': {
      const amount = r.money(s.value, `amount of ${where}`, s.valueAt);
      return amount ? { kind: 'amount', amount, at: s.valueAt } : null;
    }
    case 'actuals': {
      const selector = readSelector(r, s.value, s.valueAt, `actuals of ${where}`);
      return selector ? { kind: 'actuals', selector } : null;
    }
    case 'price': {
      const price = readPrice(r, s.value, s.valueAt, where);
      return price ? { kind: 'price', price } : null;
    }
    default: {
      const percent = r.ratio(s.value, `percent of ${where}`, s.valueAt);
      const ofEntry = f('of');
      const less = f('less');
      const minus = f('minus');
      if (!ofEntry)
        r.diags.error(
          s.at,
          'missing-field',
          `${where} has percent: but no of:`,
          'say what it is a percentage of: of: [item-id] or of: { actuals: { category: [...] } }',
        );
      if (less && minus)
        r.diags.error(
          minus.at,
          'percent-field',
          `${where} has both less: and minus:`,
          'less: takes the percentage of (of − less); minus: subtracts after the percentage. Choose one reading',
        );
      const of = ofEntry ? readBaseRefs(r, ofEntry, where) : null;
      const deductEntry = minus ?? less;
      const deduct = deductEntry ? readBaseRefs(r, deductEntry, where) : [];
      if (!percent || !of || !deduct || !ofEntry) return null;
      return { kind: 'percent', percent, of, reading: minus ? 'minus' : 'less', deduct, at: s.valueAt };
    }
  }
}

/** `of:`/`less:`/`minus:` — item ids, `{ actuals: selector }`, or a list mixing both. */
function readBaseRefs(r: YamlReader, e: Entry, where: string): BaseRef[] | null {
  const nodes = isSeq(e.value) ? (r.seq(e.value, e.key, e.valueAt) ?? []) : [e.value];
  const refs: BaseRef[] = [];
  for (const n of nodes) {
    const at = r.pos(n, e.valueAt);
    if (isMap(n)) {
      const fields = r.map(n, `${e.key} of ${where}`, at) ?? [];
      r.onlyFields(fields, ['actuals'], `${e.key} of ${where}`);
      const a = fields.find((x) => x.key === 'actuals');
      if (!a) {
        r.diags.error(
          at,
          'missing-field',
          `${e.key} of ${where} must name items or hold actuals:`,
          `write ${e.key}: [item-id] or ${e.key}: { actuals: { category: [...] } }`,
        );
        return null;
      }
      const selector = readSelector(r, a.value, a.valueAt, `actuals in ${e.key} of ${where}`);
      if (!selector) return null;
      refs.push({ kind: 'actuals', selector });
    } else {
      const id = r.id(n, `item in ${e.key} of ${where}`, at);
      if (id === null) return null;
      refs.push({ kind: 'item', id, at });
    }
  }
  return refs;
}

export function readIndexRef(r: YamlReader, e: Entry, where: string): IndexRef | null {
  const fields = r.map(e.value, `index of ${where}`, e.valueAt);
  if (!fields) return null;
  r.onlyFields(fields, ['series', 'from'], `index of ${where}`);
  const s = fields.find((x) => x.key === 'series');
  const from = fields.find((x) => x.key === 'from');
  if (!s || !from) {
    r.diags.error(e.valueAt, 'missing-field', `index of ${where} needs series and from`, 'write index: { series: deflator, from: 2020 }');
    return null;
  }
  const series = r.id(s.value, 'index series', s.valueAt);
  const year = r.integer(from.value, 'index base year', from.valueAt);
  return series === null || year === null ? null : { series, from: year, at: e.valueAt };
}

function readTarget(r: YamlReader, fields: readonly Entry[], where: string, at: SourcePos, source: AmountSource | null): Target | null {
  const key = fields.find((e) => e.key === 'key');
  const party = fields.find((e) => e.key === 'party');
  const perParty = source?.kind === 'price' && source.price.quantity.kind === 'driver' && source.price.quantity.perParty;
  if (perParty) {
    const extra = key ?? party;
    if (extra) {
      r.diags.error(
        extra.at,
        'target',
        `${where} is priced per party, so it takes no ${extra.key}:`,
        'each party pays for its own quantity; remove the line, or drop per_party: true to split one total',
      );
      return null;
    }
    return { kind: 'own' };
  }
  if (key && party) {
    r.diags.error(party.at, 'target', `${where} has both key: and party:`, 'an item is either split by a key or charged directly to one party');
    return null;
  }
  if (key) {
    const id = r.id(key.value, `key of ${where}`, key.valueAt);
    return id === null ? null : { kind: 'key', key: id, at: key.valueAt };
  }
  if (party) {
    const id = r.id(party.value, `party of ${where}`, party.valueAt);
    return id === null ? null : { kind: 'party', party: id, at: party.valueAt };
  }
  if (source)
    r.diags.error(
      at,
      'target',
      `${where} says neither who pays nor how it is split`,
      'add key: <key id> to split it, or party: <party id> to charge one party',
    );
  return null;
}

function readPrice(r: YamlReader, node: YNode, at: SourcePos, where: string): Price | null {
  const fields = r.map(node, `price of ${where}`, at);
  if (!fields) return null;
  r.onlyFields(fields, PRICE_FIELDS, `price of ${where}`);
  const f = (name: string) => fields.find((e) => e.key === name);
  const q = f('quantity');
  if (!q) r.diags.error(at, 'missing-field', `price of ${where} has no quantity`, 'write quantity: 397, or quantity: { driver: servers }');
  const quantity = q ? readQuantity(r, q.value, q.valueAt, where) : null;
  const periods = readPeriods(r, f('per'), f('months'), where);

  const steps = f('steps');
  const unit = f('unit');
  const mode = f('mode');
  if ((steps ? 1 : 0) + (unit ? 1 : 0) !== 1) {
    r.diags.error(
      steps && unit ? unit.at : at,
      'price-kind',
      `price of ${where} needs exactly one of steps: and unit:`,
      'steps: [[up to, price], ...] for a tiered price; unit: 195 for a unit price',
    );
    return null;
  }
  if (unit) {
    if (mode) r.diags.error(mode.at, 'price-kind', `mode: applies to steps:, not to a unit price`, 'remove mode:');
    const u = r.money(unit.value, `unit price of ${where}`, unit.valueAt);
    return u && quantity && periods ? { kind: 'unit', unit: u, quantity, periods, at } : null;
  }
  let tierMode: TierMode = 'step';
  if (mode) {
    const m = r.string(mode.value, 'price mode', mode.valueAt);
    if (m !== null && isOneOf(TIER_MODES, m)) tierMode = m;
    else if (m !== null)
      r.diags.error(
        mode.valueAt,
        'bad-value',
        `price mode must be one of ${TIER_MODES.join(', ')}, got '${m}'`,
        "step: whole volume at one step's price; graduated: each band at its own unit rate",
      );
  }
  const tiers = readTiers(r, steps!, where);
  if (!tiers || !quantity || !periods) return null;
  if (quantity.kind === 'fixed') checkWithinSteps(r, tiers, quantity.value, quantity.at, where);
  return { kind: 'tiered', mode: tierMode, tiers, quantity, periods, at };
}

function readTiers(r: YamlReader, e: Entry, where: string): Tier[] | null {
  const list = r.seq(e.value, `steps of ${where}`, e.valueAt);
  if (!list) return null;
  if (list.length === 0) {
    r.diags.error(e.valueAt, 'price-steps', `steps of ${where} are empty`, 'write steps as [[up to, price], ...]');
    return null;
  }
  const tiers: Tier[] = [];
  let ok = true;
  list.forEach((n, i) => {
    const at = r.pos(n, e.valueAt);
    const pair = r.seq(n, `step ${i + 1} of ${where}`, at);
    if (pair?.length !== 2) {
      if (pair) r.diags.error(at, 'price-steps', `step ${i + 1} of ${where} must be [up to, price]`, 'e.g. [400, 122000]');
      ok = false;
      return;
    }
    const open = r.isInfinity(pair[0]!);
    const upTo = open ? null : r.quantity(pair[0]!, 'step bound', at);
    const price = r.money(pair[1]!, 'step price', r.pos(pair[1]!, at));
    if ((!open && upTo === null) || price === null) {
      ok = false;
      return;
    }
    const prev = tiers[tiers.length - 1];
    if (prev && (prev.upTo === null || (upTo !== null && upTo.cmp(prev.upTo) <= 0))) {
      r.diags.error(
        at,
        'price-steps',
        `steps of ${where} must rise: ${upTo?.toDecimalString() ?? '.inf'} follows ${prev.upTo?.toDecimalString() ?? '.inf'}`,
        'list steps from the smallest quantity up; only the last may be .inf',
      );
      ok = false;
      return;
    }
    tiers.push({ upTo, price, at });
  });
  return ok ? tiers : null;
}

function readQuantity(r: YamlReader, node: YNode, at: SourcePos, where: string): Quantity | null {
  if (isMap(node)) {
    const fields = r.map(node, `quantity of ${where}`, at) ?? [];
    r.onlyFields(fields, ['driver', 'per_party'], `quantity of ${where}`);
    const d = fields.find((e) => e.key === 'driver');
    const pp = fields.find((e) => e.key === 'per_party');
    if (!d) {
      r.diags.error(at, 'missing-field', `quantity of ${where} needs a driver`, 'write quantity: { driver: servers }');
      return null;
    }
    const driver = r.id(d.value, 'driver', d.valueAt);
    let perParty = false;
    if (pp) {
      const v = (pp.value as { value?: unknown } | null)?.value;
      if (typeof v !== 'boolean') r.diags.error(pp.valueAt, 'type', 'per_party must be true or false', 'write per_party: true');
      else perParty = v;
    }
    return driver === null ? null : { kind: 'driver', driver, perParty, at: d.valueAt };
  }
  const value = r.quantity(node, `quantity of ${where}`, at);
  return value ? { kind: 'fixed', value, at } : null;
}

/** `per: month` with `months:` (default 12), or `per: year`: how many periods the price is paid for. */
function readPeriods(r: YamlReader, per: Entry | undefined, months: Entry | undefined, where: string): Ratio | null {
  const p = per ? r.string(per.value, 'per', per.valueAt) : 'year';
  if (p === null) return null;
  if (p !== 'month' && p !== 'year') {
    r.diags.error(per!.valueAt, 'bad-value', `per: of ${where} must be month or year, got '${p}'`, 'write per: month (with months: 12) or per: year');
    return null;
  }
  if (p === 'year') {
    if (months) r.diags.error(months.at, 'price-kind', `months: applies to per: month, but ${where} is priced per year`, 'remove months: or write per: month');
    return Ratio.ONE;
  }
  if (!months) return Ratio.of(12n);
  const m = r.integer(months.value, 'months', months.valueAt);
  if (m !== null && (m < 1 || m > 12)) {
    r.diags.error(months.valueAt, 'bad-value', `months: must be between 1 and 12, got ${m}`, 'a year has twelve months');
    return null;
  }
  return m === null ? null : Ratio.of(BigInt(m));
}
