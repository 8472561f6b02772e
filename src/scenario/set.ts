import { parseDocument, visit } from 'yaml';
import { isAlias, isMap, isNode, isScalar, isSeq, type MapNode, mapValue, type PairNode, type SeqNode, type TreeNode } from '../agreement/yaml-tree.js';
import { asNode } from '../agreement/yaml-nodes.js';
import { readRate } from '../agreement/percent.js';
import { agreementSchema, RATIO } from '../agreement/schema.js';
import type { SourcePos } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { Ratio } from '../money/ratio.js';
import { type Said, said, verbatim } from '../text/said.js';
import type { ScenarioSetting } from '../reports/scenario.js';

/** One change to the agreement, with where it was written. */
export interface Setting extends ScenarioSetting {
  /** Where the setting was written, when it comes from a scenario file (else it came from the command line). */
  readonly at?: SourcePos;
}

export interface SetError {
  readonly setting: Setting;
  readonly message: Said;
  readonly hint: Said;
}

/** `parties.hustadvika.population=14000` → path and value; null when there is no `=`. */
export function parseSetting(text: string): Setting | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/**
 * Where a setting goes in the agreement's YAML tree: a value written there
 * to replace, or a field to add to an existing mapping (`joined:` on a
 * party, a new year in an index series) — only a field the format knows
 * there, so a misspelt last part is an error too, never a silently added
 * field.
 */
export type Target =
  | { readonly kind: 'replace'; readonly node: TreeNode; readonly trail: readonly Step[] }
  | { readonly kind: 'add'; readonly map: MapNode; readonly key: string; readonly trail: readonly Step[] };

/**
 * One step of the walk from the root: the collection passed through and the
 * position of the entry taken. A replacement's last step holds the value
 * replaced; an addition's steps lead to the mapping added to.
 */
export interface Step {
  readonly collection: MapNode | SeqNode;
  readonly index: number;
}

/**
 * Walks the path through the YAML as written: mapping keys by name, list
 * entries by position (`blend.0`) or by their `id` (`items.soc`). Every part
 * but the last must exist; the last must exist or be a field the format
 * allows in that mapping. Input files are not part of a scenario: they are
 * read once, before any scenario runs.
 */
export function locate(root: TreeNode | null, setting: Setting): Target | SetError {
  const parts = setting.path.split('.');
  const fail = (message: Said, hint: Said): SetError => ({ setting, message, hint });
  if (parts[0] === 'inputs')
    return fail(
      said('et scenario kan ikke endre inndatafilene', 'a scenario cannot change the input files'),
      said(
        'inndatafilene leses én gang, før noe scenario kjøres: gi andre filer på kommandolinjen i stedet',
        'input files are read once, before any scenario runs: name other files on the command line instead',
      ),
    );
  let node = root;
  let schema: Schema | undefined = rootSchema();
  const walked: string[] = [];
  const trail: Step[] = [];
  for (const [i, part] of parts.entries()) {
    const where = walked.length ? verbatim(`'${walked.join('.')}'`) : said('avtalen', 'the agreement');
    const last = i === parts.length - 1;
    if (isMap(node)) {
      const at = node.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === part);
      const pair = node.items[at];
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k !== '');
      const allowed = fieldsOf(schema);
      if (!pair) {
        if (last && allowed.accepts(part)) return { kind: 'add', map: node, key: part, trail };
        if (allowed.accepts(part))
          return fail(
            said(`${where.nb} har ikke noe '${part}' å endre`, `${where.en} has no '${part}' to change`),
            said(
              `skriv ${part}: i avtalen først; et scenario endrer verdier som står der`,
              `write ${part}: in the agreement first; a scenario changes values that are there`,
            ),
          );
        const known = [...new Set([...keys, ...allowed.names])];
        return fail(
          said(`${where.nb} har ikke '${part}'`, `${where.en} has no '${part}'`),
          didYouMean(part, known) ?? said(`den har: ${keys.join(', ')}`, `it has: ${keys.join(', ')}`),
        );
      }
      trail.push({ collection: node, index: at });
      if (last) return target(asNode(pair.value), trail, setting);
      node = asNode(pair.value);
      schema = step(schema, part);
    } else if (isSeq(node)) {
      const ids = node.items.map((n) => (isMap(n) ? mapValue(n, 'id') : undefined)).map((id) => (id === undefined ? '' : String(id)));
      const index = /^\d+$/.test(part) ? Number(part) : ids.indexOf(part);
      if (index < 0 || index >= node.items.length) {
        const named = ids.filter((id) => id !== '');
        return fail(
          said(`${where.nb} har ingen oppføring '${part}'`, `${where.en} has no entry '${part}'`),
          didYouMean(part, named) ??
            said(
              `nevn en oppføring ved plass (0 til ${node.items.length - 1})${named.length ? ` eller ved id: ${named.join(', ')}` : ''}`,
              `name an entry by position (0 to ${node.items.length - 1})${named.length ? ` or by id: ${named.join(', ')}` : ''}`,
            ),
        );
      }
      trail.push({ collection: node, index });
      if (last) return target(asNode(node.items[index]), trail, setting);
      node = asNode(node.items[index]);
      schema = step(schema, '[]');
    } else {
      return fail(
        said(`${where.nb} er én enkelt verdi; den har ikke '${part}'`, `${where.en} is a single value; it has no '${part}'`),
        said(`sett ${where.nb} selv: ${walked.join('.')}=VERDI`, `set ${where.en} itself: ${walked.join('.')}=VALUE`),
      );
    }
    walked.push(part);
  }
  return fail(said('stien er tom', 'the path is empty'), said('nevn en verdi, f.eks. items.soc.price.quantity', 'name a value, e.g. items.soc.price.quantity'));
}

