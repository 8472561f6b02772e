import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Ratio } from '../money/ratio.js';
import { isValidOrgNumber } from '../norway/orgnr.js';
import type { Party, Population } from './model.js';
import { isMap, type YamlReader, type YNode } from './yaml-nodes.js';

const PARTY_FIELDS = ['name', 'population', 'org'];

/** `parties:` — a mapping from id to `{ name, population?, org? }`, in report order. */
export function readParties(r: YamlReader, node: YNode, at: SourcePos): Party[] {
  const entries = r.map(node, 'parties', at);
  if (!entries) return [];
  if (entries.length === 0) r.diags.error(r.pos(node, at), 'missing-field', 'the agreement has no parties', 'list at least one party under parties:');
  const parties: Party[] = [];
  for (const e of entries) {
    const id = r.slug(e.key, 'party id', e.at);
    const fields = r.map(e.value, `party '${e.key}'`, e.at);
    if (!fields || id === null) continue;
    r.onlyFields(fields, PARTY_FIELDS, `party '${id}'`);
    const nameEntry = fields.find((f) => f.key === 'name');
    const name = nameEntry ? r.string(nameEntry.value, `name of party '${id}'`, nameEntry.valueAt) : null;
    if (!nameEntry) r.diags.error(e.at, 'missing-field', `party '${id}' has no name`, `add name: ${id.charAt(0).toUpperCase() + id.slice(1)} kommune`);
    const popEntry = fields.find((f) => f.key === 'population');
    const population = popEntry ? readPopulation(r, popEntry.value, id, popEntry.valueAt) : undefined;
    const orgEntry = fields.find((f) => f.key === 'org');
    let org: string | undefined;
    if (orgEntry) {
      const text = r.string(orgEntry.value, `org of party '${id}'`, orgEntry.valueAt)?.replace(/\s/g, '');
      if (text !== undefined && text !== null) {
        if (isValidOrgNumber(text)) org = text;
        else r.diags.error(orgEntry.valueAt, 'bad-org', `'${text}' is not a valid organisasjonsnummer`, 'it has 9 digits and a MOD11 check digit; copy it from Brønnøysundregistrene');
      }
    }
    parties.push({ id, name: name ?? id, at: e.at, ...(population ? { population } : {}), ...(org ? { org } : {}) });
  }
  return parties;
}

function readPopulation(r: YamlReader, node: YNode, party: string, at: SourcePos): Population | undefined {
  if (isMap(node)) {
    const values = new Map<number, Ratio>();
    for (const e of r.map(node, 'population', at) ?? []) {
      const year = /^\d{4}$/.test(e.key) ? Number(e.key) : null;
      if (year === null) {
        r.diags.error(e.at, 'bad-number', `population year '${e.key}' of party '${party}' is not a year`, 'write per-year populations as { 2023: 13300, 2024: 13400 }');
        continue;
      }
      const v = r.quantity(e.value, `population of party '${party}' in ${year}`, e.valueAt);
      if (v) values.set(year, v);
    }
    return { kind: 'by-year', values, at };
  }
  const value = r.quantity(node, `population of party '${party}'`, at);
  return value ? { kind: 'fixed', value, at } : undefined;
}
