/**
 * Text gathered as UTF-8 bytes in chunks outside the JavaScript heap. A
 * long sweep's output passes through here a scenario at a time: held as
 * strings until written, each piece would outlive a young-generation
 * collection or two and be promoted, and the old generation would grow by
 * the whole output between full collections. Bytes in buffers of their own
 * are freed as soon as they are written, and never move. Each chunk has an
 * `ArrayBuffer` of its own, so a worker thread can transfer it.
 */
export class Utf8Chunks {
  private chunk: Buffer | null = null;
  private used = 0;
  private sealed: Uint8Array[] = [];
  /** Bytes gathered since the last {@link take}. */
  size = 0;

  add(text: string | Uint8Array): void {
    if (typeof text !== 'string') {
      this.seal();
      this.sealed.push(text);
      this.size += text.length;
      return;
    }
    // A UTF-16 unit is at most three UTF-8 bytes: a piece this short fits in what is left, whatever it says.
    if (this.chunk === null || this.used + 3 * text.length > this.chunk.length) {
      this.seal();
      if (3 * text.length > CHUNK) {
        const bytes = Buffer.from(text, 'utf8');
        this.sealed.push(bytes);
        this.size += bytes.length;
        return;
      }
      this.chunk = Buffer.allocUnsafeSlow(CHUNK);
    }
    const n = this.chunk.write(text, this.used, 'utf8');
    this.used += n;
    this.size += n;
  }

  /** The bytes gathered, in order; the gatherer starts empty again. */
  take(): Uint8Array[] {
    this.seal();
    const taken = this.sealed;
    this.sealed = [];
    this.size = 0;
    return taken;
  }

  private seal(): void {
    if (this.chunk && this.used) this.sealed.push(this.chunk.subarray(0, this.used));
    this.chunk = null;
    this.used = 0;
  }
}

/** Bytes a chunk holds: some tens of scenarios of a sweep, fewer than a minor collection sees made. */
export const CHUNK = 64 << 10;
