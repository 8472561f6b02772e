/**
 * Writes a SAF-T Financial 1.30 file from ledger rows, for tests and
 * fixtures: the smallest document valid against Skatteetaten's schema
 * (../shared/saft/), one transaction per row. Amounts are decimal text:
 * a negative row becomes a CreditAmount.
 */
export interface SaftRow {
  readonly account: string;
  readonly grouping: string;
  readonly amount: string;
  readonly date: string;
  readonly text: string;
  /** Analysis type → id, e.g. { ANSVAR: '1200' }. */
  readonly analysis?: Readonly<Record<string, string>>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeSaft(rows: readonly SaftRow[], year: number, opts: { prefix?: string; accountText?: (id: string) => string } = {}): string {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const ns = opts.prefix ? `xmlns:${opts.prefix}` : 'xmlns';
  const accounts = new Map<string, string>();
  for (const r of rows) accounts.set(r.account, r.grouping);
  const types = [...new Set(rows.flatMap((r) => Object.keys(r.analysis ?? {})))];
  const out: string[] = [];
  const el = (indent: number, name: string, text?: string) =>
    out.push(`${'  '.repeat(indent)}<${p}${name}>${text === undefined ? '' : `${esc(text)}</${p}${name}>`}`);
  const end = (indent: number, name: string) => out.push(`${'  '.repeat(indent)}</${p}${name}>`);
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<${p}AuditFile ${ns}="urn:StandardAuditFile-Taxation-Financial:NO">`);
  el(1, 'Header');
  el(2, 'AuditFileVersion', '1.30');
  el(2, 'AuditFileCountry', 'NO');
  el(2, 'AuditFileDateCreated', `${year + 1}-01-15`);
  el(2, 'SoftwareCompanyName', 'samkost tests');
  el(2, 'SoftwareID', 'samkost');
  el(2, 'SoftwareVersion', '1');
  el(2, 'Company');
  el(3, 'RegistrationNumber', '964338531');
  el(3, 'Name', 'Vert kommune');
  el(3, 'Address');
  el(4, 'City', 'Harstad');
  el(4, 'PostalCode', '9405');
  end(3, 'Address');
  el(3, 'Contact');
  el(4, 'ContactPerson');
  el(5, 'FirstName', 'Kari');
  el(5, 'LastName', 'Nordmann');
  end(4, 'ContactPerson');
  end(3, 'Contact');
  end(2, 'Company');
  el(2, 'DefaultCurrencyCode', 'NOK');
  el(2, 'SelectionCriteria');
  el(3, 'SelectionStartDate', `${year}-01-01`);
  el(3, 'SelectionEndDate', `${year}-12-31`);
  end(2, 'SelectionCriteria');
  el(2, 'TaxAccountingBasis', 'A');
  end(1, 'Header');
  el(1, 'MasterFiles');
  el(2, 'GeneralLedgerAccounts');
  for (const [id, grouping] of accounts) {
    el(3, 'Account');
    el(4, 'AccountID', id);
    el(4, 'AccountDescription', opts.accountText?.(id) ?? `Konto ${id}`);
    el(4, 'GroupingCategory', 'KA_K');
    el(4, 'GroupingCode', grouping);
    el(4, 'AccountType', 'GL');
    el(4, 'OpeningDebitBalance', '0');
    el(4, 'ClosingDebitBalance', '0');
    end(3, 'Account');
  }
  end(2, 'GeneralLedgerAccounts');
  if (types.length > 0) {
    el(2, 'AnalysisTypeTable');
    // The schema keys the table by type, and by id: one entry per type, its id unique in the table.
    for (const [i, type] of types.entries()) {
      el(3, 'AnalysisTypeTableEntry');
      el(4, 'AnalysisType', type);
      el(4, 'AnalysisTypeDescription', type.toLowerCase());
      el(4, 'AnalysisID', `${type}-${i}`);
      el(4, 'AnalysisIDDescription', type.toLowerCase());
      end(3, 'AnalysisTypeTableEntry');
    }
    end(2, 'AnalysisTypeTable');
  }
  end(1, 'MasterFiles');
  const debit = rows.filter((r) => !r.amount.startsWith('-')).map((r) => r.amount);
  const credit = rows.filter((r) => r.amount.startsWith('-')).map((r) => r.amount.slice(1));
  el(1, 'GeneralLedgerEntries');
  el(2, 'NumberOfEntries', String(rows.length));
  el(2, 'TotalDebit', sum(debit));
  el(2, 'TotalCredit', sum(credit));
  el(2, 'Journal');
  el(3, 'JournalID', 'GL');
  el(3, 'Description', 'Hovedbok');
  el(3, 'Type', 'GL');
  rows.forEach((r, i) => {
    el(3, 'Transaction');
    el(4, 'TransactionID', String(1001 + i));
    el(4, 'Period', String(Number(r.date.slice(5, 7))));
    el(4, 'PeriodYear', r.date.slice(0, 4));
    el(4, 'TransactionDate', r.date);
    el(4, 'Description', r.text);
    el(4, 'SystemEntryDate', r.date);
    el(4, 'GLPostingDate', r.date);
    el(4, 'Line');
    el(5, 'RecordID', '1');
    el(5, 'AccountID', r.account);
    for (const [type, id] of Object.entries(r.analysis ?? {})) {
      el(5, 'Analysis');
      el(6, 'AnalysisType', type);
      el(6, 'AnalysisID', id);
      end(5, 'Analysis');
    }
    el(5, 'Description', r.text);
    const side = r.amount.startsWith('-') ? 'CreditAmount' : 'DebitAmount';
    el(5, side);
    el(6, 'Amount', r.amount.replace(/^-/, ''));
    end(5, side);
    end(4, 'Line');
    end(3, 'Transaction');
  });
  end(2, 'Journal');
  end(1, 'GeneralLedgerEntries');
  out.push(`</${p}AuditFile>`);
  return `${out.join('\n')}\n`;
}

/** A sum of decimal texts, exactly, with two decimals (the schema's monetary type). */
function sum(amounts: readonly string[]): string {
  let cents = 0n;
  for (const a of amounts) {
    const [int, frac = ''] = a.split('.');
    cents += BigInt(int!) * 100n + BigInt((frac + '00').slice(0, 2));
  }
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
