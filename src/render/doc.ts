import type { Align } from './text-table.js';

/**
 * A report as headed tables: one layout, two syntaxes (terminal table or
 * Markdown). Every table-shaped report builds one, so the two cannot disagree.
 */
export interface Block {
  readonly heading: string;
  readonly notes: readonly string[];
  readonly columns: readonly { title: string; align: Align }[];
  readonly rows: readonly (readonly string[])[];
  readonly footer: readonly (readonly string[])[];
}

export interface Doc {
  readonly title: string;
  readonly notes: readonly string[];
  readonly blocks: readonly Block[];
}

export const leftColumn = (title: string) => ({ title, align: 'left' as const });
export const rightColumn = (title: string) => ({ title, align: 'right' as const });
