import { NalType, nalType } from '../h264/access-unit.ts';

export const DEFAULT_MAX_PAYLOAD = 1400;
const FU_A = 28;

/**
 * RTP payloads for one access unit in packetization mode 1 (RFC 6184): a NAL unit that fits
 * goes alone (section 5.6); a larger one is cut into FU-A fragments (section 5.8). AUDs are
 * dropped, as the RFC advises for RTP. The marker bit belongs on the last payload.
 */
export function packetizeAccessUnit(nals: Buffer[], maxPayload = DEFAULT_MAX_PAYLOAD): Buffer[] {
  const payloads: Buffer[] = [];
  for (const nal of nals) {
    if (nalType(nal) === NalType.aud) continue;
    if (nal.length <= maxPayload) {
      payloads.push(nal);
      continue;
    }
    payloads.push(...fragment(nal, maxPayload));
  }
  return payloads;
}

function fragment(nal: Buffer, maxPayload: number): Buffer[] {
  const header = nal[0]!;
  const indicator = (header & 0xe0) | FU_A;
  const type = header & 0x1f;
  const chunk = maxPayload - 2;
  const fragments: Buffer[] = [];

  for (let offset = 1; offset < nal.length; offset += chunk) {
    const end = Math.min(offset + chunk, nal.length);
    const start = offset === 1 ? 0x80 : 0;
    const last = end === nal.length ? 0x40 : 0;
    const fu = Buffer.allocUnsafe(2 + end - offset);
    fu[0] = indicator;
    fu[1] = start | last | type;
    nal.copy(fu, 2, offset, end);
    fragments.push(fu);
  }
  return fragments;
}

export interface RtpHeaderFields {
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  marker: boolean;
}

/** A complete RTP packet (RFC 3550 section 5.1): version 2, no padding, extension or CSRC. */
export function rtpPacket(fields: RtpHeaderFields, payload: Buffer): Buffer {
  const packet = Buffer.allocUnsafe(12 + payload.length);
  packet[0] = 0x80;
  packet[1] = (fields.marker ? 0x80 : 0) | (fields.payloadType & 0x7f);
  packet.writeUInt16BE(fields.sequence & 0xffff, 2);
  packet.writeUInt32BE(fields.timestamp >>> 0, 4);
  packet.writeUInt32BE(fields.ssrc >>> 0, 8);
  payload.copy(packet, 12);
  return packet;
}

/** Sender report with no report blocks (RFC 3550 section 6.4.1). */
export function rtcpSenderReport(options: {
  ssrc: number;
  wallClockMs: number;
  rtpTimestamp: number;
  packets: number;
  octets: number;
}): Buffer {
  const report = Buffer.alloc(28);
  report[0] = 0x80;
  report[1] = 200;
  report.writeUInt16BE(6, 2);
  report.writeUInt32BE(options.ssrc >>> 0, 4);
  const ntpSeconds = Math.floor(options.wallClockMs / 1000) + 2_208_988_800;
  const fraction = Math.floor(((options.wallClockMs % 1000) / 1000) * 2 ** 32);
  report.writeUInt32BE(ntpSeconds >>> 0, 8);
  report.writeUInt32BE(fraction >>> 0, 12);
  report.writeUInt32BE(options.rtpTimestamp >>> 0, 16);
  report.writeUInt32BE(options.packets >>> 0, 20);
  report.writeUInt32BE(options.octets >>> 0, 24);
  return report;
}
