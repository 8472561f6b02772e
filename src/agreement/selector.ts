import { isOneOf } from './one-of.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { NOT_SELECTABLE, SELECTOR_FIELDS, type Selector, type SelectorField, type ValuePattern } from './model.js';
import { isMap, isSeq, quote, type Entry, type YamlReader, type YNode } from './yaml-nodes.js';
import { field } from './phrases.js';
import { type Said, said } from '../text/said.js';

/** `{ category: [lonn, lisens], art: "10100..10999", ansvar: { not: "2*" } }` — every field must match. */
export function readSelector(r: YamlReader, node: YNode, at: SourcePos, what: Said): Selector | null {
  const fields = r.map(node, what, at);
  return fields ? readSelectorFields(r, fields, at, what) : null;
}

/**
 * The same, from entries already read (an ignore rule mixes a selector with
 * its reason). A field names any column of the ledger: whether the file has
 * it is known only when the file is read, where a missing one is reported
 * at the field.
 */
export function readSelectorFields(r: YamlReader, entries: readonly Entry[], at: SourcePos, what: Said): Selector | null {
  const fields: SelectorField[] = [];
  let ok = true;
  for (const e of entries) {
    const column = e.key.trim().toLowerCase();
    if (isOneOf(NOT_SELECTABLE, column)) {
      r.diags.error(
        e.at,
        'selector-column',
        said(`${what.nb} kan ikke velge etter ${quote(e.key)}`, `${what.en} cannot select by ${quote(e.key)}`),
        said(
          `kolonnen ${column} har sin egen rolle (${NOT_SELECTABLE.join(', ')}); velg etter category, account, project eller en annen kolonne i regnskapet`,
          `the ${column} column has a role of its own (${NOT_SELECTABLE.join(', ')}); select by category, account, project or another column of the ledger`,
        ),
      );
      ok = false;
      continue;
    }
    const f = readField(r, e, column, field(e.key, what));
    if (f) fields.push(f);
    else ok = false;
  }
  if (!ok) return null;
  if (fields.length === 0) {
    r.diags.error(
      at,
      'missing-field',
      said(`${what.nb} velger ingenting`, `${what.en} selects nothing`),
      said('skriv f.eks. { category: [lonn, lisens] }', 'write e.g. { category: [lonn, lisens] }'),
    );
    return null;
  }
  return { fields, at };
}

/** `art: 5000`, `art: [5000, "10100..10999", "11*"]` or `art: { not: … }`. */
function readField(r: YamlReader, e: Entry, column: string, what: Said): SelectorField | null {
  let node = e.value;
  let not = false;
  if (isMap(node)) {
    const inner = r.map(node, what, e.valueAt) ?? [];
    const only = inner.length === 1 ? inner[0]! : undefined;
    if (only?.key !== 'not') {
      r.diags.error(
        e.valueAt,
        'selector-not',
        said(`${what.nb} må være en verdi, en liste eller { not: … }`, `${what.en} must be a value, a list or { not: … }`),
        said(
          `skriv f.eks. ${e.key}: { not: [2000, "3*"] } for alle verdier unntatt disse`,
          `write e.g. ${e.key}: { not: [2000, "3*"] } for every value but these`,
        ),
      );
      return null;
    }
    node = only.value;
    not = true;
    if (isMap(node) || (isSeq(node) && node.items.length === 0)) {
      r.diags.error(
        only.valueAt,
        'selector-not',
        said(`not: i ${what.nb} må være en verdi eller en ikke-tom liste av verdier`, `not: in ${what.en} must be a value or a non-empty list of values`),
        said(`skriv f.eks. ${e.key}: { not: [2000, "3*"] }`, `write e.g. ${e.key}: { not: [2000, "3*"] }`),
      );
      return null;
    }
  }
  const items = isSeq(node) ? node.items.map((n) => (n as YNode) ?? null) : [node];
  const patterns: ValuePattern[] = [];
  for (const n of items) {
    const pos = r.pos(n, e.valueAt);
    const text = r.string(n, what, pos);
    if (text === null) return null;
    const p = readPattern(r, text.trim(), pos, e.key, what);
    if (p === null) return null;
    patterns.push(p);
  }
  return { column, patterns, not, at: e.at };
}

