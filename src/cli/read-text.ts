import { decodeText } from '../inputs/decode.js';
import { ExitError } from './exit.js';
import { type Io, reason, type FileSystem } from './io.js';
import { type Said, said } from '../text/said.js';

/**
 * An agreement or a scenario file is a few kilobytes. Anything larger than
 * this is the wrong file — and a device or a pipe never ends, so those are
 * refused before a byte is read.
 */
export const MAX_TEXT_FILE = 16 * 1024 * 1024;

/**
 * An agreement holds a few hundred values (keys and values, each a YAML
 * scalar); 16 MB of YAML can hold millions, and the parsed tree takes a
 * kilobyte or so per value (100 000 one-line items took 12 s and 1 GB).
 * Past this many, the file is refused before it is parsed.
 */
export const MAX_YAML_VALUES = 100_000;

/**
 * Why a file the user named cannot be read, said once: the command's
 * error (exit 1, nothing written), or for `check` one more problem in its
 * report. Returned, never thrown and caught back.
 */
export interface Unreadable {
  readonly unreadable: Said;
  readonly hint?: Said;
  /** Where the problem is, when it is at a place (a NUL character): the file read (an agreement folder's agreement.yaml), line and column. */
  readonly at?: { readonly file: string; readonly line: number; readonly col: number };
}

export const isUnreadable = (x: unknown): x is Unreadable => typeof x === 'object' && x !== null && 'unreadable' in x;

/** The value, or the end of the command with why it could not be read. */
export function orExit<T>(x: T | Unreadable): T {
  if (isUnreadable(x)) throw new ExitError(1, x.unreadable, x.hint, x.at);
  return x;
}

/**
 * The text of a small YAML file the user named, decoded; a command-line
 * error (exit 1, nothing read) when it is missing, unreadable, not a
 * regular file or implausibly large.
 */
export async function readTextFile(fs: FileSystem, file: string, what: Said, hint: Said): Promise<string> {
  return orExit(await textFile(fs, file, what, hint));
}

/** The text of a small YAML file the user named, or why it cannot be read: missing, unreadable, not a regular file or implausibly large. */
export async function textFile(fs: FileSystem, file: string, what: Said, hint: Said): Promise<string | Unreadable> {
  const s = await fs.stat(file).catch((e: unknown) => cannotRead(what, file, reason(e), hint));
  if (isUnreadable(s)) return s;
  if (!s.isFile())
    return cannotRead(
      what,
      file,
      said('ikke en vanlig fil', 'not a regular file'),
      said('gi en YAML-fil; enheter, rør og sokler leses ikke', 'give a YAML file; devices, pipes and sockets are not read'),
    );
  if (s.size > MAX_TEXT_FILE) {
    const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
    return {
      unreadable: said(
        `${what.nb} '${file}' er ${mb(s.size)}; samkost leser høyst ${mb(MAX_TEXT_FILE)}`,
        `${what.en} '${file}' is ${mb(s.size)}; samkost reads at most ${mb(MAX_TEXT_FILE)}`,
      ),
      hint: isThe(what, file),
    };
  }
  const bytes = await fs
    .readFile(file)
    .catch((e: unknown) => cannotRead(what, file, reason(e), said('sjekk at du har lesetilgang til filen', 'check that the file is readable by you')));
  return isUnreadable(bytes) ? bytes : text(bytes, what, file);
}

/** The bytes of a YAML file as text; an error for what is not text YAML can read (NUL characters, CR-only line ends). */
export async function textOf(bytes: Uint8Array, what: Said, file: string): Promise<string> {
  return orExit(await text(bytes, what, file));
}

