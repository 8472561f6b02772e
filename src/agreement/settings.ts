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
  type Contact,
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
import { field } from './phrases.js';
import { type Said, said } from '../text/said.js';
import { STANDARD_VAT_PERCENT } from '../money/vat.js';

/** The fields of an input file, of `settlement:`, of an a-konto instalment and of `invoicing:`, as the reader accepts them (held against the schema by tests/fields.test.ts). */
export const INPUT_FIELDS = ['file', 'columns', 'delimiter', 'decimal', 'encoding', 'sheet', 'header_row'];
export const SETTLEMENT_FIELDS = ['akonto', 'final_due', 'carry_forward', 'brought_forward'];
export const INSTALMENT_FIELDS = ['due', 'part'];
export const INVOICING_FIELDS = ['first_number', 'vat', 'payment_terms_days', 'contact'];

/** `indices: { deflator: { 2021: 3.0%, ... } }` — yearly change per series. */
export function readIndices(r: YamlReader, node: YNode, at: SourcePos): Map<Id, IndexSeries> {
  const out = new Map<Id, IndexSeries>();
  for (const e of node === null ? [] : (r.map(node, field('indices'), at) ?? [])) {
    const id = r.slug(e.key, said('indeksserien', 'index series'), e.at);
    const changes = new Map<number, Ratio>();
    for (const y of r.map(e.value, said(`indeksserien '${e.key}'`, `index series '${e.key}'`), e.valueAt) ?? []) {
      if (!/^\d{4}$/.test(y.key)) {
        r.diags.error(
          y.at,
          'bad-number',
          said(`'${y.key}' i indeksserien '${e.key}' er ikke et årstall`, `'${y.key}' in index series '${e.key}' is not a year`),
          said('skriv endringen per år, f.eks. 2023: 5.0%', 'write the change per year, e.g. 2023: 5.0%'),
        );
        continue;
      }
      const c = r.ratio(y.value, said(`endringen i ${y.key}`, `change in ${y.key}`), y.valueAt);
      // A fall of 100 % makes every indexed amount zero, more turns it into a credit: never a price index.
      if (c && c.cmp(Ratio.of(-1n)) <= 0)
        r.diags.error(
          y.valueAt,
          'index-change',
          said(
            `en endring på ${formatPercent(c, ',')} i ${y.key} i indeksserien '${e.key}' ville gjort hvert indekserte beløp null eller negativt`,
            `a change of ${formatPercent(c)} in ${y.key} in index series '${e.key}' would make every indexed amount zero or negative`,
          ),
          said(
            'skriv endringen fra året før som en prosent over -100 %, f.eks. 2.5% eller -1.2%',
            'write the change from the year before as a percentage above -100 %, e.g. 2.5% or -1.2%',
          ),
        );
      // Kept even when refused or unreadable (already reported; the agreement is then never computed),
      // so no follow-on "no change for that year" is reported.
      changes.set(Number(y.key), c ?? Ratio.ZERO);
    }
    if (id !== null) out.set(id, { id, changes, at: e.at });
  }
  return out;
}

/** `drivers: { servers: { molde: 120, ... } }` — measured quantities written in the agreement. */
export function readInlineDrivers(r: YamlReader, node: YNode, at: SourcePos): Map<Id, Map<Id, { value: Ratio; at: SourcePos }>> {
  const out = new Map<Id, Map<Id, { value: Ratio; at: SourcePos }>>();
  for (const e of node === null ? [] : (r.map(node, field('drivers'), at) ?? [])) {
    const id = r.slug(e.key, said('driveren', 'driver'), e.at);
    const values = new Map<Id, { value: Ratio; at: SourcePos }>();
    for (const p of r.map(e.value, said(`driveren '${e.key}'`, `driver '${e.key}'`), e.valueAt) ?? []) {
      const v = r.quantity(p.value, said(`${e.key} for '${p.key}'`, `${e.key} of '${p.key}'`), p.valueAt);
      if (v) values.set(p.key, { value: v, at: p.at });
    }
    if (id !== null) out.set(id, values);
  }
  return out;
}

