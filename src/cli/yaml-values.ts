import { Lexer } from 'yaml';

/**
 * Where the value past the first `max` begins, or null when there are no
 * more: YAML's own lexer, stopped there, so counting costs little and
 * holds no tree. Plain and quoted scalars count (mapping keys too).
 *
 * Each value takes at least one character of the text (a plain scalar its
 * first, a quoted one its quote, a block scalar its `|` or `>`), so a text
 * of at most `max` characters holds at most `max`: it is not lexed at all
 * (every agreement: this pass was a few per cent of `check`, issue 24).
 */
export function valueBeyond(text: string, max: number): number | null {
  return text.length <= max ? null : valueBeyondLexed(text, max);
}

/** valueBeyond, always lexed (exported for the tests, which compare the two). */
export function valueBeyondLexed(text: string, max: number): number | null {
  let values = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's markers for a document, a flow's end and a plain scalar to come are no characters of the text.
    if (token === '\x02' || token === '\x18') continue;
    const value = token === '\x1f' || token[0] === '"' || token[0] === "'";
    if (value && ++values > max) return offset;
    if (token !== '\x1f') offset += token.length;
  }
  return null;
}
