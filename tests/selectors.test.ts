import { describe, expect, it } from 'vitest';
import type { Agreement, Selector } from '../src/agreement/model.js';
import { readAgreement } from '../src/agreement/read.js';
import { selectedColumns } from '../src/agreement/uses.js';
import { partyResolver } from '../src/agreement/party-names.js';
import { describeSelector } from '../src/agreement/selector.js';
import { selection } from '../src/compute/select.js';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { actualsSink, type ActualsRow, type LedgerShape } from '../src/inputs/actuals.js';
import { readCsvText } from '../src/inputs/table.js';
import { samkost } from './cli.js';
import { parseYaml } from '../src/agreement/yaml-library.js';

const HEAD = `samkost: 1
agreement: Test
year: 2024
host: a
parties:
  a: { name: Ibestad kommune, org: "964000018" }
  b: { name: Harstad kommune }
`;

function agreement(body: string): Agreement {
  const read = readAgreement(parseYaml(HEAD + body), 'agreement.yaml');
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return read.agreement!;
}

const firstSelector = (a: Agreement): Selector => {
  const s = a.items[0]!.source;
  if (s.kind !== 'actuals') throw new Error('internal: the first item reads no actuals');
  return s.selector;
};

function ledger(a: Agreement, csv: string, keep: LedgerShape['keep'] = 'selected'): { rows: ActualsRow[] | null; diags: Diagnostics } {
  const diags = new Diagnostics();
  const columns = a.inputs.get('actuals')?.columns ?? new Map();
  const rows = readCsvText(csv, 'gl.csv', {}, actualsSink(columns, undefined, { selected: selectedColumns(a), keep, party: partyResolver(a.parties) }), diags);
  return { rows, diags };
}

const sum = (a: Agreement, csv: string) => selection(ledger(a, csv).rows!, firstSelector(a)).amount.toPlain();

describe('selectors on any column', () => {
  const csv = 'Art;Ansvar;Amount\n10100;2000;100,00\n10999;2000;10,00\n11000;2000;1,00\n9999;2000;1000,00\n10100;1400;5000,00\n1050A;2000;20000,00\n';

  it('a range of integers compares as integers, both ends included, and leaves out values that are no integer', () => {
    const a = agreement('items:\n  - { id: x, label: X, actuals: { art: "10100..10999", Ansvar: 2000 }, key: equal }\n');
    expect(sum(a, csv)).toBe('110.00');
  });

  it('a range with a text end compares as text', () => {
    const a = agreement('items:\n  - { id: x, label: X, actuals: { art: "10100..1050B", ansvar: 2000 }, key: equal }\n');
    // As text 9999 > 1050B, 11000 > 1050B: only 10100 and 1050A fall inside.
    expect(sum(a, csv)).toBe('20100.00');
  });

  it('a prefix, a list and not: combine', () => {
    const a = agreement('items:\n  - { id: x, label: X, actuals: { art: ["11*", "9999"], ansvar: { not: ["14*"] } }, key: equal }\n');
    expect(sum(a, csv)).toBe('1001.00');
  });

  it('a column that is also one of ours (art mapped as the category) is selected by either name', () => {
    const body = 'inputs:\n  actuals: { file: gl.csv, columns: { category: Art } }\nitems:\n';
    const byHeader = agreement(`${body}  - { id: x, label: X, actuals: { art: "10*" }, key: equal }\n`);
    const byOurs = agreement(`${body}  - { id: x, label: X, actuals: { category: "10*" }, key: equal }\n`);
    expect(sum(byHeader, csv)).toBe('25110.00');
    expect(sum(byOurs, csv)).toBe('25110.00');
  });

  it('the category column is needed only when something selects by it', () => {
    const a = agreement('items:\n  - { id: x, label: X, actuals: { art: "1*" }, key: equal }\n');
    expect(ledger(a, csv).diags.list).toEqual([]);
    const b = agreement('items:\n  - { id: x, label: X, actuals: { category: lonn }, key: equal }\n');
    expect(ledger(b, csv).diags.list.map((d) => d.code)).toEqual(['csv-missing-column']);
  });

  it('a selected column the file lacks is an error at the selector, with the closest header', () => {
    const a = agreement('items:\n  - { id: x, label: X, actuals: { art: "1*", ansvr: 2000 }, key: equal }\n');
    const { rows, diags } = ledger(a, csv);
    expect(rows).toBeNull();
    expect(diags.list.map((d) => [d.code, d.file, d.line, d.hint?.en])).toEqual([['selector-column', 'agreement.yaml', 9, "did you mean 'Ansvar'?"]]);
  });

  it('rows are summed over the columns nothing selects by, and kept apart under all', () => {
    const a = agreement('items:\n  - { id: x, label: X, actuals: { ansvar: 2000 }, key: equal }\n');
    expect(ledger(a, csv).rows!.length).toBe(2);
    expect(ledger(a, csv, 'all').rows!.length).toBe(6);
    expect(selection(ledger(a, csv, 'all').rows!, firstSelector(a)).amount.toPlain()).toBe(sum(a, csv));
  });

  it('describes a selector as written: our columns first, then the others', () => {
    const a = agreement(
      'items:\n  - { id: x, label: X, actuals: { ansvar: { not: [1400, "3*"] }, art: "10100..10999", category: [lonn, kurs] }, key: equal }\n',
    );
    expect(describeSelector(firstSelector(a))).toBe('category lonn, kurs; ansvar not 1400, 3*; art 10100..10999');
    expect(describeSelector(firstSelector(a), true)).toBe('kategori lonn, kurs; ansvar ikke 1400, 3*; art 10100..10999');
  });
});

