import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

/**
 * Amounts are bigint units and exact fractions (src/money/) from the cell or
 * text they are read from to the text they are written as. A float leak looks
 * like one of these: a conversion to a JS number (`Number(x)`, `parseFloat`,
 * `parseInt`, unary `+x`), float formatting (`.toFixed(`, `.toPrecision(`)
 * or float arithmetic (`Math.`). Each use in src/ is listed below with why it
 * is not an amount; a new one fails until it is looked at and listed (or,
 * being an amount, rewritten with Money/Ratio).
 */
const FLOAT = /\bNumber\s*[(.]|\bparse(?:Float|Int)\s*\(|\.to(?:Fixed|Precision|Exponential)\s*\(|\bMath\.\w+|(?:^|[=(,:?&|[]|\breturn|=>)\s*\+\s*[\w(]/;

const NOT_AMOUNTS: Record<string, readonly string[]> = {
  // Years, instalment numbers, list indexes and thread counts: whole numbers read from digits only.
  'src/agreement/parties.ts': ['const year = /^\\d{4}$/.test(e.key) ? Number(e.key) : null;'],
  'src/agreement/settings.ts': [
    'changes.set(Number(y.key), c ?? Ratio.ZERO);',
    // Payment terms: a whole number of days, one to three digits.
    'if (/^[1-9]\\d{0,2}$/.test(termsText)) paymentTermsDays = { value: Number(termsText), at: t.valueAt };',
  ],
  'src/agreement/yaml-library.ts': [
    "const found = unsupported(root).map((u) => (u.kind === 'tag' ? { ...u, offset: Math.max(0, text.lastIndexOf(u.text, u.offset)) } : u));",
  ],
  'src/agreement/yaml-nodes.ts': ['return Number(text);'],
  // The value a YAML node holds as the yaml library composes it (the core schema's numbers are JS numbers), built the
  // same way by the short reader; samkost reads every amount, share and number from the scalar's source text instead.
  'src/agreement/yaml-short.ts': [
    'if (INT.test(s)) return Number.parseInt(s, 10);',
    "if (INFINITY_OR_NAN.test(s)) return s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN') ? Number.NaN : s[0] === '-' ? -Infinity : Infinity;",
    'if (FLOAT.test(s)) return Number.parseFloat(s);',
  ],
  'src/inputs/drivers.ts': ['...(yearText ? { year: Number(yearText) } : {}),'],
  'src/scenario/set.ts': ['const index = /^\\d+$/.test(part) ? Number(part) : ids.indexOf(part);'],
  'src/cli/invoices-action.ts': ['const akonto = opts.akonto === undefined ? undefined : /^[1-9]\\d{0,2}$/.test(opts.akonto) ? Number(opts.akonto) : null;'],
  'src/cli/scenario-args.ts': [
    "const scale = Math.max(...parts.map((p) => p![1]!.split('.')[1]?.length ?? 0));",
    // A sweep's number of values, checked above to be at most MAX_SWEEP.
    'const sweep: Sweep = { path, from: a, step: d, count: Number(count), scale, suffix };',
    'return { series: m[1]!, change, ...(m[2] ? { year: Number(m[2]) } : {}) };',
    'const [from, to] = [Number(m[1]), Number(m[2])];',
  ],
  'src/cli/scenario-action.ts': [
    'const first = Math.min(SAMPLE, plan.count);',
    'const threads = opts.threads === undefined ? Math.min(availableParallelism(), 8) : Number(opts.threads);',
    // A worker thread's heap limit in megabytes, from this thread's heap in bytes.
    'const maxOldGenerationSizeMb = Math.max(WORKER_OLD_MB, Math.ceil((4 * getHeapStatistics().used_heap_size) / 2 ** 20));',
    'written = Math.min(plan.count, written + BLOCK);',
  ],
  // Months and dates: calendar arithmetic on whole numbers (a month count is the floor of an exact fraction).
  'src/compute/explain.ts': ['const months = Number(fraction.times(Ratio.of(12n)).floor());'],
  // Account numbers and the ends of a range of them, compared: integers of at most 15 digits only (exact below 2^53), longer ones as BigInt.
  'src/compute/select.ts': ['const n = Number(v);', 'return Number(p.from) <= n && n <= Number(p.to);'],
  'src/dates/date.ts': [
    'const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];',
    'let y = Number(date.slice(0, 4));',
    'const m = Number(date.slice(5, 7));',
    'const d = Number(date.slice(8, 10));',
    'const y = Number(date.slice(0, 4));',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a source line quoted as written
    'return `${date.slice(0, 8)}${daysInMonth(y, Number(date.slice(5, 7)))}`;',
    'const months = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;',
    'return Math.max(0, months(to) - months(from) + 1);',
    'return Math.max(0, dayNumber(to) - dayNumber(from) + 1);',
  ],
  // An xlsx cell's number format, style and shared-string index, its row number, and a date cell's whole days: indexes and counts.
  'src/inputs/xlsx.ts': [
    "if (name === 'numFmt') custom.set(Number(t.attributes.numFmtId), t.attributes.formatCode ?? '');",
    'const id = Number(t.attributes.numFmtId ?? 0);',
    'return n >= 0 ? n : Number(latin1(buf, from, to));',
    'this.openRow(r ? Number(r) : undefined, selfClosing);',
    "this.openCell(ref ? columnNumber(ref) : -1, attribute('t') ?? 'n', Number(attribute('s') ?? 0), selfClosing);",
    'const at = c.index >= 0 ? c.index : Number(c.value);',
    'return r ? Number(r) : undefined;',
    "return n >= 0 ? n : Number(x.attribute('s'));",
    'const days = Number(m[1]);',
  ],
  // A decimal's exponent and scale (digit counts): the digits themselves stay a bigint.
  'src/inputs/decimal.ts': ['const exp = m[4] === undefined ? 0 : Number(m[4]);', 'const scale = Math.max(a.scale, b.scale);'],
  // Byte offsets into a file, and positions in a sweep: counts.
  'src/inputs/zip-read.ts': ['const tailStart = Math.max(0, src.size - TAIL);'],
  // Hashes of name and text bytes (32-bit integer multiplication), and the code point of a character reference.
  'src/inputs/xml-bytes.ts': [
    'for (let k = start; k < end; k++) h = Math.imul(h ^ buf[k]!, 16777619);',
    'h = Math.imul(h ^ buf[i]!, 16777619);',
    'const cp = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2]!, 16);',
    "e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)) : PREDEFINED[e]!,",
  ],
  'src/cli/read-input.ts': ['head = await firstBytes(range(0, Math.min(size, SNIFF_BYTES)));'],
  'src/cli/sweep-worker.ts': ['for (let i = start; i < Math.min(start + job.block, job.to); i++) {'],
  // Bytes of output copied into a chunk: a count.
  'src/cli/utf8-chunks.ts': ['const n = Math.min(bytes.length - at, CHUNK - this.used);'],
  'src/scenario/sweep.ts': ['for (let i = from; i < Math.min(to, this.count); i++) yield this.at(i);'],
  // Invoice numbers: a count of documents, turned into bigint before it meets a number series.
  'src/validate/number-series.ts': ['return { first: first.value, last: first.value + BigInt(Math.max(count * buyers - 1, 0)), at: first.at };'],
  // Check digits of account, KID and organisation numbers: digit arithmetic.
  'src/norway/account.ts': ['return /^\\d{11}$/.test(s) && mod11(s.slice(0, 10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === Number(s[10]);'],
  'src/norway/check-digits.ts': [
    'const d = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);',
    'const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);',
  ],
  'src/norway/kid.ts': ['return /^\\d{2,25}$/.test(kid) && mod10(kid.slice(0, -1)) === Number(kid.slice(-1));'],
  'src/norway/orgnr.ts': ['return /^\\d{9}$/.test(s) && mod11(s.slice(0, 8), [3, 2, 7, 6, 5, 4, 3, 2]) === Number(s[8]);'],
  // Exact arithmetic itself: digit counts, and Euclid on integers below 2^53 (exact as doubles).
  'src/money/money.ts': ['return this.digits(Math.max(2, this.scale));'],
  'src/money/ratio.ts': [
    'return d === 1n ? Math.max(twos, fives) : null;',
    'const SAFE = BigInt(Number.MAX_SAFE_INTEGER);',
    'let x = Number(a);',
    'let y = Number(b);',
  ],
  // Layout: column widths, excerpt positions, cell references, and a chart's pixels (an exact fraction rounded to whole pixels).
  'src/render/page.ts': [': Number('],
  'src/render/text-table.ts': ["const widths = columns.map((_, i) => all.reduce((w, r) => Math.max(w, [...(r[i] ?? '')].length), 0));"],
  'src/render/xlsx.ts': [
    'const widths = s.columns.map((c, i) => Math.min(60, Math.max(8, c.title.length + 2, ...s.rows.map((r) => shown(r[i] ?? null).length + 2))));',
    'const last = ref(Math.max(0, s.columns.length - 1), s.rows.length + 1);',
  ],
  'src/diagnostics/render.ts': [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a source line quoted as written
    "out.push(style.dim(`${pad} |`) + ` ${' '.repeat(Math.max(0, caret))}${d.severity === 'error' ? style.error('^') : style.warning('^')}`);",
    'const start = Math.max(0, Math.min(col - EXCERPT / 2, line.length - EXCERPT));',
  ],
  'src/diagnostics/suggest.ts': [
    'const limit = Math.max(2, Math.floor(word.length / 3));',
    'if (Math.abs(c.length - word.length) > Math.min(limit, bestDistance)) continue;',
    'cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub));',
  ],
  'src/cli/excerpts.ts': ['const last = Math.max(...wanted);'],
  // A hash of bytes, words and ids (FNV-1a, then Murmur3's last step), for the byte reader's tables; its øre are whole numbers below 2^53 (see the module).
  'src/inputs/ledger-bytes.ts': ['return Math.imul(h ^ x, 0x01000193);', 'h = Math.imul(h, 0x85ebca6b);', 'h = Math.imul(h, 0xc2b2ae35);'],
  // The SAF-T walker: byte counts of its buffers, and hashes of bytes, four-byte words and ids (FNV-1a) for its tables; its øre are OreSums' whole numbers.
  'src/inputs/saft-ledger.ts': [
    'const keep = Math.max(0, all.length - HELD);',
    'work = Buffer.allocUnsafe(Math.max(size, 2 * work.length));',
    'h = Math.imul(h ^ buf[i]!, 16777619);',
    'for (; k + 4 <= e; k += 4) h = Math.imul(h ^ view.getInt32(k, true), 16777619);',
    'for (; k < e; k++) h = Math.imul(h ^ buf[k]!, 16777619);',
    'for (let f = 0; f < k; f++) h = Math.imul(h ^ tuple[f]!, 0x01000193);',
    'for (let f = 0; f < k; f++) x = Math.imul(x ^ this.keys[v * k + f]!, 0x01000193);',
  ],
  // Hashes of a shared string's bytes and of a pair of ids: 32-bit integer mixing, no amount.
  'src/inputs/xlsx-shared.ts': ['for (let k = this.starts[i]!, e = this.ends[i]!; k < e; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);'],
  'src/inputs/xlsx-sums.ts': [
    'let p = (Math.imul(k, 0x9e3779b1) ^ id) & mask;',
    'p = (Math.imul(k, 0x9e3779b1) ^ id) & mask;',
    'let p = (Math.imul(links[2 * q]!, 0x9e3779b1) ^ links[2 * q + 1]!) & mask;',
  ],
  'src/inputs/table.ts': ['return Math.max(0, this.reader.records - 1);'],
  // Progress on the terminal: bytes read, a percentage and a speed, never an amount.
  'src/cli/progress.ts': ['const pct = size > 0 ? Math.floor((100 * bytes) / size) : 100;', 'const speed = (rate / 1e6).toFixed(2);'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a source line quoted as written
  'src/cli/read-text.ts': ['const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
}

/** Comments blanked and string literals emptied (line for line), so neither is taken for code. */
function code(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .split('\n');
}

/** Every line of src/ that converts to, formats or computes with a JS number, as `file: line` (the line as written). */
function floatLines(text: string): string[] {
  const raw = text.split('\n');
  return code(text).flatMap((l, i) => (FLOAT.test(l) ? [raw[i]!.trim()] : []));
}

describe('no amount passes through a float', () => {
  it('sees each kind of leak (and not a bigint sum or a non-null assertion)', () => {
    for (const leak of [
      'const kr = Number(cell);',
      'const kr = Number.parseFloat(cell);',
      'const kr = parseFloat(cell);',
      'const ore = parseInt(cell, 10);',
      'const kr = +cell;',
      'total = f(+row.amount);',
      'return +text;',
      'const t = (kr * 1.25).toFixed(2);',
      'const v = x.toPrecision(4);',
      'const r = Math.round(kr * 100) / 100;',
    ])
      expect(floatLines(leak), leak).toEqual([leak]);
    for (const fine of [
      'const u = BigInt(m[2]! + frac);',
      'const sub = prev[j - 1]! + (a === b ? 0 : 1);',
      'const s = amount.toFixed2(); // Math.round and Number( in a comment',
      "const t = 'Number(x) in a string';",
      'const n = a + b;',
    ])
      expect(floatLines(fine), fine).toEqual([]);
  });

  it('every JS number in src/ is a count, a year, a digit or a pixel, each listed with why', () => {
    const found: Record<string, string[]> = {};
    for (const file of files(path.join(ROOT, 'src'))) {
      const lines = floatLines(readFileSync(file, 'utf8'));
      if (lines.length) found[path.relative(ROOT, file).split(path.sep).join('/')] = lines;
    }
    expect(found).toEqual(NOT_AMOUNTS);
  });
});
