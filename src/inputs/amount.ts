import { Money } from '../money/money.js';

export type DecimalMark = ',' | '.';

/** Spaces people and spreadsheets put between thousands: space, no-break space, narrow no-break space. */
const SPACES = /[ \u00a0\u202f]/g;

/**
 * Reads an amount as written in a ledger export: `1 234,50` or `1.234,50`
 * with a decimal comma, `1234.50` or `1,234.50` with a decimal point, an
 * optional sign. Thousands separators must group by three. Returns a message
 * instead of guessing when the text is not an amount.
 */
export function parseAmount(raw: string, decimal: DecimalMark): Money | { error: string; hint: string } {
  const text = raw.trim().replace(SPACES, ' ');
  if (text === '') return { error: 'the amount is empty', hint: 'write 0 if the amount is zero; an empty amount is never read as 0' };
  const thousands = decimal === ',' ? '.' : ',';
  const m = /^([+-]?)(\d{1,3}(?:[ .,]\d{3})*|\d+)(?:([.,])(\d+))?$/.exec(text);
  if (m) {
    const [, sign, int, mark, frac] = m;
    const groups = int!.match(/[ .,]/g) ?? [];
    const groupsOk = groups.every((g) => g === ' ' || g === thousands);
    if (groupsOk && (mark === undefined || mark === decimal)) {
      return Money.parse(`${sign}${int!.replace(/[ .,]/g, '')}${frac !== undefined ? '.' + frac : ''}`)!;
    }
  }
  const other = decimal === ',' ? 'a decimal comma (1 234,50)' : 'a decimal point (1234.50)';
  return { error: `'${raw}' is not an amount`, hint: `this file is read with ${other}; set decimal: in the agreement's inputs if it uses the other` };
}
