import { createInflateRaw } from 'node:zlib';
import { type Said, said } from '../text/said.js';

/** A file read by ranges: an .xlsx on disk, or standard input held whole. */
export interface ByteSource {
  readonly size: number;
  /** Bytes `start` (inclusive) to `end` (exclusive), in chunks. */
  read(start: number, end: number): AsyncIterable<Uint8Array>;
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export class ZipError extends Error {
  constructor(readonly why: Said) {
    super(why.en);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes, after a comment of at most 65 535. */
const TAIL = 22 + 0xffff;

const broken = (nb: string, en: string) => new ZipError(said(nb, en));

/**
 * The entries of a ZIP archive, from its central directory: the end of the
 * file is read, then the directory, never the entries themselves. An .xlsx
 * is a ZIP; its parts are then inflated one at a time with {@link openEntry}.
 */
export async function zipEntries(src: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailStart = Math.max(0, src.size - TAIL);
  const tail = await readAll(src, tailStart, src.size);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw broken('ZIP-filen mangler sluttkatalogen: den er avkortet eller skadet', 'the ZIP file has no end record: it is truncated or damaged');
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw broken('arbeidsboken er en ZIP64-fil, som samkost ikke leser', 'the workbook is a ZIP64 archive, which samkost does not read');
  if (cdOffset + cdSize > src.size) throw broken('ZIP-filen er avkortet', 'the ZIP file is truncated');
  const cd = await readAll(src, cdOffset, cdOffset + cdSize);
  const dv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || dv.getUint32(p, true) !== CENTRAL) throw broken('ZIP-filens katalog er skadet', 'the ZIP directory is damaged');
    const nameLength = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const name = new TextDecoder().decode(cd.subarray(p + 46, p + 46 + nameLength));
    entries.set(name, {
      name,
      flags: dv.getUint16(p + 8, true),
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * An entry's bytes, inflated as they are read: memory holds a chunk, never
 * the entry. `chunk` is the size of the pieces inflated: zlib's 16 KiB by
 * default; the byte scanner asks for larger ones, which cost a third of the
 * time to hand over (the saxes path keeps its pieces, on whose boundaries
 * what it reports after an unusable header depends).
 */
export async function* openEntry(src: ByteSource, e: ZipEntry, chunk?: number): AsyncGenerator<Uint8Array> {
  if (e.flags & 1) throw broken('arbeidsboken er kryptert (passordbeskyttet)', 'the workbook is encrypted (password protected)');
  if (e.method !== 0 && e.method !== 8)
    throw broken(
      `delen ${e.name} er komprimert med metode ${e.method}, som samkost ikke leser`,
      `part ${e.name} is compressed with method ${e.method}, which samkost does not read`,
    );
  const local = await readAll(src, e.localOffset, e.localOffset + 30);
  const lv = new DataView(local.buffer, local.byteOffset, local.byteLength);
  if (local.length < 30 || lv.getUint32(0, true) !== LOCAL) throw broken('ZIP-filens katalog er skadet', 'the ZIP directory is damaged');
  const start = e.localOffset + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
  const raw = src.read(start, start + e.compressedSize);
  if (e.method === 0) {
    yield* raw;
    return;
  }
  const z = createInflateRaw(chunk ? { chunkSize: chunk } : {});
  let failed: unknown = null;
  const pump = (async () => {
    for await (const chunk of raw) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
    z.end();
  })().catch((err: unknown) => {
    failed = err;
    z.destroy();
  });
  try {
    for await (const out of z as AsyncIterable<Uint8Array>) yield out;
  } catch {
    if (failed) throw failed;
    throw broken(`delen ${e.name} av arbeidsboken er skadet`, `part ${e.name} of the workbook is damaged`);
  } finally {
    z.destroy();
  }
  await pump;
  if (failed) throw failed;
}

async function readAll(src: ByteSource, start: number, end: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of src.read(start, end)) parts.push(c);
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of parts) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A whole small part (the workbook, its relations, its styles) as text. */
export async function entryText(src: ByteSource, e: ZipEntry): Promise<string> {
  const d = new TextDecoder();
  let text = '';
  for await (const c of openEntry(src, e)) text += d.decode(c, { stream: true });
  return text + d.decode();
}