const INTEGER = /^[+-]?\d+$/;

/** One value as written: a range has `..` between its ends, a prefix ends in `*`; anything else is matched exactly. */
function readPattern(r: YamlReader, text: string, at: SourcePos, key: string, what: Said): ValuePattern | null {
  if (text.includes('..')) {
    const ends = text.split('..').map((s) => s.trim());
    const [from, to] = ends;
    if (ends.length !== 2 || from === '' || to === '' || from!.includes('*') || to!.includes('*')) {
      r.diags.error(
        at,
        'selector-range',
        said(`${quote(text)} i ${what.nb} er ikke et intervall`, `${quote(text)} in ${what.en} is not a range`),
        said(
          `et intervall har to ender med .. mellom, og begge endene tas med: ${key}: "10100..10999"; skriv "11*" for alt som begynner med 11`,
          `a range has two ends with .. between them, both included: ${key}: "10100..10999"; write "11*" for everything starting with 11`,
        ),
      );
      return null;
    }
    const integers = INTEGER.test(from!) && INTEGER.test(to!);
    if (integers ? BigInt(from!) > BigInt(to!) : from! > to!) {
      r.diags.error(
        at,
        'selector-range',
        said(
          `intervallet ${quote(text)} i ${what.nb} er baklengs, så det velger ingenting`,
          `the range ${quote(text)} in ${what.en} is backwards, so it selects nothing`,
        ),
        said(`skriv den minste enden først: "${to}..${from}"`, `write the smaller end first: "${to}..${from}"`),
      );
      return null;
    }
    return { kind: 'range', from: from!, to: to!, integers, at };
  }
  const star = text.indexOf('*');
  if (star < 0) return { kind: 'exact', value: text, at };
  if (star !== text.length - 1 || star === 0) {
    r.diags.error(
      at,
      'selector-prefix',
      said(`${quote(text)} i ${what.nb} er ikke et prefiks`, `${quote(text)} in ${what.en} is not a prefix`),
      star === 0 && text.length === 1
        ? said(`* alene velger alt; utelat ${key}: for å velge alle verdier`, `* alone selects everything; leave out ${key}: to select every value`)
        : said(
            `* står bare til slutt, etter det verdiene begynner med: ${key}: "11*"`,
            `* goes only at the end, after what the values start with: ${key}: "11*"`,
          ),
    );
    return null;
  }
  return { kind: 'prefix', prefix: text.slice(0, -1), at };
}

/** A pattern as written in the agreement. */
export function patternText(p: ValuePattern): string {
  return p.kind === 'exact' ? p.value : p.kind === 'range' ? `${p.from}..${p.to}` : `${p.prefix}*`;
}

const NB_NAMES: Readonly<Record<string, string>> = { category: 'kategori', account: 'konto', project: 'prosjekt' };

/** A selector as reports and messages print it, `category lonn, lisens; art 10100..10999; ansvar not 2*`: our own columns first, in a fixed order, then the others as written. */
export function describeSelector(s: Selector, nb = false): string {
  const rank = (c: string) => {
    const i = (SELECTOR_FIELDS as readonly string[]).indexOf(c);
    return i < 0 ? SELECTOR_FIELDS.length : i;
  };
  return [...s.fields]
    .sort((x, y) => rank(x.column) - rank(y.column))
    .map((f) => `${nb ? (NB_NAMES[f.column] ?? f.column) : f.column} ${f.not ? (nb ? 'ikke ' : 'not ') : ''}${f.patterns.map(patternText).join(', ')}`)
    .join('; ');
}
