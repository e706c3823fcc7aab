import { parseCSeq, parseVia } from './sip-header-values.ts';
import type { SipRequest, SipResponse } from './sip-message.ts';
import { createResponse } from './sip-response.ts';
import type { Peer } from './sip-transport.ts';
import { transactionKey } from './client-transactions.ts';
import { RetransmitSchedule, type SipTimers } from './sip-timers.ts';

type Send = (message: SipResponse, to: Peer) => void;

interface ServerTransaction {
  from: Peer;
  lastResponse: SipResponse | null;
  schedule: RetransmitSchedule | null;
  /** A 2xx answered the INVITE: the "Accepted" state of RFC 6026 section 8.5. */
  accepted: boolean;
}

export type ServerTransactionEvent =
  | {
      type: 'new-request';
      request: SipRequest;
      from: Peer;
      respond: (response: SipResponse) => void;
    }
  | { type: 'ack'; request: SipRequest; from: Peer }
  | { type: 'ack-timeout'; callId: string };

function serverKey(request: SipRequest): string {
  const branch = parseVia(request.headers.get('via') ?? '')?.params.branch;
  const method = request.method === 'ACK' ? 'INVITE' : request.method;
  return transactionKey(branch, method);
}

function dialogAckKey(callId: string, seq: number): string {
  return `${callId}|${seq}`;
}

/**
 * Server transactions (sections 17.2.1 and 17.2.2) plus the UAS core's 2xx retransmission
 * until the ACK arrives (section 13.3.1.4), which the transaction layer does not do itself.
 */
export class ServerTransactions {
  private readonly active = new Map<string, ServerTransaction>();
  private readonly awaitingAck = new Map<string, RetransmitSchedule>();

  constructor(
    private readonly options: {
      send: Send;
      timers: SipTimers;
      reliable: boolean;
      emit: (event: ServerTransactionEvent) => void;
    },
  ) {}

  receive(request: SipRequest, from: Peer): void {
    if (request.method === 'ACK') {
      this.receiveAck(request, from);
      return;
    }
    const key = serverKey(request);
    const existing = this.active.get(key);
    if (existing) {
      // A retransmitted request: answer with the last response again (sections 17.2.1, 17.2.2).
      // An INVITE already accepted is absorbed; the UAS core retransmits its 2xx itself.
      if (existing.lastResponse && !existing.accepted) {
        this.options.send(existing.lastResponse, existing.from);
      }
      return;
    }

    const transaction: ServerTransaction = {
      from,
      lastResponse: null,
      schedule: null,
      accepted: false,
    };
    this.active.set(key, transaction);
    if (request.method === 'INVITE') this.respond(key, request, createResponse(request, 100));
    this.options.emit({
      type: 'new-request',
      request,
      from,
      respond: (response) => this.respond(key, request, response),
    });
  }

  private receiveAck(request: SipRequest, from: Peer): void {
    const key = serverKey(request);
    const transaction = this.active.get(key);
    if (transaction?.lastResponse && transaction.lastResponse.status >= 300) {
      transaction.schedule?.stop();
      this.linger(key);
      return;
    }
    const callId = request.headers.get('call-id') ?? '';
    const seq = parseCSeq(request.headers.get('cseq') ?? '')?.seq ?? -1;
    const ackKey = dialogAckKey(callId, seq);
    this.awaitingAck.get(ackKey)?.stop();
    this.awaitingAck.delete(ackKey);
    this.options.emit({ type: 'ack', request, from });
  }

  private respond(key: string, request: SipRequest, response: SipResponse): void {
    const transaction = this.active.get(key);
    if (!transaction) return;
    transaction.lastResponse = response;
    this.options.send(response, transaction.from);
    if (response.status < 200) return;

    if (request.method !== 'INVITE') {
      this.linger(key);
      return;
    }
    const retransmit = () => this.options.send(response, transaction.from);
    const { timers, reliable } = this.options;
    if (response.status >= 300) {
      transaction.schedule = new RetransmitSchedule({
        timers,
        reliable,
        cap: timers.t2,
        retransmit,
        timeout: () => this.active.delete(key),
      });
      return;
    }
    // RFC 6026: the transaction stays (Accepted) for 64*T1 so that an INVITE retransmitted
    // after the 2xx, when the 100 was lost or read late, does not open a second session.
    transaction.accepted = true;
    this.linger(key);
    this.expectAck(request, retransmit);
  }

  private expectAck(request: SipRequest, retransmit: () => void): void {
    const callId = request.headers.get('call-id') ?? '';
    const seq = parseCSeq(request.headers.get('cseq') ?? '')?.seq ?? -1;
    const ackKey = dialogAckKey(callId, seq);
    this.awaitingAck.set(
      ackKey,
      new RetransmitSchedule({
        timers: this.options.timers,
        reliable: this.options.reliable,
        cap: this.options.timers.t2,
        retransmit,
        timeout: () => {
          this.awaitingAck.delete(ackKey);
          this.options.emit({ type: 'ack-timeout', callId });
        },
      }),
    );
  }

  /** Timers I and J: absorb retransmissions for a while (zero over TCP). */
  private linger(key: string): void {
    const { reliable, timers } = this.options;
    if (reliable) {
      this.active.delete(key);
      return;
    }
    setTimeout(() => this.active.delete(key), 64 * timers.t1).unref();
  }

  close(): void {
    for (const transaction of this.active.values()) transaction.schedule?.stop();
    for (const schedule of this.awaitingAck.values()) schedule.stop();
    this.active.clear();
    this.awaitingAck.clear();
  }
}
