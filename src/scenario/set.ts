import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { didYouMean } from '../diagnostics/suggest.js';

/** One `--set PATH=VALUE`: a dotted path into the agreement and the YAML text to put there. */
export interface Setting {
  readonly path: string;
  readonly value: string;
}

export interface SetError {
  readonly setting: string;
  readonly message: string;
  readonly hint: string;
}

/** `parties.hustadvika.population=14000` → path and value; null when there is no `=`. */
export function parseSetting(text: string): Setting | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/**
 * The agreement text with each setting's value written in place of the value
 * the path names. The path walks the YAML as written: mapping keys by name,
 * list entries by position (`blend.0`) or by their `id` (`items.soc`). Every
 * part of the path must exist — a path that does not is an error with a "did
 * you mean", never a silently ignored setting. Editing the text (not a model)
 * means the changed agreement is read and validated by exactly the same
 * reader as the original, and every other line keeps its position.
 */
export function applySettings(text: string, settings: readonly Setting[]): { text: string } | { errors: SetError[] } {
  const errors: SetError[] = [];
  const edits: { start: number; end: number; value: string }[] = [];
  const doc = parseDocument(text, { keepSourceTokens: true });
  for (const s of settings) {
    const found = locate(doc.contents as Node | null, s.path.split('.'));
    if ('error' in found) errors.push({ setting: `${s.path}=${s.value}`, message: found.error, hint: found.hint });
    else edits.push({ start: found.node.range![0], end: found.node.range![1], value: yamlValue(s.value) });
  }
  if (errors.length) return { errors };
  // Two settings of the same value: the last one wins, as on any command line.
  const byStart = new Map(edits.map((e) => [e.start, e]));
  let out = text;
  for (const e of [...byStart.values()].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.value + out.slice(e.end);
  return { text: out };
}

function locate(root: Node | null, parts: readonly string[]): { node: Node } | { error: string; hint: string } {
  let node = root;
  const walked: string[] = [];
  for (const part of parts) {
    const where = walked.length ? `'${walked.join('.')}'` : 'the agreement';
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k !== '');
      if (!pair) return { error: `${where} has no '${part}'`, hint: didYouMean(part, keys) ?? `it has: ${keys.join(', ')}` };
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const ids = node.items.map((i) => (isMap(i) ? i.get('id') : undefined)).map((id) => (id === undefined ? '' : String(id)));
      const index = /^\d+$/.test(part) ? Number(part) : ids.indexOf(part);
      if (index < 0 || index >= node.items.length) {
        const named = ids.filter((id) => id !== '');
        return { error: `${where} has no entry '${part}'`, hint: didYouMean(part, named) ?? `name an entry by position (0 to ${node.items.length - 1})${named.length ? ` or by id: ${named.join(', ')}` : ''}` };
      }
      node = node.items[index] as Node;
    } else {
      return { error: `${where} is a single value; it has no '${part}'`, hint: `set ${where} itself: --set ${walked.join('.')}=VALUE` };
    }
    walked.push(part);
  }
  if (!node?.range) return { error: `'${parts.join('.')}' has no value to replace`, hint: 'write a value for it in the agreement first' };
  return { node };
}

/** The value as YAML text: as typed when it is a plain word or number, else quoted. */
function yamlValue(v: string): string {
  return /^[\w.%+\-/]+$/.test(v) ? v : JSON.stringify(v);
}
