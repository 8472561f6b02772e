/** Text, or the bytes of a binary format (xlsx). */
export type Output = string | Uint8Array;

/**
 * Text for standard output together with, for standard error, the
 * diagnostics it reports: `check`'s terminal table, which speaks as a
 * compiler does, so its problems stay out of a redirected report.
 */
export interface WithDiagnostics {
  readonly text: string;
  readonly diagnostics: string;
}
