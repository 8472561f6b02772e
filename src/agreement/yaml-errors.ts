import type { ErrorCode } from 'yaml';
import type { YamlProblem } from './yaml-tree.js';
import { type Said, said } from '../text/said.js';

/**
 * The YAML library's errors in bokmål, by its error code. Its English
 * messages are kept as they are for `--locale en`: they are precise, and
 * what a search for the message finds.
 */
const NB: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'et alias kan ikke ha anker eller tagg',
  BAD_ALIAS: 'ugyldig alias',
  BAD_DIRECTIVE: 'ugyldig YAML-direktiv',
  BAD_DQ_ESCAPE: 'ugyldig escape-sekvens i tekst med doble anførselstegn',
  BAD_INDENT: 'feil innrykk',
  BAD_PROP_ORDER: 'anker og tagg står i feil rekkefølge',
  BAD_SCALAR_START: 'en verdi kan ikke begynne med dette tegnet',
  BLOCK_AS_IMPLICIT_KEY: 'en blokk kan ikke brukes som navn',
  BLOCK_IN_FLOW: 'en blokk kan ikke stå inne i { } eller [ ]',
  DUPLICATE_KEY: 'navnet står to ganger i samme tilordning',
  IMPOSSIBLE: 'YAML-teksten kan ikke leses',
  KEY_OVER_1024_CHARS: 'navnet er lengre enn 1024 tegn',
  MISSING_CHAR: 'et avsluttende tegn mangler (}, ] eller et anførselstegn), eller innrykket er for lite',
  MULTILINE_IMPLICIT_KEY: 'et navn kan ikke gå over flere linjer',
  MULTIPLE_ANCHORS: 'flere ankre på samme verdi',
  MULTIPLE_DOCS: 'filen har flere YAML-dokumenter; en avtale er ett',
  MULTIPLE_TAGS: 'flere tagger på samme verdi',
  NON_STRING_KEY: 'et navn må være tekst',
  RESOURCE_EXHAUSTION: 'YAML-teksten er for stor eller for dypt nøstet',
  TAB_AS_INDENT: 'tabulator kan ikke brukes som innrykk',
  TAG_RESOLVE_FAILED: 'taggen kan ikke tolkes',
  UNEXPECTED_TOKEN: 'uventet tegn',
  BAD_COLLECTION_TYPE: 'feil slags samling for denne verdien',
};

export function yamlMessage(e: YamlProblem): Said {
  return said(NB[e.code], e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
}
