import { type IsoDate, parseLedgerDate } from '../dates/date.js';

/**
 * {@link parseLedgerDate}, remembered: a ledger repeats a few hundred dates
 * a million times, and each is read once. Reading is pure, so a remembered
 * answer is the answer; every row is still checked and reported by its
 * reader. Bounded, so a ledger of ever new (or malformed) dates grows no
 * memory: past `limit` distinct texts, the rest are read each time.
 */
export class LedgerDates {
  private readonly read = new Map<string, IsoDate | null>();

  constructor(private readonly limit = 4096) {}

  of(text: string): IsoDate | null {
    let d = this.read.get(text);
    if (d === undefined) {
      d = parseLedgerDate(text);
      // A string of its own: a field sliced from a chunk of the file would keep the chunk alive.
      if (this.read.size < this.limit) this.read.set((' ' + text).slice(1), d);
    }
    return d;
  }
}
