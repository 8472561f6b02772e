import { type ScaledAmount, scanKroner } from './amount.js';
import { type OreParts, OreSums } from './amount-bytes.js';
import type { LedgerPlan, LedgerSink, Where } from './ledger-bytes.js';
import type { SharedTable } from './xlsx-shared.js';
import { XmlFallback } from './xml-bytes.js';

/** A cell with a value: its text, or the shared string it refers to (−1 when none). */
export interface SheetCell {
  col: number;
  text: string;
  /** The shared string's index; −1 for text, {@link ORE} for an amount read as øre. */
  shared: number;
  /** With `shared` {@link ORE}: the amount, in whole øre. */
  ore: number;
}

/** A cell's `shared` when it holds an amount read from its bytes as øre ({@link plainOre}). */
export const ORE = -2;

/**
 * The whole øre of a number cell's value `buf[from, to)` when it has a shape
 * plainNumber leaves as written (`-?(0|[1-9]\d*)(\.\d*[1-9])?`, not `-0`)
 * with at most 13 digits before the point and 2 after: the øre SheetSums
 * reads from plainNumber's text of it. Null for any other value (its text is
 * then read as before). Below 10^15 in size: a whole number exact as a double.
 */
export function plainOre(buf: Uint8Array, from: number, to: number): number | null {
  let i = from;
  const negative = i < to && buf[i] === 45;
  if (negative) i++;
  const int = i;
  let ore = 0;
  while (i < to && buf[i]! >= 48 && buf[i]! <= 57) ore = ore * 10 + (buf[i++]! - 48);
  const intDigits = i - int;
  if (intDigits === 0 || intDigits > MAX_DIGITS - 2 || (buf[int] === 48 && intDigits > 1)) return null;
  ore *= 100;
  if (i < to) {
    if (buf[i] !== 46 || to - i - 1 < 1 || to - i - 1 > 2 || buf[to - 1] === 48) return null;
    const d1 = buf[i + 1]! - 48;
    const d2 = to - i - 1 === 2 ? buf[i + 2]! - 48 : 0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
    ore += 10 * d1 + d2;
  } else if (negative && ore === 0) return null;
  return negative ? -ore : ore;
}

/** Distinct values a field may have here: ids and chain ids stay small integers. */
const IDS = 1 << 24;
/** Øre digits a plain amount is summed with here (as amount-bytes.ts's OreSums takes them); a longer one goes through scanKroner. */
const MAX_DIGITS = 15;
const BILLION = 1_000_000_000;

/**
 * A worksheet's data rows summed by their key values, for a ledger sink with
 * a plan (LedgerSink.plan/absorb): each row's key fields are read as the
 * row path's sink reads them (the field's text, trimmed) and given an id per
 * distinct value, the ids of a row chained into one entry, and its amount
 * added in whole øre — so no row is handed to the sink, only one summed entry
 * per distinct key, in the order of their first rows. Anything the row path
 * would report (an amount scanKroner refuses, an empty category) throws
 * {@link XmlFallback}: the reference path then reads the sheet from the start
 * and reports it where it is.
 */
export class SheetSums {
  /** Data rows summed. */
  rows = 0;
  private readonly width: number;
  /** By field: value → id, and id → value. */
  private readonly ids: Map<string, number>[];
  private readonly values: string[][];
  /** By header column: which of the row's cells holds it (the last one), −1 for none. */
  private readonly slot: Int32Array;
  /** (chain id, value id) → chain id: the ids of a row's fields, one after another, as one number (open addressing, at most half full; ints, so no key is a heap number). */
  private links = new Int32Array(2 * 16);
  private linked = new Int32Array(16);
  private chains = 1;
  /** By chain id of a whole row: its entry plus one (0: none yet). */
  private entryOf = new Int32Array(16);
  /** By entry: its first row's line, and its values' ids (`width` a row). */
  private readonly lines: number[] = [];
  private readonly tuples: number[] = [];
  /** The row's values' ids. */
  private readonly row: Int32Array;
  private readonly sums = new OreSums();
  private readonly parts: OreParts = { negative: false, hi: 0, lo: 0 };
  /** By field: the shared strings met, by their bytes' hash (open addressing, at most half full). */
  private readonly known: Known[];

  constructor(
    private readonly plan: LedgerPlan,
    private readonly table: SharedTable,
    private readonly file: string,
    /** The header's first column (1-based): column `first + i` is field `i` of the header. */
    private readonly first: number,
  ) {
    this.width = plan.fields.length;
    this.ids = plan.fields.map(() => new Map());
    this.values = plan.fields.map(() => []);
    this.slot = new Int32Array(plan.count).fill(-1);
    this.row = new Int32Array(this.width);
    this.known = plan.fields.map(() => newKnown(16));
  }

