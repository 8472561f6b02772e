import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import type { Bound, Id, Limit } from './model.js';
import { declaredParties, field } from './phrases.js';
import { isMap, type Entry, type YamlReader, type YNode } from './yaml-nodes.js';
import { type Said, said } from '../text/said.js';

/** The fields of one limit, as the reader accepts them (held against the schema by tests/fields.test.ts). */
export const LIMIT_FIELDS = ['id', 'label', 'items', 'min', 'max', 'redistribute', 'parties'];

/**
 * `limits:` — each rule keeps every party's sum over some items between a
 * minimum and a maximum. Item and key references, kinds and min ≤ max are
 * checked in references.ts, with the rest of the agreement.
 */
export function readLimits(r: YamlReader, node: YNode, at: SourcePos, partyIds: ReadonlySet<Id>): Limit[] {
  if (node === null) return [];
  const list = r.seq(node, field('limits'), at) ?? [];
  const limits: Limit[] = [];
  list.forEach((n, i) => {
    const limit = readLimit(r, n, r.pos(n, at), i, partyIds);
    if (limit) limits.push(limit);
  });
  return limits;
}

function readLimit(r: YamlReader, node: YNode, at: SourcePos, index: number, partyIds: ReadonlySet<Id>): Limit | null {
  const where = said(`grense ${index + 1} under limits:`, `limit ${index + 1} under limits:`);
  const fields = r.map(node, where, at);
  if (!fields) return null;
  r.onlyFields(fields, LIMIT_FIELDS, where);
  const f = (name: string) => fields.find((e) => e.key === name);

  const idEntry = f('id');
  const id = idEntry ? r.id(idEntry.value, field('id', where), idEntry.valueAt) : `limit-${index + 1}`;
  const labelEntry = f('label');
  const label = labelEntry ? r.string(labelEntry.value, field('label', where), labelEntry.valueAt) : null;
  if (!labelEntry)
    r.diags.error(
      at,
      'missing-field',
      said(`${where.nb} har ingen label`, `${where.en} has no label`),
      said('legg til label: teksten justeringslinjen får på rapporter og fakturaer', 'add label: the text its adjustment line carries on reports and invoices'),
    );

  const itemsEntry = f('items');
  const items: { id: Id; at: SourcePos }[] = [];
  if (!itemsEntry)
    r.diags.error(
      at,
      'missing-field',
      said(`${where.nb} har ingen items:`, `${where.en} has no items:`),
      said('list postene grensen gjelder summen av: items: [kontingent, grunnbelop]', 'list the items whose sum it limits: items: [fee, basic]'),
    );
  else {
    for (const n of r.seq(itemsEntry.value, field('items', where), itemsEntry.valueAt) ?? []) {
      const itemAt = r.pos(n, itemsEntry.valueAt);
      const item = r.id(n, said(`en post i ${field('items', where).nb}`, `item in items of ${where.en}`), itemAt);
      if (item !== null) items.push({ id: item, at: itemAt });
    }
  }

  const min = f('min') ? readBound(r, f('min')!, where, partyIds) : undefined;
  const max = f('max') ? readBound(r, f('max')!, where, partyIds) : undefined;
  if (!f('min') && !f('max'))
    r.diags.error(
      at,
      'limit-bounds',
      said(`${where.nb} har verken min: eller max:`, `${where.en} has neither min: nor max:`),
      said('skriv max: 9133121 (eller min:, eller begge)', 'write max: 9133121 (or min:, or both)'),
    );

  const redistributeEntry = f('redistribute');
  const key = redistributeEntry ? r.id(redistributeEntry.value, field('redistribute', where), redistributeEntry.valueAt) : undefined;

  const partiesEntry = f('parties');
  let parties: Id[] | undefined;
  if (partiesEntry) {
    parties = [];
    for (const n of r.seq(partiesEntry.value, field('parties', where), partiesEntry.valueAt) ?? []) {
      const p = r.id(n, said('kommunen', 'party'), r.pos(n, partiesEntry.valueAt));
      if (p === null) continue;
      if (partyIds.has(p)) parties.push(p);
      else unknownParty(r, p, r.pos(n, partiesEntry.valueAt), partyIds);
    }
  }
  if (id === null || label === null || !itemsEntry || min === null || max === null || key === null) return null;
  return {
    id,
    label,
    items,
    at,
    ...(min ? { min } : {}),
    ...(max ? { max } : {}),
    ...(key !== undefined ? { redistribute: { key, at: redistributeEntry!.valueAt } } : {}),
    ...(parties ? { parties } : {}),
  };
}

/** `max: 9133121` or `max: { oslo: 16398104, default: 9133121 }`. */
function readBound(r: YamlReader, e: Entry, where: Said, partyIds: ReadonlySet<Id>): Bound | null {
  const what = field(e.key, where);
  if (!isMap(e.value)) {
    const amount = r.money(e.value, what, e.valueAt);
    return amount ? { byParty: new Map(), default: amount, at: e.valueAt } : null;
  }
  const byParty = new Map<Id, Money>();
  let fallback: Money | undefined;
  let ok = true;
  for (const x of r.map(e.value, what, e.valueAt) ?? []) {
    const amount = r.money(x.value, said(`${what.nb} for '${x.key}'`, `${what.en} for '${x.key}'`), x.valueAt);
    if (!amount) {
      ok = false;
      continue;
    }
    if (x.key === 'default') fallback = amount;
    else if (partyIds.has(x.key)) byParty.set(x.key, amount);
    else {
      unknownParty(r, x.key, x.at, partyIds);
      ok = false;
    }
  }
  return ok ? { byParty, at: e.valueAt, ...(fallback ? { default: fallback } : {}) } : null;
}

function unknownParty(r: YamlReader, p: Id, at: SourcePos, partyIds: ReadonlySet<Id>): void {
  r.diags.error(at, 'unknown-party', said(`ukjent kommune '${p}'`, `unknown party '${p}'`), declaredParties([...partyIds]));
}

/** A party's bound under a rule: its own amount, else the default, else none. */
export function boundFor(bound: Bound | undefined, party: Id): Money | undefined {
  return bound?.byParty.get(party) ?? bound?.default;
}
