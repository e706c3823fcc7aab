import type { ParameterSets } from '../media/stream-source.ts';
import { PAYLOAD_TYPE } from '../media/stream-source.ts';

export const TRACK_CONTROL = 'trackID=0';

export interface SdpOptions {
  sessionId: number;
  address: string;
  title: string;
  parameterSets: ParameterSets | null;
  width: number;
  height: number;
  fps: number;
}

/** Session description for one H.264 video track (RFC 4566, RFC 6184 section 8.1). */
export function describeSdp(options: SdpOptions): string {
  const fmtp = ['packetization-mode=1'];
  const sets = options.parameterSets;
  if (sets) {
    fmtp.push(`profile-level-id=${sets.sps.subarray(1, 4).toString('hex').toUpperCase()}`);
    fmtp.push(`sprop-parameter-sets=${sets.sps.toString('base64')},${sets.pps.toString('base64')}`);
  }
  const lines = [
    'v=0',
    `o=- ${options.sessionId} 1 IN IP4 ${options.address}`,
    `s=${options.title}`,
    `c=IN IP4 0.0.0.0`,
    't=0 0',
    'a=control:*',
    'a=range:npt=now-',
    `m=video 0 RTP/AVP ${PAYLOAD_TYPE}`,
    `a=rtpmap:${PAYLOAD_TYPE} H264/90000`,
    `a=fmtp:${PAYLOAD_TYPE} ${fmtp.join(';')}`,
    `a=framerate:${options.fps}`,
    `a=x-dimensions:${options.width},${options.height}`,
    `a=control:${TRACK_CONTROL}`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}
