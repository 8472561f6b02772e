import { type FormatOf, formatsOf } from '../render/formats.js';
import { type CommandSpec, later, many } from './command-spec.js';
import type { CommonOptions } from './context.js';

export interface ScenarioOptions extends CommonOptions {
  format: FormatOf<'projection'>;
  set: string[];
  sweep: string[];
  scenarios?: string;
  name?: string;
  years?: string;
  assume: string[];
  threads?: string;
  keepGoing?: boolean;
}

/** `samkost scenario`: the agreement with changes, side by side with it as written; sweeps and projections. */
export const scenarioSpec: CommandSpec = {
  name: 'scenario',
  define: ({ t, command }) =>
    command(
      'scenario',
      t(
        'hva om: avtalen med endringer, side om side med avtalen slik den er skrevet',
        'what-if: the agreement with changes, side by side with the agreement as written',
      ),
      formatsOf('projection'),
      later(async () => (await import('./scenario-action.js')).scenarioCommand),
    )
      .option(
        '--set <path=value>',
        t(
          'endre én verdi i avtalen, f.eks. parties.hustadvika.population=14000 (kan gjentas)',
          'change one value of the agreement, e.g. parties.hustadvika.population=14000 (repeatable)',
        ),
        many,
        [],
      )
      .option(
        '--scenarios <file>',
        t(
          'en YAML-fil med navngitte scenarioer: scenarios: [{ name, set: { STI: VERDI } }]',
          'a YAML file of named scenarios: scenarios: [{ name, set: { PATH: VALUE } }]',
        ),
      )
      .option(
        '--sweep <path=from..to[:step]>',
        t(
          'ett scenario per verdi i et intervall, f.eks. items.soc.price.quantity=350..500:5 (kan gjentas: alle kombinasjoner)',
          'one scenario per value in a range, e.g. items.soc.price.quantity=350..500:5 (repeatable: every combination)',
        ),
        many,
        [],
      )
      .option(
        '--name <name>',
        t('navnet på --set-scenarioet i utdataene (standard: innstillingene)', "the --set scenario's name in the output (default: its settings)"),
      )
      .option(
        '--threads <n>',
        t(
          'tråder for et langt sveip skrevet som csv eller json (standard: én per kjerne; 1: ingen)',
          'threads for a long sweep written as csv or json (default: one per core; 1: none)',
        ),
      )
      .option(
        '--keep-going',
        t(
          'noter et scenario avtalen ikke tåler (csv, json) og fortsett, i stedet for å stoppe sveipet',
          'note a scenario the agreement cannot take (csv, json) and go on, instead of stopping the sweep',
        ),
      )
      .option(
        '--years <from..to>',
        t(
          'framskriv avtalen over disse årene (indeksendringer fra avtalen eller --assume), med kostnader alene om avtalen har dem',
          'project the agreement over these years (index changes from the agreement or --assume), with standalone costs if it declares them',
        ),
      )
      .option(
        '--assume <series=change>',
        t(
          'en indeksendring for år serien mangler: deflator=3% (hvert slikt år) eller deflator.2027=2.5% (kan gjentas)',
          'an index change for years the series lacks: deflator=3% (every such year) or deflator.2027=2.5% (repeatable)',
        ),
        many,
        [],
      ),
};
