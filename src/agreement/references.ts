import type { Diagnostics } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { BUILTIN_KEYS, type Agreement, type BaseRef, type Id, type IndexRef, type Item, type Key } from './model.js';
import { boundFor } from './limits.js';
import { amount, declaredParties, item as itemPhrase } from './phrases.js';
import { type Said, said } from '../text/said.js';

/**
 * Rules that need the whole agreement: every id that is referred to exists,
 * item ids are unique, and neither keys nor percent items refer to themselves
 * through a cycle.
 */
export function checkReferences(
  a: Agreement,
  diags: Diagnostics,
  declaredKeys: readonly Id[],
  writtenParties: readonly Id[] = [],
  writtenItems: readonly Id[] = [],
): void {
  // Keys, parties and items with errors of their own still count as declared: one mistake, one error.
  const partyIds = [...new Set([...a.parties.map((p) => p.id), ...writtenParties])];
  const keyIds = [...BUILTIN_KEYS, ...declaredKeys];
  const itemIds = [...new Set([...a.items.map((i) => i.id), ...writtenItems])];
  const namedItems = new Set(itemIds);

  if (!partyIds.includes(a.host))
    diags.error(
      a.hostAt,
      'unknown-party',
      said(`vertskommunen '${a.host}' er ikke en av kommunene`, `host '${a.host}' is not one of the parties`),
      didYouMean(a.host, partyIds) ?? said('vertskommunen må også stå under parties:', 'the host must also be listed under parties:'),
    );

  const seen = new Set<Id>();
  for (const item of a.items) {
    if (seen.has(item.id))
      diags.error(
        item.at,
        'duplicate-id',
        said(`post-id-en '${item.id}' er brukt to ganger`, `item id '${item.id}' is used twice`),
        said('hver post trenger sin egen id; gi en av dem nytt navn', 'every item needs its own id; rename one of them'),
      );
    seen.add(item.id);
    if (item.target.kind === 'key' && !keyIds.includes(item.target.key)) {
      diags.error(
        item.target.at,
        'unknown-key',
        said(`ukjent nøkkel '${item.target.key}'`, `unknown key '${item.target.key}'`),
        didYouMean(item.target.key, keyIds) ??
          said(`definer den under keys:, eller bruk en av: ${keyIds.join(', ')}`, `declare it under keys:, or use one of: ${keyIds.join(', ')}`),
      );
    }
    if (item.target.kind === 'party' && !partyIds.includes(item.target.party)) {
      diags.error(
        item.target.at,
        'unknown-party',
        said(`ukjent kommune '${item.target.party}'`, `unknown party '${item.target.party}'`),
        didYouMean(item.target.party, partyIds) ?? declaredParties(partyIds),
      );
    }
    for (const p of item.parties?.ids ?? [])
      if (!partyIds.includes(p))
        diags.error(
          item.parties!.at,
          'unknown-party',
          said(`ukjent kommune '${p}' i parties: for posten '${item.id}'`, `unknown party '${p}' in parties: of item '${item.id}'`),
          didYouMean(p, partyIds) ?? declaredParties(partyIds),
        );
    if (item.above?.below && !partyIds.includes(item.above.below))
      diags.error(
        item.above.belowAt!,
        'unknown-party',
        said(`ukjent kommune '${item.above.below}' i below: for posten '${item.id}'`, `unknown party '${item.above.below}' in below: of item '${item.id}'`),
        didYouMean(item.above.below, partyIds) ?? declaredParties(partyIds),
      );
    for (const [p, c] of item.connected ?? [])
      if (!partyIds.includes(p))
        diags.error(
          c.at,
          'unknown-party',
          said(`ukjent kommune '${p}' i connected: for posten '${item.id}'`, `unknown party '${p}' in connected: of item '${item.id}'`),
          didYouMean(p, partyIds) ?? declaredParties(partyIds),
        );
    for (const ref of percentRefs(item)) {
      if (ref.id === item.id)
        diags.error(
          ref.at,
          'percent-cycle',
          said(`posten '${item.id}' er en prosent av seg selv`, `item '${item.id}' is a percentage of itself`),
          said('en prosentpost tar andre poster som grunnlag', 'a percent item takes other items as its base'),
        );
      else if (!namedItems.has(ref.id))
        diags.error(
          ref.at,
          'unknown-item',
          said(`ukjent post '${ref.id}'`, `unknown item '${ref.id}'`),
          didYouMean(ref.id, itemIds) ?? said('of:, less: og minus: nevner poster i denne avtalen', 'of:, less: and minus: name items of this agreement'),
        );
    }
    if (item.index) checkIndex(a, item.index, itemPhrase(item.id), diags);
  }
  for (const key of a.keys.values()) {
    if (key.def.kind !== 'blend') continue;
    for (const part of key.def.parts) {
      if (!keyIds.includes(part.key))
        diags.error(
          part.at,
          'unknown-key',
          said(`ukjent nøkkel '${part.key}' i blandingen '${key.id}'`, `unknown key '${part.key}' in blend '${key.id}'`),
          didYouMean(part.key, keyIds) ?? said(`bruk en av: ${keyIds.join(', ')}`, `use one of: ${keyIds.join(', ')}`),
        );
    }
  }
  for (const s of a.standalone.values()) {
    if (!partyIds.includes(s.party))
      diags.error(
        s.at,
        'unknown-party',
        said(`ukjent kommune '${s.party}' i standalone:`, `unknown party '${s.party}' in standalone:`),
        didYouMean(s.party, partyIds) ?? declaredParties(partyIds),
      );
    if (s.index) checkIndex(a, s.index, said(`kostnaden alene for '${s.party}'`, `the standalone cost of '${s.party}'`), diags);
  }
  checkLimits(a, diags, keyIds);
  checkKeyCycles(a.keys, diags);
  checkPercentCycles(a.items, diags);
}

