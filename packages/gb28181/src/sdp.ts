import { fail, ok, type Result } from './errors.ts';

export type SessionName = 'Play' | 'Playback' | 'Download' | 'Talk';
export type MediaTransport = 'udp' | 'tcp';
export type TcpSetup = 'active' | 'passive';

export interface RtpMap {
  payloadType: number;
  encoding: string;
  clockRate: number;
}

/** The parts of a GB/T 28181 INVITE offer (section 9.2 and annex F) the media sender needs. */
export interface GbSdpOffer {
  sessionName: SessionName;
  /** `o=` username: the id of the platform asking. */
  originId: string;
  /** `u=` deviceId:type, present for playback and download. */
  uri: string | null;
  /** Where to send (UDP, TCP passive) or whom to expect (TCP active). */
  address: string;
  port: number;
  transport: MediaTransport;
  /** The offerer's role: `passive` means it listens and we connect. */
  setup: TcpSetup | null;
  connectionNew: boolean;
  payloads: RtpMap[];
  /** `t=` start and end in seconds since 1970; 0 0 for live. */
  startTime: number;
  endTime: number;
  /** `y=` 10-digit SSRC as written; its first digit is 0 for live, 1 for history. */
  ssrc: string | null;
  downloadSpeed: number | null;
  direction: 'recvonly' | 'sendonly' | 'sendrecv' | null;
}

const SESSION_NAMES = new Set(['Play', 'Playback', 'Download', 'Talk']);

function lines(sdp: string): Array<[string, string]> {
  return sdp
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^[a-z]=/.test(line))
    .map((line) => [line[0]!, line.slice(2)]);
}

function parseMedia(
  value: string,
): Result<{ port: number; transport: MediaTransport; formats: number[] }> {
  const match = /^video (\d{1,5}) (RTP\/AVP|TCP\/RTP\/AVP|RTP\/AVP\/TCP)((?: \d{1,3})+)$/.exec(
    value,
  );
  if (!match) return fail('SDP_MALFORMED', 'unsupported m= line');
  const port = Number(match[1]);
  if (port > 65535) return fail('SDP_MALFORMED', 'port out of range');
  return ok({
    port,
    transport: match[2] === 'RTP/AVP' ? 'udp' : 'tcp',
    formats: match[3]!.trim().split(' ').map(Number),
  });
}

export function parseGbSdp(sdp: string): Result<GbSdpOffer> {
  if (sdp.length > 8192) return fail('SDP_MALFORMED', 'SDP too large');
  const fields = lines(sdp);
  const one = (key: string) => fields.find(([k]) => k === key)?.[1];
  const attrs = fields.filter(([k]) => k === 'a').map(([, v]) => v);

  const sessionName = one('s') ?? '';
  if (!SESSION_NAMES.has(sessionName))
    return fail('SDP_MALFORMED', 's= is not Play, Playback, Download or Talk');
  const connection = /^IN IP[46] (\S+)$/.exec(one('c') ?? '');
  if (!connection) return fail('SDP_MALFORMED', 'missing or malformed c= line');
  const media = parseMedia(one('m') ?? '');
  if (!media.ok) return media;
  const time = /^(\d{1,12}) (\d{1,12})$/.exec(one('t') ?? '0 0');
  if (!time) return fail('SDP_MALFORMED', 'malformed t= line');
  const ssrc = one('y') ?? null;
  if (ssrc !== null && !/^\d{10}$/.test(ssrc))
    return fail('SDP_MALFORMED', 'y= is not a 10-digit SSRC');

  const setup = attrs.find((a) => a.startsWith('setup:'))?.slice(6) ?? null;
  if (setup !== null && setup !== 'active' && setup !== 'passive') {
    return fail('SDP_MALFORMED', 'a=setup must be active or passive');
  }
  const speed = attrs.find((a) => a.startsWith('downloadspeed:'))?.slice(14);
  const direction = attrs.find((a) => /^(recvonly|sendonly|sendrecv)$/.test(a)) ?? null;
  return ok({
    sessionName: sessionName as SessionName,
    originId: (one('o') ?? '').split(' ')[0] ?? '',
    uri: one('u') ?? null,
    address: connection[1]!,
    port: media.value.port,
    transport: media.value.transport,
    setup,
    connectionNew: attrs.includes('connection:new'),
    payloads: parseRtpMaps(attrs, media.value.formats),
    startTime: Number(time[1]),
    endTime: Number(time[2]),
    ssrc,
    downloadSpeed: speed && /^\d+$/.test(speed) ? Number(speed) : null,
    direction: direction as GbSdpOffer['direction'],
  });
}

function parseRtpMaps(attrs: string[], formats: number[]): RtpMap[] {
  const maps: RtpMap[] = [];
  for (const attr of attrs) {
    const match = /^rtpmap:(\d{1,3}) ([A-Za-z0-9.-]+)\/(\d+)/.exec(attr);
    if (!match || !formats.includes(Number(match[1]))) continue;
    maps.push({ payloadType: Number(match[1]), encoding: match[2]!, clockRate: Number(match[3]) });
  }
  return maps;
}

/** True when the offer accepts PS at 90 kHz, the only payload this library sends. */
export function offersPs(offer: GbSdpOffer): RtpMap | null {
  return (
    offer.payloads.find((map) => map.encoding.toUpperCase() === 'PS' && map.clockRate === 90000) ??
    null
  );
}

export interface GbSdpAnswerOptions {
  offer: GbSdpOffer;
  /** Our device (channel) id, written as the `o=` username. */
  deviceId: string;
  /** Our media address. */
  address: string;
  /** Our sending port (UDP) or our listening / connecting port (TCP). */
  port: number;
  /** Defaults to the offer's SSRC. */
  ssrc?: string;
}

/** Builds the answer: sendonly PS on the offered payload type, with the TCP role reversed. */
export function buildGbSdpAnswer(options: GbSdpAnswerOptions): string {
  const { offer } = options;
  const ps = offersPs(offer);
  const payloadType = ps?.payloadType ?? 96;
  const proto = offer.transport === 'tcp' ? 'TCP/RTP/AVP' : 'RTP/AVP';
  const ip = options.address.includes(':') ? 'IP6' : 'IP4';
  const out = [
    'v=0',
    `o=${options.deviceId} 0 0 IN ${ip} ${options.address}`,
    `s=${offer.sessionName}`,
    `c=IN ${ip} ${options.address}`,
    `t=${offer.startTime} ${offer.endTime}`,
    `m=video ${options.port} ${proto} ${payloadType}`,
    'a=sendonly',
    `a=rtpmap:${payloadType} PS/90000`,
  ];
  if (offer.transport === 'tcp') {
    out.push(`a=setup:${offer.setup === 'active' ? 'passive' : 'active'}`, 'a=connection:new');
  }
  const ssrc = options.ssrc ?? offer.ssrc;
  if (ssrc) out.push(`y=${ssrc}`);
  out.push('f=');
  return out.join('\r\n') + '\r\n';
}

/** The SSRC number carried in RTP: the decimal `y=` value (it fits 32 bits when valid). */
export function ssrcNumber(ssrc: string): number {
  return Number(BigInt(ssrc) % 0x1_0000_0000n);
}
