import { afterEach, describe, expect, it } from 'vitest';
import {
  createInDialogRequest,
  createUacDialog,
  createUasDialog,
  dialogIdOfRequest,
} from './sip-dialog.ts';
import { createResponse } from './sip-response.ts';
import { SipStack, type IncomingRequest, type SipStackEvent } from './sip-stack.ts';
import { testRequest } from './test-messages.ts';

const stacks: SipStack[] = [];

async function pair(transport: 'udp' | 'tcp') {
  const received: IncomingRequest[] = [];
  const events: SipStackEvent[] = [];
  const server = await SipStack.create({
    transport,
    host: '127.0.0.1',
    port: 0,
    onRequest: (incoming) => {
      received.push(incoming);
      if (incoming.request.method === 'ACK' || !incoming.respond) return;
      const response = createResponse(incoming.request, 200, {
        toTag: 'uas',
        headers: { Contact: `<sip:uas@127.0.0.1:${server.port}>` },
      });
      incoming.respond(response);
    },
    onEvent: (event) => events.push(event),
  });
  const client = await SipStack.create({
    transport,
    host: '127.0.0.1',
    port: 0,
    onRequest: () => {},
  });
  stacks.push(server, client);
  return { server, client, received, events };
}

afterEach(async () => {
  await Promise.all(stacks.splice(0).map((stack) => stack.close()));
});

describe.each(['udp', 'tcp'] as const)('SipStack over %s', (transport) => {
  it('completes an INVITE dialog: 200, ACK, BYE', async () => {
    const { server, client, received } = await pair(transport);
    const to = { host: '127.0.0.1', port: server.port };
    const invite = testRequest('INVITE', 'z9hG4bKx', `dialog-${transport}`);
    invite.headers.append('Contact', `<sip:uac@127.0.0.1:${client.port}>`);
    invite.headers.append('Record-Route', '<sip:proxy1;lr>, <sip:proxy2;lr>');

    const response = await client.request(invite, to);
    expect(response.status).toBe(200);
    const uac = createUacDialog(invite, response, to);
    expect(uac.routeSet).toEqual(['<sip:proxy2;lr>', '<sip:proxy1;lr>']);
    client.sendStateless(createInDialogRequest(uac, 'ACK'), to);
    const bye = await client.request(createInDialogRequest(uac, 'BYE'), to);
    expect(bye.status).toBe(200);

    expect(received.map((item) => item.request.method)).toEqual(['INVITE', 'ACK', 'BYE']);
    const uas = createUasDialog(received[0]!.request, response, received[0]!.from);
    expect(dialogIdOfRequest(received[2]!.request)).toBe(uas.id);
    expect(received[2]!.request.headers.get('cseq')).toBe('2 BYE');
  });

  it('reports malformed input as an event and keeps serving', async () => {
    const { server, client, events } = await pair(transport);
    const to = { host: '127.0.0.1', port: server.port };
    if (transport === 'udp') {
      const dgram = await import('node:dgram');
      const socket = dgram.createSocket('udp4');
      await new Promise<void>((resolve) =>
        socket.send('NOT SIP\r\n\r\n', server.port, '127.0.0.1', () => resolve()),
      );
      socket.close();
    } else {
      const net = await import('node:net');
      const socket = net.connect(server.port, '127.0.0.1');
      await new Promise((resolve) => socket.on('close', resolve).end('NOT SIP\r\n\r\n'));
    }
    const response = await client.request(testRequest('MESSAGE', 'z9hG4bKm', 'after-garbage'), to);
    expect(response.status).toBe(200);
    expect(events.some((event) => event.type === 'bad-message')).toBe(true);
  });
});

describe('SipStack failures', () => {
  it('fails a TCP request at once when the peer refuses the connection', async () => {
    const client = await SipStack.create({
      transport: 'tcp',
      host: '127.0.0.1',
      port: 0,
      onRequest: () => {},
    });
    stacks.push(client);
    const closed = await SipStack.create({
      transport: 'tcp',
      host: '127.0.0.1',
      port: 0,
      onRequest: () => {},
    });
    const port = closed.port;
    await closed.close();
    const outcome = await client
      .request(testRequest('REGISTER'), { host: '127.0.0.1', port })
      .catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: 'SIP_TRANSPORT_ERROR' });
  });
});
