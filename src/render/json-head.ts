/**
 * The version of each JSON format. It changes only when a field is renamed,
 * retyped or removed (README, "Changelog of outputs"); each has a JSON Schema
 * in docs/schemas/<format>.schema.json.
 */
export const JSON_FORMATS = {
  check: 1,
  allocation: 2,
  settlement: 2,
  schedule: 2,
  deviation: 2,
  explanation: 2,
  scenarios: 2,
  projection: 2,
  invoice: 2,
  diagnostics: 1,
} as const;

export type JsonFormat = keyof typeof JSON_FORMATS;

/** JSON that says what it is: the samkost version that wrote it, and the format and its version (`samkost.allocation/2`). */
export const jsonHead = (format: JsonFormat, version: string): { readonly samkost: string; readonly format: string } => ({
  samkost: version,
  format: `samkost.${format}/${JSON_FORMATS[format]}`,
});
