import { createReadStream, fstatSync, promises, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { link, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { type Locale, type Said, said, verbatim } from '../text/said.js';

/** Where output goes: standard output or standard error. Bytes are a binary format's (xlsx). */
export interface Terminal {
  write(data: string | Uint8Array): void;
  /** Colour and progress are for a person at a terminal only. */
  readonly isTTY: boolean;
}

/** The file operations the CLI uses: reading the agreement and its inputs, writing outputs. */
export interface FileSystem {
  readonly stat: typeof stat;
  readonly readFile: (path: string) => Promise<Buffer>;
  readonly readdir: (path: string) => Promise<string[]>;
  readonly createReadStream: typeof createReadStream;
  readonly link: typeof link;
  readonly mkdir: typeof mkdir;
  readonly writeFile: typeof writeFile;
  /** A file written a piece at a time (output too long to hold). */
  readonly open: typeof open;
  readonly rename: typeof rename;
  readonly unlink: typeof unlink;
}

/**
 * Everything the CLI takes from the world outside its arguments. `bin/`
 * passes the real process; tests pass their own, and run the CLI in-process.
 */
/** Standard output, which also takes a long output's text from a buffer that is then filled again. */
export interface StandardOutput extends Terminal {
  /** Text as UTF-8 bytes: resolves once the stream is done with the buffer (a write to a pipe is asynchronous on some systems). */
  writeText(bytes: Uint8Array): Promise<void>;
}

export interface Io {
  readonly stdout: StandardOutput;
  readonly stderr: Terminal;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock: an invoice's default date. */
  readonly now: () => Date;
  readonly fs: FileSystem;
  /**
   * Standard input, read whole: an agreement or an input file given as `-`.
   * Null as soon as more than `limit` bytes have come: reading stops there,
   * so `check - < /dev/zero` ends at the limit instead of filling memory.
   */
  readonly stdin: (limit: number) => Promise<Uint8Array | null>;
  /** Temporary files being written: removed if the run is interrupted. */
  readonly temps: Set<string>;
}

/** What `f` returns, or the error it throws, as a promise. */
function settled<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * The real file system: node:fs/promises, loaded when first used (not for
 * `--help`, which reads no file). Reading (stat, readFile, readdir) is
 * node:fs's synchronous calls behind a promise instead: loading
 * node:fs/promises loads Node's readline and streams with it, a tenth of a
 * bare `node -e 0` at the start of every `check`; the files come back the
 * same, and the errors with the same codes.
 */
export const NODE_FS: FileSystem = {
  stat: ((p: string, options?: { bigint?: boolean }) => settled(() => statSync(p, options))) as FileSystem['stat'],
  readFile: (p) => settled(() => readFileSync(p)),
  readdir: (p) => settled(() => readdirSync(p)),
  createReadStream,
  get link() {
    return promises.link;
  },
  get mkdir() {
    return promises.mkdir;
  },
  get writeFile() {
    return promises.writeFile;
  },
  get open() {
    return promises.open;
  },
  get rename() {
    return promises.rename;
  },
  get unlink() {
    return promises.unlink;
  },
};

/**
 * Temporary files of an output being written. While there are any, SIGINT
 * and SIGTERM first remove them, then take their course, so the shell sees
 * the usual exit status (130, 143) and no `.tmp` file is left behind. The
 * handlers are there only while writing: a long computation stays
 * interruptible the ordinary way.
 */
class ProcessTemps extends Set<string> {
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.removeAll();
    this.listen(false);
    process.kill(process.pid, signal);
  };

  /** An exit while writing (a reader that went away ends the run at once): the spool of a long output goes too. */
  private readonly onExit = () => this.removeAll();

  private removeAll(): void {
    for (const t of this) {
      try {
        unlinkSync(t);
      } catch {
        // Already renamed into place or gone: nothing to clean.
      }
    }
  }

  override add(file: string): this {
    if (this.size === 0) this.listen(true);
    return super.add(file);
  }

  override delete(file: string): boolean {
    const had = super.delete(file);
    if (had && this.size === 0) this.listen(false);
    return had;
  }

  private listen(on: boolean): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      if (on) process.on(signal, this.onSignal);
      else process.off(signal, this.onSignal);
    }
    if (on) process.on('exit', this.onExit);
    else process.off('exit', this.onExit);
  }
}

/**
 * Standard output that cannot be written. A reader that went away (`| head`)
 * is not an error: the run ends quietly with the status it has (0 when it
 * had not failed). A full disk or another failure is one line and exit 1.
 */
