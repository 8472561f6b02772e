import { randomBytes } from 'node:crypto';
import { access, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitError } from './exit.js';

/**
 * Writes a whole output or nothing: to a temporary file beside the target,
 * then renamed over it. An existing file is only replaced with `--force`.
 */
export async function writeOutput(file: string, content: string, force: boolean): Promise<void> {
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists && !force) throw new ExitError(1, `'${file}' already exists`, 'pass --force to overwrite it');
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new ExitError(1, `cannot write '${file}': ${(e as Error).message}`);
  }
}
