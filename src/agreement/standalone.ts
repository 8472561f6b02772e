import type { SourcePos } from '../diagnostics/diagnostic.js';
import { readIndexRef } from './items.js';
import type { Id, Standalone } from './model.js';
import type { YamlReader, YNode } from './yaml-nodes.js';
import { field } from './phrases.js';
import { said } from '../text/said.js';

/** The fields of a party's standalone cost, as the reader accepts them (held against the schema by tests/fields.test.ts). */
export const STANDALONE_FIELDS = ['amount', 'index'];

/**
 * `standalone:` — what each party would pay for its own IT without the
 * cooperation, optionally indexed like an item:
 *
 *     standalone:
 *       melhus: { amount: 8580000, index: { series: alene, from: 2009 } }
 *
 * Not allocated and not invoiced: `scenario --years` sets it against the
 * party's share of the cooperation, year by year ("cooperate or go alone").
 */
export function readStandalone(r: YamlReader, node: YNode, at: SourcePos): Map<Id, Standalone> {
  const out = new Map<Id, Standalone>();
  for (const e of node === null ? [] : (r.map(node, field('standalone'), at) ?? [])) {
    const party = r.slug(e.key, said('kommune-id', 'party id'), e.at);
    const where = said(`kostnaden alene for '${e.key}'`, `the standalone cost of '${e.key}'`);
    const fields = r.map(e.value, where, e.valueAt);
    if (!fields || party === null) continue;
    r.onlyFields(fields, STANDALONE_FIELDS, where);
    const amountEntry = fields.find((f) => f.key === 'amount');
    if (!amountEntry) {
      r.diags.error(
        e.at,
        'missing-field',
        said(`${where.nb} har ikke noe beløp`, `${where.en} has no amount`),
        said(`skriv ${party}: { amount: <kroner per år> }`, `write ${party}: { amount: <kroner a year> }`),
      );
      continue;
    }
    const amount = r.kroner(amountEntry.value, field('amount', where), amountEntry.valueAt);
    const indexEntry = fields.find((f) => f.key === 'index');
    const index = indexEntry ? readIndexRef(r, indexEntry, where) : undefined;
    if (amount && index !== null) out.set(party, { party, amount, at: e.at, ...(index ? { index } : {}) });
  }
  return out;
}
