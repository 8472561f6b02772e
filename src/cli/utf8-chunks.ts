/**
 * Text gathered as UTF-8 bytes in chunks outside the JavaScript heap, the
 * chunks used again once given back. A long sweep's output passes through
 * here a scenario at a time. Held as strings until written, each piece
 * would outlive a young-generation collection or two and be promoted, and
 * the old generation would grow by the whole output between full
 * collections; a fresh buffer for each chunk would be garbage outside the
 * heap, freed only when a collection happens to come (rarely, on a thread
 * that only writes). Chunks given back with {@link release} are filled
 * again, so a sweep's output needs the same few buffers however long it
 * is. Each chunk has an `ArrayBuffer` of its own, so a worker thread can
 * transfer it and have it transferred back.
 */
export class Utf8Chunks {
  private chunk: Buffer | null = null;
  private used = 0;
  private sealed: Buffer[] = [];
  private readonly free: ArrayBuffer[] = [];
  /** Bytes gathered since the last {@link take}. */
  size = 0;

  /** Text, or bytes that are copied (the caller may use its buffer again). */
  add(text: string | Uint8Array): void {
    if (typeof text !== 'string') {
      this.copy(text);
      return;
    }
    // A UTF-16 unit is at most three UTF-8 bytes: a piece this short fits in what is left, whatever it says.
    if (3 * text.length > CHUNK) {
      this.copy(Buffer.from(text, 'utf8'));
      return;
    }
    if (this.chunk === null || this.used + 3 * text.length > CHUNK) this.next();
    const n = this.chunk!.write(text, this.used, 'utf8');
    this.used += n;
    this.size += n;
  }

  /** The bytes gathered, in order; the gatherer starts empty again. Give the chunks back with {@link release} once written. */
  take(): Buffer[] {
    this.seal();
    const taken = this.sealed;
    this.sealed = [];
    this.size = 0;
    return taken;
  }

  /** Chunks (or their buffers) that are written and may be filled again. */
  release(chunks: readonly (Uint8Array | ArrayBuffer)[]): void {
    for (const c of chunks) {
      const buffer = c instanceof ArrayBuffer ? c : c.buffer;
      if (buffer instanceof ArrayBuffer && buffer.byteLength === CHUNK && !this.free.includes(buffer)) this.free.push(buffer);
    }
  }

  private copy(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) {
      if (this.chunk === null || this.used === CHUNK) this.next();
      const n = Math.min(bytes.length - at, CHUNK - this.used);
      this.chunk!.set(bytes.subarray(at, at + n), this.used);
      this.used += n;
      this.size += n;
      at += n;
    }
  }

  private next(): void {
    this.seal();
    const reused = this.free.pop();
    this.chunk = reused ? Buffer.from(reused) : Buffer.from(new ArrayBuffer(CHUNK));
  }

  private seal(): void {
    if (this.chunk && this.used) this.sealed.push(this.chunk.subarray(0, this.used));
    else if (this.chunk) this.free.push(this.chunk.buffer as ArrayBuffer);
    this.chunk = null;
    this.used = 0;
  }
}

/** Bytes a chunk holds: some tens of scenarios of a sweep. */
export const CHUNK = 64 << 10;