/** Each limit names items of one kind, a key that exists, and no party's minimum above its maximum. */
function checkLimits(a: Agreement, diags: Diagnostics, keyIds: readonly Id[]): void {
  const itemIds = a.items.map((i) => i.id);
  const taken = new Set(itemIds);
  for (const limit of a.limits) {
    if (taken.has(limit.id))
      diags.error(
        limit.at,
        'duplicate-id',
        said(
          `id-en '${limit.id}' for grensen '${limit.label}' er allerede brukt av en post eller grense`,
          `id '${limit.id}' of limit '${limit.label}' is already used by an item or limit`,
        ),
        said('gi grensen en egen id: id: et-kort-navn', 'give the limit an id of its own: id: a-short-name'),
      );
    taken.add(limit.id);
    if (limit.items.length === 0)
      diags.error(
        limit.at,
        'missing-field',
        said(`grensen '${limit.label}' gjelder ingen poster`, `limit '${limit.label}' applies to no items`),
        said('list postene grensen gjelder summen av under items:', 'list the items whose sum it limits under items:'),
      );
    const kinds = new Set<Item['kind']>();
    for (const ref of limit.items) {
      const item = a.items.find((i) => i.id === ref.id);
      if (item) kinds.add(item.kind);
      else
        diags.error(
          ref.at,
          'unknown-item',
          said(`ukjent post '${ref.id}' i grensen '${limit.label}'`, `unknown item '${ref.id}' in limit '${limit.label}'`),
          didYouMean(ref.id, itemIds) ?? said('items: i en grense nevner poster i denne avtalen', 'items: of a limit names items of this agreement'),
        );
    }
    if (kinds.size > 1)
      diags.error(
        limit.items[0]!.at,
        'limit-kinds',
        said(`grensen '${limit.label}' gjelder både drifts- og investeringsposter`, `limit '${limit.label}' spans both operating and investment items`),
        said(
          'en justering er enten drift eller investering: lag én grense per art',
          'an adjustment is either operating or investment: write one limit per kind',
        ),
      );
    const r = limit.redistribute;
    if (r && !keyIds.includes(r.key))
      diags.error(
        r.at,
        'unknown-key',
        said(`ukjent nøkkel '${r.key}'`, `unknown key '${r.key}'`),
        didYouMean(r.key, keyIds) ?? said(`bruk en av: ${keyIds.join(', ')}`, `use one of: ${keyIds.join(', ')}`),
      );
    for (const p of a.parties) {
      const lo = boundFor(limit.min, p.id);
      const hi = boundFor(limit.max, p.id);
      if (lo && hi && lo.cmp(hi) > 0)
        diags.error(
          limit.min!.byParty.has(p.id) ? limit.min!.at : limit.max!.at,
          'limit-bounds',
          said(
            `grensen '${limit.label}' gir kommunen '${p.id}' min ${amount(lo).nb} over max ${amount(hi).nb}`,
            `limit '${limit.label}' gives party '${p.id}' a min of ${amount(lo).en} above its max of ${amount(hi).en}`,
          ),
          said('minimum kan ikke være høyere enn maksimum', 'a minimum cannot be above the maximum'),
        );
    }
  }
}

