import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean } from '../diagnostics/suggest.js';
import { ExitError } from './exit.js';
import type { Io } from './io.js';
import { writeOutputs } from './output.js';
import { said } from '../text/said.js';
import { TEMPLATES } from './templates.js';

/** Two folders up from this module wherever it runs (src/cli, dist/cli, dist/bundle): the package root. */
const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * `samkost init TYPE DIR`: a starting agreement of that kind, with Norwegian
 * comments and example CSVs, written into DIR. It never overwrites: if any
 * of its files exists, nothing is written.
 */
export async function init(io: Io, type: string, dir: string): Promise<string[]> {
  const known: readonly string[] = TEMPLATES;
  if (!known.includes(type))
    throw new ExitError(
      2,
      said(`ingen startavtale '${type}'`, `no starting agreement '${type}'`),
      didYouMean(type, TEMPLATES) ?? said(`velg en av ${TEMPLATES.join(', ')}`, `choose one of ${TEMPLATES.join(', ')}`),
    );
  // An empty name would be the working folder itself: a mistake (an unset variable), not a place to write.
  if (dir.trim() === '')
    throw new ExitError(
      2,
      said('mappen å skrive til er tom', 'the folder to write into is empty'),
      said(`gi et mappenavn, f.eks. samkost init ${type} mitt-samarbeid`, `give a folder name, e.g. samkost init ${type} my-cooperation`),
    );
  const from = path.join(TEMPLATE_DIR, type);
  const names = (await io.fs.readdir(from)).sort();
  const files = await Promise.all(
    names.map(async (name) => ({ file: path.join(dir, name), content: (await io.fs.readFile(path.join(from, name))).toString('utf8') })),
  );
  const existing = (await Promise.all(files.map(async (f) => ((await io.fs.stat(f.file).catch(() => null)) ? f.file : null)))).filter((f) => f !== null);
  if (existing.length)
    throw new ExitError(
      1,
      said(
        `init skriver aldri over, og ${existing.map((f) => `'${f}'`).join(', ')} finnes allerede`,
        `init never overwrites, and ${existing.map((f) => `'${f}'`).join(', ')} already exist${existing.length === 1 ? 's' : ''}`,
      ),
      said('gi en ny eller tom mappe; ingenting ble skrevet', 'give a new or empty folder; nothing was written'),
    );
  await writeOutputs(io, files, false);
  return files.map((f) => f.file);
}