function target(node: TreeNode | null, trail: readonly Step[], setting: Setting): Target | SetError {
  if (!node?.range)
    return {
      setting,
      message: said(`'${setting.path}' har ingen verdi å erstatte`, `'${setting.path}' has no value to replace`),
      hint: said('skriv en verdi for den i avtalen først', 'write a value for it in the agreement first'),
    };
  return { kind: 'replace', node, trail };
}

/**
 * The agreement text with each setting written in: a replaced value in
 * place, an added field after the mapping's last entry. Editing the text
 * (not a model) means the changed agreement is read and validated by exactly
 * the same reader as the original, and every other line keeps its position.
 */
export function applySettings(text: string, root: TreeNode | null, settings: readonly Setting[]): { text: string } | { errors: SetError[] } {
  const errors: SetError[] = [];
  const edits: { start: number; end: number; value: string }[] = [];
  for (const s of settings) {
    const t = locate(root, s);
    if ('message' in t) errors.push(t);
    else
      edits.push(
        t.kind === 'replace' ? { start: t.node.range![0], end: t.node.range![1], value: yamlValue(s.value) } : addition(text, t.map, t.key, yamlValue(s.value)),
      );
  }
  if (errors.length) return { errors };
  // Two settings of the same value: the last one wins, as on any command line.
  const byStart = new Map(edits.map((e) => [`${e.start}:${e.end}`, e]));
  let out = text;
  for (const e of [...byStart.values()].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.value + out.slice(e.end);
  return { text: out };
}

/** The text that adds `key: value` to a mapping, written the way the mapping is (flow `{ … }` or block lines). */
function addition(text: string, map: MapNode, key: string, value: string): { start: number; end: number; value: string } {
  const lastPair = map.items[map.items.length - 1];
  const endOf = (p: PairNode) => (p.value as TreeNode | null)?.range?.[1] ?? (p.key as TreeNode).range![1] + 1;
  if (map.flow) {
    const at = lastPair ? endOf(lastPair) : map.range![0] + 1;
    return { start: at, end: at, value: lastPair ? `, ${key}: ${value}` : ` ${key}: ${value} ` };
  }
  const first = map.items[0]!.key as TreeNode;
  const lineStart = text.lastIndexOf('\n', first.range![0] - 1) + 1;
  const at = endOf(lastPair!);
  return { start: at, end: at, value: `\n${' '.repeat(first.range![0] - lineStart)}${key}: ${value}` };
}

/**
 * The value as YAML text: as typed when it is a plain word, number or flow
 * collection, else quoted. A tag, anchor or alias at the start stays as
 * typed too, so it means in a setting what it means in the file (an error),
 * not a text that happens to start with `!!binary`.
 */
export function yamlValue(v: string): string {
  return /^[\w.%+\-/]+$/.test(v) || /^[{[].*[}\]]$/.test(v) || /^[!&*]/.test(v) ? v : JSON.stringify(v);
}

/**
 * The first tag (`!!binary`), anchor (`&a`) or alias (`*a`) in a setting's
 * value read as YAML, as written; null when it has none. The agreement
 * refuses each of them (yaml-tag, yaml-alias), so a setting must too.
 */
export function yamlFeature(value: string): string | null {
  let found: string | null = null;
  visit(parseDocument(yamlValue(value), { prettyErrors: false }), (_, node) => {
    if (isAlias(node)) found = `*${node.source}`;
    else if (isNode(node) && (node.tag || node.anchor)) found = node.tag ? node.tag.replace(/^tag:yaml\.org,2002:/, '!!') : `&${node.anchor}`;
    return found === null ? undefined : visit.BREAK;
  });
  return found;
}

/**
 * Whether a path names a share, weight or rate by the format alone
 * (`items.variabel.percent`, `indices.deflator.2027`,
 * `keys.k.blend.0.weight`): the command line checks its values before any
 * agreement is read, so a bare `3` in a sweep of a thousand scenarios is one
 * error, not a thousand.
 */
export function isRatePath(path: string): boolean {
  let schema: Schema | undefined = rootSchema();
  for (const part of path.split('.')) {
    const r = resolve(schema);
    // An item's `oneOf` says which fields it needs, not what they are: its properties are read first.
    schema = r?.items ?? r?.properties?.[part] ?? step(r, part);
  }
  return resolve(schema) === RATIO;
}

/** Just enough of JSON Schema to know which fields a mapping may have. */
interface Schema {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema | boolean;
  readonly propertyNames?: { readonly pattern?: string; readonly [keyword: string]: unknown };
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly [keyword: string]: unknown;
}

/** The agreement's schema, and its definitions, as far as the walk reads them: typed by assignment, not by a cast. */
const rootSchema = (): Schema => agreementSchema();
const defs = (): Readonly<Record<string, Schema>> => agreementSchema().$defs;

function resolve(s: Schema | undefined): Schema | undefined {
  if (!s?.$ref) return s;
  const name = s.$ref.replace('#/$defs/', '');
  return defs()[name];
}

/** The schema one step down: a field of a mapping, or `[]` for a list entry. */
function step(s: Schema | undefined, part: string): Schema | undefined {
  const r = resolve(s);
  if (!r) return undefined;
  // A oneOf beside properties of its own (an item: exactly one of amount/actuals/price/percent) only says which are required.
  if (r.oneOf && !r.properties) {
    const options = r.oneOf.map((o) => step(o, part)).filter((o): o is Schema => o !== undefined);
    return options.length === 1 ? options[0] : options.length ? { oneOf: options } : undefined;
  }
  if (part === '[]') return r.items;
  return r.properties?.[part] ?? (typeof r.additionalProperties === 'object' ? r.additionalProperties : undefined);
}

function fieldsOf(s: Schema | undefined): { names: string[]; accepts: (key: string) => boolean } {
  const r = resolve(s);
  if (!r) return { names: [], accepts: () => false };
  if (r.oneOf && !r.properties) {
    const all = r.oneOf.map(fieldsOf);
    return { names: all.flatMap((f) => f.names), accepts: (k) => all.some((f) => f.accepts(k)) };
  }
  const names = Object.keys(r.properties ?? {});
  const open = typeof r.additionalProperties === 'object';
  const pattern = r.propertyNames?.pattern ? new RegExp(r.propertyNames.pattern) : null;
  return { names, accepts: (k) => names.includes(k) || (open && (pattern === null || pattern.test(k))) };
}

const BLEND_WEIGHT = /^keys\.([^.]+)\.blend\.([01])\.weight$/;

/**
 * In a blend of two parts, setting one weight sets the other to the rest of
 * 100 %, unless the other is set too: `keys.halv-halv.blend.0.weight=40%` is
 * the 40/60 split a user means, where the agreement's 50 % left in place
 * would make the weights sum to 90 %. A blend of three or more parts has no
 * one "other" weight, so its weights are set one by one.
 */
export function withFollowingWeights(root: TreeNode | null, settings: readonly Setting[]): readonly Setting[] {
  const added: Setting[] = [];
  for (const s of settings) {
    const m = BLEND_WEIGHT.exec(s.path);
    if (!m) continue;
    const other = `keys.${m[1]}.blend.${m[2] === '0' ? 1 : 0}.weight`;
    if (settings.some((t) => t.path === other) || added.some((t) => t.path === other)) continue;
    const blend = locate(root, { path: `keys.${m[1]}.blend`, value: '' });
    if ('message' in blend || blend.kind !== 'replace' || !isSeq(blend.node) || blend.node.items.length !== 2) continue;
    const read = readRate(s.value);
    // A weight that cannot be read is reported as such; the other weight is not made up from it.
    if (read?.kind !== 'rate') continue;
    const weight = read.value;
    const rest = Ratio.ONE.minus(weight).times(Ratio.of(100n));
    added.push({ path: other, value: `${rest.toDecimalString(12)}%`, ...(s.at ? { at: s.at } : {}) });
  }
  return added.length ? [...settings, ...added] : settings;
}
