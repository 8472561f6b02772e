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
  return textOf(bytes, what, file);
}

/** The bytes of a YAML file as text; an error for what is not text YAML can read (NUL characters, CR-only line ends). */
export function textOf(bytes: Uint8Array, what: string, file: string): string {
  if (bytes.length > MAX_TEXT_FILE)
    throw new ExitError(1, `${what} '${file}' is more than ${MAX_TEXT_FILE / 1024 / 1024} MB`, `check that '${file}' is the ${what}`);
  const text = decodeText(bytes).text;
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // UTF-16 text of Latin letters has a zero in every other byte; a byte-order mark would have said so.
    const utf16 = bytes.length >= 4 && (bytes[0] === 0 || bytes[1] === 0) && (bytes[2] === 0 || bytes[3] === 0);
    throw new ExitError(
      1,
      utf16
        ? `${what} '${file}' looks like UTF-16 without a byte-order mark`
        : `${what} '${file}' holds a NUL character (at character ${nul + 1}): it is not text`,
      utf16 ? 'save it as UTF-8 (or UTF-16 with a byte-order mark)' : `check that '${file}' is the ${what}`,
    );
  }
  if (text.includes('\r') && !text.includes('\n')) {
    throw new ExitError(1, `${what} '${file}' ends its lines with CR only, so YAML reads it as one line`, 'save it with LF or CRLF line ends');
  }
  return text;
}
