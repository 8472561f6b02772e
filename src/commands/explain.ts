import { explain as explainParty } from '../compute/explain.js';
import type { Explanation } from '../reports/explanation.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { allocate } from './allocate.js';
import type { Inputs } from './inputs.js';
import { refused, type Outcome } from '../diagnostics/outcome.js';
import { said } from '../text/said.js';

export interface ExplainOptions {
  readonly party: string;
  /** Only this item; every item the party is charged for without it. */
  readonly item?: string;
}

/** `samkost explain`: how each amount on one party's invoice was derived. */
export function explain(inputs: Inputs, options: ExplainOptions): Outcome<Explanation> {
  const a = inputs.agreement;
  const allocated = allocate(inputs);
  if (!allocated.report) return allocated;
  const unknown = (what: 'party' | 'item', id: string, ids: readonly string[]) =>
    refused(
      2,
      what === 'party'
        ? said(`ingen kommune '${id}' i ${a.title} ${a.year}`, `no party '${id}' in ${a.title} ${a.year}`)
        : said(`ingen post '${id}' i ${a.title} ${a.year}`, `no item '${id}' in ${a.title} ${a.year}`),
      didYouMean(id, ids) ??
        (what === 'party' ? said(`kommuner: ${ids.join(', ')}`, `parties: ${ids.join(', ')}`) : said(`poster: ${ids.join(', ')}`, `items: ${ids.join(', ')}`)),
      allocated.diagnostics,
    );
  const parties = a.parties.map((p) => p.id);
  if (!parties.includes(options.party)) return unknown('party', options.party, parties);
  const items = a.items.map((i) => i.id);
  if (options.item !== undefined && !items.includes(options.item)) return unknown('item', options.item, items);
  return { report: explainParty(allocated.report, options.party, options.item), diagnostics: allocated.diagnostics };
}
