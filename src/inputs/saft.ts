import { SaxesParser } from 'saxes';
import type { Diagnostics, SaftRecord, SourcePos } from '../diagnostics/diagnostic.js';
import { type Said, said } from '../text/said.js';
import { type AmountError, type ScaledAmount, scanAmount } from './amount.js';
import { ENCODINGS, type Encoding } from './decode.js';
import { scaledSaid, scaledText, subtract } from './decimal.js';
import { SinkFeed } from './feed.js';
import { plainSaftAmount } from './saft-amount.js';
import type { RowView, TableSink } from './table.js';
import { XmlBytes, XmlFallback } from './xml-bytes.js';

/** The columns every SAF-T row has; the analysis types (ansvar, funksjon, prosjekt …) come between grouping_code and amount. */
const FIRST = ['account', 'grouping_code'] as const;
const LAST = ['amount', 'date', 'text'] as const;

const SAFT_HINT = said(
  'eksporter SAF-T Financial på nytt fra økonomisystemet; filen skal følge skjemaet (1.30, 1.20 eller 1.10)',
  'export SAF-T Financial again from the accounting system; the file must follow the schema (1.30, 1.20 or 1.10)',
);

/** A leaf we read the text of, and where that text starts. */
interface Leaf {
  text: string;
  at: SourcePos;
}

interface Line {
  record: Leaf | null;
  account: Leaf | null;
  description: Leaf | null;
  debit: Leaf | null;
  credit: Leaf | null;
  analysis: Map<string, AnalysisEntry[]>;
  at: SourcePos;
}

/** One `Analysis` of a line: its id, and the part of the line's amount it carries when the line is split. */
interface AnalysisEntry {
  readonly id: Leaf;
  readonly at: SourcePos;
  /** `AnalysisAmount` (1.10/1.20: on the line's side) or `Debit`/`CreditAnalysisAmount` (1.30). */
  readonly amount: { leaf: Leaf; side: 'debit' | 'credit' | 'line' } | null;
}

interface AnalysisBeingRead {
  type: Leaf | null;
  id: Leaf | null;
  amount: { leaf: Leaf; side: 'debit' | 'credit' | 'line' } | null;
}

const ANALYSIS_AMOUNTS: Readonly<Record<string, 'debit' | 'credit' | 'line'>> = {
  AnalysisAmount: 'line',
  DebitAnalysisAmount: 'debit',
  CreditAnalysisAmount: 'credit',
};

/**
 * Reads a SAF-T Financial file (1.30, and 1.20/1.10, whose general ledger
 * has the same shape) as a stream of rows: one per `Line` of
 * `GeneralLedgerEntries`, with `account` (AccountID), `grouping_code` (the
 * account's GroupingCode in MasterFiles: the KOSTRA art `KA_K` for a
 * municipality), one column per analysis type in MasterFiles'
 * AnalysisTypeTable named by the type in lower case (`ANSVAR` → `ansvar`),
 * `amount` (debit − credit, exactly), `date` (the transaction's) and `text`
 * (the line's description). Memory holds the chart of accounts and one
 * transaction line, whatever the file's length. Element names are matched
 * without their namespace prefix: files in the wild use either.
 */
