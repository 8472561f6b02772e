import { decodeText } from '../inputs/decode.js';
import { ExitError } from './exit.js';
import { reason, type FileSystem } from './io.js';

/**
 * An agreement or a scenario file is a few kilobytes. Anything larger than
 * this is the wrong file — and a device or a pipe never ends, so those are
 * refused before a byte is read.
 */
export const MAX_TEXT_FILE = 16 * 1024 * 1024;

/**
 * The text of a small YAML file the user named, decoded; a command-line
 * error (exit 1, nothing read) when it is missing, unreadable, not a
 * regular file or implausibly large.
 */
export async function readTextFile(fs: FileSystem, file: string, what: string, hint: string): Promise<string> {
  const s = await fs.stat(file).catch((e: unknown) => {
    throw new ExitError(1, `cannot read ${what} '${file}': ${reason(e)}`, hint);
  });
  if (!s.isFile()) throw new ExitError(1, `cannot read ${what} '${file}': not a regular file`, `give a YAML file; devices, pipes and sockets are not read`);
  if (s.size > MAX_TEXT_FILE) {
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    throw new ExitError(1, `${what} '${file}' is ${mb(s.size)}; samkost reads at most ${mb(MAX_TEXT_FILE)}`, `check that '${file}' is the ${what}`);
  }
  const bytes = await fs.readFile(file).catch((e: unknown) => {
    throw new ExitError(1, `cannot read ${what} '${file}': ${reason(e)}`, 'check that the file is readable by you');
  });
  return decodeText(bytes).text;
}
