import type { ErrorCode } from '../diagnostics/codes.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Ratio } from '../money/ratio.js';
import { isValidAccountNumber } from '../norway/account.js';
import { isValidOrgNumber } from '../norway/orgnr.js';
import { addDays, endOfMonth } from '../dates/date.js';
import { NO_MEMO, rememberReporting, type Memo } from '../memo/memo.js';
import type { Address, Endpoint, Membership, Party, Population } from './model.js';
import { ORG_SCHEME, PEPPOL_EAS, splitEndpoint } from './endpoint.js';
import { isMap, type Entry, type YamlReader, type YNode } from './yaml-nodes.js';
import { field, party } from './phrases.js';
import { dateNb } from '../dates/date.js';
import { type Said, said } from '../text/said.js';

/** The fields of a party and of its address, as the reader accepts them (held against the schema by tests/fields.test.ts). */
export const PARTY_FIELDS = [
  'name',
  'population',
  'org',
  'bank_account',
  'joined',
  'left',
  'address',
  'reference',
  'accounting_cost',
  'order_reference',
  'endpoint',
];
export const ADDRESS_FIELDS = ['street', 'postcode', 'city', 'country'];

/** `parties:` — a mapping from id to `{ name, population?, org?, bank_account? }`, in report order. */
export function readParties(r: YamlReader, node: YNode, at: SourcePos, memo: Memo = NO_MEMO): Party[] {
  const entries = r.map(node, field('parties'), at);
  if (!entries) return [];
  if (entries.length === 0)
    r.diags.error(
      r.pos(node, at),
      'missing-field',
      said('avtalen har ingen kommuner', 'the agreement has no parties'),
      said('list minst én kommune under parties:', 'list at least one party under parties:'),
    );
  const parties: Party[] = [];
  for (const e of entries) {
    // A sweep changes one party's population: the others are the same nodes, read once.
    const party = e.value ? rememberReporting(memo, r.diags, e.value, `party ${e.key}`, () => readParty(r, e)) : readParty(r, e);
    if (party) parties.push(party);
  }
  return parties;
}

