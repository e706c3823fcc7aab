import type { SipMessage } from './sip-message.ts';

/** Serialises a message, always writing a Content-Length that matches the body. */
export function serializeSipMessage(message: SipMessage): Buffer {
  const startLine =
    message.kind === 'request'
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`;
  const headers = message.headers.clone();
  headers.set('content-length', message.body.length);
  const head = [startLine, ...headers.toLines(), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), message.body]);
}
