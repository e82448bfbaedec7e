/**
 * What a zip (DOCX, XLSX) would unpack to, read from its central directory without unpacking anything,
 * so a small file that inflates to gigabytes (a zip bomb) is refused before a parser opens it.
 * Null when the buffer has no readable central directory.
 */
export function zipContents(buffer: Buffer): { entries: number; uncompressedBytes: number } | null {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length) return null;
  const entries = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  let uncompressedBytes = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return null;
    const size = buffer.readUInt32LE(at + 24);
    // 0xFFFFFFFF means the real size is in a ZIP64 extra field: over 4 GiB, too large either way.
    uncompressedBytes += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return { entries, uncompressedBytes };
}
