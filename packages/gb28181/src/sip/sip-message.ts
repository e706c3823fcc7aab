import type { SipHeaders } from './sip-headers.ts';

export interface SipRequest {
  kind: 'request';
  method: string;
  uri: string;
  headers: SipHeaders;
  body: Buffer;
}

export interface SipResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: SipHeaders;
  body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

export interface SipLimits {
  /** Header lines after unfolding, the start line excluded. */
  maxHeaderCount: number;
  /** Bytes of the start line and header section together. */
  maxHeaderBytes: number;
  maxBodyBytes: number;
}

export const DEFAULT_SIP_LIMITS: SipLimits = {
  maxHeaderCount: 64,
  maxHeaderBytes: 16 * 1024,
  maxBodyBytes: 256 * 1024,
};
