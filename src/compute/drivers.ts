import type { Agreement, Id } from '../agreement/model.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { DriverRow } from '../inputs/drivers.js';
import type { Ratio } from '../money/ratio.js';
import { NO_MEMO, partyIds, rememberReporting, type Memo } from '../memo/memo.js';
import type { DriverTable } from './context.js';
import { memberFraction } from '../agreement/membership.js';
import { declaredParties } from '../agreement/phrases.js';
import { said } from '../text/said.js';

/**
 * Merges driver values written in the agreement with rows from the drivers
 * file, keeping rows for the agreement year or without a year. A value given
 * twice is an error, not a silent override.
 */
export function driverTable(a: Agreement, rows: readonly DriverRow[], diags: Diagnostics, memo: Memo = NO_MEMO): DriverTable {
  // The declared drivers depend on the drivers section, the file's rows, the year and the party ids: a sweep of
  // populations reuses them (the same value maps), so keys over them are reused too.
  const declared = rememberReporting(memo, diags, a.drivers, `drivers ${a.year} ${partyIds(memo, a.parties)}`, () => declaredDrivers(a, rows, diags));
  const table = new Map(declared);
  // `members` is a driver too: each party's part of the year as a member (1 for the whole year), so a
  // summed `{ driver: members }` is the number of members — a price by member count — unless given as a driver.
  if (!declared.has('members')) table.set('members', new Map(a.parties.map((p) => [p.id, { value: memberFraction(p, a.year), at: p.at }])));
  if (declared.has('population')) return table;
  // `population` is a driver too (FORMAT §2): the parties' populations for the year, unless given as a driver.
  const values = new Map<Id, { value: Ratio; at: SourcePos }>();
  for (const p of a.parties) {
    const v = p.population?.kind === 'fixed' ? p.population.value : p.population?.values.get(a.year);
    if (v !== undefined) values.set(p.id, { value: v, at: p.population!.at });
  }
  table.set('population', values);
  return table;
}

function declaredDrivers(a: Agreement, rows: readonly DriverRow[], diags: Diagnostics): DriverTable {
  const table = new Map<Id, Map<Id, { value: Ratio; at: SourcePos }>>();
  const partyIds = a.parties.map((p) => p.id);
  const put = (driver: Id, party: Id, value: Ratio, at: SourcePos) => {
    const values = table.get(driver) ?? new Map<Id, { value: Ratio; at: SourcePos }>();
    table.set(driver, values);
    const prev = values.get(party);
    if (prev)
      diags.error(
        at,
        'driver-duplicate',
        said(`driveren '${driver}' for kommunen '${party}' er gitt to ganger`, `driver '${driver}' of party '${party}' is given twice`),
        said(
          `den andre verdien står i ${prev.at.file}:${prev.at.line}:${prev.at.col}; behold én`,
          `the other value is at ${prev.at.file}:${prev.at.line}:${prev.at.col}; keep one`,
        ),
      );
    else values.set(party, { value, at });
  };
  for (const [driver, values] of a.drivers) for (const [party, v] of values) put(driver, party, v.value, v.at);
  for (const row of rows) {
    if (row.year !== undefined && row.year !== a.year) continue;
    if (!partyIds.includes(row.party)) {
      diags.error(
        row.at,
        'unknown-party',
        said(`ukjent kommune '${row.party}'`, `unknown party '${row.party}'`),
        didYouMean(row.party, partyIds) ?? declaredParties(partyIds),
      );
      continue;
    }
    put(row.driver, row.party, row.value, row.at);
  }
  return table;
}