export class SaftInput<T> {
  private readonly feed: SinkFeed<T>;
  private readonly p = new SaxesParser({ xmlns: false, position: true } as const);
  /** With `fast`: the byte scanner, which reads in saxes' place until it meets what it leaves to saxes. */
  private readonly scanner: XmlBytes | null = null;
  private readonly path: string[] = [];
  private readonly accounts = new Map<string, string>();
  private readonly types: string[] = [];
  private account: { id: string; grouping: string } | null = null;
  private leaf: Leaf | null = null;
  private transaction: { id: string; date: Leaf | null } | null = null;
  private line: Line | null = null;
  private analysis: AnalysisBeingRead | null = null;
  private sawRoot = false;
  private failed = false;
  /** The byte scanner met something it leaves to saxes: nothing was reported, and the file is to be read again with a new input without `fast`. */
  fellBack = false;
  private readonly view: SaftRow;
  private text: TextDecoder | null = null;
  private head: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly file: string,
    sink: TableSink<T>,
    diags: Diagnostics,
    fast = false,
  ) {
    this.feed = new SinkFeed(sink, diags);
    this.view = new SaftRow(file);
    if (fast) {
      const scanner: XmlBytes = new XmlBytes(
        {
          open: (local, name) => this.open(local, name),
          text: (start, end) => {
            if (this.leaf) this.leaf.text += scanner.text(start, end);
          },
          close: () => this.close(),
        },
        () => this.failed,
      );
      this.scanner = scanner;
      return;
    }
    this.p.on('error', (e) =>
      this.fail(
        this.here(),
        'saft-xml',
        said(
          `filen er ikke gyldig XML (XML-leseren sier: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')})`,
          `the file is not valid XML: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`,
        ),
        SAFT_HINT,
      ),
    );
    this.p.on('opentag', (t) => this.open(local(t.name), t.name));
    this.p.on('text', (s) => {
      if (this.leaf) this.leaf.text += s;
    });
    this.p.on('closetag', () => this.close());
  }

  get rows(): number {
    return this.feed.rows;
  }

  /** The encoding the file was read with, for the excerpts of its errors (one samkost can show, else none). */
  get encoding(): Encoding | undefined {
    const e = this.text?.encoding ?? 'utf-8';
    return (ENCODINGS as readonly string[]).includes(e) ? (e as Encoding) : undefined;
  }

  push(bytes: Uint8Array): void {
    if (this.failed || this.fellBack) return;
    if (this.scanner) {
      this.scan(() => this.scanner!.push(bytes));
      return;
    }
    if (this.text) {
      this.p.write(this.text.decode(bytes, { stream: true }));
      return;
    }
    // The XML declaration is seen whole before the first byte is decoded.
    this.head = concat(this.head, bytes);
    if (this.head.length >= HEAD) this.begin();
  }

  /**
   * With `fast`, once the bytes before `<GeneralLedgerEntries>` were pushed:
   * what a reader of the entries needs to go on from there (saft-ledger.ts)
   * — the chart of accounts, the analysis types, and where the scanner
   * stands. Null when anything but the root element is open, or something
   * was met or reported: the file is then read as before.
   */
  ledgerStart(): (NonNullable<ReturnType<XmlBytes['handover']>> & { accounts: ReadonlyMap<string, string>; types: readonly string[] }) | null {
    const s = this.scanner;
    if (!s || this.failed || this.fellBack || this.feed.started || !this.sawRoot || this.path.length !== 1) return null;
    if (this.account || this.transaction || this.line || this.analysis || this.leaf) return null;
    const at = s.handover();
    return at && { ...at, accounts: this.accounts, types: this.types };
  }

  /** The sink's result; null after reporting a problem, or when {@link SaftInput.fellBack} (nothing reported then). */
  end(): T | null {
    if (this.scanner) {
      if (!this.failed && !this.fellBack) this.scan(() => this.scanner!.end());
      if (this.fellBack) return null;
    } else {
      if (!this.failed && !this.text) this.begin();
      if (!this.failed) this.p.write(this.text!.decode()).close();
    }
    if (!this.failed && !this.feed.started)
      this.fail(
        { file: this.file, line: 1, col: 1 },
        'saft-xml',
        said('SAF-T-filen har ingen GeneralLedgerEntries (hovedbokstransaksjoner)', 'the SAF-T file has no GeneralLedgerEntries (general ledger transactions)'),
        said(
          'eksporter SAF-T Financial med transaksjoner for regnskapsåret, ikke bare stamdata',
          "export SAF-T Financial with the year's transactions, not the master files alone",
        ),
      );
    return this.feed.end({ at: { file: this.file, line: 1, col: 1 }, hint: SAFT_HINT });
  }

  private scan(step: () => void): void {
    try {
      step();
    } catch (e) {
      if (!(e instanceof XmlFallback)) throw e;
      this.fellBack = true;
    }
  }

  /** Chooses the decoder from the file's first bytes, then parses them. */
  private begin(): void {
    const head = this.head;
    this.head = new Uint8Array(0);
    this.text = decoderFor(head);
    if (this.text) this.p.write(this.text.decode(head, { stream: true }));
    else
      this.fail(
        { file: this.file, line: 1, col: 1 },
        'saft-xml',
        said('XML-deklarasjonen oppgir en tegnkoding samkost ikke kjenner', 'the XML declaration names an encoding samkost does not know'),
        said('SAF-T-filer skal være UTF-8; eksporter filen på nytt', 'SAF-T files are UTF-8; export the file again'),
      );
  }

  /** Where the parser is: the text after the tag just read. */
  private here(): SourcePos {
    const s = this.scanner;
    return s ? { file: this.file, line: s.line, col: s.column(s.after) } : { file: this.file, line: this.p.line, col: this.p.column + 1 };
  }

  private fail(at: SourcePos, code: 'saft-xml' | 'input-kind', message: Said, hint: Said): void {
    if (this.failed) return;
    this.failed = true;
    this.feed.fail(at, code, message, hint);
  }

  private lineError(at: SourcePos, code: 'saft-line' | 'debit-credit' | 'csv-amount', message: Said, hint: Said): void {
    this.feed.diags.error(at, code, message, hint);
  }

  /** An element opens: `name` without its prefix, `tag` as written. */
  private open(name: string, tag: string): void {
    if (this.failed) return;
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (name !== 'AuditFile')
        this.fail(
          { file: this.file, line: this.scanner ? this.scanner.line : this.p.line, col: 1 },
          'input-kind',
          said(
            `filen er XML, men ikke SAF-T: rotelementet er <${tag}>, ikke <AuditFile>`,
            `the file is XML but not SAF-T: its root element is <${tag}>, not <AuditFile>`,
          ),
          said('samkost leser SAF-T Financial (XML), .xlsx og CSV', 'samkost reads SAF-T Financial (XML), .xlsx and CSV'),
        );
      return;
    }
    const leaf = () => {
      this.leaf = { text: '', at: this.here() };
      return this.leaf;
    };
    switch (name) {
      case 'Account':
        if (parent === 'GeneralLedgerAccounts') this.account = { id: '', grouping: '' };
        return;
      case 'AnalysisType':
        if (parent === 'AnalysisTypeTableEntry' || this.analysis) {
          const l = leaf();
          if (this.analysis) this.analysis.type = l;
        }
        return;
      case 'GeneralLedgerEntries':
        this.feed.header({
          file: this.file,
          numbers: { decimal: '.', declared: true },
          names: [...FIRST, ...this.types.map((x) => x.toLowerCase()), ...LAST],
          at: this.here(),
        });
        this.view.size(FIRST.length + this.types.length + LAST.length);
        return;
      case 'Transaction':
        this.transaction = { id: '', date: null };
        return;
      case 'Line':
        if (this.transaction) this.line = { record: null, account: null, description: null, debit: null, credit: null, analysis: new Map(), at: this.here() };
        return;
      case 'Analysis':
        if (this.line) this.analysis = { type: null, id: null, amount: null };
        return;
      case 'AccountID':
      case 'GroupingCode':
      case 'TransactionID':
      case 'TransactionDate':
      case 'RecordID':
      case 'Description':
      case 'AnalysisID':
        leaf();
        return;
      case 'Amount':
        if (this.line && !this.analysis && (parent === 'DebitAmount' || parent === 'CreditAmount')) {
          const l = leaf();
          this.line[parent === 'DebitAmount' ? 'debit' : 'credit'] = l;
        } else if (this.analysis && parent !== undefined && ANALYSIS_AMOUNTS[parent]) this.analysis.amount = { leaf: leaf(), side: ANALYSIS_AMOUNTS[parent] };
        return;
    }
  }

  private close(): void {
    if (this.failed) return;
    const name = this.path.pop()!;
    const parent = this.path[this.path.length - 1];
    const l = this.leaf;
    this.leaf = null;
    const text = l?.text.trim() ?? '';
    switch (name) {
      case 'AccountID':
        if (this.account && parent === 'Account') this.account.id = text;
        else if (this.line && parent === 'Line') this.line.account = l;
        return;
      case 'GroupingCode':
        if (this.account && parent === 'Account') this.account.grouping = text;
        return;
      case 'Account':
        if (this.account && parent === 'GeneralLedgerAccounts') {
          this.accounts.set(this.account.id, this.account.grouping);
          this.account = null;
        }
        return;
      case 'AnalysisType':
        if (parent === 'AnalysisTypeTableEntry' && !this.types.includes(text)) this.types.push(text);
        return;
      case 'AnalysisID':
        if (this.analysis) this.analysis.id = l;
        return;
      case 'Analysis':
        if (this.analysis && this.line) this.addAnalysis(this.line, this.analysis);
        this.analysis = null;
        return;
      case 'TransactionID':
        if (this.transaction && parent === 'Transaction') this.transaction.id = text;
        return;
      case 'TransactionDate':
        if (this.transaction && parent === 'Transaction') this.transaction.date = l;
        return;
      case 'RecordID':
        if (this.line && parent === 'Line') this.line.record = l;
        return;
      case 'Description':
        if (this.line && parent === 'Line') this.line.description = l;
        return;
      case 'Line':
        if (this.line) this.emit(this.line);
        this.line = null;
        return;
      case 'Transaction':
        this.transaction = null;
        return;
    }
  }

  private addAnalysis(line: Line, a: AnalysisBeingRead): void {
    const type = a.type?.text.trim() ?? '';
    const at = a.type?.at ?? line.at;
    if (!this.types.includes(type)) {
      this.lineError(
        at,
        'saft-line',
        said(`analysetypen '${type}' står ikke i MasterFiles/AnalysisTypeTable`, `analysis type '${type}' is not in MasterFiles/AnalysisTypeTable`),
        said(
          'hver analysetype en linje bruker, må være beskrevet i AnalysisTypeTable; eksporter filen på nytt',
          'every analysis type a line uses must be described in AnalysisTypeTable; export the file again',
        ),
      );
      line.analysis.set('\u0000', []);
      return;
    }
    const entries = line.analysis.get(type) ?? [];
    entries.push({ id: a.id ?? { text: '', at }, at, amount: a.amount });
    line.analysis.set(type, entries);
  }

  private emit(line: Line): void {
    const account = line.account?.text.trim() ?? '';
    if (!this.accounts.has(account)) {
      this.lineError(
        line.account?.at ?? line.at,
        'saft-line',
        account === ''
          ? said('linjen har ingen AccountID', 'the line has no AccountID')
          : said(`kontoen '${account}' står ikke i MasterFiles/GeneralLedgerAccounts`, `account '${account}' is not in MasterFiles/GeneralLedgerAccounts`),
        SAFT_HINT,
      );
      return;
    }
    if ((line.debit === null) === (line.credit === null)) {
      this.lineError(
        line.at,
        'debit-credit',
        line.debit
          ? said('linjen har både DebitAmount og CreditAmount', 'the line has both a DebitAmount and a CreditAmount')
          : said('linjen har verken DebitAmount eller CreditAmount', 'the line has neither a DebitAmount nor a CreditAmount'),
        said('en SAF-T-linje er enten en debet eller en kredit', 'a SAF-T line is either a debit or a credit'),
      );
      return;
    }
    const side = (line.debit ?? line.credit)!;
    const sideText = side.text.trim();
    // The common amount (`179057.25`) is its row's text as it stands: no number is made of it unless the line is split.
    const plain = plainSaftAmount(sideText, line.debit !== null);
    let a: ScaledAmount | AmountError | null = null;
    if (plain === null) {
      a = scanAmount(sideText, { decimal: '.', declared: true });
      if ('error' in a) {
        this.lineError(side.at, 'csv-amount', a.error, a.hint);
        return;
      }
      if (a.units < 0n) {
        this.lineError(
          side.at,
          'debit-credit',
          said(`beløpet '${sideText}' er negativt`, `amount '${sideText}' is negative`),
          said('beløp i SAF-T er uten fortegn: en kredit står i CreditAmount', 'SAF-T amounts are unsigned: a credit goes in CreditAmount'),
        );
        return;
      }
    }
    if (line.analysis.has('\u0000')) return;
    // A line split over several values of one analysis type (two ansvar sharing an invoice) is one row per value, each with its part.
    // A loop, not [...map].filter: this runs a million times a ledger, for a split that is rare.
    const split: [string, AnalysisEntry[]][] = [];
    for (const entry of line.analysis) if (entry[1].length > 1) split.push(entry);
    if (split.length > 1) {
      this.lineError(
        split[1]![1][1]!.at,
        'saft-line',
        said(
          `linjen er delt på flere analysetyper samtidig (${split.map(([t]) => t).join(', ')})`,
          `the line is split over several analysis types at once (${split.map(([t]) => t).join(', ')})`,
        ),
        said(
          'samkost leser en linje delt på verdiene av én analysetype; del linjen i økonomisystemet',
          'samkost reads a line split over the values of one analysis type; split the line in the accounting system',
        ),
      );
      return;
    }
    if (split.length === 0) {
      this.row(line, account, plain ?? scaledText(lineAmountOf(line, a as ScaledAmount), '.'), side.at, (type) => line.analysis.get(type)?.[0]);
      return;
    }
    // A plain amount scans without error: the split line's parts are checked against it.
    const lineAmount = lineAmountOf(line, (a ?? scanAmount(sideText, { decimal: '.', declared: true })) as ScaledAmount);
    const [type, parts] = split[0]!;
    const amounts: ScaledAmount[] = [];
    for (const part of parts) {
      const leaf = part.amount?.leaf;
      const p = leaf ? scanAmount(leaf.text.trim(), { decimal: '.', declared: true }) : null;
      if (!p || 'error' in p || p.units < 0n) {
        this.lineError(
          leaf?.at ?? part.at,
          'saft-line',
          !leaf
            ? said(
                `linjen har analysetypen '${type}' flere ganger, men ikke beløpet for hver`,
                `the line has analysis type '${type}' more than once, but not the amount of each`,
              )
            : said(`analysebeløpet '${leaf.text.trim()}' er ikke et beløp uten fortegn`, `analysis amount '${leaf.text.trim()}' is not an unsigned amount`),
          said(
            'en linje delt på flere verdier gir hver verdi sitt beløp (AnalysisAmount)',
            'a line split over several values gives each value its amount (AnalysisAmount)',
          ),
        );
        return;
      }
      const side = part.amount!.side === 'line' ? (line.debit ? 'debit' : 'credit') : part.amount!.side;
      amounts.push(side === 'debit' ? p : subtract(ZERO, p));
    }
    const sum = amounts.reduce(subtractNegated, ZERO);
    if (subtract(sum, lineAmount).units !== 0n) {
      this.lineError(
        parts[0]!.at,
        'saft-line',
        said(
          `analysebeløpene for '${type}' er til sammen ${scaledSaid(sum).nb}, men linjen er på ${scaledSaid(lineAmount).nb}`,
          `the analysis amounts of '${type}' sum to ${scaledSaid(sum).en}, but the line is ${scaledSaid(lineAmount).en}`,
        ),
        said(
          'delene av en delt linje må summere til linjens beløp; eksporter filen på nytt',
          "the parts of a split line must sum to the line's amount; export the file again",
        ),
      );
      return;
    }
    parts.forEach((part, i) => {
      this.row(line, account, scaledText(amounts[i]!, '.'), part.amount!.leaf.at, (t) => (t === type ? part : line.analysis.get(t)?.[0]));
    });
  }

  private row(line: Line, account: string, amount: string, amountAt: SourcePos, analysis: (type: string) => AnalysisEntry | undefined): void {
    const tx = this.transaction!;
    const values = this.view;
    values.begin(line.at, tx.id, line.record);
    values.set(0, account, line.account!.at);
    values.set(1, this.accounts.get(account)!, line.account!.at);
    for (let i = 0; i < this.types.length; i++) {
      const v = analysis(this.types[i]!);
      values.set(2 + i, v?.id.text.trim() ?? '', v?.id.at ?? line.at);
    }
    const n = FIRST.length + this.types.length;
    values.set(n, amount, amountAt);
    values.set(n + 1, tx.date?.text.trim() ?? '', tx.date?.at ?? line.at);
    values.set(n + 2, line.description?.text.trim() ?? '', line.description?.at ?? line.at);
    this.feed.row(this.view);
  }
}

