import { afterEach, describe, expect, it } from 'vitest';
import { parseManscdp } from '../manscdp/manscdp-message.ts';
import { DigestServer } from '../sip/digest.ts';
import { createResponse } from '../sip/sip-response.ts';
import { SipStack } from '../sip/sip-stack.ts';
import { LowerPlatformUa, type UaEvent } from './lower-platform-ua.ts';

const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';
const TIMERS = { t1: 10, t2: 40, t4: 50 };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An in-process upper platform: digest registrar that grants short registrations, keepalive sink. */
async function upperPlatform(options: { expires: number }) {
  const digest = new DigestServer({ realm: '4403000000' });
  const log: string[] = [];
  let answerKeepalives = true;
  const stack = await SipStack.create({
    transport: 'udp',
    host: '127.0.0.1',
    port: 0,
    timers: TIMERS,
    onRequest: ({ request, respond }) => {
      if (!respond) return;
      if (request.method === 'REGISTER') {
        const verdict = digest.verify('REGISTER', request.headers.get('authorization'), () => 'pw');
        if (!verdict.ok) {
          log.push('challenge');
          respond(
            createResponse(request, 401, {
              toTag: 'u',
              headers: { 'WWW-Authenticate': digest.challenge() },
            }),
          );
          return;
        }
        log.push(`register:${request.headers.get('expires')}`);
        respond(
          createResponse(request, 200, { toTag: 'u', headers: { Expires: options.expires } }),
        );
        return;
      }
      const body = parseManscdp(request.body);
      if (body.ok && body.value.cmdType === 'Keepalive') {
        log.push(answerKeepalives ? 'keepalive' : 'keepalive-ignored');
        if (answerKeepalives) respond(createResponse(request, 200, { toTag: 'u' }));
      }
    },
  });
  cleanups.push(() => stack.close());
  return {
    stack,
    log,
    silence: () => (answerKeepalives = false),
    answer: () => (answerKeepalives = true),
  };
}

async function startUa(upperPort: number, events: UaEvent[]) {
  const ua = await LowerPlatformUa.create({
    transport: 'udp',
    localHost: '127.0.0.1',
    localPort: 0,
    deviceId: PLATFORM,
    domain: '4403050011',
    upper: { id: UPPER, domain: '4403000000', host: '127.0.0.1', port: upperPort },
    password: 'pw',
    keepaliveIntervalMs: 100,
    timers: TIMERS,
    handlers: {
      onQuery: () => [],
      onInvite: () => ({ accept: false, status: 486 }),
      onSessionEnd: () => {},
      onEvent: (event) => events.push(event),
    },
  });
  cleanups.push(() => ua.stop());
  return ua;
}

describe('LowerPlatformUa registration lifecycle', () => {
  it('refreshes the registration before it expires and keeps alive in between', async () => {
    const upper = await upperPlatform({ expires: 2 });
    const events: UaEvent[] = [];
    const ua = await startUa(upper.stack.port, events);
    expect(await ua.start()).toBe('registered');
    await expect
      .poll(() => upper.log.filter((entry) => entry === 'register:3600').length, { timeout: 4000 })
      .toBe(2);
    expect(upper.log.indexOf('keepalive')).toBeGreaterThan(0);
    expect(upper.log.indexOf('keepalive')).toBeLessThan(upper.log.lastIndexOf('register:3600'));
    expect(events.filter((event) => event.type === 'registered')).toHaveLength(2);
  });

  it('registers again after three unanswered keepalives, and unregisters on stop', async () => {
    const upper = await upperPlatform({ expires: 3600 });
    const events: UaEvent[] = [];
    const ua = await startUa(upper.stack.port, events);
    await ua.start();
    await expect.poll(() => upper.log.includes('keepalive'), { timeout: 3000 }).toBe(true);
    upper.silence();
    await expect
      .poll(() => events.filter((event) => event.type === 'registered').length, { timeout: 5000 })
      .toBe(2);
    expect(
      events
        .filter((event) => event.type === 'keepalive-missed')
        .map((event) => 'missed' in event && event.missed),
    ).toEqual([1, 2, 3]);
    upper.answer();
    await ua.stop();
    expect(upper.log.at(-1)).toBe('register:0');
    expect(ua.state).toBe('idle');
  });
});
