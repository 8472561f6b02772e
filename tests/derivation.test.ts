import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samkost } from './cli.js';
import { tempDir } from './temp.js';
import { scaledSaid } from '../src/inputs/decimal.js';

/**
 * The printed copy (issue 21): every derivation starts from its starting
 * amount, and an item whose ledger rows all name a party prints no line of
 * 0,00 beside those rows, in any output.
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
  - { id: fast, label: Fast, amount: 500000, index: { series: deflator, from: 2020 }, key: likt }
  - { id: utstyr, label: Utstyr, amount: 21250, vat: included, party: b }
  - { id: andel, label: Andel, percent: 5%, of: { actuals: { category: drift } }, less: [fast], party: b }
  - id: soc
    label: SOC
    price: { quantity: 397, mode: step, steps: [[400, 122000], [.inf, 129200]] }
    index: { series: deflator, from: 2023, round: 1 }
    key: likt
  - { id: lisenser, label: Lisenser, price: { unit: 350.5, quantity: 12 }, index: { series: deflator, from: 2022, round: 0.01 }, key: likt }
indices:
  deflator: { 2021: 3.0%, 2022: 5.1%, 2023: 7.2%, 2024: 10.5% }
invoicing:
  first_number: 2024001
`;
// lisens: every row names b; tilgang: every row names a party; tom: rows that cancel, naming no party.
const LEDGER = `category;account;amount;party
lisens;1;21 250,00;b
lisens;2;1 000,00;b
tilgang;3;300,00;a
tilgang;4;700,00;b
drift;5;20 000 000,00;
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
  items: { id: string; basis_steps: { step: string; text: string; amount: string }[]; lines: { party: string; method: string; amount: string }[] }[];
}

/** An amount as the texts may print it, grouped or not: `21 250,00` matches /21 ?250,00/. */
const kr = (text: string) => text.replace(/(\d) (?=\d{3}\b)/g, '$1').replace(/\B(?=(\d{3})+,\d)/g, ' ?');

