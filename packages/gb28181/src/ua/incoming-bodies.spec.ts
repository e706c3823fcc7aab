import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManscdpQuery } from '../manscdp/manscdp-message.ts';
import { LowerPlatformUa } from './lower-platform-ua.ts';
import { UpperPlatformSim } from './test-upper-platform.ts';

const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';
const TIMERS = { t1: 20, t2: 80, t4: 100 };
const ADDRESS = '南山区实验幼儿园东门';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function recordInfo(encoding: string | null, extra = ''): string {
  const declaration = encoding
    ? `<?xml version="1.0" encoding="${encoding}"?>`
    : '<?xml version="1.0"?>';
  return `${declaration}\r\n<Query>\r\n<CmdType>RecordInfo</CmdType>\r\n<SN>${extra.length}</SN>\r\n<DeviceID>${PLATFORM}</DeviceID>\r\n<StartTime>2026-12-03T08:00:00</StartTime>\r\n<EndTime>2026-12-03T09:00:00</EndTime>\r\n<Address>${ADDRESS}</Address>\r\n${extra}</Query>\r\n`;
}

async function setup() {
  const upper = await UpperPlatformSim.create({
    transport: 'tcp',
    id: UPPER,
    domain: '4403000000',
    password: 'pw',
    timers: TIMERS,
  });
  cleanups.push(() => upper.close());
  const queries: ManscdpQuery[] = [];
  const ua = await LowerPlatformUa.create({
    transport: 'tcp',
    localHost: '127.0.0.1',
    localPort: 0,
    deviceId: PLATFORM,
    domain: '4403050011',
    upper: { id: UPPER, domain: '4403000000', host: '127.0.0.1', port: upper.port },
    password: 'pw',
    timers: TIMERS,
    handlers: {
      onQuery: (query) => {
        queries.push(query);
        return [];
      },
      onInvite: () => ({ accept: false, status: 486 }),
      onSessionEnd: () => {},
    },
  });
  cleanups.push(() => ua.stop());
  const target = { id: PLATFORM, host: '127.0.0.1', port: ua.stack.port };
  return {
    upper,
    ua,
    queries,
    send: (body: Buffer, type?: string) => upper.sendMessage(target, body, type),
  };
}

describe('MANSCDP bodies arriving in SIP MESSAGEs', () => {
  it('accepts GB2312 and UTF-8 bodies, declared in the XML or in Content-Type', async () => {
    const { queries, send } = await setup();
    const gb = (text: string) => iconv.encode(text, 'gb2312');

    expect(await send(gb(recordInfo('GB2312')))).toBe(200);
    expect(await send(Buffer.from(recordInfo('UTF-8')))).toBe(200);
    expect(await send(gb(recordInfo(null)), 'Application/MANSCDP+xml; charset=GB2312')).toBe(200);
    expect(await send(Buffer.from(recordInfo(null)))).toBe(200);

    await expect.poll(() => queries.length).toBe(4);
    expect(queries.map((query) => query.cmdType === 'RecordInfo' && query.address)).toEqual(
      Array(4).fill(ADDRESS),
    );
  });

  it('refuses entity declarations with 400 and oversized bodies with 413, handing on nothing', async () => {
    const { queries, send } = await setup();
    const entity = recordInfo('UTF-8').replace(
      '<Query>',
      '<!DOCTYPE Query [<!ENTITY leak SYSTEM "file:///etc/passwd">]>\r\n<Query>',
    );
    expect(await send(Buffer.from(entity.replace(ADDRESS, '&leak;')))).toBe(400);
    expect(await send(Buffer.from(recordInfo('UTF-8', `<Pad>${'x'.repeat(100_000)}</Pad>`)))).toBe(
      413,
    );
    // Above the SIP body limit the message is not even read: the connection is dropped.
    await expect(
      send(Buffer.from(recordInfo('UTF-8', `<Pad>${'x'.repeat(300_000)}</Pad>`))),
    ).rejects.toThrow();
    expect(queries).toEqual([]);

    expect(await send(Buffer.from(recordInfo('UTF-8')))).toBe(200);
    await expect.poll(() => queries.length).toBe(1);
  });
});
