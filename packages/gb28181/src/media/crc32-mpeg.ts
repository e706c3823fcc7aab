const TABLE = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let crc = i << 24;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  TABLE[i] = crc >>> 0;
}

/** CRC-32/MPEG-2 (ISO 13818-1 annex A): polynomial 0x04C11DB7, no reflection, no final xor. */
export function crc32Mpeg(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = ((crc << 8) ^ TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc >>> 0;
}
