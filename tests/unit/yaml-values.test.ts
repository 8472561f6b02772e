import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueBeyond, valueBeyondLexed } from '../../src/cli/yaml-values.js';

/** Text of YAML's own characters (indicators, quotes, block scalar headers, spaces, tabs, line ends) and a few others. */
const yamlish = fc
  .array(
    fc.constantFrom(
      '-',
      ':',
      '?',
      ',',
      '[',
      ']',
      '{',
      '}',
      '#',
      '|',
      '>',
      "'",
      '"',
      '!',
      '&',
      '*',
      '%',
      '@',
      '`',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      'a',
      'b1',
      '0',
      '.',
      '~',
      'æ',
      '\\',
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

// The values of a text are counted without the lexer when the text has no more characters than the limit (issue 24).
describe('the count of YAML values before a file is parsed', () => {
  it('each value takes a character of the text: no text holds more values than characters', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        expect(valueBeyondLexed(text, text.length)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('counted without the lexer or with it, the same answer for every limit, below, at and above the length', () => {
    fc.assert(
      fc.property(yamlish, fc.nat(70), (text, max) => {
        expect(valueBeyond(text, max)).toBe(valueBeyondLexed(text, max));
      }),
      { numRuns: 3000 },
    );
  });

  it('a text with more values than the limit is told where the first too many begins', () => {
    expect(valueBeyond('a: b\nc: [d, "e"]\n', 3)).toBe(9);
    expect(valueBeyond('a: b\nc: [d, "e"]\n', 5)).toBeNull();
  });
});