function readParty(r: YamlReader, e: Entry): Party | null {
  const id = r.slug(e.key, said('kommune-id', 'party id'), e.at);
  // A key that is no id says nothing trustworthy about its value (often a colon is missing): one error.
  if (id === null) return null;
  const fields = r.map(e.value, party(e.key), e.at);
  if (!fields) return null;
  r.onlyFields(fields, PARTY_FIELDS, party(id));
  const nameEntry = fields.find((f) => f.key === 'name');
  const name = nameEntry ? r.text(nameEntry.value, field('name', party(id)), nameEntry.valueAt) : null;
  if (!nameEntry) {
    const example = `${id.charAt(0).toUpperCase() + id.slice(1)} kommune`;
    r.diags.error(
      e.at,
      'missing-field',
      said(`kommunen '${id}' har ikke noe name`, `party '${id}' has no name`),
      said(`legg til name: ${example}`, `add name: ${example}`),
    );
  }
  const popEntry = fields.find((f) => f.key === 'population');
  const population = popEntry ? readPopulation(r, popEntry.value, id, popEntry.valueAt) : undefined;
  const org = readNumber(
    r,
    fields,
    'org',
    id,
    isValidOrgNumber,
    'bad-org',
    said('organisasjonsnummer', 'organisation number (organisasjonsnummer)'),
    said(
      'det har 9 sifre og et MOD11-kontrollsiffer; kopier det fra Brønnøysundregistrene',
      'it has 9 digits and a MOD11 check digit; copy it from Brønnøysundregistrene',
    ),
  );
  const bankAccount = readNumber(
    r,
    fields,
    'bank_account',
    id,
    isValidAccountNumber,
    'bad-bank-account',
    said('kontonummer', 'bank account number (kontonummer)'),
    said(
      'det har 11 sifre og et MOD11-kontrollsiffer; punktum og mellomrom er lov (1234.56.78903)',
      'it has 11 digits and a MOD11 check digit; dots and spaces are allowed (1234.56.78903)',
    ),
  );
  const membership = readMembership(r, fields, id, e.at);
  const addressEntry = fields.find((f) => f.key === 'address');
  const address = addressEntry ? readAddress(r, addressEntry.value, id, addressEntry.valueAt) : undefined;
  const refEntry = fields.find((f) => f.key === 'reference');
  const reference = refEntry ? r.text(refEntry.value, field('reference', party(id)), refEntry.valueAt) : undefined;
  const optionalText = (name: string) => {
    const entry = fields.find((f) => f.key === name);
    return entry ? r.text(entry.value, field(name, party(id)), entry.valueAt) : undefined;
  };
  const accountingCost = optionalText('accounting_cost');
  const orderReference = optionalText('order_reference');
  const endpoint = readEndpoint(r, fields, id);
  return {
    id,
    name: name ?? id,
    at: e.at,
    ...(population ? { population } : {}),
    ...(org ? { org } : {}),
    ...(bankAccount ? { bankAccount } : {}),
    ...(membership ? { membership } : {}),
    ...(address ? { address } : {}),
    ...(reference ? { reference } : {}),
    ...(accountingCost ? { accountingCost } : {}),
    ...(orderReference ? { orderReference } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}

/**
 * `endpoint: "0192:987654321"` — the party's Peppol address when its EHF goes
 * elsewhere than its own org number: a scheme from the EAS code list, a colon,
 * the identifier (for 0192 an org number with its check digit, as rule
 * PEPPOL-COMMON-R041 demands).
 */
function readEndpoint(r: YamlReader, fields: readonly Entry[], id: string): Endpoint | undefined {
  const entry = fields.find((f) => f.key === 'endpoint');
  if (!entry) return undefined;
  const text = r.string(entry.value, field('endpoint', party(id)), entry.valueAt);
  if (text === null) return undefined;
  const endpoint = splitEndpoint(text);
  const example = said('skriv endpoint: "0192:<organisasjonsnummer>"', 'write endpoint: "0192:<organisation number>"');
  const bad = (nb: string, en: string, hint: Said = example) => {
    r.diags.error(entry.valueAt, 'bad-endpoint', said(nb, en), hint);
    return undefined;
  };
  if (endpoint === null)
    return bad(`endpoint '${text}' for kommunen '${id}' har ikke formen SKJEMA:ID`, `endpoint '${text}' of party '${id}' is not of the form SCHEME:ID`);
  if (!PEPPOL_EAS.includes(endpoint.scheme))
    return bad(
      `'${endpoint.scheme}' i endpoint for kommunen '${id}' er ikke en kode i Peppols EAS-liste`,
      `'${endpoint.scheme}' in the endpoint of party '${id}' is not a code of Peppol's EAS list`,
      said(
        `bruk 0192 for et norsk organisasjonsnummer: endpoint: "0192:<9 sifre>"`,
        `use 0192 for a Norwegian organisation number: endpoint: "0192:<9 digits>"`,
      ),
    );
  if (endpoint.id === '')
    return bad(`endpoint '${text}' for kommunen '${id}' har ingen ID etter kolon`, `endpoint '${text}' of party '${id}' has no id after the colon`);
  if (endpoint.scheme === ORG_SCHEME && !isValidOrgNumber(endpoint.id))
    return bad(
      `'${endpoint.id}' i endpoint for kommunen '${id}' er ikke et gyldig organisasjonsnummer`,
      `'${endpoint.id}' in the endpoint of party '${id}' is not a valid organisation number`,
      said(
        'skjema 0192 tar et organisasjonsnummer: 9 sifre og et MOD11-kontrollsiffer, uten mellomrom',
        'scheme 0192 takes an organisation number: 9 digits with a MOD11 check digit, no spaces',
      ),
    );
  return endpoint;
}

function readPopulation(r: YamlReader, node: YNode, id: string, at: SourcePos): Population | undefined {
  if (isMap(node)) {
    const values = new Map<number, Ratio>();
    for (const e of r.map(node, field('population', party(id)), at) ?? []) {
      const year = /^\d{4}$/.test(e.key) ? Number(e.key) : null;
      if (year === null) {
        r.diags.error(
          e.at,
          'bad-number',
          said(`folketallsåret '${e.key}' for kommunen '${id}' er ikke et årstall`, `population year '${e.key}' of party '${id}' is not a year`),
          said('skriv folketall per år som { 2023: 13300, 2024: 13400 }', 'write per-year populations as { 2023: 13300, 2024: 13400 }'),
        );
        continue;
      }
      const v = r.quantity(e.value, said(`folketallet til kommunen '${id}' i ${year}`, `population of party '${id}' in ${year}`), e.valueAt);
      if (v) values.set(year, v);
    }
    return { kind: 'by-year', values, at };
  }
  const value = r.quantity(node, said(`folketallet til kommunen '${id}'`, `population of party '${id}'`), at);
  return value ? { kind: 'fixed', value, at } : undefined;
}

/**
 * `joined:` and `left:` count whole months: a party joins on the first day
 * of a month and leaves on the last day of one, so its months in a year are
 * a count anyone can check on a calendar (1 April to 31 December = 9).
 */
function readMembership(r: YamlReader, fields: readonly Entry[], id: string, at: SourcePos): Membership | undefined {
  const date = (name: 'joined' | 'left') => {
    const entry = fields.find((f) => f.key === name);
    if (!entry) return undefined;
    const d = r.date(entry.value, field(name, party(id)), entry.valueAt);
    if (d === null) return null;
    const next = addDays(d, 1);
    if (name === 'joined' && !d.endsWith('-01')) {
      r.diags.error(
        entry.valueAt,
        'membership-date',
        said(`kommunen '${id}' ble med ${dateNb(d)}, ikke den første dagen i en måned`, `party '${id}' joined on ${d}, not on the first day of a month`),
        said(
          `medlemskap telles i hele måneder: skriv joined: ${d.slice(0, 8)}01 eller den første dagen i neste måned`,
          `membership counts whole months: write joined: ${d.slice(0, 8)}01 or the first day of the next month`,
        ),
      );
      return null;
    }
    if (name === 'left' && !next.endsWith('-01')) {
      r.diags.error(
        entry.valueAt,
        'membership-date',
        said(`kommunen '${id}' gikk ut ${dateNb(d)}, ikke den siste dagen i en måned`, `party '${id}' left on ${d}, not on the last day of a month`),
        said(
          `medlemskap telles i hele måneder: skriv left: ${endOfMonth(d)} (den siste dagen i den måneden)`,
          `membership counts whole months: write left: ${endOfMonth(d)} (the last day of that month)`,
        ),
      );
      return null;
    }
    return { date: d, at: entry.valueAt };
  };
  const joined = date('joined');
  const left = date('left');
  if (!joined && !left) return undefined;
  if (joined && left && left.date < joined.date)
    r.diags.error(
      left.at,
      'membership-date',
      said(
        `kommunen '${id}' gikk ut ${dateNb(left.date)}, før den ble med ${dateNb(joined.date)}`,
        `party '${id}' left on ${left.date}, before it joined on ${joined.date}`,
      ),
      said('bytt om datoene, eller fjern én av dem', 'swap the dates, or remove one'),
    );
  return { ...(joined ? { joined: joined.date } : {}), ...(left ? { left: left.date } : {}), at: joined?.at ?? left?.at ?? at };
}

/** A register number written as digits, perhaps with spaces or dots, checked by its check digit. */
function readNumber(
  r: YamlReader,
  fields: readonly Entry[],
  name: string,
  id: string,
  valid: (s: string) => boolean,
  code: ErrorCode,
  what: Said,
  hint: Said,
): string | undefined {
  const entry = fields.find((f) => f.key === name);
  if (!entry) return undefined;
  const text = r.string(entry.value, field(name, party(id)), entry.valueAt)?.replace(/[\s.]/g, '');
  if (text === undefined || text === null) return undefined;
  if (valid(text)) return text;
  r.diags.error(entry.valueAt, code, said(`'${text}' er ikke et gyldig ${what.nb}`, `'${text}' is not a valid ${what.en}`), hint);
  return undefined;
}

/** `address: { street: Rådhusveien 1, postcode: "9479", city: Harstad }` — a Norwegian postcode has four digits. */
function readAddress(r: YamlReader, node: YNode, id: string, at: SourcePos): Address | undefined {
  const address = field('address', party(id));
  const fields = r.map(node, address, at);
  if (!fields) return undefined;
  r.onlyFields(fields, ADDRESS_FIELDS, address);
  const text = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? { value: r.text(f.value, field(key, address), f.valueAt), at: f.valueAt } : undefined;
  };
  const street = text('street');
  const postcode = text('postcode');
  const city = text('city');
  const country = text('country');
  for (const [key, got] of [
    ['postcode', postcode],
    ['city', city],
  ] as const) {
    if (!got)
      r.diags.error(
        r.pos(node, at),
        'missing-field',
        said(`adressen til kommunen '${id}' har ingen ${key}`, `the address of party '${id}' has no ${key}`),
        said(
          'skriv address: { street: Rådhusveien 1, postcode: "9479", city: Harstad }',
          'write address: { street: Rådhusveien 1, postcode: "9479", city: Harstad }',
        ),
      );
  }
  const countryCode = country?.value ?? 'NO';
  if (country?.value != null && !/^[A-Z]{2}$/.test(country.value)) {
    r.diags.error(
      country.at,
      'bad-value',
      said(
        `landet '${country.value}' for kommunen '${id}' er ikke en landkode på to bokstaver`,
        `country '${country.value}' of party '${id}' is not a two-letter country code`,
      ),
      said('skriv ISO 3166-koden, f.eks. country: NO (standard)', 'write the ISO 3166 code, e.g. country: NO (the default)'),
    );
    return undefined;
  }
  if (postcode?.value != null && countryCode === 'NO' && !/^\d{4}$/.test(postcode.value)) {
    r.diags.error(
      postcode.at,
      'bad-value',
      said(`postnummeret '${postcode.value}' for kommunen '${id}' er ikke fire sifre`, `postcode '${postcode.value}' of party '${id}' is not four digits`),
      said(
        'et norsk postnummer har fire sifre; sett det i anførselstegn for å beholde en innledende null: postcode: "0150"',
        'a Norwegian postcode has four digits; quote it to keep a leading zero: postcode: "0150"',
      ),
    );
    return undefined;
  }
  if (!postcode?.value || !city?.value || street?.value === null) return undefined;
  return { postcode: postcode.value, city: city.value, country: countryCode, ...(street?.value ? { street: street.value } : {}) };
}
