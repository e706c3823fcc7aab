import { fileURLToPath } from 'node:url';
import { startCamsim, type Camsim } from '@gardenwatch/camsim';
import { freePort, UpperPlatformSim } from '@gardenwatch/gb28181/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { seedArea } from '../recording/recording.test-support.ts';
import { channelIdOf } from './gateway-ids.ts';
import {
  insertSimCamera,
  probePs,
  recordSegment,
  rtpReceiver,
  type ReceiverMode,
} from './gateway.test-support.ts';

const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';
const PASSWORD = 'media-link-secret';
const CLIP = fileURLToPath(
  new URL('../../../../../packages/camsim/media/synthetic_testsrc2_control.mp4', import.meta.url),
);
const ADMIN = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'admin',
  displayName: 'admin',
  role: 'city_admin' as const,
  districtId: null,
  kindergartenId: null,
  maintainedKindergartenIds: [],
};

// The police platform in process, so that many sessions and both TCP roles can be driven at once.
describe('gateway media sessions for an in-process police platform', () => {
  let test: TestApp;
  let sim: Camsim;
  let upper: UpperPlatformSim;
  let camera = '';
  let channel = '';
  let target = { host: '127.0.0.1', port: 0 };

  beforeAll(async () => {
    test = await createTestApp();
    sim = await startCamsim({ cameras: [{ id: 'cam1', clip: CLIP }] });
    const { areaId } = await seedArea(test.platform.db);
    camera = await insertSimCamera(test.platform, {
      areaId,
      name: 'Gate',
      url: sim.url('cam1', 'main'),
      ...sim.credentials('cam1'),
    });
    upper = await UpperPlatformSim.create({
      transport: 'udp',
      id: UPPER,
      domain: '4403000000',
      password: PASSWORD,
    });
    target = { host: '127.0.0.1', port: await freePort() };
    await test.services.gateway.settings.update(
      { actor: ADMIN },
      {
        upperId: UPPER,
        upperDomain: '4403000000',
        upperHost: '127.0.0.1',
        upperPort: upper.port,
        transport: 'udp',
        deviceId: PLATFORM,
        localPort: target.port,
        password: PASSWORD,
        enabled: true,
      },
    );
    expect((await test.services.gateway.runtime.state()).registration).toBe('registered');
    const serials = await test.services.gateway.settings.repo.channelSerials([camera]);
    channel = channelIdOf(PLATFORM, serials.get(camera)!);
  });

  afterAll(async () => {
    await test?.close();
    await upper?.close();
    await sim?.stop();
  });

  const sessions = async () => (await test.services.gateway.runtime.state()).sessions;

  it('serves six live sessions at once over UDP and TCP in both roles, each audited as police access', async () => {
    const modes: ReceiverMode[] = ['udp', 'tcp-listen', 'tcp-connect'].flatMap((mode) => [
      mode as ReceiverMode,
      mode as ReceiverMode,
    ]);
    const calls = await Promise.all(
      modes.map(async (mode, i) => {
        const ssrc = `010000000${i}`;
        const receiver = await rtpReceiver(mode, ssrc);
        const call = await upper.invite(target, channel, {
          sessionName: 'Play',
          transport: mode === 'udp' ? 'udp' : 'tcp',
          setup: mode === 'tcp-listen' ? 'passive' : 'active',
          address: '127.0.0.1',
          port: receiver.port,
          ssrc,
        });
        if (mode === 'tcp-connect' && call.answer) await receiver.connectTo(call.answer.port);
        return { mode, ssrc, receiver, call };
      }),
    );

    for (const { mode, ssrc, call } of calls) {
      expect(call.status).toBe(200);
      expect(call.answer).toMatchObject({
        ssrc,
        transport: mode === 'udp' ? 'udp' : 'tcp',
        setup: { udp: null, 'tcp-listen': 'active', 'tcp-connect': 'passive' }[mode],
        direction: 'sendonly',
      });
    }
    expect((await sessions()).map((session) => session.transport).sort()).toEqual([
      'tcp-active',
      'tcp-active',
      'tcp-passive',
      'tcp-passive',
      'udp',
      'udp',
    ]);
    // Two seconds of video reach every receiver: no session starves while the others run.
    await expect
      .poll(() => Math.min(...calls.map(({ receiver }) => receiver.frames.length)), {
        timeout: 60_000,
      })
      .toBeGreaterThanOrEqual(50);

    expect(await Promise.all(calls.map(({ call }) => call.bye()))).toEqual(Array(6).fill(200));
    await expect.poll(async () => (await sessions()).length, { timeout: 5000 }).toBe(0);
    for (const { mode, receiver } of calls) {
      receiver.close();
      // TCP loses nothing; UDP on a loaded machine may drop a datagram, which the PS survives.
      if (mode !== 'udp') expect(receiver.incomplete).toBe(0);
      expect(await probePs(receiver.ps())).toMatchObject({ formatName: 'mpeg', codecName: 'h264' });
    }

    const audit = await test.platform.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'purpose'])
      .where('action', 'like', 'gateway.session.%')
      .execute();
    expect(audit.filter((row) => row.action === 'gateway.session.start')).toHaveLength(6);
    expect(audit.filter((row) => row.action === 'gateway.session.end')).toHaveLength(6);
    expect(new Set(audit.map((row) => `${row.resource_id} ${row.purpose}`))).toEqual(
      new Set([`${camera} police access (GB/T 28181)`]),
    );
  });

  it('downloads recorded footage and reports MediaStatus 121 when it has all been sent', async () => {
    const from = Date.parse('2026-12-03T03:00:00Z');
    await recordSegment(test, camera, from, 3);
    const receiver = await rtpReceiver('tcp-listen', '1000000042');
    const call = await upper.invite(target, channel, {
      sessionName: 'Download',
      transport: 'tcp',
      setup: 'passive',
      address: '127.0.0.1',
      port: receiver.port,
      ssrc: '1000000042',
      startTime: from / 1000,
      endTime: from / 1000 + 2,
      downloadSpeed: 4,
    });
    expect(call.status).toBe(200);
    expect((await sessions())[0]).toMatchObject({ kind: 'Download', transport: 'tcp-active' });

    const ended = () =>
      upper.messages.find((m) => m.cmdType === 'MediaStatus' && m.deviceId === channel);
    await expect.poll(ended, { timeout: 15_000 }).toBeTruthy();
    expect(ended()?.fields.NotifyType).toBe('121');
    expect(await call.bye()).toBe(200);
    receiver.close();

    const probed = await probePs(receiver.ps());
    expect(probed).toMatchObject({ formatName: 'mpeg', codecName: 'h264', frames: 50 });
    expect(probed.duration).toBeGreaterThan(1.5);
    expect(probed.duration).toBeLessThan(2.5);
  });
});