const ZERO: ScaledAmount = { units: 0n, scale: 0 };
/** A line's amount from its side's: debit − credit. */
const lineAmountOf = (line: Line, a: ScaledAmount): ScaledAmount => (line.debit ? a : subtract(ZERO, a));
const subtractNegated = (a: ScaledAmount, b: ScaledAmount) => subtract(a, subtract(ZERO, b));

/** Bytes enough to hold the XML declaration. */
const HEAD = 256;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The file's text encoding: a UTF-16 byte order mark, else the XML
 * declaration's `encoding=` (SAF-T is UTF-8, but a file saved as ISO-8859-1
 * says so), else UTF-8. Null for a declared encoding no decoder knows.
 */
function decoderFor(head: Uint8Array): TextDecoder | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be');
  const declared = /^(?:\ufeff)?<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(new TextDecoder('latin1').decode(head.subarray(0, 200)))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8');
  } catch {
    return null;
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** One SAF-T line as a row; every position it gives names the line's transaction and record. */
class SaftRow implements RowView {
  line = 0;
  count = 0;
  private values: string[] = [];
  private where: SourcePos[] = [];
  private transaction = '';
  private recordLeaf: Leaf | null = null;
  /** The row's record, made when a position is first asked for: most rows give none. */
  private record: SaftRecord | null = null;

  constructor(private readonly file: string) {}

  size(count: number): void {
    this.count = count;
    this.values = new Array<string>(count).fill('');
    this.where = new Array<SourcePos>(count);
  }

  begin(at: SourcePos, transaction: string, record: Leaf | null): void {
    this.line = at.line;
    this.transaction = transaction;
    this.recordLeaf = record;
    this.record = null;
  }

  set(i: number, value: string, at: SourcePos): void {
    this.values[i] = value;
    this.where[i] = at;
  }

  field(i: number): string {
    return this.values[i]!;
  }

  at(i: number): SourcePos {
    const p = this.where[i]!;
    this.record ??= { transaction: this.transaction, record: this.recordLeaf?.text.trim() ?? '' };
    return { file: this.file, line: p.line, col: p.col, record: this.record };
  }
}
