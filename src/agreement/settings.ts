import { isOneOf } from './one-of.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { exactPercent, formatPercent } from './percent.js';
import {
  INPUT_NAMES,
  ITEM_KINDS,
  VAT_STATUSES,
  type AkontoInstalment,
  type Invoicing,
  type Id,
  type IgnoreRule,
  type IndexSeries,
  type InputName,
  type InputSpec,
  type ItemKind,
  type Settlement,
} from './model.js';
import { readSelectorFields } from './selector.js';
import type { DecimalMark } from '../inputs/amount.js';
import { ENCODINGS, type Encoding } from '../inputs/decode.js';
import type { Delimiter } from '../inputs/records.js';
import type { CsvDialect } from '../inputs/table.js';
import { isMap, isSeq, type Entry, type YamlReader, type YNode } from './yaml-nodes.js';

/** `indices: { deflator: { 2021: 3.0%, ... } }` — yearly change per series. */
export function readIndices(r: YamlReader, node: YNode, at: SourcePos): Map<Id, IndexSeries> {
  const out = new Map<Id, IndexSeries>();
  for (const e of node === null ? [] : (r.map(node, 'indices', at) ?? [])) {
    const id = r.slug(e.key, 'index series', e.at);
    const changes = new Map<number, Ratio>();
    for (const y of r.map(e.value, `index series '${e.key}'`, e.valueAt) ?? []) {
      if (!/^\d{4}$/.test(y.key)) {
        r.diags.error(y.at, 'bad-number', `'${y.key}' in index series '${e.key}' is not a year`, 'write the change per year, e.g. 2023: 5.0%');
        continue;
      }
      const c = r.ratio(y.value, `change in ${y.key}`, y.valueAt);
      // A fall of 100 % makes every indexed amount zero, more turns it into a credit: never a price index.
      if (c && c.cmp(Ratio.of(-1n)) <= 0)
        r.diags.error(
          y.valueAt,
          'index-change',
          `a change of ${formatPercent(c)} in ${y.key} in index series '${e.key}' would make every indexed amount zero or negative`,
          'write the change from the year before as a percentage above -100 %, e.g. 2.5% or -1.2%',
        );
      // Kept even when refused, so no follow-on "no change for that year" is reported.
      if (c) changes.set(Number(y.key), c);
    }
    if (id !== null) out.set(id, { id, changes, at: e.at });
  }
  return out;
}

/** `drivers: { servers: { molde: 120, ... } }` — measured quantities written in the agreement. */
export function readInlineDrivers(r: YamlReader, node: YNode, at: SourcePos): Map<Id, Map<Id, { value: Ratio; at: SourcePos }>> {
  const out = new Map<Id, Map<Id, { value: Ratio; at: SourcePos }>>();
  for (const e of node === null ? [] : (r.map(node, 'drivers', at) ?? [])) {
    const id = r.slug(e.key, 'driver', e.at);
    const values = new Map<Id, { value: Ratio; at: SourcePos }>();
    for (const p of r.map(e.value, `driver '${e.key}'`, e.valueAt) ?? []) {
      const v = r.quantity(p.value, `${e.key} of '${p.key}'`, p.valueAt);
      if (v) values.set(p.key, { value: v, at: p.at });
    }
    if (id !== null) out.set(id, values);
  }
  return out;
}

/** `ignore:` — actuals rows declared outside the split, each with a reason. */
export function readIgnore(r: YamlReader, node: YNode, at: SourcePos): IgnoreRule[] {
  const out: IgnoreRule[] = [];
  for (const n of node === null ? [] : (r.seq(node, 'ignore', at) ?? [])) {
    const pos = r.pos(n, at);
    const fields = r.map(n, 'an ignore rule', pos);
    if (!fields) continue;
    const reasonEntry = fields.find((f) => f.key === 'reason');
    if (!reasonEntry)
      r.diags.error(pos, 'missing-field', 'an ignore rule needs a reason', 'write reason: why these rows are outside the split (it is printed in reports)');
    const reason = reasonEntry ? r.string(reasonEntry.value, 'reason', reasonEntry.valueAt) : null;
    const selector = readSelectorFields(
      r,
      fields.filter((f) => f.key !== 'reason'),
      pos,
      'an ignore rule',
    );
    if (selector && reason !== null) out.push({ selector, reason });
  }
  return out;
}

