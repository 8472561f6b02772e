import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samkost, usageError } from './cli.js';

/**
 * `explain` is a view of the allocation, not a second calculation: for every
 * fixture and every party, its amounts must be the allocation's to the øre.
 */
interface AllocateJson {
  items: { id: string; basis: string; allocations: Record<string, string>; shares?: Record<string, string> }[];
  parties: { id: string; charged: string }[];
}
interface ExplainJson {
  items: { id: string; basis: string; amount: string; key?: { shares: Record<string, string> } }[];
  total: string;
}

const fixtures = readdirSync(path.join(ROOT, 'fixtures'));

describe('explain uses the numbers the allocation used', () => {
  for (const fixture of fixtures) {
    it(fixture, async () => {
      const alloc = JSON.parse((await samkost(['allocate', `fixtures/${fixture}`, '--format', 'json'])).stdout) as AllocateJson;
      for (const party of alloc.parties) {
        const run = await samkost(['explain', `fixtures/${fixture}`, '--party', party.id, '--format', 'json']);
        expect(run.code).toBe(0);
        const e = JSON.parse(run.stdout) as ExplainJson;
        expect(e.total).toBe(party.charged);
        const charged = alloc.items.filter((i) => party.id in i.allocations);
        expect(e.items.map((i) => i.id)).toEqual(charged.map((i) => i.id));
        for (const i of e.items) {
          const a = charged.find((x) => x.id === i.id)!;
          expect(i.amount).toBe(a.allocations[party.id]);
          expect(i.basis).toBe(a.basis);
          if (a.shares) expect(i.key!.shares).toEqual(a.shares);
        }
      }
    });
  }
});

describe('explain on the command line', () => {
  it('--item narrows to one item', async () => {
    const e = JSON.parse(
      (await samkost(['explain', 'fixtures/ror-ikt-2024-soc', '--party', 'molde', '--item', 'soc', '--format', 'json'])).stdout,
    ) as ExplainJson;
    expect(e.items.map((i) => i.id)).toEqual(['soc']);
  });
  it('an unknown party or item is a command-line error with a suggestion', async () => {
    const party = await samkost(['explain', 'fixtures/ror-ikt-2023-overrun', '--party', 'molda']);
    usageError(party, "ingen kommune 'molda' i ");
    expect(party.stderr).toContain("mente du 'molde'?");
    const item = await samkost(['explain', 'fixtures/ror-ikt-2024-soc', '--party', 'molde', '--item', 'sock']);
    usageError(item, "ingen post 'sock' i ");
    expect(item.stderr).toContain("mente du 'soc'?");
  });
  it('lists the ledger rows a basis was summed from, with file and line', async () => {
    const run = await samkost(['explain', 'fixtures/harstad-ibestad', '--party', 'ibestad', '--item', 'variabel']);
    expect(run.stdout).toContain('fixtures/harstad-ibestad/actuals.csv:2  lonn 10100  7 450 000,00');
    expect(run.stdout).not.toContain('klientutstyr');
  });
});

describe('explain in Norwegian', () => {
  it('words every basis step in Norwegian (no English step text in any fixture)', () => {
    for (const f of readdirSync(path.join(ROOT, 'fixtures'))) {
      for (const file of readdirSync(path.join(ROOT, 'fixtures', f, 'expected')).filter((x) => /^explain\..*\.txt$/.test(x) && !x.includes('.en.'))) {
        const text = readFileSync(path.join(ROOT, 'fixtures', f, 'expected', file), 'utf8');
        expect(text, `${f}/${file}`).not.toMatch(
          /written in the agreement|actuals rows?|indexed by|falls in the|rounded to|summed over|priced on|includes 25 % VAT|graduated/,
        );
      }
    }
  });
});
