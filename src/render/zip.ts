import { deflateRawSync } from 'node:zlib';

/**
 * A ZIP archive (PKWARE APPNOTE 6.3, the subset an .xlsx needs): each file
 * deflated, with its CRC-32, then the central directory. Every time stamp is
 * the DOS epoch (1980-01-01), so the same workbook is the same bytes.
 */
export function zip(files: readonly { readonly name: string; readonly data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = new TextEncoder().encode(f.name);
    const packed = deflateRawSync(f.data, { level: 6 });
    const crc = crc32(f.data);
    const local = header(0x04034b50, [20, 0, 8, 0, 0x21], crc, packed.length, f.data.length, name.length, 0);
    parts.push(local, name, packed);
    const entry = header(0x02014b50, [20, 20, 0, 8, 0, 0x21], crc, packed.length, f.data.length, name.length, offset);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, directory, true);
  end.setUint32(16, offset, true);
  return concat([...parts, ...central, new Uint8Array(end.buffer)]);
}

/**
 * A local file header (`version needed, flags, method, time, date`) or a
 * central directory entry (`made by, needed, flags, method, time, date`),
 * then CRC, sizes and the name's length; an entry also has its offset.
 */
function header(signature: number, fields: readonly number[], crc: number, packed: number, size: number, nameLength: number, offset: number): Uint8Array {
  const isEntry = signature === 0x02014b50;
  const v = new DataView(new ArrayBuffer(isEntry ? 46 : 30));
  v.setUint32(0, signature, true);
  for (const [i, x] of fields.entries()) v.setUint16(4 + 2 * i, x, true);
  const at = 4 + 2 * fields.length;
  v.setUint32(at, crc, true);
  v.setUint32(at + 4, packed, true);
  v.setUint32(at + 8, size, true);
  v.setUint16(at + 12, nameLength, true);
  if (isEntry) v.setUint32(42, offset, true);
  return new Uint8Array(v.buffer);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
