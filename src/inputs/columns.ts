import type { Diagnostics } from '../diagnostics/diagnostic.js';
import type { TableHeader } from './table.js';
import { said } from '../text/said.js';

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
        said(
          `${head.file} har to kolonner som heter '${wanted}' (kolonne ${i + 1} og ${again + 1})`,
          `${head.file} has two columns named '${wanted}' (columns ${i + 1} and ${again + 1})`,
        ),
        said(
          'gi nytt navn til eller slett en av dem, så det er klart hvilken samkost skal lese',
          'rename or delete one of them, so it is clear which one samkost should read',
        ),
      );
    } else if (i >= 0) found.set(col, i);
    else if (required.includes(col)) {
      ok = false;
      diags.error(
        head.at,
        'csv-missing-column',
        said(`${head.file} har ingen kolonne '${wanted}'`, `${head.file} has no column '${wanted}'`),
        said(
          `overskriften har: ${head.names.join(', ')}; knytt dine med columns: { ${col}: <navn> } under inputs:`,
          `the header has: ${head.names.join(', ')}; map yours with columns: { ${col}: <name> } under inputs:`,
        ),
      );
    }
  }
  return ok ? found : null;
}
