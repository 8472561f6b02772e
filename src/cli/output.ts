import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ExitError } from './exit.js';
import type { FileSystem } from './io.js';

const exists = (fs: FileSystem, file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

const tempBeside = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Writes a whole output or nothing: to a temporary file beside the target,
 * then renamed over it. An existing file is only replaced with `--force`.
 */
export async function writeOutput(fs: FileSystem, file: string, content: string, force: boolean): Promise<void> {
  await writeOutputs(fs, [{ file, content }], force);
}

/**
 * Writes several files as one output: nothing is written unless none of them
 * would overwrite without `--force`, and each arrives by rename, complete.
 * Every temporary file is written before the first rename, so a failure while
 * writing leaves the targets untouched.
 */
export async function writeOutputs(fs: FileSystem, files: readonly { file: string; content: string }[], force: boolean): Promise<void> {
  const existing = [];
  for (const f of files) if (await exists(fs, f.file)) existing.push(f.file);
  if (existing.length && !force) {
    throw new ExitError(
      1,
      `${existing.map((f) => `'${f}'`).join(', ')} already exist${existing.length === 1 ? 's' : ''}`,
      'pass --force to overwrite; nothing was written',
    );
  }
  const temps: string[] = [];
  let renamed = 0;
  try {
    for (const f of files) {
      await fs.mkdir(path.dirname(f.file), { recursive: true });
      const tmp = tempBeside(f.file);
      temps.push(tmp);
      await fs.writeFile(tmp, f.content);
    }
    for (const [i, f] of files.entries()) {
      await fs.rename(temps[i]!, f.file);
      renamed += 1;
    }
  } catch (e) {
    await Promise.all(temps.slice(renamed).map((t) => fs.unlink(t).catch(() => undefined)));
    throw new ExitError(
      1,
      `cannot write output: ${(e as Error).message}`,
      renamed === 0 ? 'nothing was written' : `${renamed} of ${files.length} files were written before the failure`,
    );
  }
}
