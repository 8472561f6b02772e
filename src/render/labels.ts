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
  overAllocated: { nb: 'Overfordelt (avrunding)', en: 'Over-allocated (rounding)' },
  operating: { nb: 'Drift', en: 'Operating' },
  investment: { nb: 'Investering', en: 'Investment' },
  charged: { nb: 'Å betale', en: 'Charged' },
  name: { nb: 'Navn', en: 'Name' },
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
  settlement: { nb: 'Avregning', en: 'Settlement' },
  schedule: { nb: 'A-kontoplan', en: 'A-konto schedule' },
  deviationTitle: { nb: 'Budsjettavvik', en: 'Budget deviation' },
  chargedActual: { nb: 'Belastet', en: 'Charged' },
  paid: { nb: 'Innbetalt', en: 'Paid' },
  scheduled: { nb: 'A-konto etter plan', en: 'A-konto scheduled' },
  shortfall: { nb: 'Mangler', en: 'Short' },
  balance: { nb: 'Saldo', en: 'Balance' },
  dueNow: { nb: 'Til oppgjør nå', en: 'Due now' },
  carriedForward: { nb: 'Overføres neste år', en: 'Carried forward' },
  dueDate: { nb: 'Forfall', en: 'Due' },
  finalSettlement: { nb: 'Sluttoppgjør', en: 'Final settlement' },
  host: { nb: 'vertskommune', en: 'host' },
  budgeted: { nb: 'Budsjettert andel', en: 'Budgeted share' },
  budget: { nb: 'Budsjett', en: 'Budget' },
  actual: { nb: 'Regnskap', en: 'Actual' },
  deviation: { nb: 'Avvik', en: 'Deviation' },
  deviationPct: { nb: 'Avvik %', en: 'Deviation %' },
  category: { nb: 'Art', en: 'Category' },
  perCategory: { nb: 'Per art', en: 'Per category' },
  perItem: { nb: 'Per post', en: 'Per item' },
  deviationPerParty: { nb: 'Avvik fordelt per kommune', en: 'Deviation per party' },
  scenarios: { nb: 'Scenarioer', en: 'Scenarios' },
  scenario: { nb: 'Scenario', en: 'Scenario' },
  baseline: { nb: 'Grunnlag (avtalen)', en: 'Baseline (the agreement)' },
  change: { nb: 'Endring', en: 'Change' },
  changePct: { nb: 'Endring %', en: 'Change %' },
  note: { nb: 'Merknad', en: 'Note' },
  projection: { nb: 'Framskriving', en: 'Projection' },
  together: { nb: 'Samarbeid', en: 'Together' },
  alone: { nb: 'Alene', en: 'Alone' },
  saving: { nb: 'Gevinst ved samarbeid (alene − samarbeid)', en: 'Saving from cooperating (alone − together)' },
  year: { nb: 'År', en: 'Year' },
  assumed: { nb: 'Antatt', en: 'Assumed' },
  notIndexed: { nb: 'Ikke indeksert (samme beløp hvert år)', en: 'Not indexed (the same amount every year)' },
  budgetedShare: { nb: 'Budsjettert andel', en: 'Budgeted share' },
  actualShare: { nb: 'Faktisk andel', en: 'Actual share' },
  instalment: { nb: 'Rate', en: 'Instalment' },
  paidFromPayments: { nb: 'Innbetalt: etter innbetalingsfilen.', en: 'Paid: as in the payments file.' },
  paidFromSchedule: {
    nb: 'Innbetalt: ingen innbetalingsfil er gitt, så a-konto etter planen er forutsatt betalt.',
    en: 'Paid: no payments file was given, so the scheduled a-konto is assumed paid.',
  },
  paidFromNone: {
    nb: 'Innbetalt: ingen innbetalingsfil og ingen a-kontoplan, så innbetalt er 0.',
    en: 'Paid: no payments file and no a-konto schedule, so paid is 0.',
  },
  balanceRule: {
    nb: 'Saldo = belastet − innbetalt: positiv saldo betales av kommunen, negativ tilbakebetales eller motregnes.',
    en: 'Balance = charged − paid: positive, the party pays; negative, it is refunded or offset.',
  },
  carriedRule: {
    nb: 'Saldoen overføres og motregnes i neste års tilskudd; den faktureres ikke nå.',
    en: "The balance is carried forward against next year's contribution; it is not invoiced now.",
  },
  scheduleRule: {
    nb:
      'Hver rate er kommunens budsjetterte andel × ratens del, til øret; ratene summerer nøyaktig til andelen ' +
      '(største rest; ved likhet får den største, så den tidligste raten øret).',
    en:
      "Each instalment is the party's budgeted share × the instalment's part, to the øre; instalments add up exactly to the share " +
      '(largest remainder; on a tie the øre goes to the larger, then the earliest instalment).',
  },
  'budget-minus-actual': { nb: 'Avvik = budsjett − regnskap (negativt avvik er merforbruk).', en: 'Deviation = budget − actual (negative means overrun).' },
  'actual-minus-budget': { nb: 'Avvik = regnskap − budsjett (positivt avvik er merforbruk).', en: 'Deviation = actual − budget (positive means overrun).' },
  inThousands: {
    nb: 'Beløp i 1000 kr, hver celle avrundet for seg fra eksakte beløp.',
    en: 'Amounts in thousands of kroner, each cell rounded on its own from exact amounts.',
  },
  invoice: { nb: 'Faktura', en: 'Invoice' },
  creditNote: { nb: 'Kreditnota', en: 'Credit note' },
  invoiceNumber: { nb: 'Fakturanr.', en: 'Invoice no.' },
  invoiceDate: { nb: 'Fakturadato', en: 'Invoice date' },
  kid: { nb: 'KID', en: 'KID (payment reference)' },
  bankAccount: { nb: 'Kontonummer', en: 'Bank account' },
  orgNumber: { nb: 'Org.nr.', en: 'Org. no.' },
  seller: { nb: 'Fra', en: 'From' },
  buyer: { nb: 'Til', en: 'To' },
  agreement: { nb: 'Avtale', en: 'Agreement' },
  split: { nb: 'Fordeling', en: 'Split' },
  subtotal: { nb: 'Sum', en: 'Subtotal' },
  akontoPaid: { nb: 'A-konto innbetalt', en: 'A-konto paid' },
  toPay: { nb: 'Å betale', en: 'Amount due' },
  toCredit: { nb: 'Til gode', en: 'Credited to you' },
  nothingDue: { nb: 'Ingenting å betale', en: 'Nothing due' },
  payments: { nb: 'Innbetalinger', en: 'Payments' },
  paymentsAssumed: { nb: 'A-konto etter plan (forutsatt betalt)', en: 'A-konto as scheduled (assumed paid)' },
  date: { nb: 'Dato', en: 'Date' },
  payTo: { nb: 'Betales til konto {account} med KID {kid} innen {due}.', en: 'Pay to account {account} with KID {kid} by {due}.' },
  creditRule: { nb: 'Beløpet tilbakebetales eller motregnes; ingen betaling fra dere.', en: 'The amount is refunded or offset; no payment from you.' },
  settlementOf: { nb: 'Sluttoppgjør', en: 'Final settlement' },
  section: { nb: 'Del', en: 'Section' },
  explanation: { nb: 'Forklaring', en: 'Explanation' },
  member: { nb: 'Medlem', en: 'Member' },
  of12Months: { nb: 'av 12 måneder i', en: 'of 12 months in' },
  joined: { nb: 'innmeldt', en: 'joined' },
  left: { nb: 'utmeldt', en: 'left' },
  keysForMonths: { nb: 'tar del i nøklene for disse månedene', en: 'takes part in the keys for those months' },
  fixedShares: { nb: 'faste andeler', en: 'fixed shares' },
  equalSplit: { nb: 'likt mellom', en: 'equal between' },
  of: { nb: 'av', en: 'of' },
  roundedTo: { nb: 'rundet til', en: 'rounded to' },
  rawProduct: { nb: 'eksakt', en: 'exact' },
  sharedPart: { nb: 'til fordeling', en: 'shared' },
  directRows: { nb: 'direkte kostnader', en: 'direct costs' },
  ownPrice: { nb: 'egen pris for egen mengde', en: 'own price for own quantity' },
  chargedWhole: { nb: 'hele grunnlaget belastes', en: 'the whole basis is charged to' },
  itemRemainder: { nb: 'ufordelt på posten (avrunding)', en: 'unallocated on the item (rounding)' },
  itemOverAllocated: { nb: 'overfordelt på posten (avrunding)', en: 'over-allocated on the item (rounding)' },
  id: { nb: 'Id', en: 'Id' },
  lineKey: { nb: 'nøkkel', en: 'key' },
  akontoInvoice: { nb: 'A-konto', en: 'A-konto' },
  akontoLine: { nb: 'A-konto {kind}, termin {n} av {of}', en: 'A-konto {kind}, instalment {n} of {of}' },
  akontoOf: { nb: '{part} av budsjettert andel {budgeted}', en: '{part} of the budgeted share {budgeted}' },
  akontoTitle: { nb: 'A-konto {year}, termin {n} av {of}', en: 'A-konto {year}, instalment {n} of {of}' },
  prepaidLine: { nb: 'A-konto innbetalt {year} ({kinds})', en: 'A-konto paid {year} ({kinds})' },
  population: { nb: 'folketall', en: 'population' },
  months12: { nb: 'måneder/12', en: 'months/12' },
  precision: { nb: 'presisjon', en: 'precision' },
  rowsFirstHere: { nb: '{n} rader, den første her', en: '{n} rows, first here' },
  fixedShare: { nb: 'fast andel', en: 'fixed share' },
  wholeItem: { nb: 'hele posten belastes {name}', en: 'the whole item is charged to {name}' },
  directLine: { nb: 'direkte kostnader ført på {name} i regnskapet', en: 'direct costs booked to {name} in the ledger' },
  ownQuantity: { nb: 'egen mengde {q}', en: 'own quantity {q}' },
  sharedOf: {
    nb: 'av {basis} er {direct} ført direkte på kommunene; {shared} fordeles',
    en: 'of {basis}, {direct} is booked directly to parties; {shared} is shared',
  },
  lrBump: { nb: 'største rest: {diff} av postens avrunding lagt til denne linjen', en: "largest remainder: {diff} of the item's rounding added to this line" },
  yourRef: { nb: 'Deres ref.', en: 'Your ref.' },
  ourRef: { nb: 'Vår ref.', en: 'Our ref.' },
  period: { nb: 'Periode', en: 'Period' },
  vatOutside: {
    nb: 'Utenfor merverdiavgiftsloven: samarbeid mellom kommuner om egne tjenester.',
    en: 'Not subject to VAT: services between municipalities in their cooperation.',
  },
  vatStandard: {
    nb: 'Merverdiavgift {rate} er lagt til. Beløp og innbetalinger er ført eks. mva.; a-konto trekkes fra med den mva. a-kontofakturaen hadde.',
    en: 'VAT at {rate} is added. Amounts and payments are booked excluding VAT; a-konto is deducted with the VAT its a-konto invoice carried.',
  },
  vat: { nb: 'Mva.', en: 'VAT' },
  net: { nb: 'Sum eks. mva.', en: 'Total excl. VAT' },
  gross: { nb: 'Sum inkl. mva.', en: 'Total incl. VAT' },
  prepaid: { nb: 'Forskuddsbetalt (a-konto)', en: 'Prepaid (a-konto)' },
  summary: { nb: 'Sammendrag', en: 'Summary' },
  page: { nb: 'Side', en: 'Page' },
  credits: { nb: 'Krediterer', en: 'Credits' },
  settlesAkonto: { nb: 'Avregner a-kontofaktura', en: 'Settles a-konto invoices' },
  how: { nb: 'Slik er beløpet regnet ut', en: 'How the amount was reached' },
} as const;

