/**
 * Calendar dates as ISO strings (`2024-01-31`): what agreements, ledgers and
 * invoices carry. No time zone ever enters, so a date never shifts by a day.
 */
export type IsoDate = string;

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}

/** A date as ledgers write it: `2023-04-30` or the Norwegian `30.04.2023`. */
export function parseLedgerDate(text: string): IsoDate | null {
  const t = text.trim();
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = nb ? `${nb[3]}-${nb[2]!.padStart(2, '0')}-${nb[1]!.padStart(2, '0')}` : t;
  return isIsoDate(iso) ? iso : null;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  return addDays(`${addDays(`${date.slice(0, 8)}01`, 31).slice(0, 8)}01`, -1);
}

/** Whole calendar months from `from` (a first of a month) to `to` (a last day of a month), both included. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return Math.max(0, months(to) - months(from) + 1);
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
