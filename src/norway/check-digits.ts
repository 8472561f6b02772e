// The two check-digit schemes Norwegian payment and register numbers use.
// Both take the digits before the check digit and return the check digit,
// or null where MOD11 gives a remainder that no valid number can have.

/** MOD10 (the Luhn algorithm): weights 2, 1, 2, 1 … from the rightmost digit. */
export function mod10(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** MOD11 with the given weights, left to right; 11 − remainder, where 11 means 0 and 10 means invalid. */
export function mod11(digits: string, weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}
