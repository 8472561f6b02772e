import { MAX_ORE_DIGITS, type OreParts } from './amount-bytes.js';

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

/**
 * {@link plainSaftAmount} from bytes, as whole øre into `out` (see
 * amount-bytes.ts's OreParts): `buf[s, e)` (already trimmed) in that form,
 * with at most two decimals and 15 digits of øre. False for anything else,
 * which the caller leaves to the reader that makes a text of it: a false
 * here never changes what is read, only how.
 */
export function saftOre(buf: Uint8Array, s: number, e: number, debit: boolean, out: OreParts): boolean {
  if (s >= e) return false;
  const first = buf[s]!;
  if (first < 48 || first > 57) return false;
  if (first === 48 && e - s > 1 && buf[s + 1] !== 46) return false;
  let i = s;
  while (i < e && buf[i]! >= 48 && buf[i]! <= 57) i++;
  const whole = i - s;
  let scale = 0;
  if (i < e) {
    if (buf[i] !== 46) return false;
    const from = ++i;
    while (i < e && buf[i]! >= 48 && buf[i]! <= 57) i++;
    scale = i - from;
    if (i !== e || scale === 0 || scale > 2) return false;
  }
  if (whole + 2 > MAX_ORE_DIGITS) return false;
  // Øre digit p (from the right) goes to hi when p ≥ 9, else to lo; missing decimals are zeros at the right.
  let hi = 0;
  let lo = 0;
  let p = whole + 1;
  for (let k = s; k < e; k++) {
    const c = buf[k]!;
    if (c === 46) continue;
    if (p >= 9) hi = hi * 10 + (c - 48);
    else lo = lo * 10 + (c - 48);
    p--;
  }
  for (; p >= 0; p--) lo *= 10;
  out.negative = !debit;
  out.hi = hi;
  out.lo = lo;
  return true;
}
