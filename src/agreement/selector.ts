import { isOneOf } from './one-of.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { SELECTOR_FIELDS, type Selector } from './model.js';
import type { Entry, YamlReader, YNode } from './yaml-nodes.js';
import { field } from './phrases.js';
import { type Said, said } from '../text/said.js';

/** `{ category: [lonn, lisens], account: 1090 }` — every given field must match. */
export function readSelector(r: YamlReader, node: YNode, at: SourcePos, what: Said): Selector | null {
  const fields = r.map(node, what, at);
  return fields ? readSelectorFields(r, fields, at, what) : null;
}

/** The same, from entries already read (an ignore rule mixes a selector with its reason). */
export function readSelectorFields(r: YamlReader, fields: readonly Entry[], at: SourcePos, what: Said): Selector | null {
  r.onlyFields(fields, SELECTOR_FIELDS, what);
  const selector: { -readonly [K in keyof Selector]: Selector[K] } = { at };
  for (const f of fields) {
    if (!isOneOf(SELECTOR_FIELDS, f.key)) continue;
    const values = r.strings(f.value, field(f.key, what), f.valueAt);
    if (values === null) return null;
    selector[f.key as (typeof SELECTOR_FIELDS)[number]] = values;
  }
  if (!SELECTOR_FIELDS.some((k) => selector[k])) {
    r.diags.error(
      at,
      'missing-field',
      said(`${what.nb} velger ingenting`, `${what.en} selects nothing`),
      said('skriv f.eks. { category: [lonn, lisens] }', 'write e.g. { category: [lonn, lisens] }'),
    );
    return null;
  }
  return selector;
}

/** A selector as reports and messages print it: `category Lønn, Drift; account 10100`. */
export function describeSelector(s: Selector): string {
  return SELECTOR_FIELDS.filter((k) => s[k])
    .map((k) => `${k} ${s[k]!.join(', ')}`)
    .join('; ');
}
