/**
 * Just enough ISO BMFF (ISO/IEC 14496-12) to fan out a fragmented MP4 stream: top-level boxes
 * cut from a byte stream, whether a fragment begins with a sync sample, and the codec string
 * that Media Source Extensions asks for.
 */

export interface Mp4Box {
  type: string;
  /** The whole box, header included. */
  data: Buffer;
}

/** Cuts a byte stream into top-level boxes; feed it chunks in order. */
export class Mp4BoxSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Mp4Box[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const boxes: Mp4Box[] = [];
    let offset = 0;
    while (this.pending.length - offset >= 8) {
      const size = this.pending.readUInt32BE(offset);
      // ffmpeg writes no 64-bit or open-ended boxes into a fragmented stream.
      if (size < 8) throw new Error(`unsupported MP4 box size ${size}`);
      if (this.pending.length - offset < size) break;
      const data = this.pending.subarray(offset, offset + size);
      boxes.push({ type: data.toString('latin1', 4, 8), data });
      offset += size;
    }
    this.pending = this.pending.subarray(offset);
    return boxes;
  }
}

/** The direct children of a box's payload, starting `headerBytes` in. */
function* children(box: Buffer, headerBytes = 8): Generator<Mp4Box> {
  let offset = headerBytes;
  while (offset + 8 <= box.length) {
    const size = box.readUInt32BE(offset);
    if (size < 8 || offset + size > box.length) return;
    const data = box.subarray(offset, offset + size);
    yield { type: data.toString('latin1', 4, 8), data };
    offset += size;
  }
}

const child = (box: Buffer, type: string): Buffer | undefined => {
  for (const c of children(box)) if (c.type === type) return c.data;
  return undefined;
};

const NON_SYNC_SAMPLE = 0x0001_0000;

/**
 * Does this `moof` start with a sync sample (a key frame)? The first sample's flags come from
 * the track run's first-sample flags, else its per-sample flags, else the fragment header's
 * defaults; without any of them the fragment is not taken as a start point.
 */
export function isKeyFragment(moof: Buffer): boolean {
  const traf = child(moof, 'traf');
  if (!traf) return false;
  const trun = child(traf, 'trun');
  const tfhd = child(traf, 'tfhd');
  const flags = trunFirstSampleFlags(trun) ?? tfhdDefaultSampleFlags(tfhd);
  return flags !== undefined && (flags & NON_SYNC_SAMPLE) === 0;
}

function trunFirstSampleFlags(trun: Buffer | undefined): number | undefined {
  if (!trun || trun.length < 16) return undefined;
  const flags = trun.readUInt32BE(8) & 0xffffff;
  let offset = 16;
  if (flags & 0x1) offset += 4;
  if (flags & 0x4) return trun.readUInt32BE(offset);
  if (!(flags & 0x400)) return undefined;
  if (flags & 0x100) offset += 4;
  if (flags & 0x200) offset += 4;
  return offset + 4 <= trun.length ? trun.readUInt32BE(offset) : undefined;
}

function tfhdDefaultSampleFlags(tfhd: Buffer | undefined): number | undefined {
  if (!tfhd || tfhd.length < 16) return undefined;
  const flags = tfhd.readUInt32BE(8) & 0xffffff;
  if (!(flags & 0x20)) return undefined;
  let offset = 16;
  for (const bit of [0x1, 0x2, 0x8, 0x10]) {
    if (flags & bit) offset += bit === 0x1 ? 8 : 4;
  }
  return offset + 4 <= tfhd.length ? tfhd.readUInt32BE(offset) : undefined;
}

/**
 * The RFC 6381 codec string of an H.264 track (`avc1.PPCCLL`, from the avcC record), or null
 * for anything else.
 */
export function codecStringOf(init: Buffer): string | null {
  const at = init.indexOf('avcC', 0, 'latin1');
  if (at < 0 || at + 8 > init.length) return null;
  const hex = init.subarray(at + 5, at + 8).toString('hex');
  return `avc1.${hex}`;
}
