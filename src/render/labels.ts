import type { Locale } from './locale.js';

/** Every word a user reads in a report, per locale. */
const LABELS = {
  allocation: { nb: 'Fordeling', en: 'Allocation' },
  party: { nb: 'Kommune', en: 'Party' },
  share: { nb: 'Andel', en: 'Share' },
  amount: { nb: 'Beløp', en: 'Amount' },
  basis: { nb: 'Grunnlag', en: 'Basis' },
  key: { nb: 'Nøkkel', en: 'Key' },
  sum: { nb: 'Sum', en: 'Total' },
  unallocated: { nb: 'Ufordelt (avrunding)', en: 'Unallocated (rounding)' },
  operating: { nb: 'Drift', en: 'Operating' },
  investment: { nb: 'Investering', en: 'Investment' },
  charged: { nb: 'Å betale', en: 'Charged' },
  perParty: { nb: 'Sum per kommune', en: 'Total per party' },
  direct: { nb: 'direkte', en: 'direct' },
  own: { nb: 'egen mengde', en: 'own quantity' },
  chargedTo: { nb: 'belastes', en: 'charged to' },
  quantity: { nb: 'Mengde', en: 'Quantity' },
  method: { nb: 'Metode', en: 'Method' },
  item: { nb: 'Post', en: 'Item' },
  label: { nb: 'Tekst', en: 'Label' },
  kind: { nb: 'Art', en: 'Kind' },
  ignored: { nb: 'Holdt utenfor fordelingen', en: 'Outside the split' },
  rows: { nb: 'Rader', en: 'Rows' },
  selection: { nb: 'Utvalg', en: 'Selection' },
  reason: { nb: 'Begrunnelse', en: 'Reason' },
  rounding: { nb: 'Avrunding', en: 'Rounding' },
  'half-up': { nb: 'hver linje for seg (halv opp)', en: 'each line on its own (half up)' },
  'largest-remainder': { nb: 'største rest (summerer til grunnlaget)', en: 'largest remainder (sums to the basis)' },
  ore: { nb: 'øre', en: 'øre' },
  krone: { nb: 'hele kroner', en: 'whole kroner' },
} as const;

export type Label = keyof typeof LABELS;

export function label(name: Label, locale: Locale): string {
  return LABELS[name][locale];
}

export function kindLabel(kind: 'operating' | 'investment', locale: Locale): string {
  return label(kind, locale);
}
