import { isMap, isScalar } from '../agreement/yaml-tree.js';
import { Diagnostics, type Diagnostic, type SourcePos } from '../diagnostics/diagnostic.js';
import { parseYaml } from '../agreement/yaml-library.js';
import { explained, YamlReader } from '../agreement/yaml-nodes.js';
import type { Setting } from './set.js';
import { field } from '../agreement/phrases.js';
import { said } from '../text/said.js';

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
  const r = new YamlReader(file, parseYaml(text), diags);
  const start = { file, line: 1, col: 1 };
  const theFile = said('scenariofilen', 'the scenario file');
  const entries = said(
    'skriv scenarios: fulgt av oppføringer - name: … set: { STI: VERDI }',
    'write scenarios: followed by - name: … set: { PATH: VALUE } entries',
  );
  const top = r.root === null ? null : r.map(r.root, theFile, start);
  if (r.root === null && !r.broken) diags.error(start, 'missing-field', said('scenariofilen er tom', 'the scenario file is empty'), entries);
  const scenarios: Scenario[] = [];
  if (!top) return { scenarios, diagnostics: diags.sorted() };
  r.onlyFields(top, ['scenarios'], theFile);
  const list = top.find((e) => e.key === 'scenarios');
  if (!list) {
    diags.error(start, 'missing-field', said('scenariofilen har ikke scenarios:', 'the scenario file has no scenarios:'), entries);
    return { scenarios, diagnostics: diags.sorted() };
  }
  const names = new Set<string>();
  const nodes = r.seq(list.value, field('scenarios'), list.valueAt);
  // An empty list would run the baseline alone and look like a result.
  if (nodes?.length === 0)
    diags.error(
      list.valueAt,
      'missing-field',
      said('scenariofilen lister ingen scenarioer', 'the scenario file lists no scenarios'),
      said('skriv oppføringer - name: … set: { STI: VERDI } under scenarios:', 'write - name: … set: { PATH: VALUE } entries under scenarios:'),
    );
  for (const node of nodes ?? []) {
    const at = r.pos(node, list.valueAt);
    const scenario = said('et scenario', 'a scenario');
    const fields = r.map(node, scenario, at);
    if (!fields) continue;
    r.onlyFields(fields, ['name', 'set'], scenario);
    const nameEntry = fields.find((f) => f.key === 'name');
    const name = nameEntry ? r.text(nameEntry.value, field('name', scenario), nameEntry.valueAt) : null;
    if (!nameEntry)
      diags.error(
        at,
        'missing-field',
        said('et scenario har ikke noe name', 'a scenario has no name'),
        said('legg til name: <hva scenarioet er>; det står over kolonnen', 'add name: <what the scenario is>; it heads its column'),
      );
    if (name !== null && names.has(name))
      diags.error(
        nameEntry!.valueAt,
        'duplicate-key',
        said(`to scenarioer heter '${name}'`, `two scenarios are named '${name}'`),
        said('gi hvert scenario sitt eget navn', 'give each scenario its own name'),
      );
    if (name !== null) names.add(name);
    const setEntry = fields.find((f) => f.key === 'set');
    if (!setEntry) {
      diags.error(
        at,
        'missing-field',
        said(`scenarioet '${name ?? '?'}' har ikke set:`, `scenario '${name ?? '?'}' has no set:`),
        said(
          'legg til set: { STI: VERDI }, f.eks. set: { items.soc.price.quantity: 430 }',
          'add set: { PATH: VALUE }, e.g. set: { items.soc.price.quantity: 430 }',
        ),
      );
      continue;
    }
    const settings: Setting[] = [];
    for (const e of r.map(setEntry.value, field('set', scenario), setEntry.valueAt) ?? []) {
      const value = isScalar(e.value)
        ? r.scalarText(e.value)
        : isMap(e.value) && e.value.flow && e.value.range
          ? text.slice(e.value.range[0], e.value.range[1])
          : null;
      if (value === null) {
        // A tag or alias is reported where the file is parsed (yaml-tag, yaml-alias): one mistake, one error.
        if (explained(e.value)) continue;
        diags.error(
          e.valueAt,
          'type',
          said(`verdien for '${e.key}' må være én enkelt verdi`, `the value for '${e.key}' must be a single value`),
          said('skriv STI: VERDI, f.eks. items.soc.price.quantity: 430', 'write PATH: VALUE, e.g. items.soc.price.quantity: 430'),
        );
      } else settings.push({ path: e.key, value, at: e.at });
    }
    if (name !== null) scenarios.push({ name, settings, at: nameEntry!.valueAt });
  }
  return { scenarios, diagnostics: diags.sorted() };
}
