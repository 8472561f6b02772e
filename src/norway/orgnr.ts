/**
 * Norwegian organisation numbers: 9 digits, the last a MOD11 check digit with
 * weights 3 2 7 6 5 4 3 2 (Brønnøysundregistrene). A remainder giving check
 * digit 10 means the number cannot exist.
 */
export function isValidOrgNumber(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  const check = 11 - (sum % 11);
  const digit = check === 11 ? 0 : check;
  return digit !== 10 && digit === Number(s[8]);
}