/**
 * `inputs: { actuals: gl.csv }` or `{ actuals: { file: gl.csv, columns: { category: Art },
 * delimiter: ';', decimal: ',', encoding: windows-1252 } }`.
 */
export function readInputs(r: YamlReader, node: YNode, at: SourcePos, resolve: (file: string) => string): Map<InputName, InputSpec> {
  const out = new Map<InputName, InputSpec>();
  const entries = node === null ? [] : (r.map(node, 'inputs', at) ?? []);
  r.onlyFields(entries, INPUT_NAMES, 'inputs');
  for (const e of entries) {
    if (!isOneOf(INPUT_NAMES, e.key)) continue;
    let file: string | null = null;
    const columns = new Map<string, string>();
    let dialect: CsvDialect = {};
    if (isMap(e.value)) {
      const fields = r.map(e.value, `input '${e.key}'`, e.valueAt) ?? [];
      r.onlyFields(fields, ['file', 'columns', 'delimiter', 'decimal', 'encoding'], `input '${e.key}'`);
      const f = fields.find((x) => x.key === 'file');
      if (!f) r.diags.error(e.valueAt, 'missing-field', `input '${e.key}' has no file`, `write ${e.key}: { file: ${e.key}.csv }`);
      else file = r.string(f.value, 'file', f.valueAt);
      const c = fields.find((x) => x.key === 'columns');
      for (const col of c ? (r.map(c.value, 'columns', c.valueAt) ?? []) : []) {
        const name = r.string(col.value, `column for '${col.key}'`, col.valueAt);
        if (name !== null) columns.set(col.key, name);
      }
      dialect = readDialect(r, fields, e.key);
    } else {
      file = r.string(e.value, `input '${e.key}'`, e.valueAt);
    }
    if (file !== null) out.set(e.key, { file: resolve(file), columns, dialect, at: e.valueAt });
  }
  return out;
}

const DELIMITERS: Readonly<Record<string, Delimiter>> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };

function readDialect(r: YamlReader, fields: readonly Entry[], input: string): CsvDialect {
  const choice = <T>(key: string, allowed: Readonly<Record<string, T>>, hint: string): T | undefined => {
    const f = fields.find((x) => x.key === key);
    if (!f) return undefined;
    const v = r.string(f.value, `${key} of input '${input}'`, f.valueAt);
    if (v === null) return undefined;
    const got = allowed[v.toLowerCase()];
    if (got === undefined)
      r.diags.error(
        r.pos(f.value, f.valueAt),
        'bad-value',
        `${key} of input '${input}' must be one of ${Object.keys(allowed)
          .map((k) => `'${k}'`)
          .join(', ')}, got '${v}'`,
        hint,
      );
    return got;
  };
  const delimiter = choice('delimiter', DELIMITERS, "quote the character: delimiter: ';'");
  const decimal = choice<DecimalMark>('decimal', { ',': ',', '.': '.' }, "quote the mark: decimal: ','");
  const encoding = choice<Encoding>(
    'encoding',
    Object.fromEntries(ENCODINGS.map((x) => [x, x])),
    'Norwegian Excel writes windows-1252 (CSV) or utf-8 (CSV UTF-8)',
  );
  return { ...(delimiter ? { delimiter } : {}), ...(decimal ? { decimal } : {}), ...(encoding ? { encoding } : {}) };
}

/** `budget: { lonn: 29233000 }` — per actuals category. */
export function readBudget(r: YamlReader, node: YNode, at: SourcePos): Map<string, { amount: Money; at: SourcePos }> {
  const out = new Map<string, { amount: Money; at: SourcePos }>();
  for (const e of node === null ? [] : (r.map(node, 'budget', at) ?? [])) {
    const amount = r.money(e.value, `budget for '${e.key}'`, e.valueAt);
    if (amount) out.set(e.key, { amount, at: e.at });
  }
  return out;
}

