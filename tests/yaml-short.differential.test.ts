import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { shortYaml } from '../src/agreement/yaml-short.js';

/** The library's reading, with the options samkost reads agreements with (src/agreement/yaml-nodes.ts). */
function library(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  return { root: doc.contents, lines, errors: doc.errors, warnings: doc.warnings };
}

/**
 * A node as far as samkost (and a careful reader of the tree) can see it:
 * its class, value, type, source text, positions, flow and tag, and the same
 * of every node in it. Comments, and the library's notes for writing a
 * number back out (its format, its least number of decimals), are left out:
 * nothing in samkost reads them.
 */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) return { pair: [shape(node.key), shape(node.value)] };
  if (isScalar(node)) {
    return {
      scalar: node.value,
      type: node.type,
      source: node.source,
      range: node.range,
      tag: node.tag,
    };
  }
  if (isMap(node) || isSeq(node)) return { [isMap(node) ? 'map' : 'seq']: node.items.map(shape), flow: node.flow, range: node.range, tag: node.tag };
  return { other: String(node) };
}

/** Wherever the short reader reads a text, the library reads it without an error or a warning, to the same tree and lines. */
function expectSame(text: string): 'read' | 'given back' {
  const short = shortYaml(text);
  if (short === null) return 'given back';
  const lib = library(text);
  expect(
    lib.errors.map((e) => e.message),
    JSON.stringify(text),
  ).toEqual([]);
  expect(
    lib.warnings.map((e) => e.message),
    JSON.stringify(text),
  ).toEqual([]);
  expect(shape(short.root), JSON.stringify(text)).toEqual(shape(lib.root));
  expect(short.lines.lineStarts, JSON.stringify(text)).toEqual(lib.lines.lineStarts);
  return 'read';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return yamlFiles(file);
    return name.endsWith('.yaml') || name.endsWith('.yml') ? [file] : [];
  });
}

// ---- Generated agreements: the shapes agreements are written in, with every spacing and comment YAML allows there.

const word = fc.stringMatching(/^[a-zæøå][a-zæøå0-9_-]{0,8}$/);
const plainText = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  fc.constantFrom('Molde kommune', 'Ålesund IKT', 'half-up', 'nb', "Molde's", 'a#b', 'a:b', 'x-y', '-5x', '?q', ':x', 'C:\\data', 'a, b', 'æøå ÆØÅ'),
);
const numberText = fc.oneof(
  fc.integer({ min: -100000, max: 10000000 }).map(String),
  fc.tuple(fc.nat(99999), fc.stringMatching(/^[0-9]{1,3}$/)).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom(
    '0',
    '00',
    '+5',
    '-0',
    '1.50',
    '.5',
    '5.',
    '45.87%',
    '12.39 %',
    '1/3',
    '0o17',
    '0x1F',
    '1e3',
    '.inf',
    '-.Inf',
    '.nan',
    '2023-01-31',
    '1 937 782,94',
  ),
);
const special = fc.constantFrom('~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', 'yes', 'no', 'on', '');
const quoted = fc.oneof(
  plainText.map((s) => `"${s}"`),
  plainText.map((s) => `'${s.replaceAll("'", "''")}'`),
  fc.constantFrom('"a: b"', "'it''s'", '"# no comment"', '"a\\"b"', '"tab\\tx"', '""', "''", '"[x]"'),
);
const scalar = fc.oneof(
  { weight: 4, arbitrary: plainText },
  { weight: 3, arbitrary: numberText },
  { weight: 1, arbitrary: special },
  { weight: 2, arbitrary: quoted },
);
const flowSpace = fc.constantFrom('', ' ', '  ');
const flowKey = fc.oneof(word, quoted);
const flowScalar = fc.oneof(word, numberText, quoted, fc.constantFrom('Molde kommune', 'a b'));

