/**
 * The row amount of a SAF-T line (debit − credit) as the text
 * {@link scaledText} writes, straight from the line's `Amount` when it is
 * already written that way: digits with no leading zero (or one `0`), then
 * optionally `.` and digits — what nearly every export writes. The debit is
 * its text; a credit is `-` and its text, unless it is zero (`0.00`, whose
 * negation is written unsigned). Null for any other text, which the reader
 * then scans, with its errors, as before. No number is made: the text is
 * the amount.
 */
export function plainSaftAmount(text: string, debit: boolean): string | null {
  const n = text.length;
  if (n === 0) return null;
  let zero = true;
  let i = 0;
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return null;
  // One leading zero only when it is the whole integer part.
  if (first === 48 && n > 1 && text.charCodeAt(1) !== 46) return null;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return null;
    if (c !== 48) zero = false;
  }
  if (i < n) {
    // A mark with no decimals after it is left to the scanner.
    if (i === n - 1) return null;
    for (let k = i + 1; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c < 48 || c > 57) return null;
      if (c !== 48) zero = false;
    }
  }
  return debit || zero ? text : `-${text}`;
}
