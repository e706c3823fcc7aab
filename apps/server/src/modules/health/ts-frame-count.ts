import { readFile } from 'node:fs/promises';

const PACKET = 188;
const VIDEO_STREAM_TYPES = new Set([0x01, 0x02, 0x10, 0x1b, 0x24]);

/**
 * Counts the video frames of an MPEG-TS segment without decoding: each frame starts a PES
 * packet, marked by payload_unit_start_indicator on the video PID (ISO/IEC 13818-1 §2.4.3.2).
 * The video PID comes from the PMT that the PAT points to. Null when no video PID is found.
 */
export function countTsVideoFrames(ts: Uint8Array): number | null {
  let pmtPid: number | null = null;
  let videoPid: number | null = null;
  let frames = 0;
  for (let offset = 0; offset + PACKET <= ts.length; offset += PACKET) {
    if (ts[offset] !== 0x47) continue;
    const pusi = (ts[offset + 1]! & 0x40) !== 0;
    const pid = ((ts[offset + 1]! & 0x1f) << 8) | ts[offset + 2]!;
    if (pid === videoPid) {
      if (pusi) frames += 1;
      continue;
    }
    if (!pusi) continue;
    const payload = offset + payloadStart(ts, offset);
    const section = payload + 1 + ts[payload]!;
    if (pid === 0 && pmtPid === null) pmtPid = firstProgramPid(ts, section);
    else if (pid === pmtPid && videoPid === null) videoPid = videoPidOf(ts, section);
  }
  return videoPid === null ? null : frames;
}

/** Frames per second of a segment file of known duration, or null when it cannot be read. */
export async function segmentFrameRate(file: string, durationMs: number): Promise<number | null> {
  if (durationMs <= 0) return null;
  const bytes = await readFile(file).catch(() => null);
  const frames = bytes ? countTsVideoFrames(bytes) : null;
  return frames === null ? null : Math.round((frames * 10_000) / durationMs) / 10;
}

function payloadStart(ts: Uint8Array, offset: number): number {
  const adaptation = (ts[offset + 3]! >> 4) & 0x3;
  return adaptation === 0x3 || adaptation === 0x2 ? 5 + ts[offset + 4]! : 4;
}

/** PAT: the PID of the first program's PMT. */
function firstProgramPid(ts: Uint8Array, section: number): number | null {
  const length = ((ts[section + 1]! & 0x0f) << 8) | ts[section + 2]!;
  const end = section + 3 + length - 4;
  for (let i = section + 8; i + 4 <= end; i += 4) {
    const program = (ts[i]! << 8) | ts[i + 1]!;
    if (program !== 0) return ((ts[i + 2]! & 0x1f) << 8) | ts[i + 3]!;
  }
  return null;
}

/** PMT: the PID of the first video elementary stream. */
function videoPidOf(ts: Uint8Array, section: number): number | null {
  const length = ((ts[section + 1]! & 0x0f) << 8) | ts[section + 2]!;
  const end = section + 3 + length - 4;
  const infoLength = ((ts[section + 10]! & 0x0f) << 8) | ts[section + 11]!;
  for (let i = section + 12 + infoLength; i + 5 <= end;) {
    const type = ts[i]!;
    const pid = ((ts[i + 1]! & 0x1f) << 8) | ts[i + 2]!;
    if (VIDEO_STREAM_TYPES.has(type)) return pid;
    i += 5 + (((ts[i + 3]! & 0x0f) << 8) | ts[i + 4]!);
  }
  return null;
}
