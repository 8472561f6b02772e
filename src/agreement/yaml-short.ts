import { LineStarts, type MapNode, mapNode, pairNode, type Range, type ScalarNode, scalarNode, type SeqNode, seqNode, type TreeNode } from './yaml-tree.js';

/**
 * A short reader of the YAML agreements are written in — block mappings and
 * lists, flow collections on one line, plain and quoted scalars on one line,
 * comments, LF or CR LF line ends — for the start of every command: the
 * yaml library's lexer, parser and composer took about a tenth of `samkost
 * check`'s run on a small agreement (most of it the cost of running their
 * code the first time), and loading the library a tenth more.
 *
 * It builds the tree the library builds from the same text (values, types,
 * source and positions: src/agreement/yaml-tree.ts; the differential test
 * tests/yaml-short.differential.test.ts compares them over generated texts)
 * or gives the text back, returning null: for anything else YAML can say,
 * and for every text with a mistake in it, whose error the library reports
 * as before.
 */
export function shortYaml(text: string): { readonly root: TreeNode | null; readonly lines: LineStarts } | null {
  if (unreadCharacter(text)) return null;
  try {
    return { root: new Reader(text).document(), lines: new LineStarts(text) };
  } catch (e) {
    if (e === GIVEN_BACK) return null;
    throw e;
  }
}

/**
 * Thrown where the text leaves what this reader reads, and caught once, at
 * the top: the reader's functions return nodes, not "a node or a reason".
 */
const GIVEN_BACK = new Error('given back to the yaml library');

/** Tabs, a CR not ending a line, control characters, a byte-order mark, Unicode line separators: each has rules of its own in YAML. */
function unreadCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true;
  }
  return false;
}

/** What cannot start a plain scalar (or starts something else: a tag, an anchor, a block scalar, a directive). */
const INDICATORS = new Set([...',[]{}#&*!|>\'"%@`']);

const FLOW_INDICATORS = new Set([...',[]{}']);

/** The YAML 1.2 core schema's plain scalars that are not strings, as the library tests them, in its order. */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** `to: .inf`, the open end of a price tier. */
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Octal, hexadecimal and exponents: the library marks their format on the node; left to it. */
const MARKED_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;

/** The longest implicit key the library takes (its `: ` must come within 1 024 characters). */
const MAX_KEY = 1000;

function giveBack(): never {
  throw GIVEN_BACK;
}

/**
 * The blank and comment lines after a collection's last entry, as the
 * library's parser passes them on: to the collection around it, unless a
 * comment in them is indented as far as the collection (then they end it).
 */
interface Trailing {
  /** The indents of the comments among the lines. */
  readonly comments: readonly number[];
}

/** A block collection read, with the line after it and the lines it passes on. */
interface Block {
  readonly node: MapNode | SeqNode;
  /** The start of the next line with content, at a smaller indent; null at the end of the text. */
  readonly next: number | null;
  readonly trailing: Trailing | null;
}

/** An entry's value: a block collection, or a scalar or flow collection on a line, or nothing. */
type Value = Block | { readonly node: ScalarNode | MapNode | SeqNode; readonly inline: true } | { readonly node: ScalarNode; readonly empty: true };

class Reader {
  constructor(private readonly text: string) {}

  document(): TreeNode | null {
    const first = this.contentLine(0);
    if (first === null) return null;
    const root = this.node(first, this.indent(first));
    // A scalar of its own is no agreement; the parser's ways with the lines after one are left to it.
    if (!('next' in root)) {
      if (root.node.range![2] !== this.text.length) giveBack();
      return root.node;
    }
    if (root.next !== null) giveBack();
    return root.node;
  }

  /**
   * The start of the first line from `at` on that holds more than spaces and
   * a comment, or null at the end of the text. `at` is a line's start.
   */
  private contentLine(at: number): number | null {
    const t = this.text;
    while (at < t.length) {
      let i = at;
      while (t[i] === ' ') i++;
      if (i < t.length && !this.eol(i) && t[i] !== '#') {
        // A document marker or a directive starts a second document or changes how the text is read.
        if (i === at && (t.startsWith('---', i) || t.startsWith('...', i) || t[i] === '%')) giveBack();
        return at;
      }
      const end = t.indexOf('\n', i);
      if (end === -1) return null;
      at = end + 1;
    }
    return null;
  }

  private indent(line: number): number {
    let i = line;
    while (this.text[i] === ' ') i++;
    return i - line;
  }

