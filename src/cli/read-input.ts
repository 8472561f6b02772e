import type { InputSpec } from '../agreement/model.js';
import { Diagnostics } from '../diagnostics/diagnostic.js';
import { NotUtf8, type Encoding } from '../inputs/decode.js';
import type { KeptLines } from '../inputs/kept-lines.js';
import { isLedgerSink, readLedgerBytes } from '../inputs/ledger-bytes.js';
import { SNIFF_BYTES, sniff } from '../inputs/sniff.js';
import { CsvInput, type TableSink } from '../inputs/table.js';
import type { ByteSource } from '../inputs/zip-read.js';
import { ExitError } from './exit.js';
import { reason, type FileSystem } from './io.js';
import type { Progress } from './progress.js';
import { said } from '../text/said.js';

/** Bytes per read of a stream, which makes a fresh buffer each: large enough that the per-chunk work is noise, small enough to stay out of the peak memory figure. */
const CHUNK = 1 << 16;
/**
 * Bytes per read into one reused buffer (the byte readers'), so its size
 * costs memory once. Each read waits for Node's file thread: in 64 KiB
 * pieces a 1M-row CSV ledger spent a tenth of its time waiting, in 1 MiB
 * pieces it runs 8 % faster; a SAF-T file, ten times its CSV, spent a fifth.
 */
const REUSED_CHUNK = 1 << 20;
/** A SAF-T file read by the stream of the reference reader: in larger pieces too, as above. */
const XML_CHUNK = 1 << 20;

export interface ReadResult<T> {
  readonly result: T | null;
  /** The encoding the file was read with, to show error excerpts from it; absent when it could not be read. */
  readonly encoding?: Encoding;
  readonly rows: number;
  /** Lines the reader kept for excerpts (the byte reader's), so they need not be read again. */
  readonly kept?: KeptLines;
}

/**
 * Streams one input through a sink, by the source its first bytes show: an
 * .xlsx workbook, a SAF-T Financial file, or CSV. Without a declared
 * encoding a CSV file is read as UTF-8, and read again from the start as
 * Windows-1252 if a byte is not UTF-8 — what the sink saw of the first
 * attempt is thrown away.
 */
