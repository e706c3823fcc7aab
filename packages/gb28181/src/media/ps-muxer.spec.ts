import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitAccessUnits, type VideoCodec } from './annexb.ts';
import { demuxPs } from './ps-demuxer.ts';
import { PsMuxer } from './ps-muxer.ts';
import { encodeTestClip, probe } from './test-media.ts';

const FPS = 25;
const FRAME_TICKS = 90_000 / FPS;
const PES_START = Buffer.from([0, 0, 1, 0xe0]);
const SECONDS = { h264: 4, h265: 2 };

function muxAll(stream: Buffer, codec: VideoCodec, maxPesPayload?: number): Buffer {
  const muxer = new PsMuxer({ codec, ...(maxPesPayload ? { maxPesPayload } : {}) });
  const units = splitAccessUnits(stream, codec);
  return Buffer.concat(
    units.map((unit, i) =>
      muxer.mux({ data: unit.data, pts: 3600 + i * FRAME_TICKS, keyframe: unit.keyframe }),
    ),
  );
}

describe.each(['h264', 'h265'] as const)('PS muxing of %s', (codec) => {
  let stream: Buffer;
  let dir: string;

  beforeAll(async () => {
    stream = await encodeTestClip(codec, SECONDS[codec], FPS);
    dir = await mkdtemp(path.join(tmpdir(), 'gb28181-ps-'));
  });

  it('splits the elementary stream into one access unit per frame, keyframe every second', () => {
    const units = splitAccessUnits(stream, codec);
    expect(units).toHaveLength(SECONDS[codec] * FPS);
    const keyframes = units.map((unit, i) => (unit.keyframe ? i : -1)).filter((i) => i >= 0);
    expect(keyframes).toEqual([0, 25, 50, 75].slice(0, SECONDS[codec]));
    expect(Buffer.concat(units.map((unit) => unit.data)).length).toBe(stream.length);
  });

  it('writes a program stream that ffprobe decodes with the right codec and duration', async () => {
    const file = path.join(dir, `out-${codec}.mpg`);
    await writeFile(file, muxAll(stream, codec, 4000));
    const result = await probe(file);
    expect(result.formatName).toBe('mpeg');
    expect(result.codecName).toBe(codec === 'h264' ? 'h264' : 'hevc');
    expect(result.decodeErrors).toBe('');
    expect(result.frames).toBe(SECONDS[codec] * FPS);
    expect(result.duration).toBeGreaterThan(SECONDS[codec] - 0.1);
    expect(result.duration).toBeLessThan(SECONDS[codec] + 0.1);
  });

  it('demuxes back to the same access units, timestamps and stream type', () => {
    const units = splitAccessUnits(stream, codec);
    const demuxed = demuxPs(muxAll(stream, codec, 1000));
    if (!demuxed.ok) throw demuxed.error;
    expect(demuxed.value.streamType).toBe(codec === 'h264' ? 0x1b : 0x24);
    expect(demuxed.value.packs).toBe(units.length);
    expect(demuxed.value.frames.map((frame) => frame.pts)).toEqual(
      units.map((_, i) => 3600 + i * FRAME_TICKS),
    );
    expect(Buffer.concat(demuxed.value.frames.map((frame) => frame.data)).equals(stream)).toBe(
      true,
    );
  });
});

describe('PsMuxer details', () => {
  it('splits a large frame into several PES, with PTS and DTS on the first only', () => {
    const data = Buffer.concat([Buffer.from([0, 0, 0, 1, 0x65, 0x88]), Buffer.alloc(150_000, 7)]);
    const ps = new PsMuxer({ codec: 'h264' }).mux({
      data,
      pts: 2 ** 33 + 9000,
      dts: 5400,
      keyframe: true,
    });
    const pes: number[] = [];
    for (let i = ps.indexOf(PES_START); i >= 0; i = ps.indexOf(PES_START, i + 1)) pes.push(i);
    expect(pes).toHaveLength(3);
    expect(ps[pes[0]! + 7]).toBe(0xc0);
    expect(ps[pes[1]! + 7]).toBe(0x00);
    const demuxed = demuxPs(ps);
    if (!demuxed.ok) throw demuxed.error;
    expect(demuxed.value.frames).toEqual([{ pts: 9000, dts: 5400, data }]);
  });

  it('refuses a PSM with a bad CRC', () => {
    const ps = new PsMuxer({ codec: 'h264' }).mux({
      data: Buffer.from([0, 0, 1, 0x65, 1, 2]),
      pts: 0,
      keyframe: true,
    });
    const psm = ps.indexOf(Buffer.from([0, 0, 1, 0xbc]));
    ps[psm + 12] = 0x10;
    const demuxed = demuxPs(ps);
    expect(!demuxed.ok && demuxed.error.code).toBe('MEDIA_MALFORMED');
  });
});
