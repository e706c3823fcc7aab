import dgram from 'node:dgram';
import net from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SipHeaders } from '../sip/sip-headers.ts';
import { SipStack } from '../sip/sip-stack.ts';
import { malformedSip } from '../sip/test-fuzz-inputs.ts';
import { LowerPlatformUa, type UaEvent } from './lower-platform-ua.ts';

const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function upperRequest(method: string, body: string, callId: string) {
  return {
    kind: 'request' as const,
    method,
    uri: `sip:${PLATFORM}@4403050011`,
    headers: SipHeaders.from({
      From: `<sip:${UPPER}@4403000000>;tag=${callId}`,
      To: `<sip:${PLATFORM}@4403050011>`,
      'Call-ID': callId,
      CSeq: `1 ${method}`,
      'Content-Type': method === 'INVITE' ? 'APPLICATION/SDP' : 'Application/MANSCDP+xml',
    }),
    body: Buffer.from(body, 'latin1'),
  };
}

describe.each(['udp', 'tcp'] as const)('the UA under fuzzed input over %s', (transport) => {
  it('survives malformed SIP and bodies, then still answers a valid query', async () => {
    const events: UaEvent[] = [];
    const queries: string[] = [];
    const ua = await LowerPlatformUa.create({
      transport,
      localHost: '127.0.0.1',
      localPort: 0,
      deviceId: PLATFORM,
      domain: '4403050011',
      upper: { id: UPPER, domain: '4403000000', host: '127.0.0.1', port: 9 },
      password: 'pw',
      timers: { t1: 20, t2: 80, t4: 100 },
      handlers: {
        onQuery: (query) => {
          queries.push(query.cmdType);
          return [];
        },
        onInvite: () => ({ accept: false, status: 486 }),
        onSessionEnd: () => {},
        onEvent: (event) => events.push(event),
      },
    });
    cleanups.push(() => ua.stop());
    const samples = fc.sample(malformedSip, { numRuns: 300, seed: 28181 });

    if (transport === 'udp') {
      const socket = dgram.createSocket('udp4');
      for (const datagram of samples) {
        await new Promise((resolve) =>
          socket.send(datagram.subarray(0, 60_000), ua.stack.port, '127.0.0.1', resolve),
        );
      }
      socket.close();
    } else {
      for (let i = 0; i < samples.length; i += 30) {
        const socket = net.connect(ua.stack.port, '127.0.0.1');
        socket.on('error', () => {});
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        for (const chunk of samples.slice(i, i + 30)) socket.write(chunk);
        await new Promise<void>((resolve) => socket.end(() => resolve()));
      }
    }

    const upper = await SipStack.create({
      transport,
      host: '127.0.0.1',
      port: 0,
      onRequest: () => {},
    });
    cleanups.push(() => upper.close());
    const to = { host: '127.0.0.1', port: ua.stack.port };
    const bodies = fc.sample(fc.string({ maxLength: 300 }), { numRuns: 20, seed: 7 });
    const statuses = await Promise.all(
      bodies.flatMap((body, i) => [
        upper.request(upperRequest('MESSAGE', body, `m${i}`), to).then((r) => r.status),
        upper.request(upperRequest('INVITE', body, `i${i}`), to).then((r) => r.status),
      ]),
    );
    expect(statuses.every((status) => status >= 400 && status < 600)).toBe(true);

    const query = `<?xml version="1.0"?><Query><CmdType>DeviceInfo</CmdType><SN>5</SN><DeviceID>${PLATFORM}</DeviceID></Query>`;
    const response = await upper.request(upperRequest('MESSAGE', query, 'valid'), to);
    expect(response.status).toBe(200);
    await expect.poll(() => queries).toEqual(['DeviceInfo']);
    expect(events.some((event) => event.type === 'sip' && event.event.type === 'bad-message')).toBe(
      true,
    );
    expect(events.some((event) => event.type === 'handler-failed')).toBe(false);
  });
});