describe('parties as people write them', () => {
  it('a ledger row may name its party by id, name or org number; all are the same party', () => {
    const a = agreement('items:\n  - { id: x, label: X, actuals: { art: "1*" }, key: equal }\n');
    const csv = 'Art;Party;Amount\n100;a;1,00\n100;Ibestad  kommune;2,00\n100;964 000 018;4,00\n100;ibestad KOMMUNE;8,00\n';
    const s = selection(ledger(a, csv).rows!, firstSelector(a));
    expect([...s.direct].map(([p, m]) => [p, m.toPlain()])).toEqual([['a', '15.00']]);
  });

  it('an unknown name gets the closest party, with its id', async () => {
    const run = await samkost(['check', 'tests/errors/payment-party-name', '--locale', 'en', '--no-color']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("did you mean 'Ibestad kommune' (a)?");
  });
});

describe('the Unit4 fixture', () => {
  it('selects the IT salaries by art range and ansvar, leaving out HR on the same funksjon (figures from the fixture comment)', async () => {
    const run = await samkost(['allocate', 'fixtures/harstad-ibestad-unit4', '--format', 'json']);
    const j = JSON.parse(run.stdout) as { items: { basis: string; allocations: Record<string, string> }[]; ignored: { amount: string }[] };
    expect(j.items.map((i) => i.basis)).toEqual(['470662.50', '404050.00']);
    expect(j.items.map((i) => i.allocations)).toEqual([
      { harstad: '376530.00', ibestad: '94132.50' },
      { harstad: '313240.00', ibestad: '90810.00' },
    ]);
    expect(j.ignored.map((g) => g.amount)).toEqual(['830000.00', '81012.50']);
  });
});

describe('columns with a role of their own', () => {
  it('cannot be selected by under the header columns: gives them', () => {
    const read = readAgreement(
      parseYaml(
        `${HEAD}inputs:\n  actuals: { file: gl.csv, columns: { amount: Beløp } }\nitems:\n  - { id: x, label: X, actuals: { beløp: "1*" }, key: equal }\n`,
      ),
      'agreement.yaml',
    );
    const { rows, diags } = ledger(read.agreement!, 'Art;Beløp\n100;1,00\n');
    expect(rows).toBeNull();
    expect(diags.list.map((d) => [d.code, d.line, d.message.en])).toEqual([
      ['selector-column', 11, "the column 'Beløp' is the amount column of gl.csv, which cannot be selected by"],
    ]);
  });
});
