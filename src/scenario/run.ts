import { parseDocument } from 'yaml';
import type { Agreement } from '../agreement/model.js';
import { readValidAgreement } from '../validate/agreement.js';
import { parseYaml } from '../agreement/yaml-library.js';
import { asNode, type ParsedYaml } from '../agreement/yaml-nodes.js';
import { isMap, madeScalar, type MapNode, mapNode, type PairNode, pairNode, type SeqNode, seqNode, type TreeNode } from '../agreement/yaml-tree.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Memo } from '../memo/memo.js';
import { ScenarioMemo } from './memo.js';
import { patchAgreement } from './patch.js';
import { applySettings, locate, withFollowingWeights, yamlFeature, yamlValue, type SetError, type Setting, type Step, type Target } from './set.js';

/** What one scenario gave: a result, the settings that name nothing, or the agreement's errors shown on its changed text. */
export type ScenarioOutcome<R> =
  | { readonly kind: 'ok'; readonly result: R }
  | { readonly kind: 'bad-setting'; readonly errors: readonly SetError[] }
  | { readonly kind: 'invalid'; readonly text: string; readonly diagnostics: readonly Diagnostic[] };

/** The computation a scenario is run through, with the session's memo to hand to the core. */
export type Evaluate<R> = (agreement: Agreement, memo: Memo) => { readonly report: R | null; readonly diagnostics: readonly Diagnostic[] };

/**
 * Runs scenarios of one agreement. The agreement is parsed once; each
 * scenario is a copy of that tree with its values in place — the nodes
 * along each changed path are copied, every other node shared — read by the
 * agreement reader (the same one `allocate` uses) and evaluated. Sections
 * and ledger walks a scenario leaves as they were come from the session's
 * memo. Only when a scenario fails is its text written out and read again,
 * so the errors point at lines the user can see, with the new value written
 * in. A sweep of thousands of scenarios therefore costs no YAML parsing.
 */
export class ScenarioRunner<R> {
  private readonly parsed: ParsedYaml;
  private readonly memo = new ScenarioMemo();
  /** The agreement as written, read and validated once (null when it is not valid): what a patched scenario starts from. */
  private base: Agreement | null | undefined;
  /** Where each path set so far leads in the agreement as written, or why it leads nowhere: a sweep sets the same paths thousands of times. */
  private readonly located = new Map<string, Target | SetError>();

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly resolve: (path: string) => string,
    private readonly evaluate: Evaluate<R>,
    /** Off, every scenario is read as a whole: the path a patch must agree with (tests/scenario.patch.test.ts). */
    private readonly patching = true,
  ) {
    this.parsed = parseYaml(text);
  }

  /** The settings that name nothing in the agreement. */
  check(settings: readonly Setting[]): SetError[] {
    const errors: SetError[] = [];
    for (const s of settings) {
      const t = this.locatedAsWritten(s);
      if ('message' in t) errors.push(t.setting === s ? t : { ...t, setting: s });
    }
    return errors;
  }

  /** {@link locate} in the agreement as written, once a path (where a path leads, and what is wrong with it, does not depend on the value). */
  private locatedAsWritten(s: Setting): Target | SetError {
    let t = this.located.get(s.path);
    if (t === undefined) {
      t = locate(this.parsed.root, s);
      this.located.set(s.path, t);
    }
    return t;
  }

  /** The settings a scenario amounts to: the given ones, and a two-part blend's other weight where one was set. */
  effective(settings: readonly Setting[]): readonly Setting[] {
    return withFollowingWeights(this.parsed.root, settings);
  }

  run(given: readonly Setting[]): ScenarioOutcome<R> {
    const settings = this.effective(given);
    const patched = this.patching ? this.patched(settings) : null;
    if (patched) {
      const done = this.evaluate(patched, this.memo);
      return done.report ? { kind: 'ok', result: done.report } : this.slow(settings);
    }
    // Each setting is found in the tree the ones before it made, so a later one may go inside an earlier addition.
    let root = this.parsed.root;
    const errors: SetError[] = [];
    let slow = false;
    for (const s of settings) {
      const t = locate(root, s);
      if ('message' in t) errors.push(t);
      const value = errors.length ? null : valueNode(s.value);
      if (!value) slow = true;
      else root = rewritten(t as Target, value);
    }
    if (errors.length) return { kind: 'bad-setting', errors };
    if (slow) return this.slow(settings);
    const read = readValidAgreement({ ...this.parsed, root }, this.file, this.resolve, this.memo);
    const done = read.agreement ? this.evaluate(read.agreement, this.memo) : null;
    if (done?.report) return { kind: 'ok', result: done.report };
    return this.slow(settings);
  }

  /** The scenario as a change to the validated agreement, when patch.ts knows the whole of its effect; else null. */
  private patched(settings: readonly Setting[]): Agreement | null {
    if (this.base === undefined) this.base = readValidAgreement(this.parsed, this.file, this.resolve, this.memo).agreement;
    if (!this.base) return null;
    return patchAgreement(this.base, settings, (s) => {
      const t = this.locatedAsWritten(s);
      return 'message' in t ? null : t;
    });
  }

  /** The scenario written into the text and read from it, for errors on the lines the user sees. */
  private slow(settings: readonly Setting[]): ScenarioOutcome<R> {
    const applied = applySettings(this.text, this.parsed.root, settings);
    if ('errors' in applied) return { kind: 'bad-setting', errors: applied.errors };
    const read = readValidAgreement(parseYaml(applied.text), this.file, this.resolve);
    const done = read.agreement ? this.evaluate(read.agreement, this.memo) : null;
    if (done?.report) return { kind: 'ok', result: done.report };
    return { kind: 'invalid', text: applied.text, diagnostics: [...read.diagnostics, ...(done?.diagnostics ?? [])] };
  }
}

