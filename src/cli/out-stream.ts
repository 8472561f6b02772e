import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Io } from './io.js';
import { tempBeside } from './output.js';
import { CHUNK, Utf8Chunks } from './utf8-chunks.js';

/** Where a stream's text goes when it is closed: whole (it stayed small), or as the temporary file it was spooled to. */
interface Destination {
  whole(text: string): Promise<void>;
  spooled(spool: string): Promise<void>;
}

/**
 * Text written a piece at a time and shown only when closed: see
 * `Speaker.stream`. Pieces are kept as UTF-8 bytes (a worker thread's
 * block comes as bytes already) and go on in writes of `spoolAt` bytes, so
 * a long sweep makes few system calls and keeps none of its text on the
 * JavaScript heap.
 */
export class OutStream {
  private readonly pending = new Utf8Chunks();
  private spool: { readonly path: string; readonly handle: FileHandle } | null = null;

  constructor(
    private readonly io: Io,
    /** The `--out` file, or null for standard output. */
    private readonly file: string | null,
    private readonly spoolAt: number,
    private readonly to: Destination,
  ) {}

  async write(text: string | Uint8Array): Promise<void> {
    this.pending.add(text);
    // Once spooling, a chunk goes on as soon as it is full: written while young, its buffer is freed by the next minor collection.
    if (this.pending.size >= (this.spool ? CHUNK : this.spoolAt)) await this.flush();
  }

  /** Shows the output: to `--out` atomically, or to standard output. */
  async close(): Promise<void> {
    if (!this.spool) return this.to.whole(Buffer.concat(this.pending.take()).toString('utf8'));
    await this.flush();
    const { path: spool, handle } = this.spool;
    await handle.close();
    try {
      await this.to.spooled(spool);
    } finally {
      await this.discard();
    }
  }

  /** Drops what was written: the run failed, and nothing of it is shown. */
  async discard(): Promise<void> {
    this.pending.take();
    if (!this.spool) return;
    const { path: spool, handle } = this.spool;
    this.spool = null;
    await handle.close().catch(() => undefined);
    await this.io.fs.unlink(spool).catch(() => undefined);
    this.io.temps.delete(spool);
  }

  private async flush(): Promise<void> {
    if (!this.spool) {
      // Standard output's spool is private to this user; an --out file gets the mode any new file gets.
      // node:os only here, not at every start.
      const file = this.file ?? path.join((await import('node:os')).tmpdir(), 'samkost');
      if (this.file) await this.io.fs.mkdir(path.dirname(this.file), { recursive: true });
      const spool = tempBeside(file);
      this.io.temps.add(spool);
      this.spool = { path: spool, handle: await this.io.fs.open(spool, 'wx', this.file ? 0o666 : 0o600) };
    }
    const chunks = this.pending.take();
    await this.spool.handle.writev(chunks);
    this.pending.release(chunks);
  }
}
