import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../src/diagnostics/diagnostic.js';
import { type ActualsRow, actualsSink, type LedgerShape } from '../src/inputs/actuals.js';
import { SaftInput } from '../src/inputs/saft.js';
import { readSaftLedger } from '../src/inputs/saft-ledger.js';

/**
 * The SAF-T ledger walker (src/inputs/saft-ledger.ts) against the reference
 * path — SaftInput through saxes, a row at a time into the same ledger sink
 * — over generated files: the same entries (values, sums, row counts, every
 * position with its transaction and record), the same warnings, whenever the
 * walker reads the file; and nothing reported, nothing given, when it leaves
 * the file to the reference (which it must for some: a comment or CDATA in
 * the entries, an attribute, an amount of another form, a wrong date, an
 * unknown account, a line split over an analysis type, a DOCTYPE …). Amounts
 * in every form SaftInput reads and some it reports, debit and credit,
 * entities, CDATA and comments in values, CR LF and CR line ends, a byte
 * order mark, namespace prefixes, elements the reader skips (with Amount and
 * other names it reads inside them), dates in and outside the year; and
 * each line the walker keeps for excerpts is that line of the file.
 */

const bytes = (s: string) => new TextEncoder().encode(s);

const ACCOUNTS = ['4000', '4030', '6300'];
const TYPES = ['ART', 'ANSVAR'];
const VALUES = [
  'lønn',
  'løns',
  'a<Foo>b</Foo>c',
  'lønn &amp; lisens',
  'strøm',
  ' 12 ',
  '12',
  '&#49;2',
  'a<![CDATA[x]]>b',
  'x<!-- c -->y',
  '&#229;l',
  '😀',
  '\u00a0strøm',
  '',
  'a\r\nb',
];
const AMOUNTS = [
  '100.00',
  '12.5',
  ' 7 ',
  '0',
  '0.00',
  '10',
  '1.500',
  '1.005',
  '007',
  '0.5',
  '-3.00',
  'x',
  '1e3',
  '1 234.50',
  '1234567890123.45',
  '99999999999999.99',
  '',
  '&#49;0.00',
  '12.',
];
const GOOD_DATES = ['2024-03-31', '2024-01-01', ' 2024-12-31 ', '2023-12-31', '', null];
const DATES = ['2024-03-31', '2024-01-01', ' 2024-12-31 ', '2023-12-31', '31.03.2024', '2024-02-30', 'x', '', null];
const GOOD_AMOUNTS = ['100.00', '12.5', ' 7 ', '0', '0.00', '10', '0.5', '1234567890123.45', '250.75', '3'];
const GOOD_VALUES = ['lønn', 'løns', 'lønn &amp; lisens', 'strøm', ' 12 ', '12', '&#49;2', '&#229;l', '😀', '\u00a0strøm', '', 'a\r\nb'];
const GOOD_SKIPPED = [
  '',
  '',
  '<Period>1</Period>',
  '<SourceID/>',
  '<TaxInformation><TaxType>MVA</TaxType><TaxAmount><Amount>25.00</Amount></TaxAmount></TaxInformation>',
  '<CustomerID>k&amp;1</CustomerID>',
  '<Description>inne</Description>',
];
const SKIPPED = [...GOOD_SKIPPED, '<AccountID>9999</AccountID>'];

/** A line of any of the values above, or (`good`) of those the walker reads itself. */
const saftLine = (good: boolean) =>
  fc.record({
    account: good ? fc.constantFrom(...ACCOUNTS, ' 4000 ', '40&#48;0') : fc.constantFrom(...ACCOUNTS, ' 4000 ', '40&#48;0', '9999', ''),
    side: good ? fc.constantFrom('Debit', 'Credit') : fc.constantFrom('Debit', 'Credit', 'Debit', 'Credit', 'both', 'none'),
    amount: good ? fc.constantFrom(...GOOD_AMOUNTS) : fc.constantFrom(...AMOUNTS),
    analysis: good
      ? fc
          .tuple(
            fc.constantFrom(...GOOD_VALUES.filter((v) => v.trim() !== '')),
            fc.option(fc.constantFrom(...GOOD_VALUES), { nil: undefined }),
            fc.option(fc.constantFrom('40.00'), { nil: undefined }),
            fc.boolean(),
          )
          .map(([art, ansvar, amount, first]): [string, string, string | undefined][] => {
            const both: [string, string, string | undefined][] = [['ART', art, amount]];
            if (ansvar !== undefined) both[first ? 'unshift' : 'push'](['ANSVAR', ansvar, undefined]);
            return both;
          })
      : fc.array(
          fc.tuple(fc.constantFrom(...TYPES, ...TYPES, 'OTHER'), fc.constantFrom(...VALUES), fc.option(fc.constantFrom('40.00', '60.00'), { nil: undefined })),
          { maxLength: 3 },
        ),
    skipped: fc.constantFrom(...(good ? GOOD_SKIPPED : SKIPPED)),
    record: fc.constantFrom('1', ' 2 ', '', 'r&amp;3', null),
  });

