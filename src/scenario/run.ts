import { isSeq, Pair, parseDocument, Scalar, type Node } from 'yaml';
import type { Agreement } from '../agreement/model.js';
import { PARTY_IDS, readAgreement } from '../agreement/read.js';
import { parseYaml, type ParsedYaml } from '../agreement/yaml-nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applySettings, locate, yamlValue, type SetError, type Setting } from './set.js';

/** What one scenario gave: a result, the settings that name nothing, or the agreement's errors shown on its changed text. */
export type ScenarioOutcome<R> =
  | { readonly kind: 'ok'; readonly result: R }
  | { readonly kind: 'bad-setting'; readonly errors: readonly SetError[] }
  | { readonly kind: 'invalid'; readonly text: string; readonly diagnostics: readonly Diagnostic[] };

export type Evaluate<R> = (agreement: Agreement) => { readonly report: R | null; readonly diagnostics: readonly Diagnostic[] };

/**
 * Runs scenarios of one agreement. The agreement is parsed once; each
 * scenario writes its values into that tree, reads it with the agreement
 * reader (the same one `allocate` uses), evaluates, and puts the tree back
 * as it was. Only when a scenario fails is its text written out and read
 * again, so the errors point at lines the user can see — with the new value
 * written in. A sweep of thousands of scenarios therefore costs no YAML
 * parsing at all.
 */
export class ScenarioRunner<R> {
  private readonly parsed: ParsedYaml;
  /** The agreement as written, whose unchanged sections each scenario reuses. */
  private readonly baseline: Agreement | null;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly resolve: (path: string) => string,
    private readonly evaluate: Evaluate<R>,
  ) {
    this.parsed = parseYaml(text);
    this.baseline = readAgreement(this.parsed, file, resolve).agreement;
  }

  /** The settings that name nothing in the agreement. */
  check(settings: readonly Setting[]): SetError[] {
    const root = this.parsed.doc.contents as Node | null;
    return settings.map((s) => locate(root, s)).filter((t): t is SetError => 'message' in t);
  }

  run(settings: readonly Setting[]): ScenarioOutcome<R> {
    const root = this.parsed.doc.contents as Node | null;
    const targets = settings.map((s) => locate(root, s));
    const errors = targets.filter((t): t is SetError => 'message' in t);
    if (errors.length) return { kind: 'bad-setting', errors };
    const undo: (() => void)[] = [];
    try {
      for (const [i, t] of targets.entries()) {
        if ('message' in t) continue;
        const node = valueNode(settings[i]!.value);
        if (!node) return this.slow(settings);
        if (t.kind === 'add') {
          t.map.items.push(new Pair(new Scalar(t.key), node));
          undo.push(() => void t.map.items.pop());
        } else {
          node.range = t.node.range;
          const holder = t.holder;
          if (isSeq(holder)) {
            const before = holder.items[t.index];
            holder.items[t.index] = node;
            undo.push(() => void (holder.items[t.index] = before));
          } else {
            const before = holder.value;
            holder.value = node;
            undo.push(() => void (holder.value = before));
          }
        }
      }
      const changed = new Set(settings.flatMap((s) => {
        const parts = s.path.split('.');
        return parts[0] === 'parties' && parts.length < 3 ? [parts[0], PARTY_IDS] : [parts[0]!];
      }));
      const read = readAgreement(this.parsed, this.file, this.resolve, this.baseline ? { agreement: this.baseline, changed } : undefined);
      const done = read.agreement ? this.evaluate(read.agreement) : null;
      if (done?.report) return { kind: 'ok', result: done.report };
    } finally {
      for (const u of undo.reverse()) u();
    }
    return this.slow(settings);
  }

  /** The scenario written into the text and read from it, for errors on the lines the user sees. */
  private slow(settings: readonly Setting[]): ScenarioOutcome<R> {
    const applied = applySettings(this.text, this.parsed.doc.contents as Node | null, settings);
    if ('errors' in applied) return { kind: 'bad-setting', errors: applied.errors };
    const read = readAgreement(applied.text, this.file, this.resolve);
    const done = read.agreement ? this.evaluate(read.agreement) : null;
    if (done?.report) return { kind: 'ok', result: done.report };
    return { kind: 'invalid', text: applied.text, diagnostics: [...read.diagnostics, ...(done?.diagnostics ?? [])] };
  }
}

/** The setting's value as a YAML node of its own; null when it is not valid YAML (the slow path then reports it). */
function valueNode(value: string): Node | null {
  // A number or percentage reads the same as a plain string scalar (the reader takes numbers by their source text): no parser needed.
  if (/^[+-]?\d+(\.\d+)?%?$/.test(value)) return new Scalar(value);
  const doc = parseDocument(yamlValue(value), { keepSourceTokens: true, prettyErrors: false, uniqueKeys: true });
  return doc.errors.length ? null : ((doc.contents as Node | null) ?? null);
}
