import { dateProblem } from '../dates/date.js';
import { forbiddenCharacter } from '../text/characters.js';
import type { ErrorCode } from '../diagnostics/codes.js';
import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { isAmbiguous } from '../inputs/amount.js';
import { Money } from '../money/money.js';
import { Ratio } from '../money/ratio.js';
import { bareRate, readRate } from './percent.js';
import { type Said, said, verbatim } from '../text/said.js';
import { yamlMessage } from './yaml-errors.js';
import { shortYaml } from './yaml-short.js';
import { isAlias, isMap, isNode, isScalar, isSeq, type LinePositions, madeScalar, type ScalarNode, type TreeNode, type YamlProblem } from './yaml-tree.js';

/** A YAML node, or null where the document has an empty value. */
export type YNode = TreeNode | null;

/** A value of the YAML tree as a node, or null where there is none: a guard, not a cast. */
export const asNode = (x: unknown): YNode => (isNode(x) ? x : null);

export interface Entry {
  readonly key: string;
  readonly value: YNode;
  /** Position of the key, where errors about the entry point. */
  readonly at: SourcePos;
  /** Position of the value (falls back to the key's). */
  readonly valueAt: SourcePos;
}

/** A YAML text parsed once, with the line table that turns its offsets into positions. */
export interface ParsedYaml {
  /** The document's root; null for an empty document. */
  readonly root: YNode;
  readonly errors: readonly YamlProblem[];
  /** YAML features the agreement format does not take, found once when the text is parsed. */
  readonly unsupported: readonly Unsupported[];
  readonly lines: LinePositions;
}

/** An alias (`*name`) or a tag (`!foo`, `!!binary`): YAML that an agreement cannot mean anything by. */
export interface Unsupported {
  readonly kind: 'alias' | 'tag';
  readonly offset: number;
  readonly text: string;
}

/**
 * The text read by the short reader (src/agreement/yaml-short.ts), which
 * takes the plain YAML agreements are written in: the same tree as the
 * library's, with no alias or tag in it. Null for any other text, which
 * the library reads (parseYaml in src/agreement/yaml-library.ts, loaded
 * only then).
 */
export function shortParsedYaml(text: string): ParsedYaml | null {
  const short = shortYaml(text);
  return short && { root: short.root, errors: duplicateKeys(short.root), unsupported: [], lines: short.lines };
}

/**
 * A key written twice in one mapping, as the YAML library reports it with
 * `uniqueKeys: true` (same code, message and position, in reading order),
 * found in time linear in the number of keys.
 */
export function duplicateKeys(root: YNode): YamlProblem[] {
  const out: YamlProblem[] = [];
  const walk = (node: unknown) => {
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const p of node.items) {
        // Equal as the library compares them: the same scalar value (1 and '1' differ), or the same empty key.
        const key = isScalar(p.key) ? p.key.value : p.key;
        if (seen.has(key)) {
          const at = asNode(p.key)?.range?.[0] ?? node.range?.[0] ?? 0;
          out.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [at, at + 1] });
        } else seen.add(key);
        walk(p.key);
        walk(p.value);
      }
    } else if (isSeq(node)) for (const n of node.items) walk(n);
  };
  walk(root);
  return out;
}

/**
 * Reading context for one YAML file: turns node offsets into positions and
 * collects diagnostics. Every typed getter reports what it expected and
 * returns null instead of throwing, so reading goes on after an error.
 */
export class YamlReader {
  readonly lines: LinePositions;
  /** Null when the text has a syntax error (reported): nothing after one can be trusted. */
  readonly root: YNode;
  readonly broken: boolean;

