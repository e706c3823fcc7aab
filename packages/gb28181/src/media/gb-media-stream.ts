import { Gb28181Error } from '../errors.ts';
import { buildGbSdpAnswer, offersPs, ssrcNumber, type GbSdpOffer } from '../sdp.ts';
import type { VideoCodec } from './annexb.ts';
import { PsMuxer } from './ps-muxer.ts';
import { RtpPacketizer } from './rtp.ts';
import { createRtpSender, type RtpSender, type RtpTransportMode } from './rtp-sender.ts';

export interface GbMediaStreamOptions {
  offer: GbSdpOffer;
  /** The channel id written into the answer's `o=` line. */
  channelId: string;
  codec: VideoCodec;
  /** Our media address: bound locally and written into the answer. */
  localHost: string;
  localPort?: number;
  connectTimeoutMs?: number;
}

export interface GbMediaStream {
  /** The SDP answer to put in the 200 to INVITE. */
  readonly answerSdp: string;
  readonly mode: RtpTransportMode;
  /** Call after the ACK: connects (TCP active) or waits for the peer (TCP passive). */
  connect(): Promise<void>;
  /** Sends one access unit as a PS pack over RTP; `pts` in 90 kHz units. */
  send(unit: { data: Buffer; keyframe: boolean; pts: number; dts?: number }): Promise<void>;
  /** Resolves when the peer closes a TCP stream. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
  readonly stats: { frames: number; packets: number; bytes: number };
}

function modeOf(offer: GbSdpOffer): RtpTransportMode {
  if (offer.transport === 'udp') return 'udp';
  // The offer states the upper platform's role; ours is the opposite.
  return offer.setup === 'active' ? 'tcp-passive' : 'tcp-active';
}

/** Everything between an INVITE offer and RTP on the wire: sender, SDP answer, PS muxer, packetiser. */
export async function openGbMediaStream(options: GbMediaStreamOptions): Promise<GbMediaStream> {
  const { offer } = options;
  const ps = offersPs(offer);
  if (!ps) throw new Gb28181Error('SDP_MALFORMED', 'the offer does not accept PS/90000');
  if (!offer.ssrc) throw new Gb28181Error('SDP_MALFORMED', 'the offer carries no y= SSRC');

  const mode = modeOf(offer);
  const sender: RtpSender = await createRtpSender({
    mode,
    localHost: options.localHost,
    localPort: options.localPort ?? 0,
    remoteHost: offer.address,
    remotePort: offer.port,
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
  });
  const muxer = new PsMuxer({ codec: options.codec });
  const packetizer = new RtpPacketizer({
    ssrc: ssrcNumber(offer.ssrc),
    payloadType: ps.payloadType,
  });
  const stats = { frames: 0, packets: 0, bytes: 0 };

  return {
    answerSdp: buildGbSdpAnswer({
      offer,
      deviceId: options.channelId,
      address: options.localHost,
      // For TCP active our port is not known before connecting; 9 is the discard port RFC 4145 uses.
      port: mode === 'tcp-active' ? 9 : sender.localPort,
    }),
    mode,
    connect: () => sender.connect(),
    closed: sender.closed,
    stats,
    send: async (unit) => {
      const pack = muxer.mux(unit);
      const packets = packetizer.packetize(pack, unit.dts ?? unit.pts);
      await sender.send(packets);
      stats.frames++;
      stats.packets += packets.length;
      stats.bytes += pack.length;
    },
    close: () => sender.close(),
  };
}