/**
 * The tree with one value replaced or added. The parsed tree is never
 * changed: each collection along the path is copied with the one entry
 * swapped, so every scenario's tree shares all it leaves alone with the
 * agreement as written — and a section whose node is the same object is the
 * same section.
 */
function rewritten(t: Target, value: TreeNode): TreeNode {
  let child: TreeNode;
  let steps = t.trail;
  if (t.kind === 'add') child = withEntries(t.map, [...t.map.items, pairNode(madeScalar(t.key), value)]);
  else {
    // The value keeps the position of the one it replaces, so a reused diagnostic's position still holds.
    value.range = t.node.range ?? null;
    const last = steps.at(-1)!;
    child = withItem(last, value);
    steps = steps.slice(0, -1);
  }
  for (const step of [...steps].reverse()) child = withItem(step, child);
  return child;
}

function withItem(step: Step, child: TreeNode): MapNode | SeqNode {
  const items: unknown[] = [...step.collection.items];
  const before = items[step.index];
  items[step.index] = isMap(step.collection) ? pairNode((before as PairNode).key, child) : child;
  return withEntries(step.collection, items);
}

/** A copy of a collection with other entries: the same kind of node, style and position. */
function withEntries(collection: MapNode | SeqNode, items: unknown[]): MapNode | SeqNode {
  const copy = isMap(collection) ? mapNode(false) : seqNode(false);
  copy.items = items as typeof copy.items;
  copy.flow = collection.flow ?? false;
  copy.range = collection.range ?? null;
  if (collection.tag) copy.tag = collection.tag;
  return copy;
}

/** The setting's value as a YAML node of its own; null when it is not valid YAML (the slow path then reports it). */
function valueNode(value: string): TreeNode | null {
  // A number or percentage reads the same as a plain string scalar (the reader takes numbers by their source text): no parser needed.
  // Not one with a leading zero: the file refuses 01750 as a number (YAML 1.1 reads it as octal), and so must a setting.
  if (/^[+-]?(0|[1-9]\d*)(\.\d+)?%?$/.test(value)) return madeScalar(value);
  // A tag or alias is refused where the agreement's reader sees it: in the text the slow path writes.
  if (yamlFeature(value) !== null) return null;
  const doc = parseDocument(yamlValue(value), { keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  return doc.errors.length ? null : asNode(doc.contents);
}