  /** What starts a line at column `col`: a list, a mapping, or a scalar or flow collection alone on the line. */
  private node(line: number, col: number): Value {
    const at = line + col;
    if (this.dash(at)) return this.seq(line, col);
    if (this.keyEnd(at) !== null) return this.map(at, col);
    return { node: this.inline(at), inline: true };
  }

  /**
   * An entry's value that starts at `at` (after `- ` or `key: `) on the
   * entry's own line, or on the lines below it: more indented than the
   * collection's column `col`, or for a mapping's key (`list` true) a list
   * at the key's own column.
   */
  private value(at: number, col: number, list: boolean): Value {
    const t = this.text;
    if (at < t.length && !this.eol(at) && t[at] !== '#') {
      // `- - x` and `key: - x` are lists inside an entry's line, which agreements do not write.
      if (this.dash(at)) giveBack();
      if (!list && this.keyEnd(at) !== null) return this.map(at, at - t.lastIndexOf('\n', at - 1) - 1);
      return { node: this.inline(at), inline: true };
    }
    const next = this.afterComment(at);
    const below = this.contentLine(next);
    const indent = below === null ? -1 : this.indent(below);
    if (below !== null && indent > col) {
      const node = this.node(below, indent);
      // A scalar on a line of its own under its key or `-` is given back: after some blank or comment lines
      // (`#a`, or a blank line before one at column 0) the library's lexer lets a plain one run on over the
      // lines that follow, even `- 200` (`-\n\n# c\n  100\n- 200` is one item, '100 - 200').
      if (!('next' in node)) giveBack();
      return node;
    }
    if (below !== null && list && indent === col && this.dash(below + indent)) return this.seq(below, indent);
    // Lines between an empty value and what follows, and a comment after it, are shared out by rules of their own.
    if ((below ?? t.length) !== next || t[at] === '#') giveBack();
    return { node: this.empty(at), empty: true };
  }

  /**
   * After an entry's value, up to the next line with content: a comment
   * indented past the collection's column `col` belongs to a scalar or flow
   * value before it (its node ends after the comment), unless a comment at
   * the collection's indent came first; the rest is passed on.
   */
  private after(value: Value, col: number): { readonly end: number; readonly next: number | null; readonly trailing: Trailing | null } {
    if ('next' in value) return { end: value.node.range![2], next: value.next, trailing: value.trailing };
    const t = this.text;
    let end = value.node.range![2];
    if ('empty' in value) return { end, next: this.contentLine(end), trailing: null };
    let comments: number[] | null = null;
    let at = end;
    while (at < t.length) {
      let i = at;
      while (t[i] === ' ') i++;
      if (i < t.length && !this.eol(i) && t[i] !== '#') break;
      const lineEnd = this.afterComment(i);
      if (t[i] === '#') {
        if (i - at > col && (comments === null || comments.length === 0)) {
          end = lineEnd;
          comments = null;
        } else {
          comments ??= [];
          comments.push(i - at);
        }
      } else comments ??= [];
      at = lineEnd;
    }
    value.node.range![2] = end;
    return { end, next: this.contentLine(at), trailing: comments && { comments } };
  }

  /**
   * The end of a collection at column `col` whose last entry ends at `end`:
   * the lines after it stay in it when a comment among them is indented as
   * far (its node then ends where the next content starts), and are passed on
   * otherwise.
   */
  private close(node: MapNode | SeqNode, start: number, col: number, end: number, next: number | null, trailing: Trailing | null): Block {
    const kept = trailing !== null && col !== 0 && trailing.comments.some((c) => c >= col);
    node.range = [start, end, kept ? (next === null ? this.text.length : next + this.indent(next)) : end];
    return { node, next, trailing: kept ? null : trailing };
  }

  /** Whether a list item's `-` is at `at`. */
  private dash(at: number): boolean {
    const c = this.text[at + 1];
    return this.text[at] === '-' && (c === ' ' || c === undefined || this.eol(at + 1));
  }

  /** A block list at column `col`, its first `-` on the line at `line`. */
  private seq(line: number, col: number): Block {
    const seq = seqNode(false);
    const t = this.text;
    const start = line + col;
    let before: Trailing | null = null;
    for (;;) {
      let at = line + col + 1;
      while (t[at] === ' ') at++;
      const value = this.value(at, col, false);
      // Comment lines before an empty item are its own, and move where its node ends.
      if ('empty' in value && before !== null && before.comments.length > 0) giveBack();
      seq.items.push(value.node);
      const { end, next, trailing } = this.after(value, col);
      before = trailing;
      const indent = next === null ? -1 : this.indent(next);
      if (indent > col) giveBack();
      if (next === null || indent < col || !this.dash(next + col)) return this.close(seq, start, col, end, next, trailing);
      line = next;
    }
  }

