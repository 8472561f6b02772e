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
import { readConnected, readPricePeriods, readProrate } from './billing.js';
import { readRounding } from './rounding.js';
import { checkWithinSteps } from './steps.js';
import { readSelector } from './selector.js';
import { isMap, isSeq, type Entry, type YamlReader, type YNode } from './yaml-nodes.js';
import { amount as kr, field, item, quantity } from './phrases.js';
import { type Said, said } from '../text/said.js';
import { STANDARD_VAT_PERCENT } from '../money/vat.js';

const SOURCES = ['amount', 'actuals', 'price', 'percent'] as const;
const ITEM_FIELDS = [
  'id',
  'label',
  ...SOURCES,
  'of',
  'less',
  'minus',
  'index',
  'kind',
  'vat',
  'rounding',
  'key',
  'party',
  'parties',
  'connected',
  'prorate',
  'above',
  'below',
];
const PRICE_FIELDS = ['quantity', 'per', 'months', 'mode', 'steps', 'unit', 'periods'];

/** `items:` — the list of what is allocated. References are checked later, in references.ts. */
export function readItems(r: YamlReader, node: YNode, at: SourcePos, defaults: Rounding): Item[] {
  const items: Item[] = [];
  const list = node === null ? [] : r.seq(node, field('items'), at);
  if (list && list.length === 0)
    r.diags.error(
      r.pos(node, at),
      'missing-field',
      said('avtalen har ingen poster', 'the agreement has no items'),
      said('legg til minst én post under items:', 'add at least one item under items:'),
    );
  for (const n of list ?? []) {
    const item = readItem(r, n, r.pos(n, at), defaults);
    if (item) items.push(item);
  }
  return items;
}