/** `settlement: { akonto: [{ due, part }], final_due }` — parts must sum to 100 %. */
export function readSettlement(r: YamlReader, node: YNode, at: SourcePos): Settlement | undefined {
  const fields = r.map(node, 'settlement', at);
  if (!fields) return undefined;
  r.onlyFields(fields, ['akonto', 'final_due', 'carry_forward'], 'settlement');
  const akonto: AkontoInstalment[] = [];
  const a = fields.find((f) => f.key === 'akonto');
  let total = Ratio.ZERO;
  let complete = true;
  for (const n of a ? (r.seq(a.value, 'akonto', a.valueAt) ?? []) : []) {
    const pos = r.pos(n, a!.valueAt);
    const inst = r.map(n, 'an a-konto instalment', pos);
    if (!inst) continue;
    r.onlyFields(inst, ['due', 'part'], 'an a-konto instalment');
    const due = inst.find((f) => f.key === 'due');
    const part = inst.find((f) => f.key === 'part');
    if (!due || !part) {
      r.diags.error(pos, 'missing-field', 'an a-konto instalment needs due and part', 'write { due: 2023-04-30, part: 50% }');
      complete = false;
      continue;
    }
    const d = r.date(due.value, 'due date', due.valueAt);
    const p = r.ratio(part.value, 'part', part.valueAt);
    if (d === null || p === null) {
      complete = false;
      continue;
    }
    total = total.plus(p);
    akonto.push({ due: d, part: p, at: pos });
  }
  if (a && complete && akonto.length > 0 && !total.eq(Ratio.ONE)) {
    r.diags.error(a.at, 'akonto-sum', `a-konto parts sum to ${exactPercent(total)}, not 100 %`, 'the instalments together cover the whole budgeted share');
  }
  const f = fields.find((x) => x.key === 'final_due');
  const finalDue = f ? r.date(f.value, 'final_due', f.valueAt) : null;
  const c = fields.find((x) => x.key === 'carry_forward');
  return { akonto, carryForward: c ? readKinds(r, c.value, c.valueAt) : [], ...(finalDue ? { finalDue, finalDueAt: f!.valueAt } : {}) };
}

/** `carry_forward: investment` or `[operating, investment]`. */
function readKinds(r: YamlReader, node: YNode, at: SourcePos): ItemKind[] {
  const kinds: ItemKind[] = [];
  for (const n of isSeq(node) ? (r.seq(node, 'carry_forward', at) ?? []) : [node]) {
    const pos = r.pos(n, at);
    const text = r.string(n, 'carry_forward', pos);
    if (text === null) continue;
    if (isOneOf(ITEM_KINDS, text)) kinds.push(text);
    else
      r.diags.error(
        pos,
        'bad-value',
        `carry_forward must name operating or investment, got '${text}'`,
        'investment balances carried forward to next year: carry_forward: [investment]',
      );
  }
  return kinds;
}

/** `invoicing: { first_number: 21001, vat: outside-scope }` — the host's number series and VAT status. */
export function readInvoicing(r: YamlReader, node: YNode | undefined, at: SourcePos): Invoicing {
  if (node === undefined) return { vat: 'outside-scope', at };
  const fields = r.map(node, 'invoicing', at) ?? [];
  r.onlyFields(fields, ['first_number', 'vat'], 'invoicing');
  const n = fields.find((f) => f.key === 'first_number');
  const text = n ? r.string(n.value, 'first_number', n.valueAt) : null;
  let firstNumber: Invoicing['firstNumber'];
  if (n && text !== null) {
    // A KID is built from the number, and a KID has at most 25 digits.
    if (/^[1-9]\d{0,19}$/.test(text)) firstNumber = { value: BigInt(text), at: n.valueAt };
    else
      r.diags.error(
        n.valueAt,
        'bad-number',
        `first_number must be a whole number of 1 to 20 digits, not starting with 0, got '${text}'`,
        "write the first number of the host's series for this agreement, e.g. first_number: 2024001",
      );
  }
  const v = fields.find((f) => f.key === 'vat');
  const vatText = v ? r.string(v.value, 'vat', v.valueAt) : null;
  const vat = vatText !== null && isOneOf(VAT_STATUSES, vatText) ? vatText : 'outside-scope';
  if (v && vatText !== null && vat !== vatText) {
    r.diags.error(
      v.valueAt,
      'bad-value',
      `vat must be one of ${VAT_STATUSES.map((s) => `'${s}'`).join(', ')}, got '${vatText}'`,
      'outside-scope: not subject to VAT (category O, the default); standard: the host adds 25 % VAT (category S)',
    );
  }
  return { vat, at, ...(firstNumber !== undefined ? { firstNumber } : {}) };
}
