import { LineCounter, parseDocument } from 'yaml';
import { asNode, duplicateKeys, type ParsedYaml, shortParsedYaml, type Unsupported, type YNode } from './yaml-nodes.js';
import { isAlias, isMap, isNode, isSeq } from './yaml-tree.js';

/**
 * A YAML text as samkost reads it: by the short reader when it can
 * (src/agreement/yaml-short.ts), else by the yaml library, which reads all
 * of YAML and reports its mistakes. This module is what loads the library:
 * a command reaches it only for a text the short reader gives back
 * (src/cli/parse-agreement.ts), a scenario always.
 */
export function parseYaml(text: string): ParsedYaml {
  return shortParsedYaml(text) ?? libraryYaml(text);
}

/** The yaml library's reading of a text, with its errors, aliases and tags. */
export function libraryYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  // The library's own check of unique keys compares each key with every earlier one (50 000 fields took
  // minutes); duplicateKeys does the same check with a set per mapping.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const root = asNode(doc.contents);
  // A tag is reported where it is written, just before the value it tags.
  const found = unsupported(root).map((u) => (u.kind === 'tag' ? { ...u, offset: Math.max(0, text.lastIndexOf(u.text, u.offset)) } : u));
  return { root, errors: [...doc.errors, ...duplicateKeys(root)], unsupported: found, lines };
}

/** Every alias and explicit tag in the tree, in reading order: they would otherwise be read silently as something else. */
function unsupported(root: YNode): Unsupported[] {
  const out: Unsupported[] = [];
  const walk = (node: unknown) => {
    if (isAlias(node)) {
      out.push({ kind: 'alias', offset: node.range?.[0] ?? 0, text: `*${node.source}` });
      return;
    }
    if (!isNode(node)) return;
    if (node.tag) out.push({ kind: 'tag', offset: node.range?.[0] ?? 0, text: node.tag.replace(/^tag:yaml\.org,2002:/, '!!') });
    if (isMap(node))
      for (const p of node.items) {
        walk(p.key);
        walk(p.value);
      }
    else if (isSeq(node)) for (const n of node.items) walk(n);
  };
  walk(root);
  return out;
}
