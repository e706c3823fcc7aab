import dgram from 'node:dgram';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseGbSdp, ssrcNumber } from '../sdp.ts';
import { splitAccessUnits } from './annexb.ts';
import { openGbMediaStream } from './gb-media-stream.ts';
import { demuxPs } from './ps-demuxer.ts';
import { Rfc4571Deframer, RtpReassembler } from './rtp.ts';
import { encodeTestClip } from './test-media.ts';

function offer(port: number, transport: 'udp' | 'tcp-passive' | 'tcp-active'): string {
  const proto = transport === 'udp' ? 'RTP/AVP' : 'TCP/RTP/AVP';
  const setup =
    transport === 'udp'
      ? ''
      : `a=setup:${transport === 'tcp-passive' ? 'passive' : 'active'}\r\na=connection:new\r\n`;
  return `v=0\r\no=44030000002000000001 0 0 IN IP4 127.0.0.1\r\ns=Playback\r\nc=IN IP4 127.0.0.1\r\nt=1764720000 1764720002\r\nm=video ${port} ${proto} 96\r\na=recvonly\r\na=rtpmap:96 PS/90000\r\n${setup}y=1100000007\r\n`;
}

describe.each(['udp', 'tcp-passive', 'tcp-active'] as const)(
  'openGbMediaStream, upper platform %s',
  (upperRole) => {
    it('answers the offer and delivers every frame as PS in RTP with the offered SSRC', async () => {
      const units = splitAccessUnits(await encodeTestClip('h264', 2), 'h264');
      const reassembler = new RtpReassembler(ssrcNumber('1100000007'));
      const received: Buffer[] = [];
      const onPacket = (packet: Buffer) => {
        for (const frame of reassembler.push(packet)) received.push(frame.data);
      };
      const deframe = (socket: net.Socket) => {
        const deframer = new Rfc4571Deframer();
        socket.on('data', (chunk) => deframer.push(chunk).forEach(onPacket));
      };

      let port = 0;
      let close: () => void = () => {};
      if (upperRole === 'udp') {
        const socket = dgram.createSocket('udp4').on('message', onPacket);
        await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
        port = socket.address().port;
        close = () => socket.close();
      } else if (upperRole === 'tcp-passive') {
        const server = net.createServer(deframe);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        port = (server.address() as net.AddressInfo).port;
        close = () => server.close();
      }

      const parsed = parseGbSdp(offer(port, upperRole));
      if (!parsed.ok) throw parsed.error;
      const stream = await openGbMediaStream({
        offer: parsed.value,
        channelId: '44030500111310000042',
        codec: 'h264',
        localHost: '127.0.0.1',
      });
      const answer = parseGbSdp(stream.answerSdp);
      if (!answer.ok) throw answer.error;
      expect(answer.value.ssrc).toBe('1100000007');
      const connected = stream.connect();
      if (upperRole === 'tcp-active') {
        const socket = net.connect(answer.value.port, '127.0.0.1');
        deframe(socket);
        close = () => socket.destroy();
        expect(answer.value.setup).toBe('passive');
      }
      await connected;

      for (const [i, unit] of units.entries()) {
        await stream.send({ ...unit, pts: i * 3600 });
        if (upperRole === 'udp' && i % 5 === 4)
          await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await expect.poll(() => received.length, { timeout: 5000 }).toBe(units.length);
      await stream.close();
      close();

      const demuxed = demuxPs(Buffer.concat(received));
      if (!demuxed.ok) throw demuxed.error;
      expect(demuxed.value.frames.map((frame) => frame.data.length)).toEqual(
        units.map((unit) => unit.data.length),
      );
      expect(stream.stats.frames).toBe(units.length);
    });
  },
);
