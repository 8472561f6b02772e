import type { ErrorCode } from 'yaml';

/**
 * The YAML tree as samkost reads it: scalars, mappings, lists and their
 * pairs, each with its place in the text. The yaml library's nodes are such
 * a tree, and so are those of the short reader (src/agreement/yaml-short.ts),
 * built here without loading the library: a start reads most agreements
 * without its hundred kilobytes.
 *
 * A node says what it is as the library's do, under the library's own
 * registered symbols, so that the library's isMap, isScalar, visit and the
 * rest know these nodes too (a scenario's patched tree mixes them), and the
 * guards here know the library's.
 */

/** [start, end of the value, end of the node with what follows it on its line], offsets into the text. */
export type Range = [number, number, number];

interface Placed {
  range?: Range | null;
  /** An explicit tag (`!!str`); none on what the short reader builds. */
  tag?: string | undefined;
  /** An anchor (`&name`): the library reads them, an agreement refuses them. */
  anchor?: string | undefined;
}

export interface ScalarNode extends Placed {
  value: unknown;
  /** How it is written: PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL or BLOCK_FOLDED. */
  type?: string | undefined;
  /** The text of the value as written (for a plain scalar on one line, every number, its characters). */
  source?: string | undefined;
}

export interface PairNode {
  key: unknown;
  value: unknown;
}

export interface MapNode extends Placed {
  items: PairNode[];
  /** Written `{ … }`. */
  flow?: boolean | undefined;
}

export interface SeqNode extends Placed {
  items: unknown[];
  /** Written `[ … ]`. */
  flow?: boolean | undefined;
}

/** `*name`, which the library reads and an agreement refuses. */
export interface AliasNode extends Placed {
  source: string;
}

export type TreeNode = ScalarNode | MapNode | SeqNode | AliasNode;

/** A mistake in the YAML text: the library's code and English message, at an offset range. */
export interface YamlProblem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly pos: readonly [number, number];
}

/** Offsets into a text as its line and column (both from 1). */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

const NODE_TYPE = Symbol.for('yaml.node.type');
const ALIAS = Symbol.for('yaml.alias');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');

const kind = (node: unknown): symbol | undefined => (typeof node === 'object' && node !== null ? (node as { [NODE_TYPE]?: symbol })[NODE_TYPE] : undefined);

export const isMap = (node: unknown): node is MapNode => kind(node) === MAP;
export const isSeq = (node: unknown): node is SeqNode => kind(node) === SEQ;
export const isScalar = (node: unknown): node is ScalarNode => kind(node) === SCALAR;
export const isAlias = (node: unknown): node is AliasNode => kind(node) === ALIAS;
export const isPair = (node: unknown): node is PairNode => kind(node) === PAIR;
export const isNode = (node: unknown): node is TreeNode => {
  const k = kind(node);
  return k === SCALAR || k === MAP || k === SEQ || k === ALIAS;
};

/**
 * The value under `key` in a mapping, as the library's `YAMLMap.get` gives
 * it: a scalar's value, or the node of a collection; undefined when no key
 * is `key`.
 */
export function mapValue(map: MapNode, key: string): unknown {
  const pair = map.items.find((p) => p.key === key || (isScalar(p.key) && p.key.value === key));
  const node = pair?.value;
  return (isScalar(node) ? node.value : node) ?? undefined;
}

/** Marks `node` as the library marks its nodes: a property it does not list, copy or show. */
function marked<T extends object>(node: T, type: symbol): T {
  Object.defineProperty(node, NODE_TYPE, { value: type });
  return node;
}

/** A scalar as the library composes one: its value, how it is written, its source text and place. */
export function scalarNode(value: unknown, type: string, source: string, range: Range): ScalarNode {
  return marked({ value, range, source, type }, SCALAR);
}

/** A scalar made, not read: no place in the text (a scenario's value, a value already reported and read as null). */
export function madeScalar(value: unknown): ScalarNode {
  return marked({ value }, SCALAR);
}

/** A mapping, `{ … }` when `flow`, with no entries and no place yet. */
export function mapNode(flow: boolean): MapNode {
  return marked<MapNode>({ items: [], ...(flow ? { flow } : {}) }, MAP);
}

/** A list, `[ … ]` when `flow`, with no items and no place yet. */
export function seqNode(flow: boolean): SeqNode {
  return marked<SeqNode>({ items: [], ...(flow ? { flow } : {}) }, SEQ);
}

export function pairNode(key: unknown, value: unknown): PairNode {
  return marked({ key, value }, PAIR);
}

/**
 * The line starts of a text, and each offset's line and column, as the
 * library's LineCounter gives them (a binary search over the starts).
 */
export class LineStarts implements LinePositions {
  readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  linePos(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (this.lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    const start = this.lineStarts[low - 1]!;
    return { line: low, col: offset - start + 1 };
  }
}
