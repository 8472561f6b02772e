import { explain as explainParty, type Explanation } from '../compute/explain.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { allocate } from './allocate.js';
import { refused, type Inputs, type Outcome } from './inputs.js';

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
      `no ${what} '${id}' in ${a.title} ${a.year}`,
      didYouMean(id, ids) ?? `${what === 'party' ? 'parties' : 'items'}: ${ids.join(', ')}`,
      allocated.diagnostics,
    );
  const parties = a.parties.map((p) => p.id);
  if (!parties.includes(options.party)) return unknown('party', options.party, parties);
  const items = a.items.map((i) => i.id);
  if (options.item !== undefined && !items.includes(options.item)) return unknown('item', options.item, items);
  return { report: explainParty(allocated.report, options.party, options.item), diagnostics: allocated.diagnostics };
}
