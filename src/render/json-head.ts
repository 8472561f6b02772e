/**
 * JSON that says what it is: the samkost version that wrote it, and the
 * format and its version (`samkost.allocation/1`), which changes only when a
 * field is renamed or removed.
 */
export const jsonHead = (format: string, version: string): { readonly samkost: string; readonly format: string } => ({
  samkost: version,
  format: `samkost.${format}/1`,
});
