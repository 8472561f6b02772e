// Writes issue 24's ledger shape, deterministically (the same arguments give
// the same bytes): 50 parties, 500 categories of 13–40 characters with æøå
// in 10 items, 20 % of rows naming a party, the amount styles of Norwegian
// finance exports and 3 % quoted texts (bench/generate-real.mjs's rows),
// plus one category the agreement ignores (about one row in 4 500): the
// party rows among those give warnings, as a real ledger's do.
//
// One call writes, from the same rows:
//   <dir>/csv          actuals.csv and its agreement (the party rows in the ignored category warn)
//   <dir>/calm         the same rows with those party cells empty: no warning
//   <dir>/selectors    the same actuals.csv, items selecting also by Konto with a range, a prefix and not:
//   <dir>/journal.ledger   the same rows as a plain-text journal for ledger-cli and hledger
// and, on request (slow to write), the same rows as a workbook and as SAF-T:
//   <dir>/xlsx         hovedbok.xlsx (shared strings, a numeric amount cell, as Excel saves)
//   <dir>/saft         saft.xml (SAF-T Financial 1.30; art and kommune as analysis types)
//
//   node bench/generate-shape.mjs <rows> <dir> [accounts=40] [--xlsx] [--saft]
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { categories, amountStyle } from './generate-real.mjs';
import { agreementHead, random } from './generate.mjs';

export const IGNORED = 'kompensasjon merverdiavgift, felles';
/** The account the ignored category is booked on (and no other category). */
const IGNORED_ACCOUNT = 3999;
const PARTIES = 50;

/** Every row of the ledger, in order: { category, account, party, amount (as written), kr, ore, text, ignoredParty }. */
export function* shapeRows(rows, accounts = 40) {
  const { ids } = agreementHead('', 2024, PARTIES);
  const cats = categories();
  const rand = random(24);
  const amountText = amountStyle(rand);
  for (let i = 0; i < rows; i++) {
    const ignored = rand(4500) === 0;
    const category = ignored ? IGNORED : cats[rand(cats.length)];
    const party = rand(5) === 0 ? ids[rand(PARTIES)] : '';
    const kr = rand(200000) - 20000;
    const ore = String(rand(100)).padStart(2, '0');
    const quoted = rand(100) < 3;
    const text = quoted ? `faktura ${rand(99999)}; del ${rand(9)}` : `bilag ${rand(999999)}`;
    const amount = amountText(kr, ore);
    // The exact value the amount means: a `,-` amount has no øre.
    const value = amount.endsWith(',-') ? `${kr}.00` : `${kr}.${ore}`;
    const account = 4000 + rand(accounts);
    yield { category, account: String(ignored ? IGNORED_ACCOUNT : account), party, amount, value, text, quoted, ignored };
  }
}

