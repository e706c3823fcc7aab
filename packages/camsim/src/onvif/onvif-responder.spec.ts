import { Cam, type CamOptions, type OnvifProfile } from 'onvif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCamsim, type Camsim } from '../index.ts';
import { mediaClip } from '../testing/media.ts';

let sim: Camsim;

beforeAll(async () => {
  sim = await startCamsim({
    onvifPort: 0,
    cameras: [
      { id: 'hall', clip: mediaClip('intel_one_by_one_person_0-30s.mp4'), password: 'hall-pw' },
    ],
  });
});

afterAll(async () => {
  await sim.stop();
});

function camOptions(password: string): CamOptions {
  const url = new URL(sim.onvifUrl('hall'));
  return {
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    username: 'admin',
    password,
    timeout: 5000,
  };
}

function connect(password: string): Promise<Cam> {
  return new Promise((resolve, reject) => {
    const cam = new Cam(camOptions(password), (error) => (error ? reject(error) : resolve(cam)));
  });
}

function call<T>(run: (callback: (error: Error | null, result: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    run((error, result) => (error ? reject(error) : resolve(result)));
  });
}

describe('ONVIF responder, driven by the onvif npm client', () => {
  it('connects with WS-UsernameToken and reports device, profiles and stream URIs', async () => {
    const cam = await connect('hall-pw');
    const info = await call<Record<string, string>>((cb) => cam.getDeviceInformation(cb));
    const profiles = await call<OnvifProfile[]>((cb) => cam.getProfiles(cb));
    const main = await call<{ uri: string }>((cb) =>
      cam.getStreamUri({ protocol: 'RTSP', profileToken: 'main' }, cb),
    );
    const sub = await call<{ uri: string }>((cb) =>
      cam.getStreamUri({ protocol: 'RTSP', profileToken: 'sub' }, cb),
    );

    expect(info).toMatchObject({ manufacturer: 'Gardenwatch', serialNumber: 'hall' });
    expect(profiles.map((p) => p.$.token)).toEqual(['main', 'sub']);
    expect(profiles[1]?.videoEncoderConfiguration).toMatchObject({
      encoding: 'H264',
      resolution: { width: 640, height: 360 },
    });
    expect(cam.activeSource).toMatchObject({ profileToken: 'main', width: 768, height: 432 });
    expect(main.uri).toBe(sim.url('hall', 'main'));
    expect(sub.uri).toBe(sim.url('hall', 'sub'));
  });

  it('refuses a wrong password with NotAuthorized', async () => {
    await expect(connect('wrong')).rejects.toThrow(/NotAuthorized|not authorized/i);
  });

  it('is unreachable while the camera reboots', async () => {
    sim.inject('hall', { kind: 'reboot', seconds: 30 });
    const outcome = await connect('hall-pw').then(
      () => 'connected',
      (error: Error) => error.message,
    );
    sim.clear('hall');

    expect(outcome).toMatch(/socket hang up|ECONNRESET/);
  });
});
