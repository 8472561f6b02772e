import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineLookup } from '../../src/cli/excerpts.js';
import { NODE_FS } from '../../src/cli/io.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { decodeText, type Encoding } from '../../src/inputs/decode.js';
import { KeptLines } from '../../src/inputs/kept-lines.js';
import { tempDir } from '../temp.js';

/**
 * The excerpt pass reads a streamed input's wanted lines from its bytes. It
 * must give each line as decoding the whole file (as the input's reader
 * does) and splitting it on line feeds does (a `\r` before the feed dropped, a byte order mark not part of
 * line 1), for lines longer than a read chunk and lines that straddle one.
 */
const dir = tempDir('excerpts');
const encoders: Record<'utf-8' | 'windows-1252', (s: string) => Uint8Array> = {
  'utf-8': (s) => new TextEncoder().encode(s),
  // Windows-1252 of the characters used below: Latin-1 for æøå, 0x80 for €.
  'windows-1252': (s) => Uint8Array.from([...s].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0)))),
};
const line = fc.oneof(
  fc.stringMatching(/^[a-zæøå€; "]{0,40}$/),
  // Longer than a chunk (64 KiB), so a line runs over two or three reads.
  fc.integer({ min: 60_000, max: 140_000 }).map((n) => 'æ'.repeat(n)),
);

describe('the excerpt pass', () => {
  it('gives each wanted line as decoding the whole file does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<'utf-8' | 'windows-1252'>('utf-8', 'windows-1252'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        async (lines, encoding, crlf, bom, finalNewline) => {
          const text = lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? '\n' : '');
          const body = encoders[encoding](text);
          const bytes = bom && encoding === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
          const file = path.join(dir, 'ledger.csv');
          writeFileSync(file, bytes);
          // As the input's reader saw it: the whole file decoded at once.
          const all = decodeText(bytes, encoding)
            .text.split('\n')
            .map((l) => l.replace(/\r$/, ''));
          const wanted = all.map((_, i) => i + 1).filter((n) => n % 3 !== 2);
          const diagnostics = wanted.map((n) => ({ file, line: n, col: 1 }) as Diagnostic);
          const lookup = await lineLookup(NODE_FS, diagnostics, { texts: new Map(), encodings: new Map([[file, encoding as Encoding]]) });
          for (const n of wanted) expect(lookup(file, n)).toBe(all[n - 1]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the lines a reader kept as reading them from the file does, and reads the others', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<'utf-8' | 'windows-1252'>('utf-8', 'windows-1252'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 1 << 18 }),
        async (lines, encoding, crlf, bom, limit) => {
          const text = lines.join(crlf ? '\r\n' : '\n');
          const body = encoders[encoding](text);
          const bytes = bom && encoding === 'utf-8' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
          const file = path.join(dir, 'kept.csv');
          writeFileSync(file, bytes);
          const all = decodeText(bytes, encoding)
            .text.split('\n')
            .map((l) => l.replace(/\r$/, ''));
          // Line 1 and every odd line kept as a reader keeps them (its bytes to the line feed), while `limit` lasts.
          const kept = new KeptLines(limit);
          let start = 0;
          for (let n = 1; start <= bytes.length; n++) {
            const nl = bytes.indexOf(10, start);
            const end = nl < 0 ? bytes.length : nl;
            if (n % 2 === 1) kept.keep(n, bytes, start, end);
            start = end + 1;
          }
          // The file changed after it was read: a kept line is not read again, so it shows as kept.
          const changed = bytes.map((b) => (b === 10 || b === 13 ? b : 0x78));
          writeFileSync(file, changed);
          const now = decodeText(changed, encoding)
            .text.split('\n')
            .map((l) => l.replace(/\r$/, ''));
          const wanted = all.map((_, i) => i + 1);
          const diagnostics = wanted.map((n) => ({ file, line: n, col: 1 }) as Diagnostic);
          const lookup = await lineLookup(NODE_FS, diagnostics, {
            texts: new Map(),
            encodings: new Map([[file, encoding as Encoding]]),
            kept: new Map([[file, kept]]),
          });
          for (const n of wanted) expect(lookup(file, n)).toBe(kept.get(n) ? all[n - 1] : now[n - 1]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