  /** A block mapping at column `col`, its first key at `at`. */
  private map(at: number, col: number): Block {
    const map = mapNode(false);
    const t = this.text;
    const start = at;
    for (;;) {
      const keyEnd = this.keyEnd(at) ?? giveBack();
      const key = this.scalar(at, keyEnd, keyEnd);
      let v = keyEnd + 1;
      while (t[v] === ' ') v++;
      const value = this.value(v, col, true);
      map.items.push(pairNode(key, value.node));
      const { end, next, trailing } = this.after(value, col);
      const indent = next === null ? -1 : this.indent(next);
      if (indent > col) giveBack();
      if (next === null || indent < col) return this.close(map, start, col, end, next, trailing);
      at = next + col;
      // A list at the key's own indent belongs to the key above it, which took it; another here is a mistake.
      if (this.dash(at) || this.keyEnd(at) === null) giveBack();
    }
  }

  /**
   * The offset of the `:` that ends a block mapping's key starting at `at`,
   * or null when the line holds no key there.
   */
  private keyEnd(at: number): number | null {
    const t = this.text;
    const c = t[at]!;
    let i: number;
    if (c === '"' || c === "'") {
      i = this.quoteEnd(at);
      if (t[i] !== ':') return null;
    } else {
      if (!plainStart(t, at, false)) return null;
      i = at;
      for (;;) {
        const ch = t[i];
        if (ch === undefined || this.eol(i)) return null;
        if (ch === ':') {
          const after = t[i + 1];
          if (after === ' ' || after === undefined || this.eol(i + 1)) break;
        }
        if (ch === '#' && t[i - 1] === ' ') return null;
        i++;
      }
      // `key :` has the space in the key's token; not read here.
      if (t[i - 1] === ' ') giveBack();
    }
    const after = t[i + 1];
    if (after !== ' ' && after !== undefined && !this.eol(i + 1)) return null;
    if (i - at > MAX_KEY) giveBack();
    return i;
  }

  /** A scalar or flow collection starting at `at` on a line, and the rest of the line: spaces and a comment. */
  private inline(at: number): ScalarNode | MapNode | SeqNode {
    const t = this.text;
    const c = t[at]!;
    if (c === '[' || c === '{') {
      const node = this.flow(at);
      node.range![2] = this.lineEnd(node.range![1]);
      return node;
    }
    let valueEnd: number;
    if (c === '"' || c === "'") valueEnd = this.quoteEnd(at);
    else {
      if (!plainStart(t, at, false)) giveBack();
      let i = at;
      valueEnd = at;
      for (;;) {
        const ch = t[i];
        if (ch === undefined || this.eol(i) || (ch === '#' && t[i - 1] === ' ')) break;
        // `a: b: c` is a mapping in a mapping's value on one line, which YAML refuses.
        if (ch === ':' && (t[i + 1] === ' ' || t[i + 1] === undefined || this.eol(i + 1))) giveBack();
        if (ch !== ' ') valueEnd = i + 1;
        i++;
      }
    }
    return this.scalar(at, valueEnd, this.lineEnd(valueEnd));
  }

  /** The start of the next line after `at`, where only spaces and a comment may follow on the line. */
  private lineEnd(at: number): number {
    const t = this.text;
    const rest = this.spaces(at);
    if (rest < t.length && !this.eol(rest) && (t[rest] !== '#' || rest === at)) giveBack();
    return this.afterComment(rest);
  }

  /** A flow collection on one line, `[…]` or `{…}`, starting at `at`; its range ends at its closing bracket. */
  private flow(at: number): MapNode | SeqNode {
    const t = this.text;
    const isMap = t[at] === '{';
    const close = isMap ? '}' : ']';
    const node = isMap ? mapNode(true) : seqNode(true);
    let i = this.spaces(at + 1);
    if (t[i] !== close)
      for (;;) {
        if (isMap) {
          const keyEnd = this.flowScalarEnd(i, true);
          if (t[keyEnd] !== ':' || t[keyEnd + 1] !== ' ') giveBack();
          const key = this.scalar(i, keyEnd, keyEnd);
          const v = this.spaces(keyEnd + 1);
          const value = this.flowItem(v);
          (node as MapNode).items.push(pairNode(key, value));
          i = value.range![2];
        } else {
          const item = this.flowItem(i);
          (node as SeqNode).items.push(item);
          i = item.range![2];
        }
        if (t[i] === ',') {
          i = this.spaces(i + 1);
          // A comma before the bracket leaves an empty entry, which the library reads its own way.
          if (t[i] === close || t[i] === ',') giveBack();
          continue;
        }
        if (t[i] === close) break;
        giveBack();
      }
    node.range = [at, i + 1, i + 1];
    return node;
  }

