import { Diagnostics, type Diagnostic, type SourcePos } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import { NO_MEMO, rememberReporting, type Memo } from '../memo/memo.js';
import { Money } from '../money/money.js';
import type { Rounding } from '../money/rounding.js';
import { readItems } from './items.js';
import { readKeys } from './keys.js';
import { readLimits } from './limits.js';
import type { Agreement, Id, Key } from './model.js';
import { readParties } from './parties.js';
import { readStandalone } from './standalone.js';
import { checkReferences } from './references.js';
import { checkBilling } from './billing.js';
import { readRounding } from './rounding.js';
import { readBudget, readIgnore, readIndices, readInlineDrivers, readInputs, readInvoicing, readSettlement } from './settings.js';
import { isMap, isScalar, isSeq, isSlug, YamlReader, type Entry, type ParsedYaml, type YNode } from './yaml-nodes.js';
import { mapValue } from './yaml-tree.js';
import { declaredParties, field } from './phrases.js';
import { type Said, said } from '../text/said.js';

export const FORMAT_VERSION = 1;
/** The agreement's top-level fields, as the reader accepts them (held against the schema by tests/fields.test.ts). */
export const TOP_FIELDS = [
  'samkost',
  'agreement',
  'year',
  'currency',
  'host',
  'rounding',
  'parties',
  'keys',
  'items',
  'indices',
  'drivers',
  'ignore',
  'inputs',
  'budget',
  'settlement',
  'invoicing',
  'standalone',
  'limits',
];
const REQUIRED = ['samkost', 'agreement', 'year', 'host', 'parties', 'items'];
const DEFAULT_ROUNDING: Rounding = { unit: Money.parse('0.01')!, method: 'half-up' };
/**
 * The ids a mapping's keys declare, as written. A key that is not an id
 * because a colon is missing (`harstad { name: … }`) declares the word
 * before it: that mistake is reported once, on its own line.
 */
