import { type Said, said } from '../text/said.js';

/**
 * Calendar dates as ISO strings (`2024-01-31`): what agreements, ledgers and
 * invoices carry. No time zone ever enters, so a date never shifts by a day.
 * Dates are checked and counted with integer arithmetic, never through
 * JavaScript's `Date`, which throws on month 13 and rolls 30 February over.
 */
export type IsoDate = string;

/**
 * The years a date may have: any agreement, ledger or invoice of a living
 * cooperation falls inside, and an invoice's due date 30 days on still has
 * four digits (year 0000 and 9999-12-31 + 30 days are typing mistakes).
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const MONTHS_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `text` is not a date samkost reads, in words a user can act on
 * ("februar 2023 har 28 dager"); null when it is one. Only the ISO form
 * `ÅÅÅÅ-MM-DD` is a date.
 */
export function dateProblem(text: string): Said | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return said('skriv den som ÅÅÅÅ-MM-DD, f.eks. 2024-01-31', 'write it as YYYY-MM-DD, e.g. 2024-01-31');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return said(`året ${m[1]} er utenfor ${FIRST_YEAR}–${LAST_YEAR}`, `the year ${m[1]} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  if (month < 1 || month > 12) return said(`det finnes ingen måned ${m[2]}: skriv 01 til 12`, `there is no month ${m[2]}: write 01 to 12`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    return said(`${MONTHS_NB[month - 1]} ${year} har dagene 01 til ${days}`, `${MONTHS_EN[month - 1]} ${year} has the days 01 to ${days}`);
  return null;
}

export function isIsoDate(s: string): boolean {
  return dateProblem(s) === null;
}

/** A date as ledgers write it: `2023-04-30` or the Norwegian `30.04.2023`. */
export function parseLedgerDate(text: string): IsoDate | null {
  const iso = ledgerIso(text);
  return isIsoDate(iso) ? iso : null;
}

/**
 * Why a ledger cell written like a date is none (`31.02.2024`: "februar
 * 2024 har dagene 01 til 29"); null when it is a date or not written like one.
 */
export function ledgerDateProblem(text: string): Said | null {
  const iso = ledgerIso(text);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateProblem(iso) : null;
}

function ledgerIso(text: string): string {
  const t = text.trim();
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  return nb ? `${nb[3]}-${nb[2]!.padStart(2, '0')}-${nb[1]!.padStart(2, '0')}` : t;
}

/** Integer division rounded down, for day counts (whole numbers only: no amount ever passes here). */
function div(a: number, b: number): number {
  return (a - (((a % b) + b) % b)) / b;
}

/** Days since 1970-01-01 (the civil-from-days algorithm, proleptic Gregorian). */
function dayNumber(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = div(y, 400);
  const yoe = y - era * 400;
  const doy = div(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1;
  const doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = div(z, 146097);
  const doe = z - era * 146097;
  const yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146096), 365);
  const doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100));
  const mp = div(5 * doy + 2, 153);
  const d = doy - div(153 * mp + 2, 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4));
  return `${date.slice(0, 8)}${daysInMonth(y, Number(date.slice(5, 7)))}`;
}

/** Whole calendar months from `from` (a first of a month) to `to` (a last day of a month), both included. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return Math.max(0, months(to) - months(from) + 1);
}

/** Calendar days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

/** A date as written in Norwegian prose: `15.12.2023` for `2023-12-15`. */
export function dateNb(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The calendar day of an instant in the machine's time zone: a Norwegian document written at 00:30 is dated today, not yesterday (UTC). */
export function localDay(d: Date): IsoDate {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
