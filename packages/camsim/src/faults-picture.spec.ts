import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCamsim, type Camsim } from './index.ts';
import {
  grabGreyFrames,
  meanAbsDifference,
  meanLuma,
  run,
  sharpness,
} from './testing/real-clients.ts';
import { mediaClip } from './testing/media.ts';

let sim: Camsim;

beforeAll(async () => {
  const testsrc = mediaClip('synthetic_testsrc2_control.mp4');
  const classroom = mediaClip('intel_classroom_loop2.mp4');
  sim = await startCamsim({
    cameras: [
      { id: 'black', clip: testsrc },
      { id: 'freeze', clip: testsrc },
      { id: 'blur', clip: classroom },
      { id: 'turn', clip: classroom },
    ],
  });
});

afterAll(async () => {
  await sim.stop();
});

async function frames(id: string, count = 3) {
  const size = sim.state(id).streams.sub;
  const url = sim.url(id, 'sub', { withCredentials: true });
  const grabbed = await grabGreyFrames(url, size, count);
  if (grabbed.length === 0) throw new Error(`no frames from ${id}`);
  return { frames: grabbed, width: size.width };
}

/** Runs ffmpeg's freezedetect over two seconds of the stream; true if it reports a freeze. */
async function freezeDetected(id: string): Promise<boolean> {
  const result = await run('ffmpeg', [
    ...['-hide_banner', '-nostats', '-v', 'info', '-rtsp_transport', 'tcp'],
    ...['-i', sim.url(id, 'sub', { withCredentials: true }), '-t', '2'],
    ...['-vf', 'freezedetect=n=-50dB:d=1', '-f', 'null', '-'],
  ]);
  return result.stderr.includes('freezedetect.freeze_start');
}

describe.concurrent('picture faults reach the clients', () => {
  it('black covers the lens', async () => {
    const before = await frames('black');
    sim.inject('black', 'black');
    const after = await frames('black');

    expect(meanLuma(before.frames[0]!)).toBeGreaterThan(40);
    expect(meanLuma(after.frames[0]!)).toBeLessThan(25);
  });

  it('freeze repeats one picture, which freezedetect notices', async () => {
    const before = await freezeDetected('freeze');
    sim.inject('freeze', 'freeze');
    const after = await freezeDetected('freeze');

    expect(before).toBe(false);
    expect(after).toBe(true);
  });

  it('blur defocuses the picture', async () => {
    const before = await frames('blur');
    sim.inject('blur', 'blur');
    const after = await frames('blur');

    const sharpBefore = sharpness(before.frames[0]!, before.width);
    const sharpAfter = sharpness(after.frames[0]!, after.width);
    expect(sharpAfter).toBeLessThan(sharpBefore * 0.6);
  });

  it('turn points the camera at another part of the scene', async () => {
    const before = await frames('turn', 2);
    const again = await frames('turn', 2);
    sim.inject('turn', 'turn');
    const after = await frames('turn', 2);

    const unchanged = meanAbsDifference(before.frames[0]!, again.frames[0]!);
    const turned = meanAbsDifference(before.frames[0]!, after.frames[0]!);
    expect(turned).toBeGreaterThan(2 * unchanged);
  });
});
