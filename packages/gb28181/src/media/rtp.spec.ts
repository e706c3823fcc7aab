import dgram from 'node:dgram';
import { mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ssrcNumber } from '../sdp.ts';
import { splitAccessUnits } from './annexb.ts';
import { PsMuxer } from './ps-muxer.ts';
import { Rfc4571Deframer, RtpPacketizer, RtpReassembler, frameRfc4571, parseRtp } from './rtp.ts';
import { createRtpSender, type RtpTransportMode } from './rtp-sender.ts';
import { encodeTestClip, probe } from './test-media.ts';

const SSRC = ssrcNumber('0100000042');

describe('RTP packetisation', () => {
  it('sets version, payload type, SSRC, timestamp and the marker on the last packet only', () => {
    const packets = new RtpPacketizer({ ssrc: SSRC, initialSequence: 0xfffe }).packetize(
      Buffer.alloc(3000, 1),
      2 ** 32 + 90,
    );
    const parsed = packets.map((packet) => parseRtp(packet));
    const values = parsed.map((item) => (item.ok ? item.value : null));
    expect(values.map((v) => [v?.sequence, v?.marker, v?.payload.length])).toEqual([
      [0xfffe, false, 1400],
      [0xffff, false, 1400],
      [0, true, 200],
    ]);
    expect(
      values.every((v) => v?.ssrc === SSRC && v.payloadType === 96 && v.timestamp === 90),
    ).toBe(true);
  });

  it('reassembles reordered packets across a sequence wrap and flags a loss', () => {
    const packetizer = new RtpPacketizer({ ssrc: SSRC, initialSequence: 0xfffe, maxPayload: 10 });
    const frame = Buffer.from('abcdefghijklmnopqrstuvwxyz0123');
    const [a, b, c] = packetizer.packetize(frame, 1000);
    const reassembler = new RtpReassembler(SSRC);
    expect([...reassembler.push(b!), ...reassembler.push(a!)]).toEqual([]);
    expect(reassembler.push(c!)).toEqual([{ timestamp: 1000, data: frame, complete: true }]);
    const [d, , f] = packetizer.packetize(frame, 4600);
    reassembler.push(d!);
    expect(reassembler.push(f!)[0]?.complete).toBe(false);
    expect(parseRtp(Buffer.from([0x40, 0, 0])).ok).toBe(false);
  });

  it('frames and deframes RFC 4571 across chunk boundaries', () => {
    const packets = [Buffer.from('one'), Buffer.alloc(70_000 % 65_536, 2), Buffer.from('three')];
    const stream = Buffer.concat(packets.map(frameRfc4571));
    const deframer = new Rfc4571Deframer();
    const out: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 999)
      out.push(...deframer.push(stream.subarray(i, i + 999)));
    expect(out.map((p) => p.length)).toEqual(packets.map((p) => p.length));
  });
});

async function receive(mode: RtpTransportMode, onPacket: (packet: Buffer) => void) {
  if (mode === 'udp') {
    const socket = dgram.createSocket('udp4');
    socket.on('message', onPacket);
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return { port: socket.address().port, close: () => socket.close(), connectTo: async () => {} };
  }
  const attach = (socket: net.Socket) => {
    const deframer = new Rfc4571Deframer();
    socket.on('data', (chunk) => deframer.push(chunk).forEach(onPacket));
  };
  if (mode === 'tcp-active') {
    const server = net.createServer(attach);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as net.AddressInfo;
    return { port: address.port, close: () => server.close(), connectTo: async () => {} };
  }
  let client: net.Socket | null = null;
  return {
    port: 0,
    close: () => client?.destroy(),
    connectTo: async (port: number) => {
      client = net.connect(port, '127.0.0.1');
      attach(client);
      await new Promise((resolve) => client!.once('connect', resolve));
    },
  };
}

describe.each(['udp', 'tcp-active', 'tcp-passive'] as const)('PS over RTP, %s', (mode) => {
  let stream: Buffer;
  beforeAll(async () => {
    stream = await encodeTestClip('h264', 2);
  });

  it('arrives as a decodable program stream of the right duration', async () => {
    const frames: Buffer[] = [];
    const reassembler = new RtpReassembler(SSRC);
    const receiver = await receive(mode, (packet) => {
      for (const frame of reassembler.push(packet)) if (frame.complete) frames.push(frame.data);
    });
    const sender = await createRtpSender({
      mode,
      localHost: '127.0.0.1',
      remoteHost: '127.0.0.1',
      remotePort: receiver.port,
    });
    const connected = sender.connect();
    await receiver.connectTo(sender.localPort);
    await connected;

    const muxer = new PsMuxer({ codec: 'h264' });
    const packetizer = new RtpPacketizer({ ssrc: SSRC });
    const units = splitAccessUnits(stream, 'h264');
    for (const [i, unit] of units.entries()) {
      const ps = muxer.mux({ data: unit.data, pts: i * 3600, keyframe: unit.keyframe });
      await sender.send(packetizer.packetize(ps, i * 3600));
      if (mode === 'udp' && i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await expect.poll(() => frames.length, { timeout: 5000 }).toBe(units.length);
    await sender.close();
    receiver.close();

    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gb28181-rtp-')), 'received.mpg');
    await writeFile(file, Buffer.concat(frames));
    const result = await probe(file);
    expect(result).toMatchObject({
      formatName: 'mpeg',
      codecName: 'h264',
      frames: 50,
      decodeErrors: '',
    });
    expect(Math.abs(result.duration - 2)).toBeLessThan(0.1);
  });
});