/** `ignore:` — actuals rows declared outside the split, each with a reason. */
export function readIgnore(r: YamlReader, node: YNode, at: SourcePos): IgnoreRule[] {
  const out: IgnoreRule[] = [];
  for (const n of node === null ? [] : (r.seq(node, field('ignore'), at) ?? [])) {
    const pos = r.pos(n, at);
    const rule = said('en ignore-regel', 'an ignore rule');
    const fields = r.map(n, rule, pos);
    if (!fields) continue;
    const reasonEntry = fields.find((f) => f.key === 'reason');
    if (!reasonEntry)
      r.diags.error(
        pos,
        'missing-field',
        said('en ignore-regel trenger en reason', 'an ignore rule needs a reason'),
        said(
          'skriv reason: hvorfor disse radene holdes utenfor fordelingen (det står i rapportene)',
          'write reason: why these rows are outside the split (it is printed in reports)',
        ),
      );
    const reason = reasonEntry ? r.string(reasonEntry.value, field('reason', rule), reasonEntry.valueAt) : null;
    const selector = readSelectorFields(
      r,
      fields.filter((f) => f.key !== 'reason'),
      pos,
      rule,
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
  const entries = node === null ? [] : (r.map(node, field('inputs'), at) ?? []);
  r.onlyFields(entries, INPUT_NAMES, field('inputs'));
  for (const e of entries) {
    if (!isOneOf(INPUT_NAMES, e.key)) continue;
    let file: string | null = null;
    const columns = new Map<string, string>();
    let dialect: CsvDialect = {};
    if (isMap(e.value)) {
      const input = said(`inndataen '${e.key}'`, `input '${e.key}'`);
      const fields = r.map(e.value, input, e.valueAt) ?? [];
      r.onlyFields(fields, INPUT_FIELDS, input);
      const f = fields.find((x) => x.key === 'file');
      if (!f)
        r.diags.error(
          e.valueAt,
          'missing-field',
          said(`${input.nb} har ingen file`, `${input.en} has no file`),
          said(`skriv ${e.key}: { file: ${e.key}.csv }`, `write ${e.key}: { file: ${e.key}.csv }`),
        );
      else file = r.string(f.value, field('file', input), f.valueAt);
      const c = fields.find((x) => x.key === 'columns');
      for (const col of c ? (r.map(c.value, field('columns', input), c.valueAt) ?? []) : []) {
        const name = r.string(col.value, said(`kolonnen for '${col.key}'`, `column for '${col.key}'`), col.valueAt);
        if (name !== null) columns.set(col.key, name);
      }
      dialect = readDialect(r, fields, e.key);
    } else {
      file = r.string(e.value, said(`inndataen '${e.key}'`, `input '${e.key}'`), e.valueAt);
    }
    if (file !== null) out.set(e.key, { file: resolve(file), columns, dialect, at: e.valueAt });
  }
  return out;
}

const DELIMITERS: Readonly<Record<string, Delimiter>> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };

function readDialect(r: YamlReader, fields: readonly Entry[], input: string): CsvDialect {
  const choice = <T>(key: string, allowed: Readonly<Record<string, T>>, hint: Said): T | undefined => {
    const f = fields.find((x) => x.key === key);
    if (!f) return undefined;
    const what = said(`${key} i inndataen '${input}'`, `${key} of input '${input}'`);
    const v = r.string(f.value, what, f.valueAt);
    if (v === null) return undefined;
    const got = allowed[v.toLowerCase()];
    const choices = Object.keys(allowed)
      .map((k) => `'${k}'`)
      .join(', ');
    if (got === undefined)
      r.diags.error(
        r.pos(f.value, f.valueAt),
        'bad-value',
        said(`${what.nb} må være en av ${choices}, men er '${v}'`, `${what.en} must be one of ${choices}, got '${v}'`),
        hint,
      );
    return got;
  };
  const delimiter = choice('delimiter', DELIMITERS, said("sett tegnet i anførselstegn: delimiter: ';'", "quote the character: delimiter: ';'"));
  const decimal = choice<DecimalMark>('decimal', { ',': ',', '.': '.' }, said("sett tegnet i anførselstegn: decimal: ','", "quote the mark: decimal: ','"));
  const encoding = choice<Encoding>(
    'encoding',
    Object.fromEntries(ENCODINGS.map((x) => [x, x])),
    said('norsk Excel skriver windows-1252 (CSV) eller utf-8 (CSV UTF-8)', 'Norwegian Excel writes windows-1252 (CSV) or utf-8 (CSV UTF-8)'),
  );
  const sheetField = fields.find((x) => x.key === 'sheet');
  const sheet = sheetField ? r.string(sheetField.value, said(`sheet i inndataen '${input}'`, `sheet of input '${input}'`), sheetField.valueAt) : null;
  const rowField = fields.find((x) => x.key === 'header_row');
  const headerRow = rowField ? r.integer(rowField.value, said(`header_row i inndataen '${input}'`, `header_row of input '${input}'`), rowField.valueAt) : null;
  if (rowField && headerRow !== null && headerRow < 1)
    r.diags.error(
      r.pos(rowField.value, rowField.valueAt),
      'bad-value',
      said(`header_row i inndataen '${input}' må være 1 eller mer, men er ${headerRow}`, `header_row of input '${input}' must be 1 or more, got ${headerRow}`),
      said('radnummeret slik Excel viser det: header_row: 3', 'the row number as Excel shows it: header_row: 3'),
    );
  return {
    ...(delimiter ? { delimiter } : {}),
    ...(decimal ? { decimal } : {}),
    ...(encoding ? { encoding } : {}),
    ...(sheet !== null ? { sheet } : {}),
    ...(headerRow !== null && headerRow >= 1 ? { headerRow } : {}),
  };
}

/** `budget: { lonn: 29233000 }` — per actuals category. */
export function readBudget(r: YamlReader, node: YNode, at: SourcePos): Map<string, { amount: Money; at: SourcePos }> {
  const out = new Map<string, { amount: Money; at: SourcePos }>();
  for (const e of node === null ? [] : (r.map(node, field('budget'), at) ?? [])) {
    const amount = r.kroner(e.value, said(`budsjettet for '${e.key}'`, `budget for '${e.key}'`), e.valueAt);
    if (amount) out.set(e.key, { amount, at: e.at });
  }
  return out;
}

/** `settlement: { akonto: [{ due, part }], final_due }` — parts must sum to 100 %. */
export function readSettlement(r: YamlReader, node: YNode, at: SourcePos, resolve: (file: string) => string): Settlement | undefined {
  const fields = r.map(node, field('settlement'), at);
  if (!fields) return undefined;
  r.onlyFields(fields, SETTLEMENT_FIELDS, field('settlement'));
  const akonto: AkontoInstalment[] = [];
  const a = fields.find((f) => f.key === 'akonto');
  let total = Ratio.ZERO;
  let complete = true;
  for (const n of a ? (r.seq(a.value, field('akonto', field('settlement')), a.valueAt) ?? []) : []) {
    const pos = r.pos(n, a!.valueAt);
    const instalment = said('en a-kontotermin', 'an a-konto instalment');
    const inst = r.map(n, instalment, pos);
    if (!inst) continue;
    r.onlyFields(inst, INSTALMENT_FIELDS, instalment);
    const due = inst.find((f) => f.key === 'due');
    const part = inst.find((f) => f.key === 'part');
    if (!due || !part) {
      r.diags.error(
        pos,
        'missing-field',
        said('en a-kontotermin trenger due og part', 'an a-konto instalment needs due and part'),
        said('skriv { due: 2023-04-30, part: 50% }', 'write { due: 2023-04-30, part: 50% }'),
      );
      complete = false;
      continue;
    }
    const d = r.date(due.value, said('forfallsdatoen', 'due date'), due.valueAt);
    const p = r.ratio(part.value, field('part', instalment), part.valueAt);
    if (d === null || p === null) {
      complete = false;
      continue;
    }
    total = total.plus(p);
    akonto.push({ due: d, part: p, at: pos });
  }
  if (a && complete && akonto.length > 0 && !total.eq(Ratio.ONE)) {
    r.diags.error(
      a.at,
      'akonto-sum',
      said(`a-kontodelene summerer til ${exactPercent(total, ',')}, ikke 100 %`, `a-konto parts sum to ${exactPercent(total)}, not 100 %`),
      said('terminene skal til sammen dekke hele den budsjetterte andelen', 'the instalments together cover the whole budgeted share'),
    );
  }
  const f = fields.find((x) => x.key === 'final_due');
  const finalDue = f ? r.date(f.value, field('final_due', field('settlement')), f.valueAt) : null;
  const c = fields.find((x) => x.key === 'carry_forward');
  const b = fields.find((x) => x.key === 'brought_forward');
  const written = b ? r.string(b.value, field('brought_forward', field('settlement')), b.valueAt) : null;
  return {
    akonto,
    carryForward: c ? readKinds(r, c.value, c.valueAt) : [],
    ...(finalDue ? { finalDue, finalDueAt: f!.valueAt } : {}),
    ...(written !== null ? { broughtForward: { written, path: resolve(written), at: b!.valueAt } } : {}),
  };
}

/** `carry_forward: investment` or `[operating, investment]`. */
function readKinds(r: YamlReader, node: YNode, at: SourcePos): ItemKind[] {
  const kinds: ItemKind[] = [];
  for (const n of isSeq(node) ? (r.seq(node, field('carry_forward'), at) ?? []) : [node]) {
    const pos = r.pos(n, at);
    const text = r.string(n, field('carry_forward'), pos);
    if (text === null) continue;
    if (isOneOf(ITEM_KINDS, text)) kinds.push(text);
    else
      r.diags.error(
        pos,
        'bad-value',
        said(`carry_forward må nevne operating eller investment, men er '${text}'`, `carry_forward must name operating or investment, got '${text}'`),
        said(
          'investeringssaldoer som overføres til neste år: carry_forward: [investment]',
          'investment balances carried forward to next year: carry_forward: [investment]',
        ),
      );
  }
  return kinds;
}

/** `invoicing: { first_number: 21001, vat: outside-scope }` — the host's number series and VAT status. */
export function readInvoicing(r: YamlReader, node: YNode | undefined, at: SourcePos): Invoicing {
  if (node === undefined) return { vat: 'outside-scope', at };
  const fields = r.map(node, field('invoicing'), at) ?? [];
  r.onlyFields(fields, INVOICING_FIELDS, field('invoicing'));
  const n = fields.find((f) => f.key === 'first_number');
  const text = n ? r.string(n.value, field('first_number', field('invoicing')), n.valueAt) : null;
  let firstNumber: Invoicing['firstNumber'];
  if (n && text !== null) {
    // A KID is built from the number, and a KID has at most 25 digits.
    if (/^[1-9]\d{0,19}$/.test(text)) firstNumber = { value: BigInt(text), at: n.valueAt };
    else
      r.diags.error(
        n.valueAt,
        'bad-number',
        said(
          `first_number må være et heltall med 1 til 20 sifre som ikke begynner med 0, men er '${text}'`,
          `first_number must be a whole number of 1 to 20 digits, not starting with 0, got '${text}'`,
        ),
        said(
          'skriv det første nummeret i vertskommunens serie for denne avtalen, f.eks. first_number: 2024001',
          "write the first number of the host's series for this agreement, e.g. first_number: 2024001",
        ),
      );
  }
  const v = fields.find((f) => f.key === 'vat');
  const vatText = v ? r.string(v.value, field('vat', field('invoicing')), v.valueAt) : null;
  const vat = vatText !== null && isOneOf(VAT_STATUSES, vatText) ? vatText : 'outside-scope';
  if (v && vatText !== null && vat !== vatText) {
    r.diags.error(
      v.valueAt,
      'bad-value',
      said(
        `vat må være en av ${VAT_STATUSES.map((s) => `'${s}'`).join(', ')}, men er '${vatText}'`,
        `vat must be one of ${VAT_STATUSES.map((s) => `'${s}'`).join(', ')}, got '${vatText}'`,
      ),
      said(
        `outside-scope: utenfor mva.-området (kategori O, standard); standard: vertskommunen legger på ${STANDARD_VAT_PERCENT} % mva. (kategori S)`,
        `outside-scope: not subject to VAT (category O, the default); standard: the host adds ${STANDARD_VAT_PERCENT} % VAT (category S)`,
      ),
    );
  }
  const t = fields.find((f) => f.key === 'payment_terms_days');
  const termsText = t ? r.string(t.value, field('payment_terms_days', field('invoicing')), t.valueAt) : null;
  let paymentTermsDays: Invoicing['paymentTermsDays'];
  if (t && termsText !== null) {
    if (/^[1-9]\d{0,2}$/.test(termsText)) paymentTermsDays = { value: Number(termsText), at: t.valueAt };
    else
      r.diags.error(
        t.valueAt,
        'bad-number',
        said(
          `payment_terms_days må være et helt antall dager fra 1 til 999, men er '${termsText}'`,
          `payment_terms_days must be a whole number of days from 1 to 999, got '${termsText}'`,
        ),
        said('skriv betalingsfristen i dager, f.eks. payment_terms_days: 30', 'write the payment terms in days, e.g. payment_terms_days: 30'),
      );
  }
  const c = fields.find((f) => f.key === 'contact');
  const contact = c ? readContact(r, c.value, c.valueAt) : undefined;
  return {
    vat,
    at,
    ...(firstNumber !== undefined ? { firstNumber } : {}),
    ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}),
    ...(contact ? { contact } : {}),
  };
}

