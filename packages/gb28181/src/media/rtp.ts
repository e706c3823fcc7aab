import { fail, ok, type Result } from '../errors.ts';

export interface RtpPacket {
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  marker: boolean;
  payload: Buffer;
}

export interface RtpPacketizerOptions {
  ssrc: number;
  /** 96 unless the SDP negotiated another dynamic type for PS. */
  payloadType?: number;
  /** Payload bytes per packet; 1400 keeps a UDP datagram under a 1500-byte MTU. */
  maxPayload?: number;
  initialSequence?: number;
}

/** RTP (RFC 3550) packetiser for PS: one frame's bytes split over packets, marker on the last. */
export class RtpPacketizer {
  private sequence: number;
  private readonly maxPayload: number;
  private readonly payloadType: number;

  constructor(private readonly options: RtpPacketizerOptions) {
    this.sequence = (options.initialSequence ?? Math.floor(Math.random() * 0x10000)) & 0xffff;
    this.maxPayload = options.maxPayload ?? 1400;
    this.payloadType = options.payloadType ?? 96;
  }

  /** `timestamp` is the frame's 90 kHz time; it wraps at 32 bits. */
  packetize(frame: Buffer, timestamp: number): Buffer[] {
    const packets: Buffer[] = [];
    const ts = timestamp % 0x1_0000_0000;
    for (let start = 0; start < frame.length || start === 0; start += this.maxPayload) {
      const end = Math.min(frame.length, start + this.maxPayload);
      const packet = Buffer.allocUnsafe(12 + end - start);
      packet[0] = 0x80;
      packet[1] = (end === frame.length ? 0x80 : 0) | this.payloadType;
      packet.writeUInt16BE(this.sequence, 2);
      packet.writeUInt32BE(ts, 4);
      packet.writeUInt32BE(this.options.ssrc >>> 0, 8);
      frame.copy(packet, 12, start, end);
      packets.push(packet);
      this.sequence = (this.sequence + 1) & 0xffff;
      if (frame.length === 0) break;
    }
    return packets;
  }
}

export function parseRtp(packet: Buffer): Result<RtpPacket> {
  if (packet.length < 12 || packet[0]! >> 6 !== 2)
    return fail('MEDIA_MALFORMED', 'not an RTP packet');
  const csrcCount = packet[0]! & 0x0f;
  let offset = 12 + csrcCount * 4;
  if (packet[0]! & 0x10) {
    if (packet.length < offset + 4) return fail('MEDIA_MALFORMED', 'truncated RTP extension');
    offset += 4 + packet.readUInt16BE(offset + 2) * 4;
  }
  let end = packet.length;
  if (packet[0]! & 0x20) end -= packet[packet.length - 1]!;
  if (offset > end) return fail('MEDIA_MALFORMED', 'truncated RTP packet');
  return ok({
    payloadType: packet[1]! & 0x7f,
    marker: (packet[1]! & 0x80) !== 0,
    sequence: packet.readUInt16BE(2),
    timestamp: packet.readUInt32BE(4),
    ssrc: packet.readUInt32BE(8),
    payload: packet.subarray(offset, end),
  });
}

/** RFC 4571: each RTP packet on a TCP stream is preceded by its 16-bit length. */
export function frameRfc4571(packet: Buffer): Buffer {
  const out = Buffer.allocUnsafe(2 + packet.length);
  out.writeUInt16BE(packet.length, 0);
  packet.copy(out, 2);
  return out;
}

/** Cuts an RFC 4571 byte stream back into packets. */
export class Rfc4571Deframer {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const packets: Buffer[] = [];
    let offset = 0;
    while (offset + 2 <= this.buffer.length) {
      const length = this.buffer.readUInt16BE(offset);
      if (offset + 2 + length > this.buffer.length) break;
      packets.push(this.buffer.subarray(offset + 2, offset + 2 + length));
      offset += 2 + length;
    }
    this.buffer = this.buffer.subarray(offset);
    return packets;
  }
}

export interface ReassembledFrame {
  timestamp: number;
  data: Buffer;
  /** False when a sequence gap means part of the frame was lost. */
  complete: boolean;
}

/**
 * Collects RTP packets of one SSRC into frames: packets are ordered by sequence within a
 * timestamp, and a frame is emitted when its marker arrives or the timestamp changes.
 */
export class RtpReassembler {
  private packets: RtpPacket[] = [];

  constructor(private readonly ssrc?: number) {}

  push(raw: Buffer): ReassembledFrame[] {
    const parsed = parseRtp(raw);
    if (!parsed.ok || (this.ssrc !== undefined && parsed.value.ssrc !== this.ssrc)) return [];
    const packet = parsed.value;
    const out: ReassembledFrame[] = [];
    const pending = this.packets[0];
    if (pending && pending.timestamp !== packet.timestamp) out.push(this.flush());
    this.packets.push(packet);
    if (packet.marker) out.push(this.flush());
    return out;
  }

  private flush(): ReassembledFrame {
    const packets = this.packets.sort(
      (a, b) => ((a.sequence - b.sequence + 0x8000) & 0xffff) - 0x8000,
    );
    this.packets = [];
    const complete = packets.every(
      (packet, index) =>
        index === 0 || packet.sequence === ((packets[index - 1]!.sequence + 1) & 0xffff),
    );
    return {
      timestamp: packets[0]?.timestamp ?? 0,
      data: Buffer.concat(packets.map((packet) => packet.payload)),
      complete: complete && packets.at(-1)?.marker === true,
    };
  }
}
