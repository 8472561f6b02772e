import type { Diagnostic, SourcePos } from '../diagnostics/diagnostic.js';
import type { Refusal } from '../diagnostics/outcome.js';
import { settingText } from '../reports/scenario.js';
import { said } from '../text/said.js';
import type { Scenario } from './file.js';
import type { SetError, Setting } from './set.js';

/*
 * What scenarios find wrong with the agreement they are run against, as
 * diagnostics on their lines in the scenario file: the parsed tree the
 * settings are looked up in lives here, so the checks do too.
 */

/**
 * Every setting that names nothing in the agreement, at once: on its line
 * in a scenario file, or as a command-line error for the settings given on
 * the command line.
 */
export function unknownPaths(
  scenarios: Iterable<Scenario>,
  fixed: readonly Setting[],
  check: (settings: readonly Setting[]) => SetError[],
): { report: null; diagnostics: readonly Diagnostic[]; refusal: Refusal } | null {
  const option = (e: SetError) => (fixed.includes(e.setting) ? '--set' : '--sweep');
  const seen = new Map<string, SetError>();
  for (const s of scenarios)
    for (const e of check(s.settings)) seen.set(`${e.setting.at?.file}:${e.setting.at?.line}:${e.setting.at?.col}:${e.setting.path}`, e);
  const errors = [...seen.values()];
  if (!errors.length) return null;
  const inFile = errors.filter((e) => e.setting.at);
  const onLine = errors
    .filter((e) => !e.setting.at)
    .map((e) => {
      const head = `${option(e)} ${settingText(e.setting)}`;
      return { message: said(`${head}: ${e.message.nb}`, `${head}: ${e.message.en}`), hint: e.hint };
    });
  const diagnostics: Diagnostic[] = inFile.map((e) => ({
    ...e.setting.at!,
    severity: 'error',
    code: 'scenario-path',
    message: said(`'${e.setting.path}': ${e.message.nb}`, `'${e.setting.path}': ${e.message.en}`),
    hint: e.hint,
  }));
  if (!inFile.length) return { report: null, diagnostics, refusal: { exit: 2, reasons: [...onLine.slice(1), onLine[0]!] } };
  return {
    report: null,
    diagnostics,
    refusal: {
      exit: 1,
      reasons: [
        ...onLine,
        {
          message: said(
            'ingen scenarioer ble kjørt: scenariofilen nevner verdier avtalen ikke har',
            'no scenario was run: the scenario file names values the agreement does not have',
          ),
          hint: said('rett stiene over', 'fix the paths above'),
        },
      ],
    },
  };
}

/** A scenario that makes the agreement invalid, at its name, with the first error it makes. */
export function invalidScenario(name: string, at: SourcePos, file: string, first: Diagnostic | undefined): Diagnostic {
  return {
    ...at,
    severity: 'error',
    code: 'scenario-invalid',
    message: said(
      `scenarioet '${name}' gjør ${file} ugyldig${first ? `: ${first.message.nb} [${first.code}]` : ''}`,
      `scenario '${name}' makes ${file} invalid${first ? `: ${first.message.en} [${first.code}]` : ''}`,
    ),
    hint: said(
      `kjør samkost scenario ${file} --scenarios … for å se avtalens feil med scenarioets verdier skrevet inn`,
      `run samkost scenario ${file} --scenarios … to see the agreement's errors with the scenario's values written in`,
    ),
  };
}