const flow: fc.Memo<string> = fc.memo((n) =>
  fc.oneof(
    fc
      .tuple(fc.array(n <= 1 ? flowScalar : fc.oneof(flowScalar, flow(n - 1)), { maxLength: 4 }), flowSpace, flowSpace)
      .map(([items, a, b]) => `[${a}${items.join(`,${b}`)}${a}]`),
    fc
      .tuple(fc.array(fc.tuple(flowKey, n <= 1 ? flowScalar : fc.oneof(flowScalar, flow(n - 1))), { maxLength: 4 }), flowSpace, flowSpace)
      .map(([pairs, a, b]) => `{${a}${pairs.map(([k, v]) => `${k}: ${v}`).join(`,${b}`)}${a}}`),
  ),
);

const blankOrComment = fc.constantFrom('', '', '', '\n', '# heading\n', '  # indented\n', '\n\n', '   \n');

type Tree = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const tree: fc.Memo<Tree> = fc.memo((n) =>
  n <= 1
    ? fc.oneof(scalar, flow(2)).map((text): Tree => ({ kind: 'scalar', text }))
    : fc.oneof(
        { weight: 2, arbitrary: fc.oneof(scalar, flow(2)).map((text): Tree => ({ kind: 'scalar', text })) },
        {
          weight: 2,
          arbitrary: fc
            .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: quoted }, { weight: 1, arbitrary: numberText }), tree(n - 1)), {
              minLength: 1,
              maxLength: 4,
            })
            .map((entries): Tree => ({ kind: 'map', entries })),
        },
        { weight: 1, arbitrary: fc.array(tree(n - 1), { minLength: 1, maxLength: 3 }).map((items): Tree => ({ kind: 'seq', items })) },
      ),
);

/** A tree written as block YAML, with the layout choices drawn from `pick` (indent widths, comments, blank lines, lists under their key). */
function write(t: Tree, pick: () => number, indent: number): string {
  const pad = ' '.repeat(indent);
  const step = 1 + (pick() % 4);
  const note = () => ['', '', '', ' # note', '   # aligned', ' #'][pick() % 6]!;
  const between = () => ['', '', '', '', '\n', '# heading\n', `${pad}# same indent\n`, `${' '.repeat(indent + step)}# deeper\n`, '   \n'][pick() % 9]!;
  if (t.kind === 'scalar') return `${pad}${t.text}${note()}\n`;
  if (t.kind === 'map')
    return t.entries
      .map(([k, v]) => {
        const head = `${between()}${pad}${k}:`;
        if (v.kind === 'scalar') return `${head}${v.text === '' ? '' : ' '.repeat(1 + (pick() % 3))}${v.text}${note()}\n`;
        // A list under a key may stand at the key's own indent.
        const under = v.kind === 'seq' && pick() % 3 === 0 ? indent : indent + step;
        return `${head}${note()}\n${write(v, pick, under)}`;
      })
      .join('');
  return t.items
    .map((v) => {
      const head = `${between()}${pad}-`;
      if (v.kind === 'scalar') return `${head}${v.text === '' ? '' : ' '}${v.text}${note()}\n`;
      if (v.kind === 'map' && pick() % 2 === 0) {
        // A mapping in a list item begins on the item's own line: `- id: …`.
        const inner = write(v, pick, indent + 2).replace(/^\n+/, '');
        return `${head} ${inner.slice(indent + 2)}`;
      }
      return `${head}${note()}\n${write(v, pick, indent + step)}`;
    })
    .join('');
}

const document = fc
  .tuple(tree(4), fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), blankOrComment, fc.boolean(), fc.nat(2), fc.nat(3))
  .map(([t, picks, before, newline, root, ends]) => {
    let i = 0;
    const text = before + write(t, () => picks[i++ % picks.length]!, root);
    const ended = newline ? text : text.replace(/\n$/, '');
    // One text in four has the line ends a Windows editor writes.
    return ends === 0 ? ended.replaceAll('\n', '\r\n') : ended;
  });

