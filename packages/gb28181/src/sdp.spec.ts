import { describe, expect, it } from 'vitest';
import { buildGbSdpAnswer, offersPs, parseGbSdp, ssrcNumber } from './sdp.ts';

const playbackTcp = [
  'v=0',
  'o=44030000002000000001 0 0 IN IP4 10.1.2.3',
  's=Playback',
  'u=44030500111310000042:0',
  'c=IN IP4 10.1.2.3',
  't=1764720000 1764723600',
  'm=video 30000 TCP/RTP/AVP 96 98',
  'a=recvonly',
  'a=rtpmap:96 PS/90000',
  'a=rtpmap:98 H264/90000',
  'a=setup:passive',
  'a=connection:new',
  'y=1100000042',
  'f=',
].join('\r\n');

describe('GB SDP', () => {
  it('parses a TCP playback offer', () => {
    const parsed = parseGbSdp(playbackTcp);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.value).toMatchObject({
      sessionName: 'Playback',
      originId: '44030000002000000001',
      uri: '44030500111310000042:0',
      address: '10.1.2.3',
      port: 30000,
      transport: 'tcp',
      setup: 'passive',
      connectionNew: true,
      startTime: 1764720000,
      endTime: 1764723600,
      ssrc: '1100000042',
      direction: 'recvonly',
    });
    expect(offersPs(parsed.value)).toEqual({ payloadType: 96, encoding: 'PS', clockRate: 90000 });
  });

  it('answers with sendonly PS, the SSRC and the opposite TCP role', () => {
    const offer = parseGbSdp(playbackTcp);
    if (!offer.ok) throw offer.error;
    const answer = buildGbSdpAnswer({
      offer: offer.value,
      deviceId: '44030500111310000042',
      address: '10.9.9.9',
      port: 0,
    });
    expect(answer).toContain('m=video 0 TCP/RTP/AVP 96\r\n');
    expect(answer).toContain('a=setup:active\r\n');
    expect(answer).toContain('y=1100000042\r\n');
    expect(answer).toContain('t=1764720000 1764723600\r\n');
    const reparsed = parseGbSdp(answer);
    expect(reparsed.ok && reparsed.value.setup).toBe('active');
  });

  it('parses a UDP live offer', () => {
    const live = parseGbSdp(
      'v=0\no=x 0 0 IN IP4 1.2.3.4\ns=Play\nc=IN IP4 1.2.3.4\nt=0 0\nm=video 6000 RTP/AVP 96\na=rtpmap:96 PS/90000\ny=0100000001\n',
    );
    expect(live.ok && [live.value.transport, live.value.port, live.value.setup]).toEqual([
      'udp',
      6000,
      null,
    ]);
    expect(ssrcNumber('0100000001')).toBe(100000001);
  });

  it.each([
    ['unknown session', playbackTcp.replace('s=Playback', 's=Hello')],
    ['short SSRC', playbackTcp.replace('y=1100000042', 'y=42')],
    ['audio only', playbackTcp.replace('m=video', 'm=audio')],
    ['bad setup', playbackTcp.replace('setup:passive', 'setup:actpass')],
    ['no connection', playbackTcp.replace('c=IN IP4 10.1.2.3\r\n', '')],
  ])('refuses %s', (_name, sdp) => {
    const parsed = parseGbSdp(sdp);
    expect(!parsed.ok && parsed.error.code).toBe('SDP_MALFORMED');
  });
});
