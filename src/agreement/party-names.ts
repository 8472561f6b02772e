import { closest } from '../diagnostics/suggest.js';
import type { Id, Party } from './model.js';
import { type Said, said } from '../text/said.js';

/** A name as people write it: case, surrounding and doubled spaces do not count. */
const plain = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A party as a ledger or a bank export writes it, to its id: the id itself,
 * the party's name (`Ibestad kommune`, in any case) or its org number (with
 * or without spaces). A value that is none of these is returned as written,
 * for the check that reports it.
 */
export function partyResolver(parties: readonly Party[]): (written: string) => string {
  const ids = new Map<string, Id>();
  for (const p of parties) {
    ids.set(plain(p.name), p.id);
    if (p.org) ids.set(p.org, p.id);
  }
  for (const p of parties) ids.set(p.id, p.id);
  return (written) => ids.get(written) ?? ids.get(plain(written)) ?? ids.get(written.replace(/\s/g, '')) ?? written;
}

/** "Did you mean" for an unknown party: the closest id or name, said with the id to write. */
export function closestParty(written: string, parties: readonly Party[]): Said | undefined {
  const byName = new Map<string, Party>();
  for (const p of parties) {
    byName.set(p.id, p);
    byName.set(p.name, p);
  }
  const c = closest(written, byName.keys());
  if (c === undefined) return undefined;
  const p = byName.get(c)!;
  return c === p.id ? said(`mente du '${p.id}'?`, `did you mean '${p.id}'?`) : said(`mente du '${p.name}' (${p.id})?`, `did you mean '${p.name}' (${p.id})?`);
}