  /** A scalar or a flow collection inside a flow collection; its range ends after the spaces that follow it. */
  private flowItem(at: number): ScalarNode | MapNode | SeqNode {
    const t = this.text;
    if (t[at] === '[' || t[at] === '{') {
      const node = this.flow(at);
      node.range![2] = this.spaces(node.range![1]);
      return node;
    }
    const end = this.flowScalarEnd(at, false);
    return this.scalar(at, end, this.spaces(end));
  }

  /** Where a plain or quoted scalar inside a flow collection ends (after its closing quote, or before trailing spaces). */
  private flowScalarEnd(at: number, key: boolean): number {
    const t = this.text;
    const c = t[at];
    if (c === '"' || c === "'") return this.quoteEnd(at);
    if (c === undefined || !plainStart(t, at, true)) giveBack();
    let i = at;
    let end = at;
    for (;;) {
      const ch = t[i];
      if (ch === undefined || this.eol(i)) giveBack();
      if (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{') break;
      if (ch === '#' && t[i - 1] === ' ') giveBack();
      if (ch === ':') {
        if (key && t[i + 1] === ' ') break;
        giveBack();
      }
      if (ch !== ' ') end = i + 1;
      i++;
    }
    if (key && end !== i) giveBack();
    return end;
  }

  /** The offset after the closing quote of the quoted scalar at `at`, on its line, without escapes. */
  private quoteEnd(at: number): number {
    const t = this.text;
    const q = t[at];
    for (let i = at + 1; i < t.length; i++) {
      const ch = t[i];
      if (ch === '\n' || ch === '\r' || (q === '"' && ch === '\\')) giveBack();
      if (ch === q) {
        if (q === "'" && t[i + 1] === "'") {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    giveBack();
  }

  /** The scalar written from `at` to `valueEnd`, its node ending at `nodeEnd`, as the library composes it. */
  private scalar(at: number, valueEnd: number, nodeEnd: number): ScalarNode {
    const raw = this.text.slice(at, valueEnd);
    const range: Range = [at, valueEnd, nodeEnd];
    if (raw[0] === "'") return scalarNode(raw.slice(1, -1).replaceAll("''", "'"), 'QUOTE_SINGLE', raw.slice(1, -1).replaceAll("''", "'"), range);
    if (raw[0] === '"') return scalarNode(raw.slice(1, -1), 'QUOTE_DOUBLE', raw.slice(1, -1), range);
    return scalarNode(plainValue(raw), 'PLAIN', raw, range);
  }

  /** The null of a key or list item with nothing after it, placed after the `:` or `-` and the spaces that follow. */
  private empty(at: number): ScalarNode {
    return scalarNode(null, 'PLAIN', '', [at, at, at]);
  }

  /** Whether a line ends at `at`: LF, or CR LF as Windows editors write it. */
  private eol(at: number): boolean {
    const c = this.text[at];
    return c === '\n' || (c === '\r' && this.text[at + 1] === '\n');
  }

  private spaces(at: number): number {
    while (this.text[at] === ' ') at++;
    return at;
  }

  /** The start of the next line after a comment (or nothing) at `at`; the end of the text on the last line. */
  private afterComment(at: number): number {
    const end = this.text.indexOf('\n', at);
    return end === -1 ? this.text.length : end + 1;
  }
}

/** Whether a plain scalar may start at `at`: not an indicator, nor `-`, `?` or `:` before a space (nor `:` or `?` in a flow). */
function plainStart(t: string, at: number, flow: boolean): boolean {
  const c = t[at]!;
  if (INDICATORS.has(c)) return false;
  if (c === '-' || c === '?' || c === ':') {
    const next = t[at + 1];
    if (next === undefined || next === ' ' || next === '\n' || next === '\r') return false;
    if (flow && (c !== '-' || FLOW_INDICATORS.has(next))) return false;
  }
  return true;
}

/** A plain scalar's value as the core schema reads it. */
function plainValue(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INFINITY_OR_NAN.test(s)) return s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN') ? Number.NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT.test(s)) return Number.parseFloat(s);
  if (MARKED_NUMBER.test(s)) giveBack();
  return s;
}
