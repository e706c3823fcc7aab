import { describe, expect, it } from 'vitest';
import type { RecordingSource } from '../cameras/cameras.service.ts';
import { CameraWatch } from './camera-watch.ts';
import type { GreyFrame } from './tamper-measures.ts';

const source = { cameraId: 'c', kindergartenId: 'k' } as RecordingSource;
const frame = (level: number, seed: number): GreyFrame => ({
  width: 16,
  height: 12,
  data: Uint8Array.from({ length: 192 }, (_, i) => (level + ((i * seed) % 50)) % 256),
});
const at = (s: number) => new Date(1_000_000 + s * 1000);

describe('CameraWatch', () => {
  it('keeps the camera offline while the recorder’s gap is open, whatever the sub stream shows', () => {
    const watch = new CameraWatch(source);
    expect(watch.onFrame(frame(100, 3), at(0))).toBe(true);
    expect(watch.state()).toMatchObject({ link: 'online', fault: null, recording: true });

    expect(watch.setRecorderLink('offline', at(1))).toBe(true);
    expect(watch.onFrame(frame(100, 5), at(2))).toBe(false);
    expect(watch.state()).toMatchObject({ link: 'offline', fault: 'offline', recording: false });
    expect(watch.faultSince).toEqual(at(1));

    expect(watch.setRecorderLink(null, at(3))).toBe(true);
    expect(watch.state()).toMatchObject({ link: 'online', fault: null, faultSince: null });
  });

  it('keeps a fault’s start when it changes kind, and raises tamper only while online', () => {
    const watch = new CameraWatch(source);
    watch.onFrame(frame(100, 3), at(0));
    watch.onFrame(frame(5, 0), at(1));
    expect(watch.onFrame(frame(5, 0), at(2))).toBe(true);
    expect(watch.state()).toMatchObject({ tamper: 'covered', fault: 'covered' });
    expect(watch.faultSince).toEqual(at(2));

    watch.setSamplerLink('offline', at(5));
    expect(watch.state()).toMatchObject({ link: 'offline', tamper: null, fault: 'offline' });
    expect(watch.faultSince).toEqual(at(2));
  });
});