describe('every derivation starts from its starting amount', () => {
  // Each step that changes an amount, with the amount it starts from and the result, worked by hand:
  // 500 000 × 1,03 × 1,051 × 1,072 × 1,105 = 500 000 × 1,2823217368 = 641 160,8684 → 641 160,87;
  // 21 250 / 1,25 = 17 000; 5 % × (20 000 000 − 641 160,87) = 967 941,9565 → 967 941,96;
  // the SOC steps' last price 129 200 × 1,105 = 142 766; 350,50 × 1,072 × 1,105 = 350,50 × 1,18456 = 415,18828 → 415,19.
  const chains = [
    '500 000,00 × 1,2823217368, rundet til 0,01: 641 160,87',
    '21 250,00 × 1/1,25: 17 000,00',
    '5 % × (20 000 000,00 − 641 160,87): 967 941,9565',
    '967 941,9565 rundet til øre: 967 941,96',
    'siste trinn: 129 200,00 × 1,105): 142 766,00',
    '350,50 × 1,18456 = 415,18828, rundet til 0,01 før bruk: 415,19',
  ];

  it('in explain, as text and as JSON', async () => {
    const dir = agreement();
    const text = (await samkost(['explain', dir, '--party', 'b'])).stdout;
    const json = (await samkost(['explain', dir, '--party', 'b', '--format', 'json'])).stdout;
    for (const c of chains) {
      expect(text).toMatch(new RegExp(kr(c).replace(/[()]/g, '\\$&')));
      // The JSON's text is the step's words; its amount stands beside them.
      expect(json).toMatch(new RegExp(kr(c.slice(0, c.lastIndexOf(':'))).replace(/[()]/g, '\\$&')));
    }
  });

  it('with amounts, exact products and quantities grouped as the tables group them (issue 25)', async () => {
    const dir = agreement();
    const nb = (await samkost(['explain', dir, '--party', 'b'])).stdout;
    expect(nb).toContain('5 % × (20 000 000,00 − 641 160,87): 967 941,9565');
    expect(nb).toContain('50,00 % × 641 160,87 = eksakt 320 580,435 → 320 580,44');
    const en = (await samkost(['explain', dir, '--party', 'b', '--locale', 'en'])).stdout;
    expect(en).toContain('5 % × (20,000,000.00 − 641,160.87): 967,941.9565');
    expect(en).toContain('50.00% × 641,160.87 = exact 320,580.435 → 320,580.44');
  });

  it('on every invoice line, where the written amount is not repeated', async () => {
    const dir = agreement();
    const out = tempDir('derivation-start');
    for (const format of ['html', 'ehf', 'md']) {
      const run = await samkost(['invoices', dir, '--out', path.join(out, format), '--format', format, '--date', '2025-01-10']);
      expect(run.code).toBe(0);
      const text = readFileSync(path.join(out, format, readdirSync(path.join(out, format)).find((f) => f.includes('-b.'))!), 'utf8');
      for (const c of chains) expect(text).toMatch(new RegExp(kr(c).replace(/[()]/g, '\\$&')));
    }
  });

  it('in every fixture, a step that changes an amount names the amount it started from', async () => {
    const fixtures = readdirSync(path.join(ROOT, 'fixtures'));
    let seen = 0;
    for (const fixture of [...fixtures.map((f) => path.join(ROOT, 'fixtures', f)), agreement()]) {
      const items = (JSON.parse((await samkost(['allocate', fixture, '--format', 'json'])).stdout) as AllocateJson).items;
      for (const i of items) {
        // Each party's own amount is indexed (and rounded) by itself: no one amount starts the step.
        if (i.lines.some((l) => l.method === 'own')) continue;
        for (const [n, s] of i.basis_steps.entries()) {
          if (n === 0 || !['vat', 'index', 'round'].includes(s.step) || s.text.startsWith('enhetsprisen') || s.text.startsWith('trinnprisene')) continue;
          const start = i.basis_steps[n - 1]!.amount.replace('.', ',');
          expect(s.text.replace(/(\d) (?=\d{3}\b)/g, '$1'), `${fixture} ${i.id}`).toContain(`${start} `);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(5);
  });
});

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

describe('messages group the amounts and quantities they quote, as the tables do', () => {
  const write = (text: string) => {
    const dir = tempDir('derivation-messages');
    writeFileSync(path.join(dir, 'agreement.yaml'), text);
    return dir;
  };
  const head =
    'samkost: 1\nagreement: Test\nyear: 2024\nhost: a\nparties:\n  a: { name: A kommune, population: 1000 }\n  b: { name: B kommune, population: 3000 }\n';
  it('an amount: 600 000,00 (nb), 600,000.00 (en)', async () => {
    const dir = write(
      `${head}items:\n  - { id: x, label: X, amount: 1000000, key: population }\nlimits:\n  - { label: Tak, items: [x], min: 600000, max: { a: 500000.5, default: 900000 } }\n`,
    );
    expect((await samkost(['check', dir])).stderr).toContain("gir kommunen 'a' min 600 000,00 over max 500 000,50");
    expect((await samkost(['check', dir, '--locale', 'en'])).stderr).toContain("gives party 'a' a min of 600,000.00 above its max of 500,000.50");
  });
  it('a quantity: 52 000,5 (nb), 52,000.5 (en)', async () => {
    const dir = write(`${head}items:\n  - { id: x, label: X, price: { quantity: 52000.5, steps: [[3500, 107450], [50000, 150000]] }, key: population }\n`);
    expect((await samkost(['check', dir])).stderr).toContain('mengden 52 000,5 er over det siste pristrinnet (50 000)');
    expect((await samkost(['check', dir, '--locale', 'en'])).stderr).toContain('quantity 52,000.5 is above the last price step (50,000)');
  });
});

describe('a ledger amount quoted in a message (SAF-T analysis amounts)', () => {
  it('is grouped in either language, every decimal kept', () => {
    expect(scaledSaid({ units: -123456750n, scale: 2 })).toEqual({ nb: '-1 234 567,50', en: '-1,234,567.50' });
    expect(scaledSaid({ units: 1234n, scale: 0 })).toEqual({ nb: '1 234', en: '1,234' });
    expect(scaledSaid({ units: 5n, scale: 3 })).toEqual({ nb: '0,005', en: '0.005' });
  });
});