  /** Adds the row numbered `line`, of the first `count` of `cells` (each in a column of the header). */
  add(line: number, cells: readonly SheetCell[], count: number): void {
    const slot = this.slot;
    const first = this.first;
    // A later cell of the same column wins, as the row path's row view fills it.
    for (let i = 0; i < count; i++) slot[cells[i]!.col - first] = i;
    const plan = this.plan;
    const ai = slot[plan.amount]!;
    const ore = ai >= 0 && cells[ai]!.shared === ORE ? cells[ai]!.ore : null;
    const amount = ore === null ? this.text(cells, plan.amount) : '';
    let k = 0;
    for (let f = 0; f < this.width; f++) {
      const i = slot[plan.fields[f]!]!;
      const shared = i < 0 ? -1 : cells[i]!.shared;
      const id = shared >= 0 && this.table.bare(shared) ? this.sharedId(f, shared) : this.id(f, trim(this.text(cells, plan.fields[f]!)));
      this.row[f] = id;
      k = this.link(k, id);
    }
    for (let i = 0; i < count; i++) slot[cells[i]!.col - first] = -1;
    if (k >= this.entryOf.length) {
      const grown = new Int32Array(2 * this.chains);
      grown.set(this.entryOf);
      this.entryOf = grown;
    }
    let e = this.entryOf[k]! - 1;
    if (e < 0) {
      e = this.lines.length;
      this.entryOf[k] = e + 1;
      this.lines.push(line);
      for (let f = 0; f < this.width; f++) this.tuples.push(this.row[f]!);
      this.sums.reserve(e + 1);
    }
    if (ore === null) this.amount(e, amount);
    else {
      this.split(ore);
      this.sums.add(e, this.parts);
    }
    this.sums.count(e);
    this.rows++;
  }

  /** The chain id of chain `k` followed by value id `id`: made when new. */
  private link(k: number, id: number): number {
    let mask = this.linked.length - 1;
    let p = (Math.imul(k, 0x9e3779b1) ^ id) & mask;
    for (let next = this.linked[p]!; next !== 0; next = this.linked[p]!) {
      if (this.links[2 * p] === k && this.links[2 * p + 1] === id) return next;
      p = (p + 1) & mask;
    }
    if (2 * this.chains > this.linked.length) {
      this.growLinks();
      mask = this.linked.length - 1;
      p = (Math.imul(k, 0x9e3779b1) ^ id) & mask;
      while (this.linked[p] !== 0) p = (p + 1) & mask;
    }
    if (this.chains >= IDS) throw new XmlFallback('too many distinct keys');
    this.links[2 * p] = k;
    this.links[2 * p + 1] = id;
    this.linked[p] = this.chains;
    return this.chains++;
  }

  private growLinks(): void {
    const links = this.links;
    const linked = this.linked;
    this.links = new Int32Array(2 * links.length);
    this.linked = new Int32Array(2 * linked.length);
    const mask = this.linked.length - 1;
    for (let q = 0; q < linked.length; q++) {
      if (linked[q] === 0) continue;
      let p = (Math.imul(links[2 * q]!, 0x9e3779b1) ^ links[2 * q + 1]!) & mask;
      while (this.linked[p] !== 0) p = (p + 1) & mask;
      this.links[2 * p] = links[2 * q]!;
      this.links[2 * p + 1] = links[2 * q + 1]!;
      this.linked[p] = linked[q]!;
    }
  }

  /** The id of value `v` (trimmed) of field `f`. */
  private id(f: number, v: string): number {
    if (v === '' && f === this.plan.category && this.plan.requireCategory) throw new XmlFallback('a row without a category');
    const ids = this.ids[f]!;
    let id = ids.get(v);
    if (id === undefined) {
      id = ids.size;
      if (id >= IDS) throw new XmlFallback('too many distinct values');
      ids.set(v, id);
      this.values[f]!.push(v);
    }
    return id;
  }

  /**
   * The id of shared string `s` (one the trim leaves as it is) as a value of
   * field `f`, found by its bytes: each distinct text is decoded once, not
   * once a cell (a writer that does not share gives every cell an entry of
   * its own).
   */
  private sharedId(f: number, s: number): number {
    const table = this.table;
    const h = table.hash(s);
    let known = this.known[f]!;
    let mask = known.reps.length - 1;
    let p = h & mask;
    for (let r = known.reps[p]!; r !== 0; r = known.reps[p]!) {
      if (known.hashes[p] === h && table.same(r - 1, s)) return known.ids[p]!;
      p = (p + 1) & mask;
    }
    const id = this.id(f, table.get(s));
    if (2 * (known.count + 1) > known.reps.length) {
      known = this.known[f] = grownKnown(known);
      mask = known.reps.length - 1;
      p = h & mask;
      while (known.reps[p] !== 0) p = (p + 1) & mask;
    }
    known.reps[p] = s + 1;
    known.hashes[p] = h;
    known.ids[p] = id;
    known.count++;
    return id;
  }

