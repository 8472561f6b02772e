// Writes a synthetic SAF-T Financial 1.30 ledger for the streaming memory
// measurement: `lines` XML lines of general-ledger entries (about 14 per
// posting: a transaction of one line with ansvar and funksjon), 200 accounts
// mapped to KOSTRA arts, and an agreement over it. Written as it goes, so the
// generator itself holds no file. Deterministic.
//
//   node bench/generate-saft.mjs <lines> <dir>
//   farm-bench -- node bin/samkost.js allocate <dir> --format json --quiet
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { random } from './generate.mjs';

const ARTS = ['010', '020', '050', '099', '100', '120', '165', '195', '200', '270'];

export function generateSaft(lines, dir) {
  mkdirSync(dir, { recursive: true });
  const rand = random(22);
  const fd = openSync(path.join(dir, 'saft.xml'), 'w');
  let buf = '';
  const put = (s) => {
    buf += `${s}\n`;
    if (buf.length > 1 << 16) {
      writeSync(fd, buf);
      buf = '';
    }
  };
  put('<?xml version="1.0" encoding="UTF-8"?>');
  put('<AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO">');
  put('<Header><AuditFileVersion>1.30</AuditFileVersion></Header>');
  put('<MasterFiles><GeneralLedgerAccounts>');
  for (let a = 0; a < 200; a++)
    put(
      `<Account><AccountID>1${String(a).padStart(4, '0')}</AccountID><AccountDescription>Konto ${a}</AccountDescription><GroupingCategory>KA_K</GroupingCategory><GroupingCode>${ARTS[a % ARTS.length]}</GroupingCode><AccountType>GL</AccountType><OpeningDebitBalance>0</OpeningDebitBalance><ClosingDebitBalance>0</ClosingDebitBalance></Account>`,
    );
  put('</GeneralLedgerAccounts><AnalysisTypeTable>');
  for (const t of ['ANSVAR', 'FUNKSJON'])
    put(
      `<AnalysisTypeTableEntry><AnalysisType>${t}</AnalysisType><AnalysisTypeDescription>${t}</AnalysisTypeDescription><AnalysisID>${t}</AnalysisID><AnalysisIDDescription>${t}</AnalysisIDDescription></AnalysisTypeTableEntry>`,
    );
  put('</AnalysisTypeTable></MasterFiles>');
  put('<GeneralLedgerEntries><NumberOfEntries>0</NumberOfEntries><TotalDebit>0</TotalDebit><TotalCredit>0</TotalCredit>');
  put('<Journal><JournalID>GL</JournalID><Description>Hovedbok</Description><Type>GL</Type>');
  const postings = Math.ceil(lines / 14);
  for (let i = 0; i < postings; i++) {
    const side = rand(4) === 0 ? 'CreditAmount' : 'DebitAmount';
    const amount = `${rand(100000)}.${String(rand(100)).padStart(2, '0')}`;
    const month = String(1 + rand(12)).padStart(2, '0');
    put(`<Transaction><TransactionID>${100000 + i}</TransactionID><Period>${Number(month)}</Period><PeriodYear>2024</PeriodYear>`);
    put(
      `<TransactionDate>2024-${month}-15</TransactionDate><Description>Bilag ${i}</Description><SystemEntryDate>2024-${month}-15</SystemEntryDate><GLPostingDate>2024-${month}-15</GLPostingDate>`,
    );
    put('<Line>');
    put('<RecordID>1</RecordID>');
    put(`<AccountID>1${String(rand(200)).padStart(4, '0')}</AccountID>`);
    put(`<Analysis><AnalysisType>ANSVAR</AnalysisType><AnalysisID>${1200 + rand(20)}</AnalysisID></Analysis>`);
    put(`<Analysis><AnalysisType>FUNKSJON</AnalysisType><AnalysisID>${120 + rand(3)}</AnalysisID></Analysis>`);
    put(`<Description>Postering ${i}</Description>`);
    put(`<${side}>`);
    put(`<Amount>${amount}</Amount>`);
    put(`</${side}>`);
    put('</Line>');
    put('</Transaction>');
    put('');
  }
  put('</Journal></GeneralLedgerEntries></AuditFile>');
  writeSync(fd, buf);
  closeSync(fd);
  writeFileSync(
    path.join(dir, 'agreement.yaml'),
    [
      'samkost: 1',
      'agreement: SAF-T benchmark',
      'year: 2024',
      'host: a',
      'parties:',
      '  a: { name: A kommune }',
      '  b: { name: B kommune }',
      'keys: { k: { shares: { a: 60%, b: 40% } } }',
      'items:',
      `  - { id: drift, label: Drift, actuals: { category: [${ARTS.map((a) => `"${a}"`).join(', ')}] }, key: k }`,
      'inputs:',
      '  actuals: { file: saft.xml, columns: { category: grouping_code } }',
      '',
    ].join('\n'),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [lines, dir] = process.argv.slice(2);
  generateSaft(Number(lines), dir);
}
