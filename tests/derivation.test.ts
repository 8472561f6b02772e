import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samkost } from './cli.js';
import { tempDir } from './temp.js';

/**
 * The printed copy (issue 21): an item whose ledger rows all name a party
 * prints no line of 0,00 beside those rows, in any output.
 */
const AGREEMENT = `samkost: 1
agreement: Prøve
year: 2024
host: a
inputs:
  actuals: regnskap.csv
parties:
  a: { name: A kommune, org: "964000069", bank_account: "4202.55.66771", address: { street: Gate 1, postcode: "9405", city: A }, reference: ref }
  b: { name: B kommune, org: "964000077", address: { street: Gate 2, postcode: "9450", city: B }, reference: ref }
keys:
  likt: { equal: true }
items:
  - { id: lisens, label: Lisens, actuals: { category: lisens }, party: b }
  - { id: tilgang, label: Tilgang, actuals: { category: tilgang }, key: likt }
  - { id: drift, label: Drift, actuals: { category: drift }, key: likt }
  - { id: tom, label: Tom, actuals: { category: tom }, party: b }
invoicing:
  first_number: 2024001
`;
// lisens: every row names b; tilgang: every row names a party; tom: rows that cancel, naming no party.
const LEDGER = `category;account;amount;party
lisens;1;21 250,00;b
lisens;2;1 000,00;b
tilgang;3;300,00;a
tilgang;4;700,00;b
drift;5;10 000,00;
tom;6;100,00;
tom;7;-100,00;
`;

function agreement(): string {
  const dir = tempDir('derivation');
  writeFileSync(path.join(dir, 'agreement.yaml'), AGREEMENT);
  writeFileSync(path.join(dir, 'regnskap.csv'), LEDGER);
  return dir;
}

interface AllocateJson {
  items: { id: string; lines: { party: string; method: string; amount: string }[] }[];
}

describe('no 0,00 line beside a party’s own rows', () => {
  it('an item carried by its parties’ own rows has only their direct lines', async () => {
    const dir = agreement();
    const run = await samkost(['allocate', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const items = (JSON.parse(run.stdout) as AllocateJson).items;
    const lines = (id: string) => items.find((i) => i.id === id)!.lines.map((l) => `${l.party} ${l.method} ${l.amount}`);
    expect(lines('lisens')).toEqual(['b direct 22250.00']);
    expect(lines('tilgang')).toEqual(['a direct 300.00', 'b direct 700.00']);
    // An item with no rows of a party's own still goes to its party, at 0,00: that is its amount.
    expect(lines('tom')).toEqual(['b party 0.00']);
  });

  it('no output prints a 0,00 line for them', async () => {
    const dir = agreement();
    // Every row of every output that names Lisens or Tilgang, in the format's own row syntax.
    const rows = (text: string, split: string) => text.split(split).filter((r) => /Lisens|Tilgang|\b(lisens|tilgang);/.test(r));
    const zero = /(^|[;|>\s])0[,.]00(\s*\||<\/td>|<\/cbc|$)/m;
    for (const format of ['table', 'csv', 'md']) {
      const out = (await samkost(['allocate', dir, '--format', format])).stdout;
      const parts = format === 'table' ? out.split('\n\n').filter((p) => /^(Lisens|Tilgang) /.test(p)) : rows(out, '\n');
      expect(parts.length).toBeGreaterThan(0);
      for (const p of parts) expect(p).not.toMatch(/(^|[;|\s])0,00(\s*\|)?$/m);
    }
    const explain = (await samkost(['explain', dir, '--party', 'b'])).stdout.split('\n\n').filter((p) => /^(Lisens|Tilgang) /.test(p));
    expect(explain).toHaveLength(2);
    for (const p of explain) expect(p).not.toMatch(/→ 0,00/);
    const out = tempDir('derivation-invoices');
    for (const [format, split] of [
      ['html', '<tr>'],
      ['ehf', '<cac:InvoiceLine>'],
      ['csv', '\n'],
      ['md', '\n'],
    ] as const) {
      const run = await samkost(['invoices', dir, '--out', path.join(out, format), '--format', format, '--date', '2025-01-10']);
      expect(run.code).toBe(0);
      const text = readFileSync(path.join(out, format, readdirSync(path.join(out, format)).find((f) => f.includes('-b.'))!), 'utf8');
      const lines = rows(text, split);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const l of lines) expect(l).not.toMatch(format === 'ehf' ? /<cbc:LineExtensionAmount[^>]*>0\.00</ : zero);
    }
  });
});
