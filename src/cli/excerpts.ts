import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineLookup } from '../diagnostics/render.js';
import { Decoder, type Encoding } from '../inputs/decode.js';
import type { KeptLines } from '../inputs/kept-lines.js';
import type { FileSystem } from './io.js';

/** Files a run read: small ones (the agreement) kept as text, streamed inputs by the encoding they were read with and the lines their reader kept. */
export interface SourceFiles {
  readonly texts: ReadonlyMap<string, string>;
  readonly encodings: ReadonlyMap<string, Encoding>;
  readonly kept?: ReadonlyMap<string, KeptLines>;
}

/**
 * The lines that diagnostics point at, for their excerpts. Inputs are not
 * kept in memory while computing: a line their reader kept (a ledger's
 * header and each entry's first row, where its warnings point) is decoded
 * from its bytes, and any other is fetched here, by reading the file again
 * up to its last such line — only when there is something to report —
 * keeping only the lines wanted.
 */
export async function lineLookup(fs: FileSystem, diagnostics: readonly Diagnostic[], files: SourceFiles): Promise<LineLookup> {
  const wanted = new Map<string, Set<number>>();
  for (const d of diagnostics) {
    if (!wanted.has(d.file)) wanted.set(d.file, new Set());
    wanted.get(d.file)!.add(d.line);
  }
  const found = new Map<string, Map<number, string>>();
  for (const [file, lines] of wanted) {
    const text = files.texts.get(file);
    const encoding = files.encodings.get(file);
    if (text !== undefined) found.set(file, pick(text.split('\n'), 1, lines));
    else if (encoding) {
      const kept = files.kept?.get(file);
      const have = new Map<number, string>();
      const missing = new Set<number>();
      for (const l of lines) {
        const bytes = kept?.get(l);
        if (bytes) have.set(l, lineText(bytes, encoding));
        else missing.add(l);
      }
      found.set(file, missing.size > 0 ? new Map([...have, ...(await streamLines(fs, file, encoding, missing))]) : have);
    }
  }
  return (file, line) => found.get(file)?.get(line);
}

function pick(lines: readonly string[], first: number, wanted: ReadonlySet<number>, into = new Map<number, string>()): Map<number, string> {
  lines.forEach((l, i) => {
    if (wanted.has(first + i)) into.set(first + i, l.replace(/\r$/, ''));
  });
  return into;
}

/** Bytes per read, as the inputs are read: the excerpt pass holds one chunk and the lines it will quote, never the file. */
const CHUNK = 1 << 16;

/**
 * The wanted lines of a streamed input. Text in UTF-8 or Windows-1252 is
 * cut into lines on its bytes (a line feed is one byte there, and never
 * part of another character), and only the wanted lines are decoded: the
 * pass makes no string of the lines it skips. UTF-16 is decoded chunk by
 * chunk.
 */
async function streamLines(fs: FileSystem, file: string, encoding: Encoding, wanted: ReadonlySet<number>): Promise<Map<number, string>> {
  const last = Math.max(...wanted);
  return encoding === 'utf-8' || encoding === 'windows-1252' ? byteLines(fs, file, encoding, wanted, last) : decodedLines(fs, file, encoding, wanted, last);
}

async function byteLines(fs: FileSystem, file: string, encoding: Encoding, wanted: ReadonlySet<number>, last: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  // The wanted line being read, in its pieces (a line may run over chunks).
  let parts: Uint8Array[] = [];
  const keep = (line: number) => {
    out.set(line, lineText(parts.length === 1 ? parts[0]! : Buffer.concat(parts), encoding));
    parts = [];
  };
  let line = 1;
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      if (wanted.has(line)) {
        parts.push(chunk.subarray(from, nl));
        keep(line);
      }
      line++;
      from = nl + 1;
      if (line > last) {
        stream.destroy();
        return out;
      }
    }
    // A copy: the stream's buffer is not ours to keep.
    if (wanted.has(line) && from < chunk.length) parts.push(Uint8Array.prototype.slice.call(chunk, from));
  }
  if (wanted.has(line)) keep(line);
  return out;
}

/** A line's text from its bytes (without the line feed). Each line is decoded alone; a fresh decoder drops a byte order mark on line 1 as the input's reader did. */
function lineText(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(bytes).replace(/\r$/, '');
}

async function decodedLines(fs: FileSystem, file: string, encoding: Encoding, wanted: ReadonlySet<number>, last: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const decoder = new Decoder(encoding);
  let rest = '';
  let line = 1;
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.decode(chunk)).split('\n');
    rest = lines.pop()!;
    pick(lines, line, wanted, out);
    line += lines.length;
    if (line > last) {
      stream.destroy();
      return out;
    }
  }
  return pick([rest + decoder.decode(new Uint8Array(0), true)], line, wanted, out);
}
