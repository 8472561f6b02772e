import { createReadStream } from 'node:fs';
import { access, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';

/** Where text goes: standard output or standard error. */
export interface Terminal {
  write(text: string): void;
  /** Colour and progress are for a person at a terminal only. */
  readonly isTTY: boolean;
}

/** The file operations the CLI uses: reading the agreement and its inputs, writing outputs. */
export interface FileSystem {
  readonly stat: typeof stat;
  readonly readFile: (path: string) => Promise<Buffer>;
  readonly createReadStream: typeof createReadStream;
  readonly access: typeof access;
  readonly mkdir: typeof mkdir;
  readonly writeFile: typeof writeFile;
  readonly rename: typeof rename;
  readonly unlink: typeof unlink;
}

/**
 * Everything the CLI takes from the world outside its arguments. `bin/`
 * passes the real process; tests pass their own, and run the CLI in-process.
 */
export interface Io {
  readonly stdout: Terminal;
  readonly stderr: Terminal;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock: an invoice's default date. */
  readonly now: () => Date;
  readonly fs: FileSystem;
}

export const NODE_FS: FileSystem = { stat, readFile: (p) => readFile(p), createReadStream, access, mkdir, writeFile, rename, unlink };

export function processIo(): Io {
  return {
    stdout: {
      write: (t) => void process.stdout.write(t),
      get isTTY() {
        return process.stdout.isTTY === true;
      },
    },
    stderr: {
      write: (t) => void process.stderr.write(t),
      get isTTY() {
        return process.stderr.isTTY === true;
      },
    },
    env: process.env,
    now: () => new Date(),
    fs: NODE_FS,
  };
}