const HOSTILE = ['<!DOCTYPE x>', '<Foo>1</Foo>', '\u0001', '<?pi?>', '&nbsp;', '<Broken', '<!-- c -->', '<Foo a="1"/>', '<Line/>', '</Journal>'];

const saftFile = fc
  .boolean()
  .chain((good) =>
    fc.record({
      prefix: fc.constantFrom('', 'n1:'),
      eol: fc.constantFrom('\n', '\r\n', '\r', ''),
      indent: fc.constantFrom('', '  ', '\t'),
      bom: fc.boolean(),
      transactions: fc.array(
        fc.record({
          id: fc.constantFrom('1', 'B-2', '', ' 7 ', 'x'.repeat(70), 'T&amp;8', null),
          date: good ? fc.constantFrom(...GOOD_DATES) : fc.constantFrom(...DATES),
          lines: fc.array(saftLine(good), { minLength: 1, maxLength: 3 }),
          skipped: fc.constantFrom(...(good ? GOOD_SKIPPED : SKIPPED)),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      hostile: good ? fc.constant('') : fc.constantFrom('', ...HOSTILE),
      good: fc.constant(good),
    }),
  )
  .map(({ prefix: p, eol, indent, bom, transactions, hostile, good }) => {
    const lines: string[] = [];
    const el = (depth: number, s: string) => lines.push(indent.repeat(depth) + s);
    const leaf = (depth: number, name: string, text: string) => el(depth, `<${p}${name}>${text}</${p}${name}>`);
    const prefixed = (s: string) => s.replace(/<(\/?)([A-Z])/g, `<$1${p}$2`);
    lines.push('<?xml version="1.0" encoding="UTF-8"?>');
    el(0, `<${p}AuditFile xmlns${p ? `:${p.slice(0, -1)}` : ''}="urn:StandardAuditFile-Taxation-Financial:NO">`);
    el(1, `<${p}Header><${p}AuditFileVersion>1.30</${p}AuditFileVersion><${p}Company><${p}Name>A &amp; B</${p}Name></${p}Company></${p}Header>`);
    el(1, `<${p}MasterFiles>`);
    el(2, `<${p}GeneralLedgerAccounts>`);
    for (const [i, a] of ACCOUNTS.entries()) el(3, `<${p}Account><${p}AccountID>${a}</${p}AccountID><${p}GroupingCode>0${i}0</${p}GroupingCode></${p}Account>`);
    el(2, `</${p}GeneralLedgerAccounts>`);
    el(2, `<${p}AnalysisTypeTable>`);
    for (const t of TYPES) el(3, `<${p}AnalysisTypeTableEntry><${p}AnalysisType>${t}</${p}AnalysisType></${p}AnalysisTypeTableEntry>`);
    el(2, `</${p}AnalysisTypeTable>`);
    el(1, `</${p}MasterFiles>`);
    el(1, `<${p}GeneralLedgerEntries>`);
    leaf(2, 'NumberOfEntries', String(transactions.length));
    el(2, `<${p}Journal>`);
    leaf(3, 'JournalID', 'GL');
    leaf(3, 'Description', 'Hovedbok');
    for (const tx of transactions) {
      el(3, `<${p}Transaction>`);
      if (tx.id !== null) leaf(4, 'TransactionID', tx.id);
      leaf(4, 'Period', '3');
      if (tx.date !== null) leaf(4, 'TransactionDate', tx.date);
      if (tx.skipped) el(4, prefixed(tx.skipped));
      for (const l of tx.lines) {
        el(4, `<${p}Line>`);
        if (l.record !== null) leaf(5, 'RecordID', l.record);
        if (l.account !== '') leaf(5, 'AccountID', l.account);
        for (const [type, id, amount] of l.analysis)
          el(
            5,
            `<${p}Analysis><${p}AnalysisType>${type}</${p}AnalysisType><${p}AnalysisID>${id}</${p}AnalysisID>${amount ? `<${p}AnalysisAmount><${p}Amount>${amount}</${p}Amount></${p}AnalysisAmount>` : ''}</${p}Analysis>`,
          );
        if (l.skipped) el(5, prefixed(l.skipped));
        leaf(5, 'Description', 'bilag');
        for (const side of l.side === 'both' ? ['Debit', 'Credit'] : l.side === 'none' ? [] : [l.side])
          el(5, `<${p}${side}Amount><${p}Amount>${l.amount}</${p}Amount></${p}${side}Amount>`);
        el(4, `</${p}Line>`);
      }
      el(3, `</${p}Transaction>`);
    }
    el(2, `</${p}Journal>`);
    el(1, `</${p}GeneralLedgerEntries>`);
    el(0, `</${p}AuditFile>`);
    // Something the walker leaves to the reference, somewhere in the file (the entries, mostly).
    if (hostile) lines.splice(Math.floor(lines.length * 0.6), 0, hostile);
    const text = lines.join(eol);
    return { good, xml: bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]) : bytes(text) };
  });

const AT = { file: 'a.yaml', line: 1, col: 1 };
/** The sink's shapes: accounts kept (explain), the category alone, every column, a party written two ways, summed by class (some entries kept apart). */
const SHAPES: LedgerShape[] = [
  { selected: new Map([['category', AT]]), keep: 'accounts' },
  { selected: new Map([['category', AT]]), keep: 'selected' },
  { selected: new Map([['category', AT]]), keep: 'all' },
  { selected: new Map([['category', AT]]), keep: 'selected', party: (w) => w.trim().toLowerCase() },
  {
    selected: new Map([
      ['category', AT],
      ['grouping_code', AT],
    ]),
    keep: 'selected',
  },
  {
    selected: new Map([
      ['category', AT],
      ['account', AT],
    ]),
    keep: 'selected',
    classes: { classOf: (_c, v) => (v < '5000' ? 'low' : 'high'), apart: () => false },
  },
  {
    selected: new Map([
      ['category', AT],
      ['account', AT],
      ['grouping_code', AT],
    ]),
    keep: 'selected',
    classes: {
      classOf: (c, v) => (c === 'account' ? (v < '5000' ? 'low' : 'high') : v.slice(0, 2)),
      kindOf: (_c, v) => String(v.length),
      apart: (r) => r.party !== '' || r.value('account') === '6300',
    },
  },
];
const COLUMNS = new Map([
  ['category', 'art'],
  ['party', 'ansvar'],
]);

const problems = (d: Diagnostics) => d.list.map((e) => `${e.severity} ${e.code}@${e.file}:${e.line}:${e.col} ${e.message.en}`);

function reference(xml: Uint8Array, shape: LedgerShape): { out: ActualsRow[] | null; problems: string[] } {
  const diags = new Diagnostics();
  const input = new SaftInput('s.xml', actualsSink(COLUMNS, 2024, shape), diags, false);
  for (let at = 0; at < xml.length; at += 4096) input.push(xml.subarray(at, at + 4096));
  const out = input.end();
  return { out, problems: problems(diags) };
}

async function* chunks(xml: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  // One buffer, filled again for every chunk, as the CLI reads a file.
  const buf = new Uint8Array(size);
  for (let at = 0; at < xml.length; at += size) {
    const n = Math.min(size, xml.length - at);
    buf.set(xml.subarray(at, at + n));
    yield buf.subarray(0, n);
  }
}

/** The walker and the reference on one file: the same entries, positions and warnings, or a fallback that reported nothing; whether it was read, and lines kept. */
async function compare(xml: Uint8Array, shape: LedgerShape, size: number): Promise<{ read: boolean; kept: boolean }> {
  const ref = reference(xml, shape);
  const diags = new Diagnostics();
  const got = await readSaftLedger(chunks(xml, size), 's.xml', actualsSink(COLUMNS, 2024, shape), diags, () => {});
  if (got === 'fallback') {
    expect(problems(diags)).toEqual([]);
    return { read: false, kept: false };
  }
  expect(problems(diags)).toEqual(ref.problems);
  expect(got.result).toEqual(ref.out);
  expect(got.result).not.toBeNull();
  // A line kept for the excerpts is the line the excerpts' pass would read (split at LF, as its bytes).
  const lines = Buffer.from(xml).toString('latin1').split('\n');
  let some = false;
  lines.forEach((line, i) => {
    const bytes = got.kept.get(i + 1);
    if (bytes) expect(Buffer.from(bytes).toString('latin1')).toEqual(line);
    some ||= bytes !== undefined;
  });
  return { read: true, kept: some };
}

describe('the SAF-T ledger walker, against SaftInput through saxes', () => {
  it('gives the same entries, positions and warnings, or leaves the file having reported nothing', async () => {
    let read = 0;
    let left = 0;
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(saftFile, fc.nat({ max: SHAPES.length - 1 }), fc.integer({ min: 1, max: 400 }), async ({ good, xml }, s, size) => {
        const { read: wasRead, kept: someKept } = await compare(xml, SHAPES[s]!, size);
        // A file of the shape the walker reads is read by it: a walker that left everything to the reference would pass the rest.
        if (good) expect(wasRead).toBe(true);
        if (wasRead) read++;
        else left++;
        if (someKept) kept++;
      }),
      { numRuns: Number(process.env.SAFT_RUNS ?? 400) },
    );
    // Both roads are taken many times (bounds far below what 400 random files give, so no seed fails them).
    expect(read).toBeGreaterThan(20);
    expect(left).toBeGreaterThan(50);
    expect(kept).toBeGreaterThan(5);
  });
});

