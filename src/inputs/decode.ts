export const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Thrown while guessing UTF-8 on the first byte that is not UTF-8: start over as Windows-1252. */
export class NotUtf8 extends Error {
  constructor() {
    super('not UTF-8');
  }
}

/**
 * Bytes to text, chunk by chunk. A declared encoding is used as is (bytes it
 * cannot decode become U+FFFD, which the CSV reader reports with its
 * position). Otherwise a byte order mark decides (UTF-8, or UTF-16 as Excel's
 * "Unicode text" writes it), and without one the text is read as strict
 * UTF-8: on the first invalid byte {@link NotUtf8} is thrown and the caller
 * reads the file again as Windows-1252, Norwegian Excel's default — so an ø
 * is never silently turned into �.
 */
export class Decoder {
  private decoder: TextDecoder | null = null;
  private guessing: boolean;
  private head: Uint8Array = new Uint8Array(0);

  constructor(private chosen: Encoding | undefined) {
    this.guessing = chosen === undefined;
  }

  /** The encoding in use; known once the first bytes were seen. */
  get encoding(): Encoding | undefined {
    return this.chosen;
  }

  decode(bytes: Uint8Array, final = false): string {
    if (!this.decoder) {
      // A byte order mark may be split over chunks: wait for three bytes.
      const head = concat(this.head, bytes);
      if (head.length < 3 && !final) {
        this.head = head;
        return '';
      }
      this.head = new Uint8Array(0);
      this.chosen ??= byBom(head) ?? 'utf-8';
      this.guessing &&= this.chosen === 'utf-8';
      this.decoder = new TextDecoder(this.chosen, { fatal: this.guessing });
      bytes = head;
    }
    try {
      return this.decoder.decode(bytes, { stream: !final });
    } catch (e) {
      if (this.guessing && e instanceof TypeError) throw new NotUtf8();
      throw e;
    }
  }
}

function byBom(b: Uint8Array): Encoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A whole file at once (the agreement, small inputs in tests): UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array, declared?: Encoding): { text: string; encoding: Encoding } {
  try {
    const d = new Decoder(declared);
    return { text: d.decode(bytes, true), encoding: d.encoding! };
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    const d = new Decoder('windows-1252');
    return { text: d.decode(bytes, true), encoding: 'windows-1252' };
  }
}
