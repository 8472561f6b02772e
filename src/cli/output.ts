import path from 'node:path';
import { ExitError } from './exit.js';
import { reason, type Io } from './io.js';
import { said } from '../text/said.js';
import type { Output } from '../render/registry.js';

/**
 * A hidden temporary file beside `file`, on the same file system, so it can
 * be renamed or linked into place. Its random part from Web Crypto, which
 * Node loads when it is first used, not with every run as node:crypto.
 */
export const tempBeside = (file: string) =>
  path.join(path.dirname(file), `.${path.basename(file)}.${Buffer.from(crypto.getRandomValues(new Uint8Array(6))).toString('hex')}.tmp`);

/** Output already written to a temporary file beside its target (registered with `io.temps`): moved into place. */
export interface Spooled {
  readonly spool: string;
}

/** Writes one output whole or not at all; see {@link writeOutputs}. */
export async function writeOutput(io: Io, file: string, content: Output, force: boolean): Promise<void> {
  await writeOutputs(io, [{ file, content }], force);
}

/**
 * Writes several files as one output, all or nothing. Every file is first
 * written to a temporary file beside its target, so a failure while writing
 * leaves the targets untouched. Then each arrives complete: without
 * `--force` by a hard link, which fails if the target exists — so of two
 * runs creating the same file at once, one wins and the other writes
 * nothing — and with `--force` by a rename over the old file. A target that
 * is a directory (or anything but a file) is refused before anything is
 * written, `--force` or not. Temporary files are registered with `io.temps`,
 * so an interrupt removes them too.
 */
export async function writeOutputs(io: Io, files: readonly { file: string; content: Output | Spooled }[], force: boolean): Promise<void> {
  const { fs } = io;
  const existing: string[] = [];
  // A file replaced with --force keeps who may read it: a 0600 report stays 0600.
  const modes = new Map<string, number>();
  for (const f of files) {
    const s = await fs.stat(f.file).catch(() => null);
    if (s && !s.isFile())
      throw new ExitError(
        1,
        said(
          `'${f.file}' er ikke en fil som kan erstattes (det er en mappe eller en enhet)`,
          `'${f.file}' is not a file that can be replaced (it is a directory or a device)`,
        ),
        said('velg en annen --out; ingenting ble skrevet', 'choose another --out; nothing was written'),
      );
    if (s) {
      existing.push(f.file);
      modes.set(f.file, s.mode & 0o777);
    }
  }
  const exist = (names: readonly string[]) =>
    new ExitError(
      1,
      said(
        `${names.map((f) => `'${f}'`).join(', ')} finnes allerede`,
        `${names.map((f) => `'${f}'`).join(', ')} already exist${names.length === 1 ? 's' : ''}`,
      ),
      said('gi --force for å skrive over; ingenting ble skrevet', 'pass --force to overwrite; nothing was written'),
    );
  if (existing.length && !force) throw exist(existing);

  const temps: string[] = [];
  const placed: string[] = [];
  try {
    for (const f of files) {
      if (isSpooled(f.content)) {
        temps.push(f.content.spool);
        continue;
      }
      await fs.mkdir(path.dirname(f.file), { recursive: true });
      const tmp = tempBeside(f.file);
      io.temps.add(tmp);
      temps.push(tmp);
      const mode = modes.get(f.file);
      await fs.writeFile(tmp, f.content, mode === undefined ? {} : { mode });
    }
    for (const [i, f] of files.entries()) {
      if (force) await fs.rename(temps[i]!, f.file);
      else await fs.link(temps[i]!, f.file);
      placed.push(f.file);
    }
  } catch (e) {
    // Created by this run and not yet anyone's: taken back, so the output stays all or nothing.
    if (!force) await Promise.all(placed.map((f) => fs.unlink(f).catch(() => undefined)));
    if ((e as { code?: unknown }).code === 'EEXIST') throw exist([files[placed.length]!.file]);
    const done = force ? placed.length : 0;
    const why = reason(e);
    throw new ExitError(
      1,
      said(`kan ikke skrive utdata: ${why.nb}`, `cannot write output: ${why.en}`),
      done === 0
        ? said('ingenting ble skrevet', 'nothing was written')
        : said(`${done} av ${files.length} filer ble skrevet før feilen`, `${done} of ${files.length} files were written before the failure`),
    );
  } finally {
    await Promise.all(temps.map((t) => fs.unlink(t).catch(() => undefined)));
    for (const t of temps) io.temps.delete(t);
  }
}

const isSpooled = (c: Output | Spooled): c is Spooled => typeof c === 'object' && 'spool' in c;
