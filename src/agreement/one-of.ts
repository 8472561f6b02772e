/** Whether `value` is one of `values`: a guard, so a checked value has the list's type without a cast. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