/** Places an element can be put in a small file of the walker's shape: `@` marks the place; those after the first seven are inside a value. */
const PLACES = [
  '<GeneralLedgerEntries>@<Journal>',
  '<JournalID>GL</JournalID>@',
  '<TransactionID>1</TransactionID>@',
  '<Line>@<RecordID>',
  '<Analysis>@<AnalysisType>',
  '<DebitAmount>@<Amount>',
  '<TaxInformation>@<TaxType>',
  '<TransactionID>1@</TransactionID>',
  '<TransactionDate>2024-03-31@</TransactionDate>',
  '<RecordID>@1</RecordID>',
  '<AccountID>40@00</AccountID>',
  '<AnalysisType>ART@</AnalysisType>',
  '<AnalysisID>lønn@</AnalysisID>',
  '<Amount>10@0.00</Amount>',
];
const OTHERS = ['<Foo>1</Foo>', '<Foo>x y</Foo>', '<Foo/>', '<Foo></Foo>', '<Foo>æ</Foo>', '<Foo>1<Bar>2</Bar>3</Foo>', '<Foo >1</Foo >', '<Foo>1</Fob>'];
const SMALL = `<?xml version="1.0" encoding="UTF-8"?>
<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO">
<MasterFiles><GeneralLedgerAccounts><Account><AccountID>4000</AccountID><GroupingCode>010</GroupingCode></Account></GeneralLedgerAccounts>
<AnalysisTypeTable><AnalysisTypeTableEntry><AnalysisType>ART</AnalysisType></AnalysisTypeTableEntry></AnalysisTypeTable></MasterFiles>
<GeneralLedgerEntries><Journal><JournalID>GL</JournalID>
<Transaction><TransactionID>1</TransactionID><Period>3</Period><TransactionDate>2024-03-31</TransactionDate>
<Line><RecordID>1</RecordID><AccountID>4000</AccountID><Analysis><AnalysisType>ART</AnalysisType><AnalysisID>lønn</AnalysisID></Analysis><Description>bilag</Description><TaxInformation><TaxType>MVA</TaxType></TaxInformation><DebitAmount><Amount>100.00</Amount></DebitAmount></Line>
</Transaction></Journal></GeneralLedgerEntries></AuditFile>
`;

describe('the SAF-T ledger walker, with an element it reads nothing of', () => {
  it('reads it through where the reference does, and leaves the file when it is inside a value or broken', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: PLACES.length - 1 }),
        fc.constantFrom(...OTHERS),
        fc.nat({ max: SHAPES.length - 1 }),
        fc.integer({ min: 1, max: 300 }),
        async (p, other, s, size) => {
          const place = PLACES[p]!;
          // At the last place of its kind: in the entries, not the master files.
          const at = SMALL.lastIndexOf(place.replace('@', ''));
          expect(at).toBeGreaterThan(SMALL.indexOf('<GeneralLedgerEntries>') - 1);
          const xml = bytes(SMALL.slice(0, at) + place.replace('@', other) + SMALL.slice(at + place.length - 1));
          const { read } = await compare(xml, SHAPES[s]!, size);
          // Outside the values, a well-formed element is read through, as SaftInput skips it.
          if (p < 7 && !other.includes('Fob')) expect(read).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
