import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineLookup } from '../diagnostics/render.js';
import { Decoder, type Encoding } from '../inputs/decode.js';
import type { FileSystem } from './io.js';

/** Files a run read: small ones (the agreement) kept as text, streamed inputs by the encoding they were read with. */
export interface SourceFiles {
  readonly texts: ReadonlyMap<string, string>;
  readonly encodings: ReadonlyMap<string, Encoding>;
}

/**
 * The lines that diagnostics point at, for their excerpts. Inputs are not
 * kept in memory while computing, so their lines are fetched here, by reading
 * each file again up to its last wanted line — only when there is something
 * to report.
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
    else if (encoding) found.set(file, await streamLines(fs, file, encoding, lines));
  }
  return (file, line) => found.get(file)?.get(line);
}

function pick(lines: readonly string[], first: number, wanted: ReadonlySet<number>, into = new Map<number, string>()): Map<number, string> {
  lines.forEach((l, i) => {
    if (wanted.has(first + i)) into.set(first + i, l.replace(/\r$/, ''));
  });
  return into;
}

async function streamLines(fs: FileSystem, file: string, encoding: Encoding, wanted: ReadonlySet<number>): Promise<Map<number, string>> {
  const last = Math.max(...wanted);
  const out = new Map<number, string>();
  const decoder = new Decoder(encoding);
  let rest = '';
  let line = 1;
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
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