  /** Hands every entry to the sink, in the order of their first rows. */
  absorb(sink: LedgerSink<unknown>): void {
    const values = new Array<string>(this.width);
    const file = this.file;
    const first = this.first;
    let line = 0;
    const where: Where = { at: (col) => ({ file, line, col: first + col }) };
    for (let e = 0; e < this.lines.length; e++) {
      for (let f = 0; f < this.width; f++) values[f] = this.values[f]![this.tuples[e * this.width + f]!]!;
      line = this.lines[e]!;
      sink.absorb(values, { units: this.sums.total(e), scale: 2 }, this.sums.rows(e), where, true);
    }
  }

  /** The text of header column `c` in this row, as the row path's row view gives it: '' when no cell holds it. */
  private text(cells: readonly SheetCell[], c: number): string {
    const i = this.slot[c]!;
    if (i < 0) return '';
    const cell = cells[i]!;
    return cell.shared >= 0 ? this.table.get(cell.shared) : cell.text;
  }

  /** Adds the amount `text` to entry `e`, as scanKroner reads it; the plain shape `-?digits(mark d{1,2})?` digit by digit. */
  private amount(e: number, text: string): void {
    const numbers = this.plan.numbers;
    if (numbers.declared && this.plain(text, numbers.decimal.charCodeAt(0))) {
      this.sums.add(e, this.parts);
      return;
    }
    const a: ScaledAmount | { error: unknown } = scanKroner(text, numbers);
    if ('error' in a) throw new XmlFallback('an amount the row path reports');
    // scanKroner gives whole øre at most: a finer scale divides exactly.
    const ore = a.scale <= 2 ? a.units * 10n ** BigInt(2 - a.scale) : a.units / 10n ** BigInt(a.scale - 2);
    if (ore !== 0n) this.sums.addBig(e, ore);
  }

  /**
   * Reads `text` into `parts` as whole øre when it is `-?\d+` with one or two
   * decimals after `mark`, or none, in at most 15 digits of øre — the value
   * scanKroner's plain reading gives it (digits, leading zeros and all, over
   * 10^scale) — and says whether it did.
   */
  private plain(text: string, mark: number): boolean {
    const n = text.length;
    let i = text.charCodeAt(0) === 45 ? 1 : 0;
    const start = i;
    let int = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      int = int * 10 + (c - 48);
      i++;
    }
    const intDigits = i - start;
    if (intDigits === 0 || intDigits > MAX_DIGITS - 2) return false;
    let frac = 0;
    if (i < n) {
      if (text.charCodeAt(i) !== mark || n - i - 1 < 1 || n - i - 1 > 2) return false;
      for (let j = i + 1; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c < 48 || c > 57) return false;
        frac = frac * 10 + (c - 48);
      }
      if (n - i - 1 === 1) frac *= 10;
    }
    this.split(start === 1 ? -(int * 100 + frac) : int * 100 + frac);
    return true;
  }

  /** Puts `ore` (a whole number below 10^15 in size: exact as a double) into `parts` as the halves OreSums takes — the remainder of whole numbers is exact, and so is dividing a multiple of 10^9. */
  private split(ore: number): void {
    const parts = this.parts;
    parts.negative = ore < 0;
    const size = ore < 0 ? -ore : ore;
    parts.lo = size % BILLION;
    parts.hi = (size - parts.lo) / BILLION;
  }
}

/** Shared strings by their bytes: slot p holds entry `reps[p] − 1` (0: free), the hash of its bytes and its value's id. */
interface Known {
  reps: Int32Array;
  hashes: Int32Array;
  ids: Int32Array;
  count: number;
}

const newKnown = (size: number): Known => ({ reps: new Int32Array(size), hashes: new Int32Array(size), ids: new Int32Array(size), count: 0 });

/** The table twice as large, every entry placed again. */
function grownKnown(old: Known): Known {
  const known = newKnown(2 * old.reps.length);
  const mask = known.reps.length - 1;
  for (let q = 0; q < old.reps.length; q++) {
    if (old.reps[q] === 0) continue;
    let p = old.hashes[q]! & mask;
    while (known.reps[p] !== 0) p = (p + 1) & mask;
    known.reps[p] = old.reps[q]!;
    known.hashes[p] = old.hashes[q]!;
    known.ids[p] = old.ids[q]!;
  }
  known.count = old.count;
  return known;
}

/** `s.trim()`, without the call when there is nothing to trim. */
function trim(s: string): string {
  return s.length > 0 && s.charCodeAt(0) > 32 && s.charCodeAt(s.length - 1) > 32 ? s : s.trim();
}
