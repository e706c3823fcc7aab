import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogResponses } from '../manscdp/catalog.ts';
import type { ManscdpQuery } from '../manscdp/manscdp-message.ts';
import { buildGbSdpAnswer } from '../sdp.ts';
import { LowerPlatformUa, type InviteRequest, type UaEvent } from './lower-platform-ua.ts';
import { freePort, runSipp, type SippRun } from './test-sipp.ts';

const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';
const CHANNEL = '44030500111310000001';
const PASSWORD = 'sipp-secret';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startUpper(
  transport: 'udp' | 'tcp',
  password = PASSWORD,
): Promise<{ sipp: SippRun; port: number }> {
  const port = await freePort();
  const sipp = await runSipp({
    scenario: 'upper-register.xml',
    port,
    transport,
    keys: { username: PLATFORM, password },
  });
  cleanups.push(() => sipp.stop());
  return { sipp, port };
}

async function startUa(
  transport: 'udp' | 'tcp',
  upperPort: number,
  record: {
    queries: ManscdpQuery[];
    invites: InviteRequest[];
    ended: string[];
    acks: string[];
    events: UaEvent[];
  },
) {
  const ua = await LowerPlatformUa.create({
    transport,
    localHost: '127.0.0.1',
    localPort: await freePort(),
    deviceId: PLATFORM,
    domain: '4403050011',
    upper: { id: UPPER, domain: '4403000000', host: '127.0.0.1', port: upperPort },
    password: PASSWORD,
    retryDelayMs: 60_000,
    handlers: {
      onQuery: (query) => {
        record.queries.push(query);
        const items = Array.from({ length: 3 }, (_, i) => ({
          deviceId: `4403050011131000000${i + 1}`,
          name: `午睡室 ${i + 1}`,
          manufacturer: 'Gardenwatch',
          model: 'GW',
          owner: '0',
          civilCode: '440305',
          address: '幼儿园',
          parental: 0 as const,
          parentId: PLATFORM,
          status: 'ON' as const,
        }));
        return buildCatalogResponses({
          sn: query.sn,
          deviceId: PLATFORM,
          items,
          maxItemsPerMessage: 2,
        });
      },
      onInvite: (invite) => {
        record.invites.push(invite);
        return {
          accept: true,
          sdp: buildGbSdpAnswer({
            offer: invite.offer,
            deviceId: invite.channelId,
            address: '127.0.0.1',
            port: 40000,
          }),
        };
      },
      onAck: (dialogId) => record.acks.push(dialogId),
      onSessionEnd: (dialogId, reason) => record.ended.push(`${reason}:${dialogId}`),
      onEvent: (event) => record.events.push(event),
    },
  });
  cleanups.push(() => ua.stop());
  return ua;
}

const SESSIONS = {
  udp: { session: 'Play', time: '0 0', ssrc: '0100000001' },
  tcp: { session: 'Playback', time: '1764720000 1764723600', ssrc: '1100000002' },
};

describe.each(['udp', 'tcp'] as const)('LowerPlatformUa against sipp over %s', (transport) => {
  it('registers through a digest challenge, answers a catalog query and serves INVITE/ACK/BYE (Play over UDP, Playback over TCP)', async () => {
    const upper = await startUpper(transport);
    const record = {
      queries: [] as ManscdpQuery[],
      invites: [] as InviteRequest[],
      ended: [] as string[],
      acks: [] as string[],
      events: [] as UaEvent[],
    };
    const ua = await startUa(transport, upper.port, record);
    expect(await ua.start()).toBe('registered');

    const client = await runSipp({
      scenario: 'upper-query-invite.xml',
      port: await freePort(),
      transport,
      target: `127.0.0.1:${ua.stack.port}`,
      calls: 1,
      keys: { upper: UPPER, platform: PLATFORM, channel: CHANNEL, ...SESSIONS[transport] },
    });
    cleanups.push(() => client.stop());
    expect(await client.exit).toBe(0);

    expect(record.queries).toEqual([{ cmdType: 'Catalog', sn: 17430, deviceId: PLATFORM }]);
    expect(record.invites).toHaveLength(1);
    expect(record.invites[0]).toMatchObject({
      channelId: CHANNEL,
      offer: {
        sessionName: SESSIONS[transport].session,
        ssrc: SESSIONS[transport].ssrc,
        transport: 'udp',
      },
    });
    const [start, end] = SESSIONS[transport].time.split(' ').map(Number);
    expect(record.invites[0]!.offer).toMatchObject({ startTime: start, endTime: end });
    const dialogId = record.invites[0]!.dialogId;
    expect(record.acks).toEqual([dialogId]);
    expect(record.ended).toEqual([`bye:${dialogId}`]);

    await expect
      .poll(
        async () =>
          (await upper.sipp.messages()).match(/<CmdType>Catalog<\/CmdType>/g)?.length ?? 0,
        { timeout: 5000 },
      )
      .toBe(2);
    const seen = await upper.sipp.messages();
    expect(seen).toContain('<SumNum>3</SumNum>');
    expect(seen).toContain('<DeviceList Num="1">');
    expect(seen).toMatch(/Authorization: Digest username="44030500112000000001"/);
  });

  it('reports a failed registration when the password is wrong', async () => {
    const upper = await startUpper(transport, 'other-password');
    const record = { queries: [], invites: [], ended: [], acks: [], events: [] as UaEvent[] };
    const ua = await startUa(transport, upper.port, record);
    expect(await ua.start()).toBe('failed');
    expect(record.events).toContainEqual(
      expect.objectContaining({ type: 'registration-failed', status: 403 }),
    );
  });
});
