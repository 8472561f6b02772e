import type { Agreement, IndexRef } from '../agreement/model.js';
import { Ratio } from '../money/ratio.js';

/**
 * The product of (1 + change) for each year after `from` up to the
 * agreement year, and the changes used, for the explanation. The reader has
 * checked that the series has every year.
 */
export function indexFactor(a: Agreement, ref: IndexRef): { readonly factor: Ratio; readonly text: string } {
  const series = a.indices.get(ref.series)!;
  let factor = Ratio.ONE;
  const parts: string[] = [];
  for (let y = ref.from + 1; y <= a.year; y++) {
    const change = series.changes.get(y)!;
    factor = factor.times(Ratio.ONE.plus(change));
    parts.push(`${y}: ${change.times(Ratio.of(100n)).toDecimalString(6)} %`);
  }
  return { factor, text: `indexed by ${series.id} from ${ref.from}${parts.length ? ` (${parts.join(', ')})` : ''}: × ${factor.toDecimalString()}` };
}
