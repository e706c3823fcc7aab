import { fail, ok, type Result } from '../errors.ts';
import { crc32Mpeg } from './crc32-mpeg.ts';

export interface DemuxedFrame {
  pts: number;
  dts: number;
  data: Buffer;
}

export interface DemuxedStream {
  /** From the PSM: 0x1b H.264, 0x24 H.265; null when no PSM was seen. */
  streamType: number | null;
  frames: DemuxedFrame[];
  packs: number;
}

function readTimestamp(buf: Buffer, offset: number): number {
  const high = (buf[offset]! >> 1) & 0x07;
  const low =
    ((buf[offset + 1]! << 22) |
      ((buf[offset + 2]! >> 1) << 15) |
      (buf[offset + 3]! << 7) |
      (buf[offset + 4]! >> 1)) >>>
    0;
  return high * 2 ** 30 + low;
}

function readPsm(buf: Buffer, offset: number): Result<number | null> {
  const length = buf.readUInt16BE(offset + 4);
  const end = offset + 6 + length;
  if (crc32Mpeg(buf.subarray(offset, end - 4)) !== buf.readUInt32BE(end - 4)) {
    return fail('MEDIA_MALFORMED', 'PSM CRC mismatch');
  }
  const infoLength = buf.readUInt16BE(offset + 8);
  let entry = offset + 12 + infoLength;
  const mapEnd = entry + buf.readUInt16BE(offset + 10 + infoLength);
  while (entry + 4 <= mapEnd) {
    if ((buf[entry + 1]! & 0xf0) === 0xe0) return ok(buf[entry]!);
    entry += 4 + buf.readUInt16BE(entry + 2);
  }
  return ok(null);
}

/**
 * Reads a program stream back into video frames (a new frame starts at each PES carrying a
 * PTS). It serves tests and diagnostics, so it stops at the first inconsistency.
 */
export function demuxPs(buf: Buffer): Result<DemuxedStream> {
  const stream: DemuxedStream = { streamType: null, frames: [], packs: 0 };
  let current: { pts: number; dts: number; parts: Buffer[] } | null = null;
  const flush = () => {
    if (current)
      stream.frames.push({
        pts: current.pts,
        dts: current.dts,
        data: Buffer.concat(current.parts),
      });
  };
  let offset = 0;
  while (offset + 4 <= buf.length) {
    if (buf.readUIntBE(offset, 3) !== 1)
      return fail('MEDIA_MALFORMED', `no start code at ${offset}`);
    const id = buf[offset + 3]!;
    if (id === 0xb9) break;
    if (id === 0xba) {
      if (offset + 14 > buf.length) return fail('MEDIA_MALFORMED', 'truncated pack header');
      stream.packs++;
      offset += 14 + (buf[offset + 13]! & 0x07);
      continue;
    }
    if (offset + 6 > buf.length) return fail('MEDIA_MALFORMED', 'truncated packet');
    const end = offset + 6 + buf.readUInt16BE(offset + 4);
    if (end > buf.length) return fail('MEDIA_MALFORMED', 'truncated packet');
    if (id === 0xbc) {
      const psm = readPsm(buf, offset);
      if (!psm.ok) return psm;
      stream.streamType = psm.value;
    } else if ((id & 0xf0) === 0xe0) {
      const flags = buf[offset + 7]!;
      const payloadStart = offset + 9 + buf[offset + 8]!;
      if (flags & 0x80) {
        flush();
        const pts = readTimestamp(buf, offset + 9);
        current = { pts, dts: flags & 0x40 ? readTimestamp(buf, offset + 14) : pts, parts: [] };
      }
      if (!current) return fail('MEDIA_MALFORMED', 'PES continuation without a first PES');
      current.parts.push(buf.subarray(payloadStart, end));
    }
    offset = end;
  }
  flush();
  return ok(stream);
}