function percentRefs(item: Item): Extract<BaseRef, { kind: 'item' }>[] {
  if (item.source.kind !== 'percent') return [];
  return [...item.source.of, ...item.source.deduct].filter((r): r is Extract<BaseRef, { kind: 'item' }> => r.kind === 'item');
}

function checkIndex(a: Agreement, ref: IndexRef, owner: Said, diags: Diagnostics): void {
  const series = a.indices.get(ref.series);
  if (!series) {
    diags.error(
      ref.at,
      'unknown-index',
      said(`ukjent indeksserie '${ref.series}'`, `unknown index series '${ref.series}'`),
      didYouMean(ref.series, a.indices.keys()) ??
        said(
          'definer den under indices:, f.eks. indices: { deflator: { 2024: 4.1% } }',
          'declare it under indices:, e.g. indices: { deflator: { 2024: 4.1% } }',
        ),
    );
    return;
  }
  if (ref.from > a.year) {
    diags.error(
      ref.at,
      'index-year',
      said(
        `${owner.nb} er indeksert fra ${ref.from}, etter avtaleåret ${a.year}`,
        `${owner.en} is indexed from ${ref.from}, after the agreement year ${a.year}`,
      ),
      said('from: er året beløpet ble oppgitt i', 'from: is the year the amount was stated in'),
    );
    return;
  }
  const missing = [];
  for (let y = ref.from + 1; y <= a.year; y++) if (!series.changes.has(y)) missing.push(y);
  if (missing.length)
    diags.error(
      ref.at,
      'index-year-missing',
      said(`indeksserien '${ref.series}' har ingen endring for ${missing.join(', ')}`, `index series '${ref.series}' has no change for ${missing.join(', ')}`),
      said(`legg til ${missing[0]}: <endring>% under indices: ${ref.series}:`, `add ${missing[0]}: <change>% under indices: ${ref.series}:`),
    );
}

/** Depth-first search for blend keys that reach themselves. Each cycle is reported once, at its first key. */
function checkKeyCycles(keys: ReadonlyMap<Id, Key>, diags: Diagnostics): void {
  const edges = new Map<Id, Id[]>();
  for (const k of keys.values()) edges.set(k.id, k.def.kind === 'blend' ? k.def.parts.map((p) => p.key) : []);
  for (const cycle of findCycles(edges)) {
    const k = keys.get(cycle[0]!)!;
    diags.error(
      k.at,
      'key-cycle',
      said(
        `nøklene viser til hverandre i en sirkel: ${[...cycle, cycle[0]].join(' → ')}`,
        `keys refer to each other in a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
      ),
      said('en blanding må ende i nøkler som ikke er blandinger av den', 'a blend must end in keys that are not blends of it'),
    );
  }
}

function checkPercentCycles(items: readonly Item[], diags: Diagnostics): void {
  const edges = new Map<Id, Id[]>();
  for (const i of items)
    edges.set(
      i.id,
      percentRefs(i)
        .map((r) => r.id)
        .filter((id) => id !== i.id),
    );
  for (const cycle of findCycles(edges)) {
    const item = items.find((i) => i.id === cycle[0])!;
    diags.error(
      item.at,
      'percent-cycle',
      said(
        `postene er prosenter av hverandre i en sirkel: ${[...cycle, cycle[0]].join(' → ')}`,
        `items are percentages of each other in a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
      ),
      said('bryt sirkelen: en av dem må ha et eget beløp', 'break the cycle: one of these must have an amount of its own'),
    );
  }
}

/** Elementary cycles found by DFS, each reported once, starting at its smallest id. */
export function findCycles(edges: ReadonlyMap<Id, readonly Id[]>): Id[][] {
  const cycles = new Map<string, Id[]>();
  const visit = (node: Id, path: Id[]) => {
    for (const next of edges.get(node) ?? []) {
      const i = path.indexOf(next);
      if (i >= 0) {
        const cycle = path.slice(i);
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join('\u0000'), canonical);
      } else if (edges.has(next)) visit(next, [...path, next]);
    }
  };
  for (const id of edges.keys()) visit(id, [id]);
  return [...cycles.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
