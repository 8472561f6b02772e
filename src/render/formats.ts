/**
 * The formats each report can be written in, in the order the help lists
 * them (the first is the default): the command line's choices, known without
 * loading a renderer. render/registry.ts holds one renderer for each format
 * listed here, and is loaded only once a command runs.
 */
export const FORMATS = {
  check: ['table', 'json', 'github', 'sarif'],
  allocation: ['table', 'md', 'json', 'csv', 'xlsx'],
  settlement: ['table', 'md', 'json', 'csv', 'xlsx'],
  schedule: ['table', 'md', 'json', 'csv', 'xlsx'],
  deviation: ['table', 'md', 'json', 'csv', 'xlsx', 'html'],
  explanation: ['table', 'json'],
  projection: ['table', 'md', 'json', 'csv', 'xlsx', 'html'],
  scenario: ['table', 'md', 'json', 'csv', 'xlsx', 'html'],
  invoice: ['html', 'md', 'csv', 'json', 'ehf'],
} as const;

export type ReportKind = keyof typeof FORMATS;
export type FormatOf<K extends ReportKind> = (typeof FORMATS)[K][number];

/** The formats a report can be written in, for the command line's choices. */
export const formatsOf = <K extends ReportKind>(kind: K): FormatOf<K>[] => [...FORMATS[kind]];
