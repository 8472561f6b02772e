import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, zip } from '../../src/render/zip.js';

describe('zip (the container of an xlsx)', () => {
  it('computes the CRC-32 of the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
  it('holds each file deflated behind its local header, listed in the central directory, the same bytes every time', () => {
    const files = [
      { name: 'a.xml', data: new TextEncoder().encode('<a>æøå</a>') },
      { name: 'b/c.xml', data: new TextEncoder().encode('x'.repeat(1000)) },
    ];
    const bytes = zip(files);
    expect(zip(files)).toEqual(bytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    let at = 0;
    for (const f of files) {
      expect(view.getUint32(at, true)).toBe(0x04034b50);
      const packed = view.getUint32(at + 18, true);
      const nameLength = view.getUint16(at + 26, true);
      expect(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength))).toBe(f.name);
      const data = inflateRawSync(bytes.subarray(at + 30 + nameLength, at + 30 + nameLength + packed));
      expect(new Uint8Array(data)).toEqual(f.data);
      expect(view.getUint32(at + 14, true)).toBe(crc32(f.data));
      at += 30 + nameLength + packed;
    }
    expect(view.getUint32(end + 16, true)).toBe(at);
  });
});
