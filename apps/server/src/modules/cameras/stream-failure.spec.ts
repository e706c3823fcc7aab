import { describe, expect, it } from 'vitest';
import { fromFfmpegReport } from './camera-probe.ts';
import { classifyStreamFailure, failureLine } from './stream-failure.ts';

describe('classifyStreamFailure', () => {
  it.each([
    [['[rtsp @ 0x1] method DESCRIBE failed: 401 Unauthorized'], 'auth_failed'],
    [['rtsp://h/main: Connection refused'], 'camera_unreachable'],
    [['rtsp://h/main: Connection timed out'], 'camera_unreachable'],
    [['av_interleaved_write_frame(): No space left on device', 'Conversion failed!'], 'disk_full'],
    [['Conversion failed!'], null],
  ] as const)('%j -> %s', (lines, expected) => {
    expect(classifyStreamFailure(lines)).toBe(expected);
  });

  it('names the line that explains the cause, not the last one', () => {
    const lines = ['Error writing trailer: No space left on device', 'Conversion failed!'];
    expect(failureLine(lines)).toBe(lines[0]);
  });
});

describe('fromFfmpegReport', () => {
  it('reads codec, size and frame rate from ffmpeg -i', () => {
    const line =
      '  Stream #0:0: Video: h264 (Constrained Baseline), yuv420p(progressive), 1920x1080, 25 fps, 25 tbr, 90k tbn';
    expect(fromFfmpegReport(['Input #0, rtsp', line])).toEqual({
      codec: 'h264',
      width: 1920,
      height: 1080,
      fps: 25,
    });
    expect(fromFfmpegReport(['Stream #0:0: Audio: aac'])).toBeNull();
  });
});
