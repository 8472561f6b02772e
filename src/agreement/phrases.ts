import { type Said, said } from '../text/said.js';

/**
 * The pieces messages about an agreement are built from, in both languages.
 * Field names stay as the format writes them (`amount`, `key`): they are
 * what the user must type, in either language.
 */

/** `amount of item 'x'` / `feltet amount i posten 'x'`; without `of`, the top-level field. A field in a field says «feltet» once. */
export function field(name: string, of?: Said): Said {
  return of ? said(`feltet ${name} i ${of.nb.replace(/^feltet /, '')}`, `${name} of ${of.en}`) : said(`feltet ${name}`, name);
}

export function item(id: string): Said {
  return said(`posten '${id}'`, `item '${id}'`);
}

export function key(id: string): Said {
  return said(`nøkkelen '${id}'`, `key '${id}'`);
}

export function party(id: string): Said {
  return said(`kommunen '${id}'`, `party '${id}'`);
}

/** `1 row` / `2 rader`. */
export function rows(n: number): Said {
  return said(`${n} ${n === 1 ? 'rad' : 'rader'}`, `${n} ${n === 1 ? 'row' : 'rows'}`);
}

/** The hint when a party id names no party. */
export function declaredParties(ids: readonly string[]): Said {
  return said(`kommunene i avtalen: ${ids.join(', ')}`, `declared parties: ${ids.join(', ')}`);
}
