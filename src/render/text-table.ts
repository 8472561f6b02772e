import { visible } from '../text/characters.js';
export type Align = 'left' | 'right';

export interface Column {
  readonly title: string;
  readonly align: Align;
}

/**
 * Lays rows out in aligned columns for a terminal, with a rule under the
 * header and, if given, above the footer rows. Widths count characters, so
 * æ ø å align as they should.
 */
export function textTable(columns: readonly Column[], given: readonly (readonly string[])[], givenFooter: readonly (readonly string[])[] = []): string {
  // A category or text from an input file may hold a line break or an escape: shown, it cannot forge a row or act on the terminal.
  const rows = given.map((r) => r.map(visible));
  const footer = givenFooter.map((r) => r.map(visible));
  const all = [columns.map((c) => c.title), ...rows, ...footer];
  const widths = columns.map((_, i) => all.reduce((w, r) => Math.max(w, [...(r[i] ?? '')].length), 0));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - [...c].length);
        return columns[i]!.align === 'right' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [line(columns.map((c) => c.title)), rule, ...rows.map(line)];
  if (footer.length) out.push(rule, ...footer.map(line));
  return out.join('\n');
}
