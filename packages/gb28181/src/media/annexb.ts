export type VideoCodec = 'h264' | 'h265';

/** One coded picture with its parameter sets, in Annex B form (start codes kept). */
export interface AccessUnit {
  data: Buffer;
  keyframe: boolean;
}

const START_CODE = Buffer.from([0, 0, 1]);

/** Offsets of the NAL units in an Annex B stream: [start of NAL header, end). */
export function findNalUnits(stream: Buffer): Array<[number, number]> {
  const starts: number[] = [];
  // Buffer.indexOf searches natively; every live session scans each byte it forwards.
  for (let i = stream.indexOf(START_CODE); i !== -1; i = stream.indexOf(START_CODE, i + 3)) {
    starts.push(i + 3);
  }
  return starts.map((start, index) => {
    let end = index + 1 < starts.length ? starts[index + 1]! - 3 : stream.length;
    // A four-byte start code leaves one zero byte at the end of the previous unit.
    while (end > start && stream[end - 1] === 0 && index + 1 < starts.length) end--;
    return [start, end];
  });
}

interface NalInfo {
  vcl: boolean;
  /** Starts a new picture (first slice of a picture). */
  firstSlice: boolean;
  /** AUD, parameter sets or prefix SEI: begin a new access unit when a picture is pending. */
  prefix: boolean;
  keyframe: boolean;
}

function h264Info(nal: Buffer): NalInfo {
  const type = nal[0]! & 0x1f;
  const vcl = type >= 1 && type <= 5;
  return {
    vcl,
    // first_mb_in_slice is ue(v); a leading 1 bit encodes 0.
    firstSlice: vcl && (nal[1]! & 0x80) !== 0,
    prefix: type === 9 || type === 6 || type === 7 || type === 8 || (type >= 14 && type <= 18),
    keyframe: type === 5,
  };
}

function h265Info(nal: Buffer): NalInfo {
  const type = (nal[0]! >> 1) & 0x3f;
  const vcl = type < 32;
  return {
    vcl,
    firstSlice: vcl && (nal[2]! & 0x80) !== 0,
    prefix: type === 35 || type === 32 || type === 33 || type === 34 || type === 39,
    keyframe: type >= 16 && type <= 23,
  };
}

/**
 * Groups an elementary stream into access units (ISO 14496-10 section 7.4.1.2.3 and
 * ISO 23008-2 section 7.4.2.4.4, reduced to the NAL types cameras send).
 */
export function splitAccessUnits(stream: Buffer, codec: VideoCodec): AccessUnit[] {
  const units: AccessUnit[] = [];
  const info = codec === 'h264' ? h264Info : h265Info;
  let start = -1;
  let hasPicture = false;
  let keyframe = false;
  const close = (end: number) => {
    if (start >= 0 && hasPicture) units.push({ data: stream.subarray(start, end), keyframe });
    start = -1;
    hasPicture = false;
    keyframe = false;
  };
  for (const [nalStart, nalEnd] of findNalUnits(stream)) {
    if (nalEnd - nalStart < 3) continue;
    const nal = info(stream.subarray(nalStart, nalEnd));
    const codeStart = nalStart >= 4 && stream[nalStart - 4] === 0 ? nalStart - 4 : nalStart - 3;
    if (hasPicture && (nal.prefix || nal.firstSlice)) close(codeStart);
    if (start < 0) start = codeStart;
    hasPicture ||= nal.vcl;
    keyframe ||= nal.keyframe;
  }
  close(stream.length);
  return units;
}
