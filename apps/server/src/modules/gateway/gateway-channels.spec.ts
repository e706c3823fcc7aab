import { decodeXmlBody, type ManscdpQuery } from '@gardenwatch/gb28181';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';
import { GatewayChannels } from './gateway-channels.ts';
import { channelIdOf } from './gateway-ids.ts';
import { fromGbTime, toGbTime } from './gb-time.ts';

const PLATFORM = '44030500112000000001';
const text = (bodies: Buffer[]) =>
  bodies.map((body) => {
    const decoded = decodeXmlBody(body);
    if (!decoded.ok) throw decoded.error;
    return decoded.value;
  });

describe('gateway answers from the registry and the segment index', () => {
  let test: TestApp;
  let channels: GatewayChannels;
  const key: string[] = [];
  let other = '';

  beforeAll(async () => {
    test = await createTestApp();
    const seeded = await seedArea(test.platform.db);
    const { floor_id } = await test.platform.db
      .selectFrom('areas')
      .select('floor_id')
      .where('id', '=', seeded.areaId)
      .executeTakeFirstOrThrow();
    const classroom = await test.platform.db
      .insertInto('areas')
      .values({ floor_id, name: 'Class 2', kind: 'classroom', is_key: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const name of ['Corridor 1', 'Corridor 2', 'Corridor 3']) {
      key.push(await insertCamera(test.platform.db, seeded.areaId, { name }));
    }
    other = await insertCamera(test.platform.db, classroom.id, { name: 'Class camera' });
    channels = new GatewayChannels({
      cameras: test.services.cameras,
      recording: test.services.recording,
      repo: test.services.gateway.settings.repo,
      timezone: 'Asia/Shanghai',
      itemsPerMessage: 2,
    });
  });
  afterAll(async () => test?.close());

  const ask = (query: ManscdpQuery) => channels.answer(PLATFORM, query).then(text);
  const channelOf = async (cameraId: string) =>
    channelIdOf(
      PLATFORM,
      (await test.services.gateway.settings.repo.channelSerials([cameraId])).get(cameraId)!,
    );

  it('lists key-area cameras only, split across messages, each carrying the total', async () => {
    const bodies = await ask({ cmdType: 'Catalog', sn: 7, deviceId: PLATFORM });
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(body).toContain('<SumNum>3</SumNum>');
    const all = bodies.join('\n');
    for (const id of key) expect(all).toContain(`<DeviceID>${await channelOf(id)}</DeviceID>`);
    expect(all).not.toContain(await channelOf(other));
    expect(all).toContain(`<ParentID>${PLATFORM}</ParentID>`);
  });

  it('keeps each camera on the same channel id', async () => {
    const first = await channels.list(PLATFORM);
    const again = await channels.list(PLATFORM);
    expect(again.map((c) => c.channelId)).toEqual(first.map((c) => c.channelId));
    expect(new Set(first.map((c) => c.channelId)).size).toBe(3);
    expect(first.every((c) => /^4403050011131\d{7}$/.test(c.channelId))).toBe(true);
  });

  it('answers RecordInfo from the segment index, joining back-to-back segments', async () => {
    const camera = key[0]!;
    const base = Date.parse('2026-12-03T02:00:00Z');
    const spans = [
      [0, 4],
      [4, 8],
      [8, 12],
      [30, 34],
    ];
    await test.platform.db
      .insertInto('recording_segments')
      .values(
        spans.map(([from, to], i) => ({
          camera_id: camera,
          started_at: new Date(base + from! * 1000),
          ended_at: new Date(base + to! * 1000),
          bytes: 1000,
          codec: 'h264',
          path: `${camera}/x/${i}.ts`,
        })),
      )
      .execute();
    const channelId = await channelOf(camera);
    const [body] = await ask({
      cmdType: 'RecordInfo',
      sn: 9,
      deviceId: channelId,
      startTime: '2026-12-03T09:59:00',
      endTime: '2026-12-03T10:01:00',
    });
    expect(body).toContain('<SumNum>2</SumNum>');
    expect(body).toContain('<StartTime>2026-12-03T10:00:00</StartTime>');
    expect(body).toContain('<EndTime>2026-12-03T10:00:12</EndTime>');
    expect(body).toContain('<FileSize>3000</FileSize>');
    expect(body).toContain('<StartTime>2026-12-03T10:00:30</StartTime>');

    const [refused] = await ask({
      cmdType: 'RecordInfo',
      sn: 10,
      deviceId: await channelOf(other),
      startTime: '2026-12-03T09:59:00',
      endTime: '2026-12-03T10:01:00',
    });
    expect(refused).toContain('<SumNum>0</SumNum>');
  });

  it('answers DeviceInfo and DeviceStatus for the platform and its channels, ERROR otherwise', async () => {
    const [platform] = await ask({ cmdType: 'DeviceInfo', sn: 1, deviceId: PLATFORM });
    expect(platform).toContain('<Result>OK</Result>');
    expect(platform).toContain('<Channel>3</Channel>');
    const [unknown] = await ask({ cmdType: 'DeviceInfo', sn: 2, deviceId: await channelOf(other) });
    expect(unknown).toContain('<Result>ERROR</Result>');

    const [status] = await ask({
      cmdType: 'DeviceStatus',
      sn: 3,
      deviceId: await channelOf(key[1]!),
    });
    expect(status).toContain('<Result>OK</Result>');
    expect(status).toContain('<Record>OFF</Record>');
  });

  it('reads and writes MANSCDP local times in the configured zone', () => {
    const instant = new Date('2026-12-03T02:00:05Z');
    expect(toGbTime(instant, 'Asia/Shanghai')).toBe('2026-12-03T10:00:05');
    expect(fromGbTime('2026-12-03T10:00:05', 'Asia/Shanghai')).toEqual(instant);
    expect(fromGbTime('2026-07-01T12:00:00', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
    expect(fromGbTime('2026-12-03 10:00:05', 'Asia/Shanghai')).toBeNull();
  });
});
