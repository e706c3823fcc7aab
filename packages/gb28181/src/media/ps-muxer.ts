import type { VideoCodec } from './annexb.ts';
import { crc32Mpeg } from './crc32-mpeg.ts';

export const VIDEO_STREAM_ID = 0xe0;
export const STREAM_TYPE: Record<VideoCodec, number> = { h264: 0x1b, h265: 0x24 };

const TWO_30 = 2 ** 30;
const TWO_33 = 2 ** 33;

export interface PsFrame {
  /** One access unit in Annex B form. */
  data: Buffer;
  /** 90 kHz presentation time. */
  pts: number;
  /** 90 kHz decoding time; defaults to pts (no reordering). */
  dts?: number;
  keyframe: boolean;
}

export interface PsMuxerOptions {
  codec: VideoCodec;
  /** Largest PES payload; a bigger access unit is split over several PES packets. */
  maxPesPayload?: number;
  /** program_mux_rate in units of 50 bytes/s. */
  muxRate?: number;
}

/** Writes a 33-bit timestamp in the 5-byte PES form (ISO 13818-1 section 2.4.3.7). */
function writeTimestamp(out: Buffer, offset: number, prefix: number, value: number): void {
  const ts = value % TWO_33;
  const high = Math.floor(ts / TWO_30) & 0x07;
  const low = ts % TWO_30;
  out[offset] = (prefix << 4) | (high << 1) | 1;
  out[offset + 1] = (low >>> 22) & 0xff;
  out[offset + 2] = (((low >>> 15) & 0x7f) << 1) | 1;
  out[offset + 3] = (low >>> 7) & 0xff;
  out[offset + 4] = ((low & 0x7f) << 1) | 1;
}

/** Pack header with SCR (section 2.5.3.3); 14 bytes, no stuffing. */
function writePackHeader(out: Buffer, offset: number, scr: number, muxRate: number): number {
  const base = scr % TWO_33;
  const high = Math.floor(base / TWO_30) & 0x07;
  const low = base % TWO_30;
  out.writeUInt32BE(0x000001ba, offset);
  out[offset + 4] = 0x44 | (high << 3) | ((low >>> 28) & 0x03);
  out[offset + 5] = (low >>> 20) & 0xff;
  out[offset + 6] = (((low >>> 15) & 0x1f) << 3) | 0x04 | ((low >>> 13) & 0x03);
  out[offset + 7] = (low >>> 5) & 0xff;
  out[offset + 8] = ((low & 0x1f) << 3) | 0x04;
  out[offset + 9] = 0x01;
  out[offset + 10] = (muxRate >>> 14) & 0xff;
  out[offset + 11] = (muxRate >>> 6) & 0xff;
  out[offset + 12] = ((muxRate & 0x3f) << 2) | 0x03;
  out[offset + 13] = 0xf8;
  return offset + 14;
}

/** System header (section 2.5.3.5) announcing one video stream. */
function systemHeader(muxRate: number): Buffer {
  const out = Buffer.alloc(15);
  out.writeUInt32BE(0x000001bb, 0);
  out.writeUInt16BE(9, 4);
  out[6] = 0x80 | ((muxRate >>> 15) & 0x7f);
  out[7] = (muxRate >>> 7) & 0xff;
  out[8] = ((muxRate & 0x7f) << 1) | 0x01;
  out[9] = 0x00; // audio_bound 0, fixed 0, CSPS 0
  out[10] = 0xe1; // audio and video locked, marker, video_bound 1
  out[11] = 0xff; // no packet rate restriction, reserved
  out.set([VIDEO_STREAM_ID, 0xe0 | 0x20 | 0x02, 0x00], 12); // buffer scale 1024 bytes, bound 512
  return out;
}

/** Program stream map (section 2.5.4) with the video stream's type, CRC included. */
function programStreamMap(codec: VideoCodec): Buffer {
  const out = Buffer.alloc(20);
  out.writeUInt32BE(0x000001bc, 0);
  out.writeUInt16BE(14, 4);
  out[6] = 0xe0; // current_next 1, version 0
  out[7] = 0xff;
  out.writeUInt16BE(0, 8); // program_stream_info_length
  out.writeUInt16BE(4, 10); // elementary_stream_map_length
  out.set([STREAM_TYPE[codec], VIDEO_STREAM_ID, 0, 0], 12);
  out.writeUInt32BE(crc32Mpeg(out.subarray(0, 16)), 16);
  return out;
}

/**
 * MPEG-2 program stream muxer for GB/T 28181 (annex C): every frame is one pack; keyframes
 * carry the system header and PSM so a receiver can start there.
 */
export class PsMuxer {
  private readonly maxPayload: number;
  private readonly muxRate: number;
  private readonly keyHeaders: Buffer;

  constructor(private readonly options: PsMuxerOptions) {
    this.maxPayload = Math.min(options.maxPesPayload ?? 65_000, 0xffff - 13);
    this.muxRate = options.muxRate ?? 0x3fff;
    this.keyHeaders = Buffer.concat([systemHeader(this.muxRate), programStreamMap(options.codec)]);
  }

  get codec(): VideoCodec {
    return this.options.codec;
  }

  mux(frame: PsFrame): Buffer {
    const dts = frame.dts ?? frame.pts;
    const withDts = dts !== frame.pts;
    const firstHeader = withDts ? 10 : 5;
    const length = frame.data.length;
    const pesCount = Math.max(1, Math.ceil(length / this.maxPayload));
    const size =
      14 + (frame.keyframe ? this.keyHeaders.length : 0) + pesCount * 9 + firstHeader + length;
    const out = Buffer.allocUnsafe(size);

    let offset = writePackHeader(out, 0, dts, this.muxRate);
    if (frame.keyframe) offset += this.keyHeaders.copy(out, offset);
    for (let index = 0; index < pesCount; index++) {
      const start = index * this.maxPayload;
      const end = Math.min(length, start + this.maxPayload);
      const times = index === 0 ? { pts: frame.pts, dts, withDts } : null;
      offset = writePesHeader(out, offset, end - start, times);
      offset += frame.data.copy(out, offset, start, end);
    }
    return out;
  }
}

/** PES header (section 2.4.3.6); timestamps on the first PES of the frame only. */
function writePesHeader(
  out: Buffer,
  offset: number,
  payloadLength: number,
  times: { pts: number; dts: number; withDts: boolean } | null,
): number {
  const headerData = times ? (times.withDts ? 10 : 5) : 0;
  out.writeUInt32BE(0x00000100 | VIDEO_STREAM_ID, offset);
  out.writeUInt16BE(3 + headerData + payloadLength, offset + 4);
  out[offset + 6] = times ? 0x84 : 0x80; // data_alignment_indicator on the frame's first PES
  out[offset + 7] = times ? (times.withDts ? 0xc0 : 0x80) : 0x00;
  out[offset + 8] = headerData;
  if (times) writeTimestamp(out, offset + 9, times.withDts ? 0x3 : 0x2, times.pts);
  if (times?.withDts) writeTimestamp(out, offset + 14, 0x1, times.dts);
  return offset + 9 + headerData;
}
