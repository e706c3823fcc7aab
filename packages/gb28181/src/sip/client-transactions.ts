import { Gb28181Error } from '../errors.ts';
import { SipHeaders } from './sip-headers.ts';
import { parseCSeq, parseVia } from './sip-header-values.ts';
import type { SipRequest, SipResponse } from './sip-message.ts';
import type { Peer } from './sip-transport.ts';
import { RetransmitSchedule, type SipTimers } from './sip-timers.ts';

/** Resolves once written; a rejection (no route, refused connection) ends the transaction. */
type Send = (message: SipRequest, to: Peer) => Promise<void> | void;

interface ClientTransaction {
  request: SipRequest;
  to: Peer;
  schedule: RetransmitSchedule;
  onProvisional?: (response: SipResponse) => void;
  resolve: (response: SipResponse) => void;
  reject: (error: Gb28181Error) => void;
}

export function transactionKey(branch: string | null | undefined, method: string): string {
  return `${branch ?? ''}|${method}`;
}

/** Section 17.1.1.3: the ACK for a non-2xx final response reuses the INVITE's branch. */
function ackForFailure(invite: SipRequest, response: SipResponse): SipRequest {
  const headers = new SipHeaders();
  headers.append('Via', invite.headers.getAll('via')[0] ?? '');
  for (const route of invite.headers.getAll('route')) headers.append('Route', route);
  headers.append('From', invite.headers.get('from') ?? '');
  headers.append('To', response.headers.get('to') ?? '');
  headers.append('Call-ID', invite.headers.get('call-id') ?? '');
  headers.append('CSeq', `${parseCSeq(invite.headers.get('cseq') ?? '')?.seq ?? 0} ACK`);
  headers.append('Max-Forwards', '70');
  return { kind: 'request', method: 'ACK', uri: invite.uri, headers, body: Buffer.alloc(0) };
}

/** INVITE and non-INVITE client transactions (RFC 3261 sections 17.1.1 and 17.1.2). */
export class ClientTransactions {
  private readonly active = new Map<string, ClientTransaction>();
  /** Completed INVITE transactions kept for Timer D to re-ACK retransmitted failures. */
  private readonly completedInvites = new Map<string, { ack: SipRequest; to: Peer }>();

  constructor(private readonly options: { send: Send; timers: SipTimers; reliable: boolean }) {}

  start(
    request: SipRequest,
    to: Peer,
    onProvisional?: (response: SipResponse) => void,
  ): Promise<SipResponse> {
    const branch = parseVia(request.headers.get('via') ?? '')?.params.branch;
    const key = transactionKey(branch, request.method);
    const isInvite = request.method === 'INVITE';
    const { timers, reliable } = this.options;

    return new Promise((resolve, reject) => {
      const schedule = new RetransmitSchedule({
        timers,
        reliable,
        cap: isInvite ? null : timers.t2,
        retransmit: () => this.transmit(key, request, to),
        timeout: () => {
          this.active.delete(key);
          reject(new Gb28181Error('SIP_TRANSACTION_TIMEOUT', `${request.method} timed out`));
        },
      });
      this.active.set(key, {
        request,
        to,
        schedule,
        resolve,
        reject,
        ...(onProvisional ? { onProvisional } : {}),
      });
      this.transmit(key, request, to);
    });
  }

  private transmit(key: string, request: SipRequest, to: Peer): void {
    Promise.resolve(this.options.send(request, to)).catch((cause: unknown) => {
      const transaction = this.active.get(key);
      if (!transaction) return;
      transaction.schedule.stop();
      this.active.delete(key);
      transaction.reject(
        new Gb28181Error('SIP_TRANSPORT_ERROR', `${request.method} could not be sent`, { cause }),
      );
    });
  }

  /** Returns false when the response matches no transaction (a stray or a 2xx retransmission). */
  receive(response: SipResponse): boolean {
    const branch = parseVia(response.headers.get('via') ?? '')?.params.branch;
    const method = parseCSeq(response.headers.get('cseq') ?? '')?.method ?? '';
    const key = transactionKey(branch, method);
    const transaction = this.active.get(key);
    if (!transaction) return this.reAck(key, response);

    if (response.status < 200) {
      this.onProvisional(transaction);
      transaction.onProvisional?.(response);
      return true;
    }
    transaction.schedule.stop();
    this.active.delete(key);
    if (method === 'INVITE' && response.status >= 300)
      this.acknowledgeFailure(key, transaction, response);
    transaction.resolve(response);
    return true;
  }

  private onProvisional(transaction: ClientTransaction): void {
    if (transaction.request.method === 'INVITE') transaction.schedule.stopRetransmit();
    else transaction.schedule.slowDown(this.options.timers.t2);
  }

  private acknowledgeFailure(
    key: string,
    transaction: ClientTransaction,
    response: SipResponse,
  ): void {
    const ack = ackForFailure(transaction.request, response);
    this.sendQuietly(ack, transaction.to);
    if (this.options.reliable) return;
    this.completedInvites.set(key, { ack, to: transaction.to });
    setTimeout(() => this.completedInvites.delete(key), 32_000).unref();
  }

  private reAck(key: string, response: SipResponse): boolean {
    const completed = this.completedInvites.get(key);
    if (!completed || response.status < 300) return false;
    this.sendQuietly(completed.ack, completed.to);
    return true;
  }

  /** ACKs have no transaction to fail; a lost one is recovered by the peer's retransmission. */
  private sendQuietly(request: SipRequest, to: Peer): void {
    Promise.resolve(this.options.send(request, to)).catch(() => undefined);
  }

  close(): void {
    for (const transaction of this.active.values()) {
      transaction.schedule.stop();
      transaction.reject(new Gb28181Error('SIP_TRANSACTION_TIMEOUT', 'stack closed'));
    }
    this.active.clear();
    this.completedInvites.clear();
  }
}