function agreement(dir, items, extra = []) {
  mkdirSync(dir, { recursive: true });
  const { lines: head } = agreementHead(`Regnskap ${PARTIES}`, 2024, PARTIES);
  const cats = categories();
  const quote = (c) => (/[,[\]{}:#&*!|>'"%@`]/.test(c) ? JSON.stringify(c) : c);
  const yaml = [
    ...head,
    'keys:',
    '  halv-halv: { blend: [{ weight: 50%, key: equal }, { weight: 50%, key: population }] }',
    'items:',
    ...Array.from({ length: 10 }, (_, i) => {
      const list = cats
        .slice(i * 50, (i + 1) * 50)
        .map(quote)
        .join(', ');
      return `  - { id: post${i + 1}, label: Post ${i + 1}, actuals: { ${items(list, i)} }, key: ${i % 2 ? 'equal' : 'halv-halv'} }`;
    }),
    'ignore:',
    `  - { ${items(quote(IGNORED), -1)}, reason: kompensert merverdiavgift }`,
    ...extra,
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'agreement.yaml'), yaml);
}

const CSV_INPUT = '  actuals: { file: actuals.csv, columns: { category: Art, account: Konto, party: Kommune, amount: Beløp, text: Tekst } }';
/**
 * Items 1–3 also take Konto by a range, 4–6 by a prefix, 7–10 by not: the
 * ignored category's account — each taking every row it took before, so the
 * figures and warnings stay those of the plain agreement.
 */
const konto = (i, accounts) => {
  const prefixes = [...new Set(Array.from({ length: accounts }, (_, a) => `"${String(4000 + a)[0]}*"`))];
  return i < 0 ? '' : i < 3 ? `, konto: "4000..${4000 + accounts - 1}"` : i < 6 ? `, konto: [${prefixes.join(', ')}]` : `, konto: { not: ${IGNORED_ACCOUNT} }`;
};

export function generateShape(rows, dir, { accounts = 40, xlsx = false, saft = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const input = ['inputs:', CSV_INPUT];
  agreement(path.join(dir, 'csv'), (list) => `category: [${list}]`, input);
  agreement(path.join(dir, 'calm'), (list) => `category: [${list}]`, input);
  agreement(path.join(dir, 'selectors'), (list, i) => `category: [${list}]${konto(i, accounts)}`, [
    'inputs:',
    CSV_INPUT.replace('actuals.csv', '../csv/actuals.csv'),
  ]);
  const csv = openSync(path.join(dir, 'csv', 'actuals.csv'), 'w');
  const calm = openSync(path.join(dir, 'calm', 'actuals.csv'), 'w');
  const journal = openSync(path.join(dir, 'journal.ledger'), 'w');
  const header = 'Art;Konto;Kommune;Beløp;Tekst';
  let a = [header];
  let b = [header];
  let j = [];
  const flush = () => {
    writeSync(csv, `${a.join('\n')}\n`);
    writeSync(calm, `${b.join('\n')}\n`);
    writeSync(journal, `${j.join('\n')}\n`);
    a = [];
    b = [];
    j = [];
  };
  for (const r of shapeRows(rows, accounts)) {
    const text = r.quoted ? `"${r.text}"` : r.text;
    a.push(`${r.category};${r.account};${r.party};${r.amount};${text}`);
    b.push(`${r.category};${r.account};${r.ignored ? '' : r.party};${r.amount};${text}`);
    j.push(`2024-01-01 bilag\n    Utgifter:${r.category.replace(/[^\p{L}\d ]/gu, '')}    NOK ${r.value}\n    Bank\n`);
    if (a.length >= 10000) flush();
  }
  flush();
  closeSync(csv);
  closeSync(calm);
  closeSync(journal);
  if (saft) writeSaft(rows, accounts, path.join(dir, 'saft'));
  return xlsx ? writeXlsx(rows, accounts, path.join(dir, 'xlsx')) : Promise.resolve();
}

/** The same rows as a workbook: Art, Konto, Kommune as text, Beløp as a number cell, Tekst; shared strings as Excel writes them. */
async function writeXlsx(rows, accounts, dir) {
  const { default: ExcelJS } = await import('exceljs');
  agreement(dir, (list) => `category: [${list}]`, [
    'inputs:',
    '  actuals: { file: hovedbok.xlsx, columns: { category: Art, account: Konto, party: Kommune, amount: Beløp, text: Tekst } }',
  ]);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'hovedbok.xlsx'), useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('Hovedbok');
  ws.addRow(['Art', 'Konto', 'Kommune', 'Beløp', 'Tekst']).commit();
  for (const r of shapeRows(rows, accounts)) ws.addRow([r.category, r.account, r.party || null, Number(r.value), r.text]).commit();
  ws.commit();
  await wb.commit();
}

/** The same rows as SAF-T Financial 1.30: one transaction a row, the category and party as the analysis types ART and KOMMUNE. */
function writeSaft(rows, accounts, dir) {
  agreement(dir, (list) => `category: [${list}]`, ['inputs:', '  actuals: { file: saft.xml, columns: { category: art, party: kommune } }']);
  const fd = openSync(path.join(dir, 'saft.xml'), 'w');
  let buf = '';
  const put = (s) => {
    buf += `${s}\n`;
    if (buf.length > 1 << 16) {
      writeSync(fd, buf);
      buf = '';
    }
  };
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  put('<?xml version="1.0" encoding="UTF-8"?>');
  put('<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO">');
  put('<Header><AuditFileVersion>1.30</AuditFileVersion></Header>');
  put('<MasterFiles><GeneralLedgerAccounts>');
  for (const a of [IGNORED_ACCOUNT, ...Array.from({ length: accounts }, (_, i) => 4000 + i)])
    put(
      `<Account><AccountID>${a}</AccountID><AccountDescription>Konto ${a}</AccountDescription><GroupingCategory>KA_K</GroupingCategory><GroupingCode>${String(10 + (a % 90)).padStart(3, '0')}</GroupingCode><AccountType>GL</AccountType><OpeningDebitBalance>0</OpeningDebitBalance><ClosingDebitBalance>0</ClosingDebitBalance></Account>`,
    );
  put('</GeneralLedgerAccounts><AnalysisTypeTable>');
  for (const t of ['ART', 'KOMMUNE'])
    put(
      `<AnalysisTypeTableEntry><AnalysisType>${t}</AnalysisType><AnalysisTypeDescription>${t}</AnalysisTypeDescription><AnalysisID>${t}</AnalysisID><AnalysisIDDescription>${t}</AnalysisIDDescription></AnalysisTypeTableEntry>`,
    );
  put('</AnalysisTypeTable></MasterFiles>');
  put('<GeneralLedgerEntries><NumberOfEntries>0</NumberOfEntries><TotalDebit>0</TotalDebit><TotalCredit>0</TotalCredit>');
  put('<Journal><JournalID>GL</JournalID><Description>Hovedbok</Description><Type>GL</Type>');
  let i = 0;
  for (const r of shapeRows(rows, accounts)) {
    i++;
    const negative = r.value.startsWith('-');
    const side = negative ? 'CreditAmount' : 'DebitAmount';
    put(
      `<Transaction><TransactionID>${i}</TransactionID><Period>1</Period><PeriodYear>2024</PeriodYear><TransactionDate>2024-01-15</TransactionDate><Description>Bilag ${i}</Description><SystemEntryDate>2024-01-15</SystemEntryDate><GLPostingDate>2024-01-15</GLPostingDate>`,
    );
    put(
      `<Line><RecordID>1</RecordID><AccountID>${r.account}</AccountID><Analysis><AnalysisType>ART</AnalysisType><AnalysisID>${esc(r.category)}</AnalysisID></Analysis>${r.party ? `<Analysis><AnalysisType>KOMMUNE</AnalysisType><AnalysisID>${r.party}</AnalysisID></Analysis>` : ''}<Description>${esc(r.text)}</Description><${side}><Amount>${negative ? r.value.slice(1) : r.value}</Amount></${side}></Line></Transaction>`,
    );
  }
  put('</Journal></GeneralLedgerEntries></AuditFile>');
  writeSync(fd, buf);
  closeSync(fd);
}

/** Writes what is missing of the shape under `dir`; returns the folder. */
export async function ensureShape(rows, dir, options = {}) {
  const has = (f) => existsSync(path.join(dir, f));
  if (!has('csv/actuals.csv') || !has('calm/actuals.csv') || !has('selectors/agreement.yaml')) await generateShape(rows, dir, { accounts: options.accounts });
  if (options.saft && !has('saft/saft.xml')) writeSaft(rows, options.accounts ?? 40, path.join(dir, 'saft'));
  if (options.xlsx && !has('xlsx/hovedbok.xlsx')) await writeXlsx(rows, options.accounts ?? 40, path.join(dir, 'xlsx'));
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, dir, accounts] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!rows || !dir) {
    console.error('usage: node bench/generate-shape.mjs <rows> <dir> [accounts=40] [--xlsx] [--saft]');
    process.exit(2);
  }
  await ensureShape(Number(rows), dir, {
    accounts: accounts ? Number(accounts) : undefined,
    xlsx: process.argv.includes('--xlsx'),
    saft: process.argv.includes('--saft'),
  });
}
