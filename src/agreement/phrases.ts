import type { Money } from '../money/money.js';
import type { Ratio } from '../money/ratio.js';
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

/** An amount in prose: `470 662,50` (nb), `470,662.50` (en) — every decimal it has, never rounded. */
export function amount(m: Money): Said {
  const [int, frac] = m.toPlain().split('.') as [string, string];
  const group = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return said(`${group(' ')},${frac}`, `${group(',')}.${frac}`);
}

/** A quantity in prose: `34 071`, `2,5` (nb), `34,071`, `2.5` (en) — grouped as the tables group it, every decimal kept. */
export function quantity(r: Ratio): Said {
  const [int, frac] = r.toDecimalString(12).split('.') as [string, string | undefined];
  const group = (sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return said(`${group(' ')}${frac ? `,${frac}` : ''}`, `${group(',')}${frac ? `.${frac}` : ''}`);
}

/** The hint when a party id names no party. */
export function declaredParties(ids: readonly string[]): Said {
  return said(`kommunene i avtalen: ${ids.join(', ')}`, `declared parties: ${ids.join(', ')}`);
}
