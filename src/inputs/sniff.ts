import { type Said, said } from '../text/said.js';

/** What an input file is, told by its first bytes, never by its name: an export saved as `.csv` may well be a workbook. */
export type SourceKind = 'csv' | 'xlsx' | 'xml';

export interface WrongKind {
  readonly wrong: Said;
  readonly hint: Said;
}

/** Bytes enough to tell every kind below apart. */
export const SNIFF_BYTES = 512;

const SAVE_AS = said(
  'lagre regnskapet som .xlsx eller CSV, eller eksporter det som SAF-T Financial (XML)',
  'save the ledger as .xlsx or CSV, or export it as SAF-T Financial (XML)',
);

/**
 * Recognises a ledger file by its content: a ZIP (an .xlsx workbook), XML
 * (SAF-T Financial), or text (CSV, in any encoding the CSV reader knows).
 * Kinds samkost cannot read — PDF, the old binary .xls, UTF-16 without a
 * byte order mark — get a message that names them, instead of a CSV error
 * with their bytes in its excerpt.
 */
export function sniff(head: Uint8Array): SourceKind | WrongKind {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (starts(0x50, 0x4b, 0x05, 0x06)) return { wrong: said('filen er en tom ZIP-fil', 'the file is an empty ZIP archive'), hint: SAVE_AS };
  if (starts(0x25, 0x50, 0x44, 0x46))
    return {
      wrong: said('filen er en PDF, ikke et regneark eller en CSV-fil', 'the file is a PDF, not a spreadsheet or a CSV file'),
      hint: said(
        'samkost leser ikke PDF; hent regnskapet fra økonomisystemet som .xlsx, CSV eller SAF-T',
        'samkost does not read PDF; get the ledger from the accounting system as .xlsx, CSV or SAF-T',
      ),
    };
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return {
      wrong: said('filen er en gammel Excel-fil (.xls), som samkost ikke leser', 'the file is an old Excel file (.xls), which samkost does not read'),
      hint: said('åpne den i Excel og lagre som «Excel-arbeidsbok (.xlsx)» eller CSV', "open it in Excel and save it as 'Excel Workbook (.xlsx)' or CSV"),
    };
  if (starts(0x1f, 0x8b))
    return {
      wrong: said('filen er gzip-komprimert', 'the file is compressed with gzip'),
      hint: said('pakk den ut først (gunzip), og gi samkost filen som kommer ut', 'unpack it first (gunzip) and give samkost the file it holds'),
    };
  const text = firstChars(head);
  if (text.startsWith('<')) return 'xml';
  // UTF-16 without a byte order mark: every other byte of ASCII text is zero.
  if (head.length >= 4 && ((head[0] === 0 && head[2] === 0 && head[1] !== 0) || (head[1] === 0 && head[3] === 0 && head[0] !== 0)))
    return {
      wrong: said('filen er UTF-16 uten byte order mark', 'the file is UTF-16 without a byte order mark'),
      hint: said('lagre den fra Excel som «CSV UTF-8» eller «CSV (semikolondelt)»', "save it from Excel as 'CSV UTF-8' or 'CSV (semicolon separated)'"),
    };
  return 'csv';
}

/** The first characters after any byte order mark and leading whitespace, for telling XML from CSV. */
function firstChars(head: Uint8Array): string {
  let encoding = 'utf-8';
  let from = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) from = 3;
  else if (head[0] === 0xff && head[1] === 0xfe) [encoding, from] = ['utf-16le', 2];
  else if (head[0] === 0xfe && head[1] === 0xff) [encoding, from] = ['utf-16be', 2];
  return new TextDecoder(encoding).decode(head.subarray(from, from + 64)).trimStart();
}
