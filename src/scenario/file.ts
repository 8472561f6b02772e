import { isMap, isScalar } from 'yaml';
import { Diagnostics, type Diagnostic, type SourcePos } from '../diagnostics/diagnostic.js';
import { YamlReader } from '../agreement/yaml-nodes.js';
import type { Setting } from './set.js';

/** A named set of changes to the agreement. */
export interface Scenario {
  readonly name: string;
  readonly settings: readonly Setting[];
  /** Where a scenario file names it. */
  readonly at?: SourcePos;
}

/**
 * A scenario file: several named scenarios run against one agreement.
 *
 * ```yaml
 * scenarios:
 *   - name: Hustadvika fra 1. april
 *     set:
 *       parties.hustadvika.joined: 2024-04-01
 *   - name: 430 servere
 *     set: { items.soc.price.quantity: 430 }
 * ```
 *
 * Each setting keeps its position, so a path that does not exist is
 * reported on the line of the scenario file that wrote it.
 */
export function readScenarioFile(text: string, file: string): { scenarios: Scenario[]; diagnostics: readonly Diagnostic[] } {
  const diags = new Diagnostics();
  const r = new YamlReader(file, text, diags);
  const start = { file, line: 1, col: 1 };
  const top = r.root === null ? null : r.map(r.root, 'the scenario file', start);
  if (r.root === null) diags.error(start, 'missing-field', 'the scenario file is empty', 'write scenarios: followed by - name: … set: { PATH: VALUE } entries');
  const scenarios: Scenario[] = [];
  if (!top) return { scenarios, diagnostics: diags.sorted() };
  r.onlyFields(top, ['scenarios'], 'the scenario file');
  const list = top.find((e) => e.key === 'scenarios');
  if (!list) {
    diags.error(start, 'missing-field', 'the scenario file has no scenarios:', 'write scenarios: followed by - name: … set: { PATH: VALUE } entries');
    return { scenarios, diagnostics: diags.sorted() };
  }
  const names = new Set<string>();
  const nodes = r.seq(list.value, 'scenarios', list.valueAt);
  // An empty list would run the baseline alone and look like a result.
  if (nodes?.length === 0)
    diags.error(list.valueAt, 'missing-field', 'the scenario file lists no scenarios', 'write - name: … set: { PATH: VALUE } entries under scenarios:');
  for (const node of nodes ?? []) {
    const at = r.pos(node, list.valueAt);
    const fields = r.map(node, 'a scenario', at);
    if (!fields) continue;
    r.onlyFields(fields, ['name', 'set'], 'a scenario');
    const nameEntry = fields.find((f) => f.key === 'name');
    const name = nameEntry ? r.string(nameEntry.value, 'name of a scenario', nameEntry.valueAt) : null;
    if (!nameEntry) diags.error(at, 'missing-field', 'a scenario has no name', 'add name: <what the scenario is>; it heads its column');
    if (name !== null && names.has(name))
      diags.error(nameEntry!.valueAt, 'duplicate-key', `two scenarios are named '${name}'`, 'give each scenario its own name');
    if (name !== null) names.add(name);
    const setEntry = fields.find((f) => f.key === 'set');
    if (!setEntry) {
      diags.error(at, 'missing-field', `scenario '${name ?? '?'}' has no set:`, 'add set: { PATH: VALUE }, e.g. set: { items.soc.price.quantity: 430 }');
      continue;
    }
    const settings: Setting[] = [];
    for (const e of r.map(setEntry.value, 'set', setEntry.valueAt) ?? []) {
      const value = isScalar(e.value)
        ? r.scalarText(e.value)
        : isMap(e.value) && e.value.flow && e.value.range
          ? text.slice(e.value.range[0], e.value.range[1])
          : null;
      if (value === null)
        diags.error(e.valueAt, 'type', `the value for '${e.key}' must be a single value`, 'write PATH: VALUE, e.g. items.soc.price.quantity: 430');
      else settings.push({ path: e.key, value, at: e.at });
    }
    if (name !== null) scenarios.push({ name, settings, at: nameEntry!.valueAt });
  }
  return { scenarios, diagnostics: diags.sorted() };
}