/**
 * `contact: { name: Kari Nordmann, phone: "+47 77 04 10 00", email: faktura@harstad.kommune.no }` —
 * the host's person for questions about the invoices, sent in EHF as the seller contact.
 */
function readContact(r: YamlReader, node: YNode, at: SourcePos): Contact | undefined {
  const where = field('contact', field('invoicing'));
  const fields = r.map(node, where, at);
  if (!fields) return undefined;
  r.onlyFields(fields, ['name', 'phone', 'email'], where);
  const text = (key: string) => {
    const f = fields.find((x) => x.key === key);
    const value = f ? r.text(f.value, field(key, where), f.valueAt) : null;
    return f && value !== null ? { value: value.trim(), at: f.valueAt } : undefined;
  };
  const name = text('name');
  const phone = text('phone');
  const email = text('email');
  // A number the receiver can dial: digits, spaces, a leading +, dashes and brackets; at least 5 digits.
  if (phone && !(/^\+?[\d\s().-]+$/.test(phone.value) && (phone.value.match(/\d/g) ?? []).length >= 5))
    r.diags.error(
      phone.at,
      'bad-contact',
      said(`telefonnummeret '${phone.value}' er ikke et telefonnummer`, `phone '${phone.value}' is not a phone number`),
      said('skriv sifrene, gjerne med landkode: phone: "+47 77 04 10 00"', 'write the digits, perhaps with the country code: phone: "+47 77 04 10 00"'),
    );
  // One @ with something on each side and a dot in the domain: enough to catch a name or a number put here.
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.value))
    r.diags.error(
      email.at,
      'bad-contact',
      said(`e-postadressen '${email.value}' er ikke en e-postadresse`, `email '${email.value}' is not an e-mail address`),
      said(
        "skriv adressen som navn@domene, f.eks. email: 'faktura@harstad.kommune.no'",
        "write the address as name@domain, e.g. email: 'faktura@harstad.kommune.no'",
      ),
    );
  if (!name && !phone && !email) return undefined;
  return { ...(name ? { name: name.value } : {}), ...(phone ? { phone: phone.value } : {}), ...(email ? { email: email.value } : {}) };
}