function writtenIds(node: YNode): string[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((p) => (isScalar(p.key) && typeof p.key.value === 'string' ? [p.key.value.split(/[\s{[]/)[0]!] : [])).filter(isSlug);
}

/** The memo's scope for a section the agreement leaves out. */
const ABSENT = {};

export interface ReadResult {
  /** Null when any error was found: nothing may be computed from a wrong agreement. */
  readonly agreement: Agreement | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads and validates one agreement. Pure: `resolve` turns a path written in
 * the file into one the caller can open (relative to the agreement's folder).
 */
export function readAgreement(text: ParsedYaml, file: string, resolve: (path: string) => string = (p) => p, memo: Memo = NO_MEMO): ReadResult {
  const diags = new Diagnostics();
  /**
   * One top-level section, read from its YAML node and `given` (the values
   * of other sections its reader takes, as text). A scenario that leaves
   * the node and those values as they were gets the same value and problems.
   */
  const section = <T>(name: string, given: string, read: () => T): T => rememberReporting(memo, diags, f(name)?.value ?? ABSENT, `${name} ${given}`, read);
  const r = new YamlReader(file, text, diags);
  const start: SourcePos = { file, line: 1, col: 1 };
  const entries = r.root === null ? null : r.map(r.root, THE_AGREEMENT, start);
  if (r.broken) return { agreement: null, diagnostics: diags.sorted() };
  if (r.root === null)
    diags.error(
      start,
      'missing-field',
      said('avtalefilen er tom', 'the agreement file is empty'),
      said('begynn fra eksempelet i docs/format.md, eller med samkost init', 'start from the example in docs/format.md, or with samkost init'),
    );
  if (!entries) return { agreement: null, diagnostics: diags.sorted() };
  // A file with none of the format's fields, not even misspelt (a password file, an .env), is not an
  // agreement with many mistakes: one error, and none of its lines quoted into a CI log.
  if (entries.length > 0 && !entries.some((e) => TOP_FIELDS.includes(e.key) || closest(e.key, TOP_FIELDS) !== undefined)) {
    diags.error(
      start,
      'not-agreement',
      said(
        `'${file}' er ikke en samkost-avtale: ingen av feltene er et felt formatet kjenner`,
        `'${file}' is not a samkost agreement: none of its fields is one the format knows`,
      ),
      said(
        'gi avtalefilen (agreement.yaml) eller mappen den ligger i; samkost init lager en',
        'give the agreement file (agreement.yaml) or its folder; samkost init makes one',
      ),
    );
    return { agreement: null, diagnostics: diags.sorted() };
  }

  r.onlyFields(entries, TOP_FIELDS, THE_AGREEMENT);
  const f = (name: string): Entry | undefined => entries.find((e) => e.key === name);
  // A misspelt required field is already reported with a "did you mean"; do not report it missing too.
  // Each unknown field is compared with the format's once, not once per required field (50 000 unknown fields took seconds).
  const misspelt = new Set(entries.filter((e) => !TOP_FIELDS.includes(e.key)).map((e) => closest(e.key, TOP_FIELDS)));
  for (const name of REQUIRED)
    if (!f(name) && !misspelt.has(name))
      diags.error(start, 'missing-field', said(`avtalen har ikke ${name}:`, `the agreement has no ${name}:`), requiredHint(name));

  const version = f('samkost');
  if (version) {
    const v = r.integer(version.value, said('samkost (formatversjonen)', 'samkost (format version)'), version.valueAt);
    if (v !== null && v !== FORMAT_VERSION)
      diags.error(
        version.valueAt,
        'unsupported-version',
        said(`formatversjon ${v} støttes ikke av denne samkost`, `format version ${v} is not supported by this samkost`),
        said(`denne samkost leser samkost: ${FORMAT_VERSION}`, `this samkost reads samkost: ${FORMAT_VERSION}`),
      );
  }
  const titleEntry = f('agreement');
  const title = titleEntry ? r.text(titleEntry.value, field('agreement'), titleEntry.valueAt) : null;
  const yearEntry = f('year');
  const yearRead = yearEntry ? r.integer(yearEntry.value, field('year'), yearEntry.valueAt) : null;
  const year = yearRead !== null && (yearRead < 1000 || yearRead > 9999) ? null : yearRead;
  if (yearEntry && yearRead !== null && year === null)
    diags.error(
      yearEntry.valueAt,
      'bad-number',
      said(`året ${yearRead} er ikke et firesifret årstall`, `year ${yearRead} is not a four-digit year`),
      said('skriv året som fordeles, f.eks. year: 2024', 'write the year being allocated, e.g. year: 2024'),
    );
  const currencyEntry = f('currency');
  const currency = currencyEntry ? r.string(currencyEntry.value, field('currency'), currencyEntry.valueAt) : 'NOK';
  if (currencyEntry && currency !== null && currency !== 'NOK')
    diags.error(
      currencyEntry.valueAt,
      'bad-value',
      said(`valutaen '${currency}' støttes ikke`, `currency '${currency}' is not supported`),
      said('samkost gjør opp i NOK; skriv currency: NOK', 'samkost settles in NOK; write currency: NOK'),
    );
  const hostEntry = f('host');
  const host = hostEntry ? r.id(hostEntry.value, field('host'), hostEntry.valueAt) : null;

  const roundingEntry = f('rounding');
  const rounding = section('rounding', '', () =>
    roundingEntry ? readRounding(r, roundingEntry.value, roundingEntry.valueAt, DEFAULT_ROUNDING) : DEFAULT_ROUNDING,
  );
  const partiesEntry = f('parties');
  const parties = section('parties', '', () => (partiesEntry ? readParties(r, partiesEntry.value, partiesEntry.valueAt, memo) : []));
  // Without readable parties every reference would be reported as unknown: fix the shape first.
  if (partiesEntry && !isMap(partiesEntry.value)) return { agreement: null, diagnostics: diags.sorted() };
  // Parties written but with errors of their own still count as declared, so what names them is not reported too.
  const partyIds = new Set([...parties.map((p) => p.id), ...writtenIds(partiesEntry?.value ?? null)]);
  const keysEntry = f('keys');
  const keys = section('keys', [...partyIds].join(' '), () => (keysEntry ? readKeys(r, keysEntry.value, keysEntry.valueAt, partyIds) : new Map<Id, Key>()));
  const itemsEntry = f('items');
  const items = section('items', rounding ? `${rounding.unit.toPlain()} ${rounding.method}` : '', () =>
    itemsEntry ? readItems(r, itemsEntry.value, itemsEntry.valueAt, rounding ?? DEFAULT_ROUNDING) : [],
  );
  const at = (name: string) => f(name)?.valueAt ?? start;
  const indices = section('indices', '', () => readIndices(r, f('indices')?.value ?? null, at('indices')));
  const drivers = section('drivers', '', () => readInlineDrivers(r, f('drivers')?.value ?? null, at('drivers')));
  for (const [driver, values] of drivers) {
    for (const [party, v] of values)
      if (!partyIds.has(party))
        diags.error(
          v.at,
          'unknown-party',
          said(`ukjent kommune '${party}' i driveren '${driver}'`, `unknown party '${party}' in driver '${driver}'`),
          declaredParties([...partyIds]),
        );
  }
  const ignore = section('ignore', '', () => readIgnore(r, f('ignore')?.value ?? null, at('ignore')));
  const inputs = section('inputs', '', () => readInputs(r, f('inputs')?.value ?? null, at('inputs'), resolve));
  const budget = section('budget', '', () => readBudget(r, f('budget')?.value ?? null, at('budget')));
  const standalone = section('standalone', '', () => readStandalone(r, f('standalone')?.value ?? null, at('standalone')));
  const limits = section('limits', [...partyIds].join(' '), () => readLimits(r, f('limits')?.value ?? null, at('limits'), partyIds));
  const settlementEntry = f('settlement');
  const settlement = section('settlement', '', () =>
    settlementEntry ? readSettlement(r, settlementEntry.value, settlementEntry.valueAt, resolve) : undefined,
  );
  const invoicing = section('invoicing', '', () => readInvoicing(r, f('invoicing')?.value, f('invoicing')?.at ?? start));

  if (title === null || year === null || !hostEntry || host === null || currency === null || !rounding) return { agreement: null, diagnostics: diags.sorted() };
  const agreement: Agreement = {
    file,
    title,
    year,
    currency,
    host,
    hostAt: hostEntry.valueAt,
    rounding,
    parties,
    keys,
    items,
    indices,
    drivers,
    ignore,
    inputs,
    budget,
    ...(settlement ? { settlement } : {}),
    invoicing,
    standalone,
    limits,
  };
  const keysValue = keysEntry?.value ?? null;
  const declaredKeys = isMap(keysValue) ? (r.map(keysValue, field('keys'), start) ?? []).map((e) => e.key) : [];
  const itemsValue = itemsEntry?.value ?? null;
  const declaredItems = isSeq(itemsValue)
    ? itemsValue.items.flatMap((n) => {
        const id = isMap(n) ? mapValue(n, 'id') : undefined;
        return typeof id === 'string' ? [id] : [];
      })
    : [];
  checkReferences(agreement, diags, declaredKeys, [...partyIds], declaredItems);
  checkBilling(agreement, diags);
  return { agreement: diags.hasErrors ? null : agreement, diagnostics: diags.sorted() };
}

const THE_AGREEMENT = said('avtalen', 'the agreement');

function requiredHint(name: string): Said {
  switch (name) {
    case 'samkost':
      return said('begynn filen med samkost: 1 (formatversjonen)', 'start the file with samkost: 1 (the format version)');
    case 'agreement':
      return said('legg til agreement: <tittelen som står på hver rapport>', 'add agreement: <title shown on every report>');
    case 'year':
      return said('legg til year: 2024 (året som fordeles)', 'add year: 2024 (the year being allocated)');
    case 'host':
      return said('legg til host: <id-en til kommunen som sender fakturaene>', 'add host: <id of the party that sends the invoices>');
    case 'parties':
      return said('list kommunene under parties:', 'list the municipalities under parties:');
    default:
      return said('list det som fordeles under items:', 'list what is allocated under items:');
  }
}