/** A small edit of a good text: YAML's own characters put in, taken out or changed, where mistakes and unusual YAML come from. */
const edited = fc
  .tuple(
    document,
    fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...' \n:-#,[]{}"\'a1.~?&*!|>%@\t\r\\'.split(''), '  ', '---', '\r\n', '- ', ': ')), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [at, kind, s] of edits) {
      const i = t.length === 0 ? 0 : at % t.length;
      t = kind === 0 ? t.slice(0, i) + s + t.slice(i) : kind === 1 ? t.slice(0, i) + t.slice(i + 1) : t.slice(0, i) + s + t.slice(i + 1);
    }
    return t;
  });

/** expectSame over `runs` texts of `texts`: how many the short reader read, and how many it gave back. */
function compared(texts: fc.Arbitrary<string>, runs: number): Record<'read' | 'given back', number> {
  const count = { read: 0, 'given back': 0 };
  fc.assert(
    fc.property(texts, (text) => {
      count[expectSame(text)]++;
    }),
    { numRuns: runs },
  );
  return count;
}

describe('shortYaml: the short reader of agreement YAML', () => {
  it('reads the repository’s agreements as the library does, and reads every template and fixture itself', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = ['fixtures', 'templates', 'tests', 'docs'].flatMap((d) => yamlFiles(path.join(root, d)));
    expect(files.length).toBeGreaterThan(200);
    // Each as written, and with the line ends a Windows editor would save it with.
    const given = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const name = path.relative(root, f);
      return [expectSame(text) === 'given back' ? [name] : [], expectSame(text.replaceAll('\n', '\r\n')) === 'given back' ? [`${name} (CR LF)`] : []].flat();
    });
    // The texts samkost starts from are the ones it should not hand to the slow reader.
    expect(given.filter((f) => f.startsWith('templates') || f.startsWith('fixtures'))).toEqual([]);
  });

  it('reads generated agreements as the library does', () => {
    const read = compared(document, 3000);
    // Most of what is generated is what agreements are: the comparison is not of texts given back.
    expect(read.read).toBeGreaterThan(read['given back']);
  });

  it('gives back what it does not read: any edit of a good text is read as the library reads it, or not at all', () => {
    expect(compared(edited, 5000).read).toBeGreaterThan(1000);
  });

  it.each([
    ['an empty text', '', null],
    ['comments only', '# a\n\n  # b\n', null],
    ['a tab', 'a:\t1\n', 'given back'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n', 'given back'],
    ['a tag', 'a: !!str 1\n', 'given back'],
    ['a block scalar', 'a: |\n  text\n', 'given back'],
    ['a text over two lines', 'a: one\n  two\n', 'given back'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n', 'given back'],
    ['a comma in a flow mapping', 'a: { b: 0,25 }\n', 'given back'],
    ['an escape', 'a: "x\\ty"\n', 'given back'],
    ['a second document', 'a: 1\n---\nb: 2\n', 'given back'],
    ['a CR alone', 'a: 1\rb: 2\n', 'given back'],
    // Found by an independent fuzzer: after such lines the library reads a plain value on a line of its own on into the next.
    ['a value under its dash, after a blank and a comment line', '-\n\n# c\n  100\n- 200\n', 'given back'],
    ['a value under its dash, after a comment with no space', '-\n#a\n a\n-', 'given back'],
    ['a value under its key, after a comment with no space', 'a:\n#a\n b\na:', 'given back'],
    ['a value under its key, after a blank line', 'x:\n  a:\n \n# c\n    b\n  c:', 'given back'],
    ['a quoted value under its key', 'a:\n  "b"\n', 'given back'],
  ])('%s', (_, text, expected) => {
    const short = shortYaml(text);
    if (expected === null) expect(short?.root).toBeNull();
    else expect(short).toBeNull();
    expectSame(text);
  });
});