/** The bytes of a YAML file as text, or why YAML cannot read them. */
export async function text(bytes: Uint8Array, what: Said, file: string): Promise<string | Unreadable> {
  if (bytes.length > MAX_TEXT_FILE)
    return {
      unreadable: said(
        `${what.nb} '${file}' er mer enn ${MAX_TEXT_FILE / 1024 / 1024} MB`,
        `${what.en} '${file}' is more than ${MAX_TEXT_FILE / 1024 / 1024} MB`,
      ),
      hint: isThe(what, file),
    };
  const decoded = decodeText(bytes).text;
  const nul = decoded.indexOf('\0');
  if (nul >= 0) {
    const at = lineCol(decoded, nul);
    // UTF-16 text of Latin letters has a zero in every other byte; a byte-order mark would have said so.
    const utf16 = bytes.length >= 4 && (bytes[0] === 0 || bytes[1] === 0) && (bytes[2] === 0 || bytes[3] === 0);
    return utf16
      ? {
          unreadable: said(`${what.nb} '${file}' ser ut som UTF-16 uten byte order mark`, `${what.en} '${file}' looks like UTF-16 without a byte-order mark`),
          hint: said('lagre den som UTF-8 (eller UTF-16 med byte order mark)', 'save it as UTF-8 (or UTF-16 with a byte-order mark)'),
        }
      : {
          unreadable: said(
            `${what.nb} '${file}' har et NUL-tegn på linje ${at.line}, kolonne ${at.col}: det er ikke tekst`,
            `${what.en} '${file}' holds a NUL character on line ${at.line}, column ${at.col}: it is not text`,
          ),
          hint: isThe(what, file),
          at: { file, ...at },
        };
  }
  if (decoded.includes('\r') && !decoded.includes('\n'))
    return {
      unreadable: said(
        `${what.nb} '${file}' avslutter linjene med bare CR, så YAML leser den som én linje`,
        `${what.en} '${file}' ends its lines with CR only, so YAML reads it as one line`,
      ),
      hint: said('lagre den med LF- eller CRLF-linjeslutt', 'save it with LF or CRLF line ends'),
    };
  // A text of at most MAX_YAML_VALUES characters holds no more values (src/cli/yaml-values.ts): every agreement; only a longer one is lexed.
  const beyond = decoded.length <= MAX_YAML_VALUES ? null : (await import('./yaml-values.js')).valueBeyond(decoded, MAX_YAML_VALUES);
  if (beyond !== null) {
    const at = lineCol(decoded, beyond);
    const [nb, en] = [' ', ','].map((mark) => String(MAX_YAML_VALUES).replace(/\B(?=(\d{3})+$)/g, mark));
    return {
      unreadable: said(
        `${what.nb} '${file}' har mer enn ${nb} verdier (den første for mye står på linje ${at.line}, kolonne ${at.col}); samkost leser høyst ${nb}`,
        `${what.en} '${file}' holds more than ${en} values (the first too many is on line ${at.line}, column ${at.col}); samkost reads at most ${en}`,
      ),
      hint: isThe(what, file),
      at: { file, ...at },
    };
  }
  return decoded;
}

/** Standard input's bytes, or the command-line error for more than `limit` of them. */
export function tooLarge(bytes: Uint8Array | null, limit: number, what: Said): Uint8Array {
  return orExit(within(bytes, limit, what));
}

/** Standard input's bytes, or why there were too many: more than `limit`. */
export function within(bytes: Uint8Array | null, limit: number, what: Said): Uint8Array | Unreadable {
  if (bytes) return bytes;
  const mb = `${limit / 1024 / 1024} MB`;
  return {
    unreadable: said(
      `standard inn (${what.nb}) har mer enn ${mb}; samkost sluttet å lese der`,
      `standard input (${what.en}) holds more than ${mb}; samkost stopped reading there`,
    ),
    hint: said(
      'sjekk hva som sendes inn; gi en stor fil som fil, ikke på standard inn',
      'check what is piped in; give a large file as a file, not on standard input',
    ),
  };
}

/**
 * A YAML file named on the command line, or standard input for `-` (named
 * `<stdin>` in messages): its name and text.
 */
export async function readTextArg(io: Io, file: string, what: Said, hint: Said): Promise<{ file: string; text: string }> {
  if (file !== '-') return { file, text: await readTextFile(io.fs, file, what, hint) };
  return { file: '<stdin>', text: await textOf(tooLarge(await io.stdin(MAX_TEXT_FILE), MAX_TEXT_FILE, what), what, '<stdin>') };
}

/** The line and column (both from 1) of the character at `index`. */
function lineCol(text: string, index: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) {
    line++;
    start = at + 1;
  }
  return { line, col: index - start + 1 };
}

function cannotRead(what: Said, file: string, why: Said, hint: Said): Unreadable {
  return { unreadable: said(`kan ikke lese ${what.nb} '${file}': ${why.nb}`, `cannot read ${what.en} '${file}': ${why.en}`), hint };
}

function isThe(what: Said, file: string): Said {
  return said(`sjekk at '${file}' er ${what.nb}`, `check that '${file}' is the ${what.en}`);
}