function watchStdout(stdout: NodeJS.WriteStream, locale: Locale): NodeJS.WriteStream {
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit();
    const why = reason(e)[locale];
    process.stderr.write(
      locale === 'nb' ? `samkost: feil: kan ikke skrive til standard ut: ${why}\n` : `samkost: error: cannot write to standard output: ${why}\n`,
    );
    process.exit(1);
  });
  return stdout;
}

/**
 * Standard output or error of the real process. To a file, a pipe, a socket
 * or /dev/null the bytes are written straight to the descriptor: Node's
 * process.stdout is a stream whose first use loads Node's streams (and net,
 * for a pipe), a tenth of a bare `node -e 0` at the start of every run, and
 * Node writes to these synchronously too (on Linux), so the same bytes go
 * out in the same order. A terminal or another device gets Node's stream, as
 * does every write after one that fails (a reader gone, a full disk, a pipe
 * left non-blocking), starting with what was not written: the stream then
 * answers the failure as before (watchStdout).
 */
class Descriptor implements StandardOutput {
  /** Whether to write to the descriptor: known at the first write or question. */
  private straight: boolean | undefined;
  /** Whether anything went to Node's stream: its last bytes, or its error, may still be on their way. */
  streamed = false;

  constructor(
    private readonly fd: 1 | 2,
    private readonly stream: () => NodeJS.WriteStream,
  ) {}

  write(data: string | Uint8Array): void {
    if (this.direct()) void this.writeAll(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    else {
      this.streamed = true;
      this.stream().write(data);
    }
  }

  writeText(bytes: Uint8Array): Promise<void> {
    return this.direct() ? this.writeAll(bytes) : this.toStream(bytes);
  }

  get isTTY(): boolean {
    return !this.direct() && this.stream().isTTY === true;
  }

  private direct(): boolean {
    this.straight ??= process.platform !== 'win32' && notTerminal(this.fd);
    return this.straight;
  }

  /**
   * All of `bytes`, to the descriptor as long as it takes them, the rest to
   * the stream: resolved once the stream is done with them (writeText's
   * caller fills its buffer again then).
   */
  private writeAll(bytes: Uint8Array): Promise<void> {
    let at = 0;
    try {
      while (at < bytes.length) {
        const wrote = writeSync(this.fd, bytes, at, bytes.length - at);
        if (wrote <= 0) break;
        at += wrote;
      }
    } catch {
      // Said by the stream, which meets the same failure.
    }
    if (at === bytes.length) return DONE;
    this.straight = false;
    return this.toStream(bytes.subarray(at));
  }

  /** A failed write is reported by the stream's 'error' listener (watchStdout): the promise only releases the buffer. */
  private toStream(bytes: Uint8Array): Promise<void> {
    this.streamed = true;
    return new Promise((done) => void this.stream().write(bytes, () => done()));
  }
}

const DONE = Promise.resolve();

/** Whether `fd` is a file, a pipe, a socket or /dev/null: nothing that could be a terminal. */
function notTerminal(fd: number): boolean {
  try {
    const s = fstatSync(fd);
    return s.isFile() || s.isFIFO() || s.isSocket() || (s.isCharacterDevice() && s.rdev === statSync('/dev/null').rdev);
  } catch {
    return false;
  }
}

/** The real process: its streams, environment, clock and file system. */
export interface ProcessIo extends Io {
  /** Whether anything was written through Node's stream of standard output or error, which may still be writing it or about to report its failure. */
  readonly streamed: () => boolean;
}

/** The real process: its streams, environment, clock and file system. */
export function processIo(locale: Locale = 'nb'): ProcessIo {
  const temps = new ProcessTemps();
  let stdout: NodeJS.WriteStream | undefined;
  const out = new Descriptor(1, () => (stdout ??= watchStdout(process.stdout, locale)));
  const err = new Descriptor(2, () => process.stderr);
  return {
    streamed: () => out.streamed || err.streamed,
    temps,
    stdin: async (limit) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        // Leaving the loop destroys the stream: nothing more is read.
        if (size > limit) return null;
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    stdout: out,
    stderr: err,
    env: process.env,
    now: () => new Date(),
    fs: NODE_FS,
  };
}

/** What the system said, in words a user can act on. */
export function reason(e: unknown): Said {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return said('filen eller mappen finnes ikke', 'no such file or directory');
    case 'EACCES':
    case 'EPERM':
      return said('ingen tilgang', 'permission denied');
    case 'EISDIR':
      return said('det er en mappe', 'it is a directory');
    case 'ELOOP':
      return said('for mange symbolske lenker', 'too many symbolic links');
    case 'ENOSPC':
      return said('det er ikke mer plass på disken', 'no space left on device');
    case 'EROFS':
      return said('filsystemet er skrivebeskyttet', 'read-only file system');
    default:
      return verbatim(typeof code === 'string' ? code : String(e));
  }
}
