import type { Doc } from './doc.js';
import { textTable } from './text-table.js';
import { escapeMarkup } from './markup.js';
import { visible } from '../text/characters.js';

/** A report document as a terminal table. */
export function docToText(doc: Doc, bold: (s: string) => string = (s) => s): string {
  const out = [bold(visible(doc.title)), ...doc.notes.filter(Boolean).map(visible), ''];
  for (const b of doc.blocks) {
    // Loops, not spread arguments: a sweep's notes can be more than a call can take.
    out.push(bold(b.heading));
    for (const n of b.notes) out.push(visible(n));
    out.push(textTable(b.columns, b.rows, b.footer), '');
  }
  return out.join('\n');
}

/** The same document as Markdown (GitHub tables). */
export function docToMarkdown(doc: Doc): string {
  // A name or label is text, never markup: HTML in it is shown, not run, and a '|' does not end the cell.
  const esc = (s: string) => escapeMarkup(visible(s)).replace(/\|/g, '\\|');
  const out = [`# ${esc(doc.title)}`, '', ...doc.notes.filter(Boolean).map((n) => `${esc(n)}  `), ''];
  for (const b of doc.blocks) {
    out.push(`## ${esc(b.heading)}`, '');
    for (const n of b.notes) out.push(esc(n));
    if (b.notes.length) out.push('');
    out.push(`| ${b.columns.map((c) => esc(c.title)).join(' | ')} |`);
    out.push(`| ${b.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`);
    for (const row of b.rows) out.push(`| ${row.map(esc).join(' | ')} |`);
    for (const row of b.footer) out.push(`| ${row.map((c, i) => (i === 0 || c ? `**${esc(c)}**` : '')).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}
