import { describe, expect, it } from 'vitest';
import { codecStringOf, isKeyFragment, Mp4BoxSplitter } from './fmp4-boxes.ts';

const box = (type: string, payload: Buffer): Buffer => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, payload]);
};
const u32 = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4));
  return b;
};
/** A moof whose track run carries first-sample flags (ffmpeg's way for a key fragment). */
const moofWithFirstFlags = (flags: number) =>
  box(
    'moof',
    box('traf', Buffer.concat([box('tfhd', u32(0, 1)), box('trun', u32(0x000005, 1, 0, flags))])),
  );
/** A moof whose flags come from the fragment header's defaults only. */
const moofWithDefaults = (flags: number) =>
  box(
    'moof',
    box('traf', Buffer.concat([box('tfhd', u32(0x20, 1, flags)), box('trun', u32(0, 1))])),
  );

describe('fragmented MP4 boxes', () => {
  it('cuts boxes across chunk boundaries and keeps a partial box for later', () => {
    const stream = Buffer.concat([
      box('ftyp', Buffer.alloc(4)),
      box('moov', Buffer.alloc(20)),
      box('moof', Buffer.alloc(3)),
    ]);
    const splitter = new Mp4BoxSplitter();
    const firstPart = splitter.push(stream.subarray(0, 15));
    const rest = splitter.push(stream.subarray(15, stream.length - 2));
    const end = splitter.push(stream.subarray(stream.length - 2));
    expect(firstPart.map((b) => b.type)).toEqual(['ftyp']);
    expect(rest.map((b) => b.type)).toEqual(['moov']);
    expect(end.map((b) => [b.type, b.data.length])).toEqual([['moof', 11]]);
  });

  it('tells key fragments from the sync-sample flag, wherever the flags are', () => {
    expect(isKeyFragment(moofWithFirstFlags(0x02000000))).toBe(true);
    expect(isKeyFragment(moofWithFirstFlags(0x01010000))).toBe(false);
    expect(isKeyFragment(moofWithDefaults(0x02000000))).toBe(true);
    expect(isKeyFragment(moofWithDefaults(0x01010000))).toBe(false);
    expect(isKeyFragment(box('moof', Buffer.alloc(0)))).toBe(false);
  });

  it('reads the H.264 codec string from the avcC record', () => {
    const avcC = box('avcC', Buffer.from([1, 0x4d, 0x40, 0x1e, 0xff]));
    expect(codecStringOf(box('moov', avcC))).toBe('avc1.4d401e');
    expect(codecStringOf(box('moov', box('hvcC', Buffer.alloc(10))))).toBeNull();
  });
});
