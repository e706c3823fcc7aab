import { alertSubjects } from '@gardenwatch/contracts';
import { freePort, runSipp, type SippRun } from '@gardenwatch/gb28181/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { cameraChangedSubject } from '../cameras/cameras.service.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';
import { channelIdOf } from './gateway-ids.ts';

const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';
const PASSWORD = 'alarm-link-secret';

describe('gateway notifications to sipp as the police platform', () => {
  let test: TestApp;
  let upper: SippRun;
  let areaId = '';
  let camera = '';

  beforeAll(async () => {
    test = await createTestApp();
    areaId = (await seedArea(test.platform.db)).areaId;
    camera = await insertCamera(test.platform.db, areaId, { name: 'Gate' });
  });
  afterAll(async () => {
    await test?.close();
    await upper?.stop();
  });

  const channelOf = async (cameraId: string) =>
    channelIdOf(
      PLATFORM,
      (await test.services.gateway.settings.repo.channelSerials([cameraId])).get(cameraId)!,
    );

  it('refuses to forward an alarm while the police platform is not connected', async () => {
    await expect(
      test.services.gateway.runtime.forwardAlarm({
        cameraId: camera,
        priority: 1,
        at: new Date(),
        description: 'adult striking a child',
      }),
    ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('forwards severe alerts, directly or from the bus, as Alarm MESSAGEs and notifies cameras joining and leaving', async () => {
    const port = await freePort();
    upper = await runSipp({
      scenario: 'upper-register.xml',
      port,
      transport: 'tcp',
      keys: { username: PLATFORM, password: PASSWORD },
    });
    await test.services.gateway.settings.update(
      {
        actor: {
          id: '00000000-0000-4000-8000-000000000001',
          username: 'admin',
          displayName: 'admin',
          role: 'city_admin',
          districtId: null,
          kindergartenId: null,
          maintainedKindergartenIds: [],
        },
      },
      {
        upperId: UPPER,
        upperDomain: '4403000000',
        upperHost: '127.0.0.1',
        upperPort: port,
        transport: 'tcp',
        deviceId: PLATFORM,
        localPort: await freePort(),
        password: PASSWORD,
        enabled: true,
      },
    );
    expect((await test.services.gateway.runtime.state()).registration).toBe('registered');

    const status = await test.services.gateway.runtime.forwardAlarm({
      cameraId: camera,
      priority: 1,
      at: new Date('2026-12-03T02:00:00Z'),
      description: 'adult striking a child',
    });
    expect(status).toBe(200);
    await expect
      .poll(() => upper.messages(), { timeout: 5000 })
      .toContain('<CmdType>Alarm</CmdType>');
    const alarm = await upper.messages();
    expect(alarm).toContain(`<DeviceID>${await channelOf(camera)}</DeviceID>`);
    expect(alarm).toContain('<AlarmPriority>1</AlarmPriority>');
    expect(alarm).toContain('<AlarmTime>2026-12-03T10:00:00</AlarmTime>');

    // The hook an alerts module publishes to: severe alerts only, malformed events dropped.
    const alarms = async () =>
      (await upper.messages()).split('<CmdType>Alarm</CmdType>').length - 1;
    const raised = {
      alertId: '00000000-0000-4000-8000-00000000a1e7',
      kind: 'intrusion',
      severity: 'high',
      cameraId: camera,
      kindergartenId: '00000000-0000-4000-8000-000000000002',
      at: '2026-12-03T02:05:00Z',
    };
    await test.platform.bus.publish(alertSubjects.raised, raised);
    await test.platform.bus.publish(alertSubjects.raised, {
      ...raised,
      severity: 'severe',
      at: 'x',
    });
    expect(await alarms()).toBe(1);
    await test.platform.bus.publish(alertSubjects.raised, { ...raised, severity: 'severe' });
    await expect.poll(alarms, { timeout: 5000 }).toBe(2);
    const forwarded = (await upper.messages()).split('<CmdType>Alarm</CmdType>')[2]!;
    expect(forwarded).toContain(`<DeviceID>${await channelOf(camera)}</DeviceID>`);
    expect(forwarded).toContain('<AlarmTime>2026-12-03T10:05:00</AlarmTime>');
    expect(forwarded).toContain('<AlarmType>6</AlarmType>');

    const added = await insertCamera(test.platform.db, areaId, { name: 'Perimeter' });
    await test.platform.bus.publish(cameraChangedSubject, { cameraId: added, change: 'added' });
    await expect.poll(() => upper.messages(), { timeout: 5000 }).toContain('<Event>ADD</Event>');
    expect(await upper.messages()).toContain(`<DeviceID>${await channelOf(added)}</DeviceID>`);

    await test.platform.db
      .updateTable('cameras')
      .set({ archived_at: new Date() })
      .where('id', '=', added)
      .execute();
    await test.platform.bus.publish(cameraChangedSubject, { cameraId: added, change: 'archived' });
    await expect.poll(() => upper.messages(), { timeout: 5000 }).toContain('<Event>DEL</Event>');

    await test.services.gateway.runtime.stop();
    expect((await test.services.gateway.runtime.state()).registration).toBe('idle');
  });
});