  /** From a tree parsed (a scenario reads the agreement's tree with its values replaced). */
  constructor(
    readonly file: string,
    parsed: ParsedYaml,
    readonly diags: Diagnostics,
  ) {
    this.lines = parsed.lines;
    // After a syntax error the parser's guess at the rest is no agreement: one tab or a missing colon
    // would show as dozens of unknown fields and missing values. The first syntax error is the one to fix.
    const syntax = parsed.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    this.broken = syntax !== undefined;
    this.root = this.broken ? null : parsed.root;
    for (const e of syntax ? [syntax] : parsed.errors) {
      const code = e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
      const hint =
        code === 'duplicate-key'
          ? said(
              'hvert navn kan stå én gang i en tilordning; fjern eller gi nytt navn til det ene',
              'each name may appear once in a mapping; remove or rename one',
            )
          : /end with a [}\]]/.test(e.message)
            ? said("en '{' eller '[' på en tidligere linje er ikke lukket", "a '{' or '[' on an earlier line is not closed")
            : e.code === 'TAB_AS_INDENT'
              ? said('rykk inn med mellomrom; YAML tillater ikke tabulator i innrykk', 'indent with spaces; YAML does not allow tabs in indentation')
              : e.code === 'MULTILINE_IMPLICIT_KEY'
                ? said('mangler det et kolon? skriv navn: verdi', 'is a colon missing? write name: value')
                : said('sjekk innrykk, kolon og anførselstegn på denne linjen', 'check indentation, colons and quoting on this line');
      this.diags.error(this.posAt(e.pos[0]), code, yamlMessage(e), hint);
    }
    for (const u of parsed.unsupported) {
      if (u.kind === 'alias')
        this.diags.error(
          this.posAt(u.offset),
          'yaml-alias',
          said(`alias (${quote(u.text)}) kan ikke brukes i en avtale`, `aliases (${quote(u.text)}) are not supported in an agreement`),
          said('skriv verdien helt ut der den brukes', 'write the value out in full where it is used'),
        );
      else
        this.diags.error(
          this.posAt(u.offset),
          'yaml-tag',
          said(`taggen ${quote(u.text)} kan ikke brukes i en avtale`, `the tag ${quote(u.text)} is not supported in an agreement`),
          said('fjern taggen og skriv verdien som vanlig YAML', 'remove the tag and write the value as plain YAML'),
        );
    }
  }

  posAt(offset: number): SourcePos {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  pos(node: YNode, fallback?: SourcePos): SourcePos {
    return node?.range ? this.posAt(node.range[0]) : (fallback ?? { file: this.file, line: 1, col: 1 });
  }

  /** Entries of a mapping, or null (with a diagnostic) if the node is not one. */
  map(node: YNode, what: Said, at: SourcePos): Entry[] | null {
    if (!isMap(node)) {
      if (explained(node)) return null;
      this.diags.error(
        this.pos(node, at),
        'type',
        said(`${what.nb} må være en tilordning (navn: verdi)`, `${what.en} must be a mapping (name: value)`),
        said('skriv den som linjer med «navn: verdi», rykket inn under feltet', "write it as indented 'name: value' lines under the field"),
      );
      return null;
    }
    const entries: Entry[] = [];
    for (const pair of node.items) {
      const k = asNode(pair.key);
      const v = asNode(pair.value);
      const before = entries.at(-1);
      const split = node.flow && pair.value === null && isScalar(k) && before ? this.splitAtComma(before, k) : null;
      if (split === 'number') {
        // A number cut at its comma is reported with this part, and read as nothing more (not as a share of 0).
        const cut = madeScalar(null);
        REPORTED.add(cut);
        entries[entries.length - 1] = { ...before!, value: cut };
      }
      if (split) continue;
      const at = this.pos(k, this.pos(node));
      // `~:` or `: value` names nothing; read as the word 'null' it would become a party or a field of that name.
      if (k === null || (isScalar(k) && (k.value === null || k.value === ''))) {
        this.diags.error(
          at,
          'bad-id',
          said(`en oppføring i ${what.nb} har ikke noe navn`, `an entry in ${what.en} has no name`),
          said("skriv et navn foran kolonet; '~' og et tomt navn betyr ingenting", "write a name before the colon; '~' and an empty key mean nothing"),
        );
        continue;
      }
      entries.push({ key: isScalar(k) ? String(k.value) : String(k), value: v, at, valueAt: v ? this.pos(v) : at });
    }
    return entries;
  }

  /**
   * `{ a: 0,25 }` or `{ reason: Betales direkte, ikke via oss }`: in a flow
   * mapping a comma ends an entry, so YAML reads the rest of the value as a
   * name with no value after it — a share of '25' that is empty, an unknown
   * field 'ikke via oss'. Such a name after a plain number or text is
   * reported as the comma it is, with the fix: a decimal point, or quotes.
   */
  private splitAtComma(before: Entry, key: ScalarNode): 'number' | 'text' | null {
    const value = before.value;
    if (!isScalar(value) || value.type !== 'PLAIN' || value.value === null || !value.range || !key.range) return null;
    const head = this.scalarText(value) ?? String(value.value);
    const tail = this.scalarText(key) ?? String(key.value);
    const numeric = (typeof value.value === 'number' || typeof value.value === 'bigint') && /^\d+\s*%?$/.test(tail) && key.range[0] === value.range[1] + 1;
    if (numeric) {
      const written = `${head},${tail}`;
      const thousands = /^[1-9]\d{0,2}$/.test(head) && /^\d{3}$/.test(tail) ? `${head}${tail}` : null;
      // Beside a thousands reading, the decimal one is written so that it cannot be read as thousands again (3.60, 1.2340).
      const decimal = `${head}.${thousands ? (tail.endsWith('0') ? tail.slice(0, 2) : `${tail}0`) : tail.replace(/\s+/, '')}`;
      this.diags.error(
        this.pos(value),
        'flow-comma',
        said(
          `'${written}' leses som to oppføringer: i en { … }-tilordning skiller komma oppføringene`,
          `'${written}' is read as two entries: in a { … } mapping a comma separates entries`,
        ),
        said(
          `avtalen skriver tall med desimalpunktum: ${decimal}${thousands ? `; et tusenskille skrives ikke: ${thousands}` : ''}`,
          `the agreement writes numbers with a decimal point: ${decimal}${thousands ? `; thousands are written without a separator: ${thousands}` : ''}`,
        ),
      );
      return 'number';
    }
    if (typeof value.value !== 'string') return null;
    const written = `${head}, ${tail}`;
    this.diags.error(
      this.pos(value),
      'flow-comma',
      said(
        `${quote(written)} leses som to oppføringer: i en { … }-tilordning skiller komma oppføringene`,
        `${quote(written)} is read as two entries: in a { … } mapping a comma separates entries`,
      ),
      said(`sett teksten i anførselstegn: "${written}"`, `put the text in quotes: "${written}"`),
    );
    return 'text';
  }

  /** Items of a sequence, or null (with a diagnostic). */
  seq(node: YNode, what: Said, at: SourcePos): YNode[] | null {
    if (!isSeq(node)) {
      if (explained(node)) return null;
      this.diags.error(
        this.pos(node, at),
        'type',
        said(`${what.nb} må være en liste`, `${what.en} must be a list`),
        said('skriv den som [a, b] eller som linjer som begynner med «- »', 'write it as [a, b] or as lines starting with "- "'),
      );
      return null;
    }
    return node.items.map(asNode);
  }

  /** A scalar or a list of scalars, as strings: `category: lonn` or `category: [lonn, lisens]`. */
  strings(node: YNode, what: Said, at: SourcePos): string[] | null {
    if (isSeq(node)) {
      const out: string[] = [];
      for (const n of node.items) {
        const s = this.string(asNode(n), what, at);
        if (s === null) return null;
        out.push(s);
      }
      return out;
    }
    const s = this.string(node, what, at);
    return s === null ? null : [s];
  }

  /** Flags fields that are not in `allowed`, with a "did you mean". */
  onlyFields(entries: readonly Entry[], allowed: readonly string[], where: Said): void {
    const unknown = entries.filter((e) => !allowed.includes(e.key));
    // Tens of thousands of unknown fields are a wrong file, not typos: the first ten are listed, the rest counted.
    if (unknown.length > MAX_UNKNOWN_FIELDS) {
      const rest = unknown.length - MAX_UNKNOWN_FIELDS;
      this.diags.error(
        unknown[MAX_UNKNOWN_FIELDS]!.at,
        'unknown-field',
        said(`${rest} ukjente felt til i ${where.nb}, det første her`, `${rest} more unknown fields in ${where.en}, the first here`),
        said(`tillatt her: ${allowed.join(', ')}`, `allowed here: ${allowed.join(', ')}`),
      );
    }
    for (const e of unknown.slice(0, MAX_UNKNOWN_FIELDS)) {
      const guess = didYouMean(e.key, allowed);
      this.diags.error(
        e.at,
        'unknown-field',
        said(`ukjent felt ${quote(e.key)} i ${where.nb}`, `unknown field ${quote(e.key)} in ${where.en}`),
        guess ?? said(`tillatt her: ${allowed.join(', ')}`, `allowed here: ${allowed.join(', ')}`),
      );
    }
  }

  /** The raw text of a scalar: source text for numbers (never a JS number), the value for strings. */
  scalarText(node: YNode): string | null {
    if (!isScalar(node)) return null;
    const s = node;
    if (typeof s.value === 'string') return s.value;
    if (typeof s.value === 'number' || typeof s.value === 'bigint') return rawSource(s);
    return null;
  }

  string(node: YNode, what: Said, at: SourcePos): string | null {
    const s = isScalar(node) && node.value !== null && typeof node.value !== 'boolean' ? this.scalarText(node) : null;
    if (s === null) {
      if (explained(node)) return null;
      this.wrongKind(
        node,
        null,
        at,
        'type',
        what,
        said('tekst', 'text'),
        said('skriv et ord eller en tekst i anførselstegn', 'write a word or a quoted string'),
      );
      return null;
    }
    const bad = forbiddenCharacter(s);
    if (bad) {
      this.diags.error(this.pos(node, at), 'control-character', said(`${what.nb} inneholder ${bad.what.nb}`, `${what.en} contains ${bad.what.en}`), bad.hint);
      return null;
    }
    return s;
  }

  /**
   * A text shown to people (a name, a label, a title): a string with
   * something in it. An empty name leaves an EHF without the party's name,
   * which Peppol rejects, and a report with a blank row heading.
   */
  text(node: YNode, what: Said, at: SourcePos): string | null {
    const s = this.string(node, what, at);
    if (s === null || s.trim() !== '') return s;
    this.diags.error(
      this.pos(node, at),
      'missing-field',
      said(`${what.nb} er tomt`, `${what.en} is empty`),
      said('skriv teksten som skal stå på rapporter og fakturaer', 'write the text to show on reports and invoices'),
    );
    return null;
  }

  id(node: YNode, what: Said, at: SourcePos): string | null {
    const s = this.string(node, what, at);
    return s === null ? null : this.slug(s, what, this.pos(node, at));
  }

  /** Checks that a name (often a mapping key) is a valid id. */
  slug(s: string, what: Said, at: SourcePos): string | null {
    if (isSlug(s)) return s;
    const colon = /^([a-z][a-z0-9_-]*)\s*[{[]/.exec(s);
    if (colon) {
      this.diags.error(
        at,
        'bad-id',
        said(`det mangler et kolon etter '${colon[1]}'`, `a colon is missing after '${colon[1]}'`),
        said(`skriv ${colon[1]}: { … }`, `write ${colon[1]}: { … }`),
      );
      return null;
    }
    this.diags.error(
      at,
      'bad-id',
      said(`${what.nb} ${quote(s)} er ikke en gyldig id`, `${what.en} ${quote(s)} is not a valid id`),
      said(
        `bruk små bokstaver a–z, sifre, '-' og '_', og begynn med en bokstav (f.eks. '${slugify(s)}')`,
        `use lower-case letters, digits, '-' and '_', starting with a letter (e.g. '${slugify(s)}')`,
      ),
    );
    return null;
  }

  money(node: YNode, what: Said, at: SourcePos): Money | null {
    const text = this.scalarText(node);
    if (text !== null && this.tooManyDigits(node, text, at, 'bad-amount', what)) return null;
    // `500.000` as the seeds write five hundred thousand: the same ambiguity the CSV reader refuses, never read as 500.
    if (text !== null && !text.includes(',') && isAmbiguous(text.trim())) {
      const t = text.trim();
      const [int, frac] = t.split('.') as [string, string];
      const decimal = Money.parse(t)!;
      // The decimal reading as the agreement would write it unambiguously: 500.00, or 1.2340 where the øre do not end.
      const asDecimal = /0$/.test(frac) ? `${int}.${frac.slice(0, 2)}` : `${t}0`;
      this.diags.error(
        this.pos(node, at),
        'ambiguous-amount',
        said(
          `${what.nb} er '${t}', som kan bety ${int} ${frac} (punktum som tusenskille) eller ${decimal.toPlain().replace('.', ',')} (desimalpunktum)`,
          `${what.en} is '${t}', which could mean ${int},${frac} (a thousands dot) or ${decimal.toPlain()} (a decimal point)`,
        ),
        said(
          `avtalen skriver beløp uten tusenskille: skriv ${int}${frac} om punktumet skiller tusener, eller ${asDecimal} om det er desimalpunktum`,
          `the agreement writes amounts without thousands separators: write ${int}${frac} if the dot separates thousands, or ${asDecimal} if it is a decimal point`,
        ),
      );
      return null;
    }
    const m = text === null ? null : Money.parse(text.trim());
    if (m === null && !explained(node)) {
      this.wrongKind(
        node,
        text,
        at,
        'bad-amount',
        what,
        said('et beløp', 'an amount'),
        said(
          'skriv det med desimalpunktum og uten tusenskille, f.eks. 1937782.94',
          'write it with a decimal point and no thousands separators, e.g. 1937782.94',
        ),
      );
    }
    return m;
  }

  /**
   * An amount of kroner that is charged, budgeted or compared (an item's
   * `amount:`, a budget, a standalone cost): whole øre, as every report and
   * invoice shows it. A price per unit may be finer (`unit: 0.125`); its
   * product is rounded by the item's rounding.
   */
  kroner(node: YNode, what: Said, at: SourcePos): Money | null {
    const m = this.money(node, what, at);
    if (m === null || Money.round(m.toRatio(), ORE).eq(m)) return m;
    const text = this.scalarText(node)!.trim();
    this.diags.error(
      this.pos(node, at),
      'amount-below-ore',
      said(`${what.nb} er '${text}', med en brøkdel av en øre`, `${what.en} is '${text}', with a fraction of an øre`),
      said('et beløp i kroner har høyst to desimaler: rund det av til hele øre', 'an amount in kroner has at most two decimals: round it to whole øre'),
    );
    return null;
  }

  /** A share, weight or rate: `45.87%`, `1/3` or `0.4587`; a bare `5` is an error naming its two readings. */
  ratio(node: YNode, what: Said, at: SourcePos): Ratio | null {
    const text = this.scalarText(node);
    if (text !== null && this.tooManyDigits(node, text, at, 'bad-ratio', what)) return null;
    const read = text === null ? null : readRate(text);
    if (read?.kind === 'rate') return read.value;
    if (read?.kind === 'bare') {
      const { message, hint } = bareRate(read, what);
      this.diags.error(this.pos(node, at), 'bare-rate', message, hint);
      return null;
    }
    if (explained(node)) return null;
    const comma = text === null ? null : /^([+-]?\d+),(\d+)(\s*%)?$/.exec(text.trim());
    this.wrongKind(
      node,
      text,
      at,
      'bad-ratio',
      what,
      said('en prosent eller brøk', 'a percentage or fraction'),
      comma
        ? said(
            `avtalen skriver tall med desimalpunktum: ${comma[1]}.${comma[2]}${comma[3] ? '%' : ''}`,
            `the agreement writes numbers with a decimal point: ${comma[1]}.${comma[2]}${comma[3] ? '%' : ''}`,
          )
        : said('skriv f.eks. 45.87%, 1/3 eller 0.5', 'write e.g. 45.87%, 1/3 or 0.5'),
    );
    return null;
  }

  /** A plain non-negative number (a quantity, a population), exact. */
  quantity(node: YNode, what: Said, at: SourcePos): Ratio | null {
    const text = this.scalarText(node);
    if (text !== null && this.tooManyDigits(node, text, at, 'bad-number', what)) return null;
    const r = text === null ? null : Ratio.parseDecimal(text.trim());
    if (r === null) {
      if (explained(node)) return null;
      this.wrongKind(
        node,
        text,
        at,
        'bad-number',
        what,
        said('et tall', 'a number'),
        said('skriv sifre, eventuelt med desimalpunktum, f.eks. 397 eller 12.5', 'write digits with an optional decimal point, e.g. 397 or 12.5'),
      );
    } else if (r.sign() < 0) {
      this.diags.error(
        this.pos(node, at),
        'negative',
        said(`${what.nb} kan ikke være under null, men er ${text}`, `${what.en} must not be negative, got ${text}`),
        said('antall og folketall er null eller mer', 'counts and populations are zero or more'),
      );
      return null;
    }
    return r;
  }

  integer(node: YNode, what: Said, at: SourcePos): number | null {
    const text = this.scalarText(node);
    if (text !== null && this.tooManyDigits(node, text, at, 'bad-number', what)) return null;
    if (text === null || !/^\d{1,9}$/.test(text)) {
      if (explained(node)) return null;
      this.wrongKind(
        node,
        text,
        at,
        'bad-number',
        what,
        said('et heltall', 'a whole number'),
        said('skriv bare sifre, f.eks. 2023', 'write digits only, e.g. 2023'),
      );
      return null;
    }
    return Number(text);
  }

  date(node: YNode, what: Said, at: SourcePos): string | null {
    const text = this.scalarText(node);
    const problem = text === null ? said('skriv den som ÅÅÅÅ-MM-DD, f.eks. 2024-01-31', 'write it as YYYY-MM-DD, e.g. 2024-01-31') : dateProblem(text);
    if (text === null || problem) {
      if (explained(node)) return null;
      this.wrongKind(node, text, at, 'bad-date', what, said('en dato', 'a date'), problem!);
      return null;
    }
    return text;
  }

  /**
   * A number of more digits than any agreement needs is refused before it is
   * read: exact arithmetic on it (a greatest common divisor per step) grows
   * with the square of its length, and no share or amount is stated to
   * more than a few dozen digits.
   */
  private tooManyDigits(node: YNode, text: string, at: SourcePos, code: ErrorCode, what: Said): boolean {
    // YAML 1.1 (and so many editors and libraries) reads 01750 as the octal 1000; YAML 1.2 as 1750. Neither is guessed.
    const zero = /^[+-]?0\d/.exec(text.trim());
    if (zero && isScalar(node) && typeof node.value !== 'string') {
      const plain = text.trim().replace(/^([+-]?)0+(?=\d)/, '$1');
      this.diags.error(
        this.pos(node, at),
        code,
        said(`${what.nb} begynner med en null: ${quote(text.trim())}`, `${what.en} starts with a zero: ${quote(text.trim())}`),
        said(
          `skriv ${plain}; YAML 1.1 leser et tall med innledende null som oktalt (01750 = 1000)`,
          `write ${plain}; YAML 1.1 reads a number with a leading zero as octal (01750 = 1000)`,
        ),
      );
      return true;
    }
    let digits = 0;
    for (const c of text) if (c >= '0' && c <= '9') digits++;
    if (digits <= MAX_DIGITS) return false;
    this.diags.error(
      this.pos(node, at),
      code,
      said(`${what.nb} har ${digits} sifre; samkost leser høyst ${MAX_DIGITS}`, `${what.en} has ${digits} digits; samkost reads at most ${MAX_DIGITS}`),
      said(
        'skriv en andel uten ende som en brøk (1/3), og et beløp eller tall med de sifrene avtalen oppgir',
        'write a share without end as a fraction (1/3), and an amount or number with the digits the agreement states',
      ),
    );
    return true;
  }

  /** `what must be <expected>, got <what was written>`: a value of the wrong kind. */
  private wrongKind(node: YNode, text: string | null, at: SourcePos, code: ErrorCode, what: Said, expected: Said, hint: Said): void {
    const g = got(node, text);
    this.diags.error(
      this.pos(node, at),
      code,
      said(`${what.nb} må være ${expected.nb}, men er ${g.nb}`, `${what.en} must be ${expected.en}, got ${g.en}`),
      hint,
    );
  }

  isInfinity(node: YNode): boolean {
    return isScalar(node) && node.value === Infinity;
  }
}

/** A number as written: the parser keeps a scalar's text (for a plain scalar on one line, every number, the text as it stands). */
function rawSource(s: ScalarNode): string {
  return s.source ?? String(s.value);
}

/** An alias or a tagged value: already reported as such when the text was parsed, so not again as the wrong type. */
/** A value already reported (a tag, an alias, a value cut at a comma): no second error for it. */
export function explained(node: YNode): boolean {
  return isAlias(node) || (isNode(node) && (node.tag !== undefined || REPORTED.has(node)));
}

const ORE = Money.parse('0.01')!;

/** Values already reported where they were found (a value cut at a comma): read as nothing, and not reported again. */
const REPORTED = new WeakSet<object>();

/** What was written where a value of another kind belongs, in words. */
function got(node: YNode, text: string | null): Said {
  if (isSeq(node)) return said('en liste', 'a list');
  if (isMap(node)) return said('en tilordning', 'a mapping');
  if (isAlias(node)) return said('et alias', 'an alias');
  if (text !== null) return verbatim(quote(text));
  if (isScalar(node) && typeof node.value === 'boolean') return verbatim(quote(String(node.value)));
  return said('tom', 'nothing');
}

/** How many unknown fields of one mapping are listed one by one. */
const MAX_UNKNOWN_FIELDS = 10;

/** The most digits a number in the agreement may have (integer and decimals together). */
export const MAX_DIGITS = 40;

/** A token as written, in quotes, cut short past 60 characters: a megabyte on one line helps no one. */
export function quote(text: string): string {
  return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;
}

export function isSlug(s: string): boolean {
  return /^[a-z][a-z0-9_-]*$/.test(s);
}

function slugify(s: string): string {
  const slug = s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '');
  return slug || 'name';
}

export { isMap, isSeq, isScalar };