export type Label = keyof typeof LABELS;

export function label(name: Label, locale: Locale): string {
  return LABELS[name][locale];
}

export function kindLabel(kind: 'operating' | 'investment', locale: Locale): string {
  return label(kind, locale);
}

/**
 * The words in a CSV's first column or method column that say what a row is:
 * read by people in Excel and matched by scripts, so each is one short word
 * per locale, listed here once.
 */
const MARKERS = {
  key: { nb: 'nøkkel', en: 'key' },
  party: { nb: 'kommune', en: 'party' },
  direct: { nb: 'direkte', en: 'direct' },
  own: { nb: 'egen', en: 'own' },
  unallocated: { nb: 'ufordelt', en: 'unallocated' },
  category: { nb: 'art', en: 'category' },
  item: { nb: 'post', en: 'item' },
  row: { nb: 'rad', en: 'row' },
  line: { nb: 'linje', en: 'line' },
  subtotal: { nb: 'delsum', en: 'subtotal' },
  paid: { nb: 'innbetalt', en: 'paid' },
  balance: { nb: 'saldo', en: 'balance' },
  'carried-forward': { nb: 'overføres', en: 'carried-forward' },
  net: { nb: 'netto', en: 'net' },
  vat: { nb: 'mva', en: 'vat' },
  prepaid: { nb: 'forskudd', en: 'prepaid' },
  credit: { nb: 'tilgode', en: 'credit' },
  due: { nb: 'å-betale', en: 'due' },
  baseline: { nb: 'grunnlag', en: 'baseline' },
} as const satisfies Record<string, Record<Locale, string>>;

export type Marker = keyof typeof MARKERS;

export function marker(name: Marker, locale: Locale): string {
  return MARKERS[name][locale];
}

/** What a proportional key is measured by: `population`, a driver's name, and `× months/12` for part-year members, in words. */
export function measureLabel(measure: string, locale: Locale): string {
  return measure.replace(/^population\b/, label('population', locale)).replace('months/12', label('months12', locale));
}
