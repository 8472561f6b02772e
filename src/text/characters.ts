import { type Said, said } from './said.js';

/**
 * Characters that are never part of a name, label or reference: control
 * characters (terminal escapes among them), line breaks (a name on two lines
 * forges a table row), bidirectional overrides (they reorder what a reader
 * sees), the noncharacters U+FFFE/U+FFFF and lone UTF-16 surrogates (XML 1.0
 * cannot hold them: an EHF or workbook with one is not well-formed).
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character of `s` no name, label or reference may hold: what it is and what to do; null when there is none. */
export function forbiddenCharacter(s: string): { index: number; what: Said; hint: Said } | null {
  const m = FORBIDDEN.exec(s);
  if (!m) return null;
  const c = m[0];
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029')
    return {
      index: m.index,
      what: said(`et linjeskift (${code})`, `a line break (${code})`),
      hint: said('skriv teksten på én linje: et linjeskift i et navn bryter tabellene', 'write the text on one line: a line break in a name breaks the tables'),
    };
  const what =
    c === '\t'
      ? said('et tabulatortegn (U+0009)', 'a tab (U+0009)')
      : c >= '\ud800' && c <= '\udfff'
        ? said(`en halv UTF-16-surrogat (${code}), som ikke er et tegn`, `a lone UTF-16 surrogate (${code}), which is no character`)
        : c >= '\ufdd0'
          ? said(`${code}, som ikke er et tegn i Unicode`, `${code}, which is a Unicode noncharacter`)
          : said(`kontrolltegnet ${code}`, `the control character ${code}`);
  return {
    index: m.index,
    what,
    hint: said(
      'fjern det: escape-sekvenser, retningsmarkører og ikketegn er ikke tekst en faktura eller rapport kan vise',
      'remove it: escapes, direction overrides and noncharacters are not text an invoice or a report can show',
    ),
  };
}

const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/**
 * Text from a file as a terminal may show it: each character no name may
 * hold is replaced by one visible character, so an escape sequence cannot
 * act on the terminal, a direction override cannot reorder a line, and a
 * line break cannot forge a table row (a category or file name from an
 * input file, which samkost reads as written). C0 controls become their
 * Control Pictures (ESC ␛, line feed ␊, tab ␉), every other one U+FFFD; one
 * character for one, so carets and column widths stay where they were.
 */
export function visible(s: string): string {
  return FORBIDDEN.test(s)
    ? s.replace(FORBIDDEN_ALL, (c) => {
        const code = c.charCodeAt(0);
        return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
      })
    : s;
}
