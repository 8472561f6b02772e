import { isOneOf } from './one-of.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { ORE, ROUNDING_METHODS, type Rounding } from '../money/rounding.js';
import type { YamlReader, YNode } from './yaml-nodes.js';
import { amount, field } from './phrases.js';
import { said } from '../text/said.js';

/** `rounding: { unit, method }`; fields left out keep the values of `base`. */
export function readRounding(r: YamlReader, node: YNode, at: SourcePos, base: Rounding): Rounding | null {
  const fields = r.map(node, field('rounding'), at);
  if (!fields) return null;
  r.onlyFields(fields, ['unit', 'method'], field('rounding'));
  let { unit, method } = base;
  let ok = true;
  for (const f of fields) {
    if (f.key === 'unit') {
      const u = r.money(f.value, field('unit', field('rounding')), f.valueAt);
      if (u && u.sign() > 0 && u.toRatio().div(ORE.toRatio()).isInteger()) unit = u;
      else {
        if (u)
          r.diags.error(
            f.valueAt,
            'rounding-unit',
            said(
              `avrundingsenheten må være et helt antall øre, større enn null, men er ${amount(u).nb}`,
              `rounding unit must be a whole number of øre, more than zero, got ${amount(u).en}`,
            ),
            said('skriv unit: 0.01 for øre eller unit: 1 for hele kroner', 'write unit: 0.01 for øre or unit: 1 for whole kroner'),
          );
        ok = false;
      }
    } else if (f.key === 'method') {
      const m = r.string(f.value, field('method', field('rounding')), f.valueAt);
      if (m !== null && isOneOf(ROUNDING_METHODS, m)) method = m;
      else {
        if (m !== null)
          r.diags.error(
            f.valueAt,
            'bad-value',
            said(
              `avrundingsmetoden må være half-up eller largest-remainder, men er '${m}'`,
              `rounding method must be half-up or largest-remainder, got '${m}'`,
            ),
            said(
              'half-up runder hver linje og viser resten; largest-remainder får linjene til å summere til totalen',
              'half-up rounds each line and reports the remainder; largest-remainder makes lines sum to the total',
            ),
          );
        ok = false;
      }
    }
  }
  return ok ? { unit, method } : null;
}
