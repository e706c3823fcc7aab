import dgram from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { startCamsim, type Camsim } from '@gardenwatch/camsim';
import type { GatewayState } from '@gardenwatch/contracts';
import { RtpReassembler, ssrcNumber } from '@gardenwatch/gb28181';
import { freePort, runSipp, type SippRun } from '@gardenwatch/gb28181/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { seedArea } from '../recording/recording.test-support.ts';
import { channelIdOf } from './gateway-ids.ts';
import { probePs, recordSegment } from './gateway.test-support.ts';

const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';
const PASSWORD = 'police-link-secret';
const SSRC = '0100000123';
const SCENARIO = fileURLToPath(new URL('./sipp/upper-catalog-play.xml', import.meta.url));
const CLIP = fileURLToPath(
  new URL('../../../../../packages/camsim/media/synthetic_testsrc2_control.mp4', import.meta.url),
);

// One slow end-to-end case on PGlite: sipp as the police platform, camsim as the camera.
describe('gateway against sipp as the police platform', () => {
  let test: TestApp;
  let sim: Camsim;
  let upper: SippRun;
  let admin: SignedIn;
  const cameras = { key: '', other: '' };
  let localPort = 0;

  /** One sipp call (catalog query, INVITE, ACK, 4 s, BYE) with the RTP it drew. */
  const call = async (
    keys: { channel: string; session: string; time: string },
    during: () => Promise<void> = async () => {},
  ): Promise<{ ps: Buffer; incomplete: number }> => {
    const received: Buffer[] = [];
    const reassembler = new RtpReassembler(ssrcNumber(SSRC));
    let incomplete = 0;
    // Key frames arrive as bursts of dozens of datagrams; the default buffer can overflow.
    const rtp = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    rtp.on('message', (packet) => {
      for (const frame of reassembler.push(packet)) {
        if (!frame.complete) incomplete++;
        received.push(frame.data);
      }
    });
    await new Promise<void>((resolve) => rtp.bind(0, '127.0.0.1', resolve));

    const client = await runSipp({
      scenario: SCENARIO,
      port: await freePort(),
      transport: 'udp',
      target: `127.0.0.1:${localPort}`,
      calls: 1,
      keys: {
        upper: UPPER,
        platform: PLATFORM,
        channel: keys.channel,
        ssrc: SSRC,
        rtp_port: String(rtp.address().port),
        session: keys.session,
        time: keys.time,
      },
    });
    await during();
    expect(await client.exit).toBe(0);
    rtp.close();
    expect(incomplete).toBe(0);
    return { ps: Buffer.concat(received), incomplete };
  };

  const state = async () =>
    (
      await test.app.inject({ url: '/api/gateway/state', headers: admin.headers })
    ).json<GatewayState>();

  beforeAll(async () => {
    test = await createTestApp();
    sim = await startCamsim({ cameras: [{ id: 'cam1', clip: CLIP }] });
    const seeded = await seedArea(test.platform.db);
    const classroom = await test.platform.db
      .selectFrom('areas')
      .select('floor_id')
      .where('id', '=', seeded.areaId)
      .executeTakeFirstOrThrow();
    const nonKey = await test.platform.db
      .insertInto('areas')
      .values({ floor_id: classroom.floor_id, name: 'Class 1', kind: 'classroom', is_key: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { username, password } = sim.credentials('cam1');
    const insert = (areaId: string, name: string) =>
      test.platform.db
        .insertInto('cameras')
        .values({
          area_id: areaId,
          name,
          main_url: sim.url('cam1', 'main'),
          username,
          password_sealed: test.platform.secrets.encrypt(password),
          codec: 'h264',
          fps: 25,
          status: 'online',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    cameras.key = (await insert(seeded.areaId, 'Corridor east')).id;
    cameras.other = (await insert(nonKey.id, 'Classroom')).id;
    await createUser(test.platform, { role: 'city_admin', username: 'admin' });
    admin = await signIn(test.app, 'admin');
  });

  afterAll(async () => {
    await test?.close();
    await upper?.stop();
    await sim?.stop();
  });

  it('registers with digest, lists key-area cameras only, and streams live and recorded video as PS over RTP until BYE', async () => {
    const upperPort = await freePort();
    upper = await runSipp({
      scenario: 'upper-register.xml',
      port: upperPort,
      transport: 'udp',
      keys: { username: PLATFORM, password: PASSWORD },
    });
    localPort = await freePort();
    const saved = await test.app.inject({
      method: 'PUT',
      url: '/api/gateway/settings',
      headers: admin.headers,
      payload: {
        upperId: UPPER,
        upperDomain: '4403000000',
        upperHost: '127.0.0.1',
        upperPort,
        transport: 'udp',
        deviceId: PLATFORM,
        localPort,
        password: PASSWORD,
        enabled: true,
      },
    });
    expect(saved.statusCode).toBe(200);
    await expect
      .poll(async () => (await state()).registration, { timeout: 5000 })
      .toBe('registered');
    expect(await upper.messages()).toMatch(/Authorization: Digest username="44030500112000000001"/);

    const serials = await test.services.gateway.settings.repo.channelSerials([
      cameras.key,
      cameras.other,
    ]);
    const keyChannel = channelIdOf(PLATFORM, serials.get(cameras.key)!);
    const otherChannel = channelIdOf(PLATFORM, serials.get(cameras.other)!);

    const live = await call({ channel: keyChannel, session: 'Play', time: '0 0' }, async () => {
      await expect.poll(async () => (await state()).sessions.length, { timeout: 5000 }).toBe(1);
      expect((await state()).sessions[0]).toMatchObject({
        cameraId: cameras.key,
        channelId: keyChannel,
        kind: 'Play',
        transport: 'udp',
      });
    });
    await expect.poll(async () => (await state()).sessions.length, { timeout: 5000 }).toBe(0);

    // The catalog answer went to the registrar: the key-area camera, never the classroom one.
    await expect.poll(() => upper.messages(), { timeout: 5000 }).toContain('<SumNum>1</SumNum>');
    const seen = await upper.messages();
    expect(seen).toContain(`<DeviceID>${keyChannel}</DeviceID>`);
    expect(seen).not.toContain(otherChannel);

    const probed = await checkPs(live);
    expect(probed.duration).toBeGreaterThan(1);
    expect(probed.duration).toBeLessThan(6);

    // Playback of two seconds from an indexed segment, then MediaStatus 121 at its end.
    const from = Date.parse('2026-12-03T02:00:00Z');
    await recordSegment(test, cameras.key, from, 3);
    const playback = await call({
      channel: keyChannel,
      session: 'Playback',
      time: `${from / 1000} ${from / 1000 + 2}`,
    });
    const replayed = await checkPs(playback);
    expect(replayed.duration).toBeGreaterThan(1.5);
    expect(replayed.duration).toBeLessThan(2.5);
    await expect
      .poll(() => upper.messages(), { timeout: 5000 })
      .toContain('<CmdType>MediaStatus</CmdType>');
    expect(await upper.messages()).toContain('<NotifyType>121</NotifyType>');

    const audit = await test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'gateway.session.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => [row.action, row.resource_id, row.purpose])).toEqual(
      [1, 2].flatMap(() => [
        ['gateway.session.start', cameras.key, 'police access (GB/T 28181)'],
        ['gateway.session.end', cameras.key, 'police access (GB/T 28181)'],
      ]),
    );
    expect(audit[1]!.details).toMatchObject({ reason: 'bye', channelId: keyChannel, kind: 'Play' });
    expect(audit[3]!.details).toMatchObject({ reason: 'bye', kind: 'Playback' });
  });
});

async function checkPs(received: { ps: Buffer }) {
  const probed = await probePs(received.ps);
  expect(probed.demuxedFrames).toBeGreaterThan(25);
  expect(probed).toMatchObject({ formatName: 'mpeg', codecName: 'h264' });
  return probed;
}
