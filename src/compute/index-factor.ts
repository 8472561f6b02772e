import type { Agreement, IndexRef } from '../agreement/model.js';
import { Ratio } from '../money/ratio.js';

/**
 * The product of (1 + change) for each year after `from` up to the
 * agreement year, and the changes used, for the explanation. The reader has
 * checked that the series has every year.
 */
export function indexFactor(
  a: Agreement,
  ref: IndexRef,
): { readonly factor: Ratio; readonly changes: readonly { readonly year: number; readonly change: Ratio }[] } {
  const series = a.indices.get(ref.series)!;
  let factor = Ratio.ONE;
  const changes: { year: number; change: Ratio }[] = [];
  for (let y = ref.from + 1; y <= a.year; y++) {
    const change = series.changes.get(y)!;
    factor = factor.times(Ratio.ONE.plus(change));
    changes.push({ year: y, change });
  }
  return { factor, changes };
}