export async function readInput<T>(
  fs: FileSystem,
  spec: InputSpec,
  sink: () => TableSink<T>,
  diags: Diagnostics,
  progress: Progress,
  stdin?: Uint8Array,
): Promise<ReadResult<T>> {
  // Standard input cannot be read twice, so it comes in whole, and each attempt reads it from the start.
  const open = (): AsyncIterable<Uint8Array> & { destroy?: () => void } =>
    stdin ? chunksOf(stdin) : (fs.createReadStream(spec.file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer> & { destroy: () => void });
  const size = stdin
    ? stdin.length
    : await fs.stat(spec.file).then(
        (s) => (s.isFile() ? s.size : said('ikke en vanlig fil', 'not a regular file')),
        (e: unknown) => reason(e),
      );
  if (typeof size !== 'number') {
    // A file named on the command line is the command line's mistake, not a line of the agreement's.
    if (spec.option)
      throw new ExitError(
        1,
        said(`${spec.option} '${spec.file}': ${size.nb}`, `${spec.option} '${spec.file}': ${size.en}`),
        said('gi stien til en CSV-fil, relativt til der du kjører samkost', 'give the path of a CSV file, relative to where you run samkost'),
      );
    diags.error(
      spec.at,
      'input-missing',
      said(`kan ikke lese inndatafilen '${spec.file}': ${size.nb}`, `cannot read input file '${spec.file}': ${size.en}`),
      said('stier under inputs: er relative til avtalefilen', 'paths under inputs: are relative to the agreement file'),
    );
    return { result: null, rows: 0 };
  }
  const range = (start: number, end: number, chunk = CHUNK): AsyncIterable<Uint8Array> =>
    stdin
      ? chunksOf(stdin.subarray(start, end))
      : end <= start
        ? chunksOf(new Uint8Array(0))
        : (fs.createReadStream(spec.file, { start, end: end - 1, highWaterMark: chunk }) as AsyncIterable<Buffer>);
  const unreadable = (e: unknown): ReadResult<T> => {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') throw e;
    // The file exists but cannot be read (permissions, a device error): the user's to fix.
    diags.error(
      spec.at,
      'input-missing',
      said(`kan ikke lese inndatafilen '${spec.file}' (${code})`, `cannot read input file '${spec.file}' (${code})`),
      said('sjekk at du har lesetilgang til filen', 'check that the file is readable by you'),
    );
    progress.done();
    return { result: null, rows: 0 };
  };
  let head: Uint8Array;
  try {
    head = await firstBytes(range(0, Math.min(size, SNIFF_BYTES)));
  } catch (e) {
    return unreadable(e);
  }
  const kind = sniff(head);
  const origin = { file: spec.file, line: 1, col: 1 };
  if (typeof kind !== 'string') {
    diags.error(origin, 'input-kind', kind.wrong, kind.hint);
    return { result: null, rows: 0 };
  }
  // The workbook and SAF-T readers (and the XML parser under them) are loaded for a file of their kind only.
  if (kind === 'xlsx') {
    const src: ByteSource = { size, read: range };
    const { readXlsx } = await import('../inputs/xlsx.js');
    try {
      const r = await readXlsx(src, spec.file, spec.dialect, sink, diags);
      progress.done();
      return r;
    } catch (e) {
      return unreadable(e);
    }
  }
  if (kind === 'xml') {
    // A ledger straight into its sink's summed entries when the walker reads the file; else, or what it leaves, as below.
    const first = sink();
    if (isLedgerSink(first)) {
      const { readSaftLedger } = await import('../inputs/saft-ledger.js');
      const chunks = stdin ? chunksOf(stdin) : readInto(fs, spec.file);
      let r: Awaited<ReturnType<typeof readSaftLedger<T>>>;
      try {
        r = await readSaftLedger(chunks, spec.file, first, diags, (rows, bytes) => progress.update(spec.file, rows, bytes, size));
      } catch (e) {
        return unreadable(e);
      }
      if (r !== 'fallback') {
        progress.done();
        return { result: r.result, rows: r.rows, encoding: 'utf-8', kept: r.kept };
      }
    }
    const { SaftInput } = await import('../inputs/saft.js');
    // The byte scanner first; what it leaves to saxes is read again from the start, into a new sink.
    for (const fast of [true, false]) {
      const input = new SaftInput(spec.file, sink(), diags, fast);
      let bytes = 0;
      try {
        for await (const chunk of range(0, size, XML_CHUNK)) {
          input.push(chunk);
          if (input.fellBack) break;
          bytes += chunk.length;
          progress.update(spec.file, input.rows, bytes, size);
        }
      } catch (e) {
        return unreadable(e);
      }
      const result = input.end();
      if (input.fellBack) continue;
      progress.done();
      return { result, rows: input.rows, ...(input.encoding ? { encoding: input.encoding } : {}) };
    }
    throw new Error('internal: the saxes path does not fall back');
  }
  // The byte reader copies what it keeps of a chunk, so its chunks can be read into one buffer, over and over.
  const reused = () => (stdin ? chunksOf(stdin) : readInto(fs, spec.file));
  const fast = await readLedgerFast(spec, sink, reused, diags, (rows, bytes) => progress.update(spec.file, rows, bytes, size)).catch(unreadable);
  if (fast) {
    progress.done();
    return fast;
  }
  const attempts: (Encoding | undefined)[] = spec.dialect.encoding ? [spec.dialect.encoding] : [undefined, 'windows-1252'];
  for (const encoding of attempts) {
    const local = new Diagnostics();
    const input = new CsvInput(spec.file, spec.dialect, sink(), local, encoding);
    const stream = open();
    let bytes = 0;
    try {
      for await (const chunk of stream) {
        input.push(chunk);
        bytes += chunk.length;
        progress.update(spec.file, input.rows, bytes, size);
      }
    } catch (e) {
      stream.destroy?.();
      if (e instanceof NotUtf8) continue;
      return unreadable(e);
    }
    const result = input.end();
    progress.done();
    for (const e of local.list) diags.list.push(e);
    return { result, rows: input.rows, encoding: input.encoding ?? 'utf-8' };
  }
  throw new Error('internal: Windows-1252 decoding cannot fail');
}

/**
 * A ledger through the byte reader (inputs/ledger-bytes.ts), when its sink
 * takes summed entries and the encoding is UTF-8 or Windows-1252. Null when
 * the plain reader is to read it from the start: another sink, another
 * encoding, or anything the byte reader leaves to it.
 */
async function readLedgerFast<T>(
  spec: InputSpec,
  sink: () => TableSink<T>,
  open: () => AsyncIterable<Uint8Array>,
  diags: Diagnostics,
  progress: (rows: number, bytes: number) => void,
): Promise<ReadResult<T> | null> {
  const declared = spec.dialect.encoding;
  if (declared === 'utf-16le' || declared === 'utf-16be') return null;
  for (const latin of declared ? [declared === 'windows-1252'] : [false, true]) {
    const s = sink();
    if (!isLedgerSink(s)) return null;
    const r = await readLedgerBytes(open(), spec.file, spec.dialect, s, diags, latin, progress);
    if (r === 'fallback') return null;
    if (r !== 'latin') return r;
  }
  return null;
}

async function firstBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * A file's bytes in chunks read one after the other into the same buffer:
 * each chunk is valid until the next is asked for. A stream's fresh buffer
 * a chunk would be freed only when the garbage collector runs, and a reader
 * that makes no garbage of its own leaves it no reason to: the dead chunks
 * of a file held 30 MB at the peak.
 */
async function* readInto(fs: FileSystem, file: string, size = REUSED_CHUNK): AsyncGenerator<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, size, null);
      if (bytesRead === 0) return;
      yield bytesRead === size ? buf : buf.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}
