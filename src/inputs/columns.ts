import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { TableHeader } from './table.js';

/**
 * Finds our columns in a file's header: by the name mapped in the agreement
 * (`columns: { category: Art }`) or by our own name, without regard to case
 * or surrounding spaces. Returns column positions, or null after reporting
 * every missing required column, and every column named twice: taking the
 * first of two `beløp` columns would be a silent guess at which holds the
 * amounts.
 */
export function locateColumns<C extends string>(
  head: TableHeader,
  required: readonly C[],
  optional: readonly C[],
  mapping: ReadonlyMap<string, string>,
  diags: Diagnostics,
): Map<C, number> | null {
  const norm = (s: string) => s.trim().toLowerCase();
  const found = new Map<C, number>();
  let ok = true;
  for (const col of [...required, ...optional]) {
    const wanted = mapping.get(col) ?? col;
    const i = head.names.findIndex((h) => norm(h) === norm(wanted));
    const again = i < 0 ? -1 : head.names.findIndex((h, j) => j > i && norm(h) === norm(wanted));
    if (again >= 0) {
      ok = false;
      diags.error(
        head.at,
        'csv-duplicate-column',
        `${head.file} has two columns named '${wanted}' (columns ${i + 1} and ${again + 1})`,
        'rename or delete one of them, so it is clear which one samkost should read',
      );
    } else if (i >= 0) found.set(col, i);
    else if (required.includes(col)) {
      ok = false;
      diags.error(
        head.at,
        'csv-missing-column',
        `${head.file} has no column '${wanted}'`,
        `the header has: ${head.names.join(', ')}; map yours with columns: { ${col}: <name> } under inputs:`,
      );
    }
  }
  return ok ? found : null;
}