function readItem(r: YamlReader, node: YNode, at: SourcePos, defaults: Rounding): Item | null {
  const fields = r.map(node, said('en post', 'an item'), at);
  if (!fields) return null;
  const f = (name: string) => fields.find((e) => e.key === name);
  const idEntry = f('id');
  if (!idEntry) {
    r.diags.error(
      at,
      'missing-field',
      said('posten har ingen id', 'item has no id'),
      said('legg til id: et-kort-navn som første felt i posten', 'add id: a-short-name as the first field of the item'),
    );
    return null;
  }
  const id = r.id(idEntry.value, said('postens id', 'item id'), idEntry.valueAt);
  if (id === null) return null;
  const where = item(id);
  r.onlyFields(fields, ITEM_FIELDS, where);

  const labelEntry = f('label');
  const label = labelEntry ? r.text(labelEntry.value, field('label', where), labelEntry.valueAt) : null;
  if (!labelEntry)
    r.diags.error(
      idEntry.at,
      'missing-field',
      said(`${where.nb} har ingen label`, `${where.en} has no label`),
      said('legg til label: teksten som vises på rapporter og fakturaer', 'add label: the text shown on reports and invoices'),
    );

  const kindEntry = f('kind');
  let kind: ItemKind = 'operating';
  if (kindEntry) {
    const k = r.string(kindEntry.value, field('kind', where), kindEntry.valueAt);
    if (k !== null && isOneOf(ITEM_KINDS, k)) kind = k;
    else if (k !== null)
      r.diags.error(
        kindEntry.valueAt,
        'bad-value',
        said(`${field('kind', where).nb} må være operating eller investment, men er '${k}'`, `kind of ${where.en} must be operating or investment, got '${k}'`),
        said('drift er operating, investering er investment', 'drift is operating, investering is investment'),
      );
  }

  const vatEntry = f('vat');
  let vatIncluded = false;
  if (vatEntry) {
    const v = r.string(vatEntry.value, field('vat', where), vatEntry.valueAt);
    if (v === 'included') vatIncluded = true;
    else if (v !== null && v !== 'excluded')
      r.diags.error(
        vatEntry.valueAt,
        'bad-value',
        said(`${field('vat', where).nb} må være included eller excluded, men er '${v}'`, `vat of ${where.en} must be included or excluded, got '${v}'`),
        said(
          `skriv vat: included når beløpet er med ${STANDARD_VAT_PERCENT} % mva.`,
          `write vat: included when the amount includes ${STANDARD_VAT_PERCENT} % VAT`,
        ),
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
      said(`${where.nb} tar regnskapstall, som allerede er i årets kroneverdi`, `${where.en} takes actuals, which are already in this year's money`),
      said('fjern index:, eller indekser en post med amount: eller price: i stedet', 'remove index:, or index an amount: or price: item instead'),
    );
  const target = readTarget(r, fields, where, idEntry.at, source);
  const partiesEntry = f('parties');
  const parties = partiesEntry ? readItemParties(r, partiesEntry, where, target) : undefined;
  const billing = readBilling(r, fields, where, source, target, index);
  const above = readAbove(r, fields, where, source, target);
  if (!source || !target || label === null || !rounding || index === null || parties === null || !billing || above === null) return null;
  return {
    id,
    label,
    kind,
    source,
    vatIncluded,
    rounding,
    target,
    at: idEntry.at,
    ...(index ? { index } : {}),
    ...(parties ? { parties } : {}),
    ...billing,
    ...(above ? { above } : {}),
  };
}

/**
 * `above: 50000` — only the part of the cost base above the threshold
 * counts. On a percent item, the rate is taken of the part of its base above
 * it. On an item split by a key, the part above it is shared, and `below:`
 * names who pays the rest: a threshold never leaves kroner unallocated.
 */
function readAbove(r: YamlReader, fields: readonly Entry[], where: Said, source: AmountSource | null, target: Target | null): Item['above'] | null | undefined {
  const aboveEntry = fields.find((e) => e.key === 'above');
  const belowEntry = fields.find((e) => e.key === 'below');
  if (!aboveEntry) {
    if (belowEntry)
      r.diags.error(
        belowEntry.at,
        'threshold',
        said(`${where.nb} har below:, men ikke above:`, `${where.en} has below: but no above:`),
        said(
          'below: sier hvem som betaler opp til terskelen i above:; legg til above: eller fjern below:',
          'below: says who pays up to the threshold in above:; add above: or remove below:',
        ),
      );
    return belowEntry ? null : undefined;
  }
  const amount = r.kroner(aboveEntry.value, field('above', where), aboveEntry.valueAt);
  if (!amount) return null;
  if (amount.sign() < 0) {
    r.diags.error(
      aboveEntry.valueAt,
      'threshold',
      said(`${field('above', where).nb} er negativ`, `above of ${where.en} is negative`),
      said('terskelen er et beløp fra 0 og oppover', 'the threshold is an amount of 0 or more'),
    );
    return null;
  }
  if (!source || !target) return null;
  if (source.kind === 'percent') {
    if (belowEntry) {
      r.diags.error(
        belowEntry.at,
        'threshold',
        said(
          `${where.nb} er en prosentpost: den tar prosenten av delen over terskelen, og delen under er ingens`,
          `${where.en} is a percent item: it takes its rate of the part above the threshold, and the part below is no one's`,
        ),
        said('fjern below:', 'remove below:'),
      );
      return null;
    }
    return { amount, at: aboveEntry.valueAt };
  }
  if (target.kind !== 'key') {
    r.diags.error(
      aboveEntry.at,
      'threshold',
      said(
        `above: gjelder en prosentpost eller en post som fordeles etter en nøkkel, men ${where.nb} gjør ingen av delene`,
        `above: applies to a percent item or an item split by a key, but ${where.en} is neither`,
      ),
      said('fjern above:, eller fordel posten med key:', 'remove above:, or split the item with key:'),
    );
    return null;
  }
  if (!belowEntry) {
    r.diags.error(
      aboveEntry.at,
      'threshold',
      said(
        `${where.nb} deler bare delen over ${kr(amount).nb}, men sier ikke hvem som betaler resten`,
        `${where.en} shares only the part above ${kr(amount).en}, but does not say who pays the rest`,
      ),
      said(
        'legg til below: <kommune-id> — den som betaler opp til terskelen (ofte vertskommunen)',
        'add below: <party id> — the party that pays up to the threshold (often the host)',
      ),
    );
    return null;
  }
  const below = r.id(belowEntry.value, field('below', where), belowEntry.valueAt);
  return below === null ? null : { amount, below, at: aboveEntry.valueAt, belowAt: belowEntry.valueAt };
}

/**
 * `periods:` under `price:`, `connected:` and `prorate:` — a per-party price
 * over the year. Each is read here; their dates are checked against the
 * year in billing.ts once the agreement is read.
 */
function readBilling(
  r: YamlReader,
  fields: readonly Entry[],
  where: Said,
  source: AmountSource | null,
  target: Target | null,
  index: IndexRef | null | undefined,
): Pick<Item, 'dated' | 'connected' | 'prorate'> | null {
  const priceEntry = source?.kind === 'price' ? fields.find((e) => e.key === 'price') : undefined;
  const periodsEntry =
    priceEntry && isMap(priceEntry.value)
      ? (r.map(priceEntry.value, field('price', where), priceEntry.valueAt) ?? []).find((e) => e.key === 'periods')
      : undefined;
  const connectedEntry = fields.find((e) => e.key === 'connected');
  const prorateEntry = fields.find((e) => e.key === 'prorate');
  const uses = [periodsEntry, connectedEntry].filter((e) => e !== undefined);
  if (uses.length && target && target.kind !== 'own') {
    const e = uses[0]!;
    r.diags.error(
      e.at,
      e === periodsEntry ? 'price-periods' : 'connection-date',
      said(
        `${e.key}: gjelder en pris per kommune, men ${where.nb} er ikke priset per kommune`,
        `${e.key}: applies to a per-party price, but ${where.en} is not priced per party`,
      ),
      said(
        'bruk quantity: { driver: …, per_party: true }; et medlemskap midt i året fordeler nøkler med joined:/left: på kommunen',
        'use quantity: { driver: …, per_party: true }; a membership for part of the year splits keys with joined:/left: on the party',
      ),
    );
    return null;
  }
  if (prorateEntry && !uses.length) {
    r.diags.error(
      prorateEntry.at,
      'price-periods',
      said(`prorate: gjelder periods: og connected:, som ${where.nb} ikke har`, `prorate: applies to periods: and connected:, which ${where.en} has not`),
      said('fjern prorate:, eller legg til periods: under price: eller connected:', 'remove prorate:, or add periods: under price: or connected:'),
    );
    return null;
  }
  const price = source?.kind === 'price' ? source.price : null;
  let dated: Item['dated'] | null | undefined;
  if (periodsEntry) {
    dated = readPricePeriods(r, periodsEntry, where, price?.kind ?? null, (e, w) => readTiers(r, e, w, field('steps', w)));
    const months = isMap(priceEntry!.value)
      ? (r.map(priceEntry!.value, field('price', where), priceEntry!.valueAt) ?? []).find((e) => e.key === 'months')
      : undefined;
    if (months) {
      r.diags.error(
        months.at,
        'price-periods',
        said(`${where.nb} har både months: og periods:`, `${where.en} has both months: and periods:`),
        said('periodene sier hvilke måneder prisen gjelder; fjern months:', 'the periods say which months the price applies; remove months:'),
      );
      dated = null;
    }
    if (index?.round && dated?.some((p) => p.unit || p.tiers)) {
      r.diags.error(
        index.at,
        'price-periods',
        said(
          `${where.nb} runder en indeksert sats, men periodene har egne priser`,
          `${where.en} rounds an indexed rate, but its periods have prices of their own`,
        ),
        said('skriv periodenes priser slik de gjelder i år, uten index:', "write the periods' prices as they apply this year, without index:"),
      );
      dated = null;
    }
  }
  const connected = connectedEntry ? readConnected(r, connectedEntry, where) : undefined;
  const prorate = prorateEntry ? readProrate(r, prorateEntry, where) : undefined;
  if (dated === null || connected === null || prorate === null) return null;
  return { ...(dated ? { dated } : {}), ...(connected ? { connected } : {}), ...(prorate ? { prorate } : {}) };
}

/** `parties: [a, b]` — a list of party ids (checked against the parties in references.ts); not with `party:`, which already names one. */
function readItemParties(r: YamlReader, e: Entry, where: Said, target: Target | null): Item['parties'] | null {
  if (target?.kind === 'party') {
    r.diags.error(
      e.at,
      'target',
      said(`${where.nb} belastes én kommune med party:, så den tar ikke parties:`, `${where.en} is charged to one party with party:, so it takes no parties:`),
      said(
        'fjern parties:, eller fordel posten med key: over kommunene i parties:',
        'remove parties:, or split the item with key: over the parties in parties:',
      ),
    );
    return null;
  }
  const ids: string[] = [];
  for (const n of r.seq(e.value, field('parties', where), e.valueAt) ?? []) {
    const id = r.id(n, said('kommunen', 'party'), r.pos(n, e.valueAt));
    if (id === null) return null;
    ids.push(id);
  }
  if (ids.length === 0) {
    r.diags.error(
      e.valueAt,
      'target',
      said(`${where.nb} når ingen kommuner: parties: er tom`, `${where.en} reaches no party: parties: is empty`),
      said('list kommunene posten gjelder, eller fjern parties:', 'list the parties the item applies to, or remove parties:'),
    );
    return null;
  }
  return { ids, at: e.valueAt };
}

function readSource(r: YamlReader, fields: readonly Entry[], where: Said, at: SourcePos): AmountSource | null {
  const sources = fields.filter((e) => isOneOf(SOURCES, e.key));
  const f = (name: string) => fields.find((e) => e.key === name);
  if (sources.length !== 1) {
    const names = sources.map((s) => s.key).join(', ');
    const msg =
      sources.length === 0
        ? said(`${where.nb} har ikke noe beløp`, `${where.en} has no amount`)
        : said(`${where.nb} har ${sources.length} beløp (${names})`, `${where.en} has ${sources.length} amounts (${names})`);
    r.diags.error(
      sources[1]?.at ?? at,
      'amount-source',
      msg,
      said('gi nøyaktig én av amount:, actuals:, price: eller percent:', 'give exactly one of amount:, actuals:, price: or percent:'),
    );
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
          said(`${name}: hører til en prosentpost, men ${where.nb} har ${s.key}:`, `${name}: belongs to a percent item, but ${where.en} has ${s.key}:`),
          said(`fjern ${name}: eller gjør posten til en percent:-post`, `remove ${name}: or make the item a percent: item`),
        );
    }
  }
  switch (s.key) {
    case 'amount': {
      const amount = r.kroner(s.value, field('amount', where), s.valueAt);
      return amount ? { kind: 'amount', amount, at: s.valueAt } : null;
    }
    case 'actuals': {
      const selector = readSelector(r, s.value, s.valueAt, field('actuals', where));
      return selector ? { kind: 'actuals', selector } : null;
    }
    case 'price': {
      const price = readPrice(r, s.value, s.valueAt, where);
      return price ? { kind: 'price', price } : null;
    }
    default: {
      const percent = r.ratio(s.value, field('percent', where), s.valueAt);
      const ofEntry = f('of');
      const less = f('less');
      const minus = f('minus');
      if (!ofEntry)
        r.diags.error(
          s.at,
          'missing-field',
          said(`${where.nb} har percent:, men ikke of:`, `${where.en} has percent: but no of:`),
          said(
            'si hva den er en prosent av: of: [post-id] eller of: { actuals: { category: [...] } }',
            'say what it is a percentage of: of: [item-id] or of: { actuals: { category: [...] } }',
          ),
        );
      if (less && minus)
        r.diags.error(
          minus.at,
          'percent-field',
          said(`${where.nb} har både less: og minus:`, `${where.en} has both less: and minus:`),
          said(
            'less: tar prosenten av (of − less); minus: trekker fra etter prosenten. Velg én lesning',
            'less: takes the percentage of (of − less); minus: subtracts after the percentage. Choose one reading',
          ),
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
function readBaseRefs(r: YamlReader, e: Entry, where: Said): BaseRef[] | null {
  const nodes = isSeq(e.value) ? (r.seq(e.value, field(e.key, where), e.valueAt) ?? []) : [e.value];
  const refs: BaseRef[] = [];
  for (const n of nodes) {
    const at = r.pos(n, e.valueAt);
    if (isMap(n)) {
      const fields = r.map(n, field(e.key, where), at) ?? [];
      r.onlyFields(fields, ['actuals'], field(e.key, where));
      const a = fields.find((x) => x.key === 'actuals');
      if (!a) {
        r.diags.error(
          at,
          'missing-field',
          said(`${field(e.key, where).nb} må nevne poster eller ha actuals:`, `${e.key} of ${where.en} must name items or hold actuals:`),
          said(
            `skriv ${e.key}: [post-id] eller ${e.key}: { actuals: { category: [...] } }`,
            `write ${e.key}: [item-id] or ${e.key}: { actuals: { category: [...] } }`,
          ),
        );
        return null;
      }
      const selector = readSelector(r, a.value, a.valueAt, field('actuals', field(e.key, where)));
      if (!selector) return null;
      refs.push({ kind: 'actuals', selector });
    } else {
      const id = r.id(n, said(`en post i ${field(e.key, where).nb}`, `item in ${e.key} of ${where.en}`), at);
      if (id === null) return null;
      refs.push({ kind: 'item', id, at });
    }
  }
  return refs;
}

export function readIndexRef(r: YamlReader, e: Entry, where: Said): IndexRef | null {
  const fields = r.map(e.value, field('index', where), e.valueAt);
  if (!fields) return null;
  r.onlyFields(fields, ['series', 'from', 'round'], field('index', where));
  const s = fields.find((x) => x.key === 'series');
  const from = fields.find((x) => x.key === 'from');
  const roundEntry = fields.find((x) => x.key === 'round');
  if (!s || !from) {
    r.diags.error(
      e.valueAt,
      'missing-field',
      said(`${field('index', where).nb} trenger series og from`, `index of ${where.en} needs series and from`),
      said('skriv index: { series: deflator, from: 2020 }', 'write index: { series: deflator, from: 2020 }'),
    );
    return null;
  }
  const series = r.id(s.value, said('indeksserien', 'index series'), s.valueAt);
  const year = r.integer(from.value, said('indeksens basisår', 'index base year'), from.valueAt);
  const round = roundEntry ? r.money(roundEntry.value, field('round', field('index', where)), roundEntry.valueAt) : undefined;
  if (round && round.sign() <= 0) {
    r.diags.error(
      roundEntry!.valueAt,
      'rounding-unit',
      said(`${field('round', field('index', where)).nb} må være større enn null`, `round of the index of ${where.en} must be above zero`),
      said('skriv round: 0.01 for å runde den indekserte satsen til øre', 'write round: 0.01 to round the indexed rate to øre'),
    );
    return null;
  }
  return series === null || year === null || round === null ? null : { series, from: year, at: e.valueAt, ...(round ? { round } : {}) };
}

function readTarget(r: YamlReader, fields: readonly Entry[], where: Said, at: SourcePos, source: AmountSource | null): Target | null {
  const key = fields.find((e) => e.key === 'key');
  const party = fields.find((e) => e.key === 'party');
  const perParty = source?.kind === 'price' && source.price.quantity.kind === 'driver' && source.price.quantity.perParty;
  if (perParty) {
    const extra = key ?? party;
    if (extra) {
      r.diags.error(
        extra.at,
        'target',
        said(`${where.nb} prises per kommune, så den tar ikke ${extra.key}:`, `${where.en} is priced per party, so it takes no ${extra.key}:`),
        said(
          'hver kommune betaler for sin egen mengde; fjern linjen, eller fjern per_party: true for å fordele én sum',
          'each party pays for its own quantity; remove the line, or drop per_party: true to split one total',
        ),
      );
      return null;
    }
    return { kind: 'own' };
  }
  if (key && party) {
    r.diags.error(
      party.at,
      'target',
      said(`${where.nb} har både key: og party:`, `${where.en} has both key: and party:`),
      said('en post fordeles enten etter en nøkkel eller belastes direkte én kommune', 'an item is either split by a key or charged directly to one party'),
    );
    return null;
  }
  if (key) {
    const id = r.id(key.value, field('key', where), key.valueAt);
    return id === null ? null : { kind: 'key', key: id, at: key.valueAt };
  }
  if (party) {
    const id = r.id(party.value, field('party', where), party.valueAt);
    return id === null ? null : { kind: 'party', party: id, at: party.valueAt };
  }
  if (source)
    r.diags.error(
      at,
      'target',
      said(`${where.nb} sier verken hvem som betaler eller hvordan den fordeles`, `${where.en} says neither who pays nor how it is split`),
      said(
        'legg til key: <nøkkel-id> for å fordele den, eller party: <kommune-id> for å belaste én kommune',
        'add key: <key id> to split it, or party: <party id> to charge one party',
      ),
    );
  return null;
}

function readPrice(r: YamlReader, node: YNode, at: SourcePos, where: Said): Price | null {
  const price = field('price', where);
  const fields = r.map(node, price, at);
  if (!fields) return null;
  r.onlyFields(fields, PRICE_FIELDS, price);
  const f = (name: string) => fields.find((e) => e.key === name);
  const q = f('quantity');
  if (!q)
    r.diags.error(
      at,
      'missing-field',
      said(`${price.nb} har ingen quantity`, `${price.en} has no quantity`),
      said('skriv quantity: 397, eller quantity: { driver: servers }', 'write quantity: 397, or quantity: { driver: servers }'),
    );
  const quantity = q ? readQuantity(r, q.value, q.valueAt, where) : null;
  const periods = readPeriods(r, f('per'), f('months'), where);

  const steps = f('steps');
  const unit = f('unit');
  const mode = f('mode');
  if ((steps ? 1 : 0) + (unit ? 1 : 0) !== 1) {
    r.diags.error(
      steps && unit ? unit.at : at,
      'price-kind',
      said(`${price.nb} trenger nøyaktig én av steps: og unit:`, `${price.en} needs exactly one of steps: and unit:`),
      said(
        'steps: [[opp til, pris], ...] for trinnpris; unit: 195 for enhetspris',
        'steps: [[up to, price], ...] for a tiered price; unit: 195 for a unit price',
      ),
    );
    return null;
  }
  if (unit) {
    if (mode)
      r.diags.error(
        mode.at,
        'price-kind',
        said('mode: gjelder steps:, ikke en enhetspris', 'mode: applies to steps:, not to a unit price'),
        said('fjern mode:', 'remove mode:'),
      );
    const u = r.money(unit.value, field('unit', price), unit.valueAt);
    return u && quantity && periods ? { kind: 'unit', unit: u, quantity, periods, at } : null;
  }
  let tierMode: TierMode = 'step';
  if (mode) {
    const m = r.string(mode.value, field('mode', price), mode.valueAt);
    if (m !== null && isOneOf(TIER_MODES, m)) tierMode = m;
    else if (m !== null)
      r.diags.error(
        mode.valueAt,
        'bad-value',
        said(
          `${field('mode', price).nb} må være en av ${TIER_MODES.join(', ')}, men er '${m}'`,
          `price mode must be one of ${TIER_MODES.join(', ')}, got '${m}'`,
        ),
        said(
          'step: hele mengden til ett trinns pris; graduated: hvert trinn til sin egen enhetspris',
          "step: whole volume at one step's price; graduated: each band at its own unit rate",
        ),
      );
  }
  const tiers = readTiers(r, steps!, where);
  if (!tiers || !quantity || !periods) return null;
  if (quantity.kind === 'fixed') checkWithinSteps(r, tiers, quantity.value, quantity.at, where);
  return { kind: 'tiered', mode: tierMode, tiers, quantity, periods, at };
}

/** `steps:` of a price (or of one of its periods: `steps` names the field in messages). */
function readTiers(r: YamlReader, e: Entry, where: Said, steps: Said = field('steps', field('price', where))): Tier[] | null {
  const list = r.seq(e.value, steps, e.valueAt);
  if (!list) return null;
  if (list.length === 0) {
    r.diags.error(
      e.valueAt,
      'price-steps',
      said(`${steps.nb} er tomt`, `steps of ${where.en} are empty`),
      said('skriv trinnene som [[opp til, pris], ...]', 'write steps as [[up to, price], ...]'),
    );
    return null;
  }
  const tiers: Tier[] = [];
  let ok = true;
  list.forEach((n, i) => {
    const at = r.pos(n, e.valueAt);
    const step = said(`trinn ${i + 1} i ${where.nb}`, `step ${i + 1} of ${where.en}`);
    if (isMap(n)) {
      const t = readTierMap(r, n, at, step);
      if (!t) {
        ok = false;
        return;
      }
      if (!rises(t.upTo, at)) return;
      tiers.push(t);
      return;
    }
    const pair = r.seq(n, step, at);
    if (pair?.length !== 2) {
      if (pair)
        r.diags.error(
          at,
          'price-steps',
          said(`${step.nb} må være [opp til, pris]`, `${step.en} must be [up to, price]`),
          said('f.eks. [400, 122000]', 'e.g. [400, 122000]'),
        );
      ok = false;
      return;
    }
    const open = r.isInfinity(pair[0]!);
    const upTo = open ? null : r.quantity(pair[0]!, said('trinnets grense', 'step bound'), at);
    const price = r.money(pair[1]!, said('trinnets pris', 'step price'), r.pos(pair[1]!, at));
    if ((!open && upTo === null) || price === null) {
      ok = false;
      return;
    }
    if (!rises(upTo, at)) return;
    tiers.push({ upTo, price, at });
  });
  return ok ? tiers : null;

  function rises(upTo: Ratio | null, at: SourcePos): boolean {
    const prev = tiers[tiers.length - 1];
    if (prev && (prev.upTo === null || (upTo !== null && upTo.cmp(prev.upTo) <= 0))) {
      r.diags.error(
        at,
        'price-steps',
        said(
          `${steps.nb} må stige: ${upTo ? quantity(upTo).nb : '.inf'} kommer etter ${prev.upTo ? quantity(prev.upTo).nb : '.inf'}`,
          `steps of ${where.en} must rise: ${upTo ? quantity(upTo).en : '.inf'} follows ${prev.upTo ? quantity(prev.upTo).en : '.inf'}`,
        ),
        said('list trinnene fra minste mengde og oppover; bare det siste kan være .inf', 'list steps from the smallest quantity up; only the last may be .inf'),
      );
      ok = false;
      return false;
    }
    return true;
  }
}

/** A step written `{ upto: 50000, price: 12.5, min: 400000 }`: the bound, the price, and a least amount for quantities in it. */
function readTierMap(r: YamlReader, n: YNode, at: SourcePos, step: Said): Tier | null {
  const fields = r.map(n, step, at) ?? [];
  r.onlyFields(fields, ['upto', 'price', 'min'], step);
  const f = (name: string) => fields.find((x) => x.key === name);
  const u = f('upto');
  const p = f('price');
  if (!u || !p) {
    r.diags.error(
      at,
      'price-steps',
      said(`${step.nb} trenger upto: og price:`, `${step.en} needs upto: and price:`),
      said('f.eks. { upto: 50000, price: 12.5, min: 400000 }', 'e.g. { upto: 50000, price: 12.5, min: 400000 }'),
    );
    return null;
  }
  const open = r.isInfinity(u.value);
  const upTo = open ? null : r.quantity(u.value, said('trinnets grense', 'step bound'), u.valueAt);
  const price = r.money(p.value, said('trinnets pris', 'step price'), p.valueAt);
  const m = f('min');
  const min = m ? r.money(m.value, said('trinnets minstebeløp', 'step minimum'), m.valueAt) : undefined;
  if ((!open && upTo === null) || price === null || min === null) return null;
  return { upTo, price, at, ...(min ? { min } : {}) };
}

function readQuantity(r: YamlReader, node: YNode, at: SourcePos, where: Said): Quantity | null {
  if (isMap(node)) {
    const quantity = field('quantity', field('price', where));
    const fields = r.map(node, quantity, at) ?? [];
    r.onlyFields(fields, ['driver', 'per_party'], quantity);
    const d = fields.find((e) => e.key === 'driver');
    const pp = fields.find((e) => e.key === 'per_party');
    if (!d) {
      r.diags.error(
        at,
        'missing-field',
        said(`${quantity.nb} trenger en driver`, `quantity of ${where.en} needs a driver`),
        said('skriv quantity: { driver: servers }', 'write quantity: { driver: servers }'),
      );
      return null;
    }
    const driver = r.id(d.value, field('driver', quantity), d.valueAt);
    let perParty = false;
    if (pp) {
      const v = (pp.value as { value?: unknown } | null)?.value;
      if (typeof v !== 'boolean')
        r.diags.error(
          pp.valueAt,
          'type',
          said('per_party må være true eller false', 'per_party must be true or false'),
          said('skriv per_party: true', 'write per_party: true'),
        );
      else perParty = v;
    }
    return driver === null ? null : { kind: 'driver', driver, perParty, at: d.valueAt };
  }
  const value = r.quantity(node, field('quantity', field('price', where)), at);
  return value ? { kind: 'fixed', value, at } : null;
}

/** `per: month` with `months:` (default 12), or `per: year`: how many periods the price is paid for. */
function readPeriods(r: YamlReader, per: Entry | undefined, months: Entry | undefined, where: Said): Ratio | null {
  const p = per ? r.string(per.value, field('per', field('price', where)), per.valueAt) : 'year';
  if (p === null) return null;
  if (p !== 'month' && p !== 'year') {
    r.diags.error(
      per!.valueAt,
      'bad-value',
      said(`per: i ${where.nb} må være month eller year, men er '${p}'`, `per: of ${where.en} must be month or year, got '${p}'`),
      said('skriv per: month (med months: 12) eller per: year', 'write per: month (with months: 12) or per: year'),
    );
    return null;
  }
  if (p === 'year') {
    if (months)
      r.diags.error(
        months.at,
        'price-kind',
        said(`months: gjelder per: month, men ${where.nb} har pris per år`, `months: applies to per: month, but ${where.en} is priced per year`),
        said('fjern months: eller skriv per: month', 'remove months: or write per: month'),
      );
    return Ratio.ONE;
  }
  if (!months) return Ratio.of(12n);
  const m = r.integer(months.value, field('months', field('price', where)), months.valueAt);
  if (m !== null && (m < 1 || m > 12)) {
    r.diags.error(
      months.valueAt,
      'bad-value',
      said(`months: må være mellom 1 og 12, men er ${m}`, `months: must be between 1 and 12, got ${m}`),
      said('et år har tolv måneder', 'a year has twelve months'),
    );
    return null;
  }
  return m === null ? null : Ratio.of(BigInt(m));
}
