import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientTransactions } from './client-transactions.ts';
import type { SipMessage, SipResponse } from './sip-message.ts';
import { createResponse } from './sip-response.ts';
import { ServerTransactions, type ServerTransactionEvent } from './server-transactions.ts';
import { DEFAULT_SIP_TIMERS } from './sip-timers.ts';
import { testRequest } from './test-messages.ts';

const peer = { host: '127.0.0.1', port: 5060 };

function sentTimes(sent: Array<{ at: number }>): number[] {
  return sent.map((item) => item.at);
}

describe('client transactions', () => {
  let sent: Array<{ at: number; message: SipMessage }>;
  const send = (message: SipMessage) => {
    sent.push({ at: Date.now(), message });
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    sent = [];
  });
  afterEach(() => vi.useRealTimers());

  it('retransmits non-INVITE on Timer E capped at T2 and times out on Timer F over UDP', async () => {
    const layer = new ClientTransactions({ send, timers: DEFAULT_SIP_TIMERS, reliable: false });
    const result = layer.start(testRequest('REGISTER'), peer).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(32_000);
    expect(sentTimes(sent)).toEqual([
      0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500,
    ]);
    expect(await result).toMatchObject({ code: 'SIP_TRANSACTION_TIMEOUT' });
  });

  it('retransmits INVITE on Timer A without cap, stops on a provisional, and ACKs a failure', async () => {
    const layer = new ClientTransactions({ send, timers: DEFAULT_SIP_TIMERS, reliable: false });
    const invite = testRequest('INVITE');
    const provisional: number[] = [];
    const result = layer.start(invite, peer, (response) => provisional.push(response.status));
    await vi.advanceTimersByTimeAsync(8000);
    expect(sentTimes(sent)).toEqual([0, 500, 1500, 3500, 7500]);
    layer.receive(createResponse(invite, 180, { toTag: 't' }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(5);

    const busy = createResponse(invite, 486, { toTag: 't' });
    expect(layer.receive(busy)).toBe(true);
    expect((await result).status).toBe(486);
    const ack = sent[5]?.message;
    expect(ack?.kind === 'request' && ack.method).toBe('ACK');
    expect(ack?.headers.get('via')).toBe(invite.headers.get('via'));
    expect(layer.receive(busy)).toBe(true);
    expect(sent).toHaveLength(7);
    expect(provisional).toEqual([180]);
  });

  it('never retransmits over TCP but still times out', async () => {
    const layer = new ClientTransactions({ send, timers: DEFAULT_SIP_TIMERS, reliable: true });
    const result = layer.start(testRequest('MESSAGE'), peer).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(sent).toHaveLength(1);
    expect(await result).toMatchObject({ code: 'SIP_TRANSACTION_TIMEOUT' });
  });

  it('resolves on a final response and ignores strays', async () => {
    const layer = new ClientTransactions({ send, timers: DEFAULT_SIP_TIMERS, reliable: false });
    const request = testRequest('MESSAGE');
    const result = layer.start(request, peer);
    expect(layer.receive(createResponse(testRequest('MESSAGE', 'z9hG4bKother'), 200))).toBe(false);
    expect(layer.receive(createResponse(request, 200))).toBe(true);
    expect((await result).status).toBe(200);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(sent).toHaveLength(1);
  });
});

describe('server transactions', () => {
  let sent: Array<{ at: number; message: SipMessage }>;
  let events: ServerTransactionEvent[];

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    sent = [];
    events = [];
  });
  afterEach(() => vi.useRealTimers());

  const layer = (reliable: boolean) =>
    new ServerTransactions({
      send: (message) => sent.push({ at: Date.now(), message }),
      timers: DEFAULT_SIP_TIMERS,
      reliable,
      emit: (event) => events.push(event),
    });

  const statuses = () => sent.map((item) => (item.message as SipResponse).status);

  it('answers a retransmitted request with the last response and delivers it once', () => {
    const server = layer(false);
    const request = testRequest('MESSAGE');
    server.receive(request, peer);
    server.receive(request, peer);
    const first = events[0];
    if (first?.type !== 'new-request') throw new Error('expected a request');
    first.respond(createResponse(request, 200));
    server.receive(request, peer);
    expect(events).toHaveLength(1);
    expect(statuses()).toEqual([200, 200]);
  });

  it('retransmits a 2xx to INVITE until the ACK, then reports the ACK', async () => {
    const server = layer(false);
    const invite = testRequest('INVITE');
    server.receive(invite, peer);
    const first = events[0];
    if (first?.type !== 'new-request') throw new Error('expected a request');
    first.respond(createResponse(invite, 200, { toTag: 'ours' }));
    await vi.advanceTimersByTimeAsync(3600);
    expect(statuses()).toEqual([100, 200, 200, 200, 200]);
    server.receive(testRequest('ACK', 'z9hG4bKnew'), peer);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(5);
    expect(events.map((event) => event.type)).toEqual(['new-request', 'ack']);
  });

  it('absorbs an INVITE retransmitted after its 2xx instead of delivering it again', async () => {
    const server = layer(false);
    const invite = testRequest('INVITE');
    server.receive(invite, peer);
    const first = events[0];
    if (first?.type !== 'new-request') throw new Error('expected a request');
    first.respond(createResponse(invite, 200, { toTag: 'ours' }));
    server.receive(invite, peer);
    await vi.advanceTimersByTimeAsync(100);
    expect(events).toHaveLength(1);
    expect(statuses()).toEqual([100, 200]);
    server.receive(testRequest('ACK', 'z9hG4bKnew'), peer);
    expect(events.map((event) => event.type)).toEqual(['new-request', 'ack']);
  });

  it('reports an ACK timeout after 64*T1', async () => {
    const server = layer(false);
    const invite = testRequest('INVITE');
    server.receive(invite, peer);
    const first = events[0];
    if (first?.type !== 'new-request') throw new Error('expected a request');
    first.respond(createResponse(invite, 200, { toTag: 'ours' }));
    await vi.advanceTimersByTimeAsync(32_000);
    expect(events.at(-1)).toEqual({ type: 'ack-timeout', callId: 'call-1' });
  });

  it('absorbs the ACK of a failure inside the transaction', async () => {
    const server = layer(false);
    const invite = testRequest('INVITE');
    server.receive(invite, peer);
    const first = events[0];
    if (first?.type !== 'new-request') throw new Error('expected a request');
    first.respond(createResponse(invite, 488, { toTag: 'ours' }));
    await vi.advanceTimersByTimeAsync(600);
    server.receive(testRequest('ACK'), peer);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(statuses()).toEqual([100, 488, 488]);
    expect(events).toHaveLength(1);
  });
});
