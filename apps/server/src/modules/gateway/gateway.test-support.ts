import dgram from 'node:dgram';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { demuxPs, Rfc4571Deframer, RtpReassembler, ssrcNumber } from '@gardenwatch/gb28181';
import { probe, type ProbeResult } from '@gardenwatch/gb28181/testing';
import type { TestApp } from '../../../test/test-platform.ts';
import { mediaDirOf, segmentRelativePath } from '../recording/segment-paths.ts';

const run = promisify(execFile);

/** How the police platform takes the media: UDP, TCP where it listens, TCP where it connects. */
export type ReceiverMode = 'udp' | 'tcp-listen' | 'tcp-connect';

export interface RtpReceiver {
  /** The port to offer: where UDP arrives or where we listen; 0 when we connect. */
  readonly port: number;
  /** PS packs reassembled so far, and frames that arrived with a packet missing. */
  readonly frames: Buffer[];
  readonly incomplete: number;
  /** For `tcp-connect`: connect to the port the answer named. */
  connectTo(port: number): Promise<void>;
  ps(): Buffer;
  close(): void;
}

/** A receiver of PS over RTP as the police platform runs one, for the SSRC it offered. */
export async function rtpReceiver(mode: ReceiverMode, ssrc: string): Promise<RtpReceiver> {
  const frames: Buffer[] = [];
  const reassembler = new RtpReassembler(ssrcNumber(ssrc));
  let incomplete = 0;
  const onPacket = (packet: Buffer) => {
    for (const frame of reassembler.push(packet)) {
      if (!frame.complete) incomplete++;
      frames.push(frame.data);
    }
  };
  const attach = (socket: net.Socket) => {
    const deframer = new Rfc4571Deframer();
    socket.on('data', (chunk) => deframer.push(chunk).forEach(onPacket));
    socket.on('error', () => socket.destroy());
  };
  const base = {
    frames,
    get incomplete() {
      return incomplete;
    },
    ps: () => Buffer.concat(frames),
  };

  if (mode === 'udp') {
    // Key frames arrive as bursts of dozens of datagrams; the default buffer can overflow.
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    socket.on('message', onPacket);
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return {
      ...base,
      port: socket.address().port,
      connectTo: async () => {},
      close: () => socket.close(),
    };
  }
  if (mode === 'tcp-listen') {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => {
      sockets.push(socket);
      attach(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const close = () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    };
    return {
      ...base,
      port: (server.address() as net.AddressInfo).port,
      connectTo: async () => {},
      close,
    };
  }
  let client: net.Socket | null = null;
  return {
    ...base,
    port: 0,
    connectTo: async (port) => {
      client = net.connect(port, '127.0.0.1');
      attach(client);
      await new Promise((resolve) => client!.once('connect', resolve));
    },
    close: () => client?.destroy(),
  };
}

/** Demuxes the PS received and probes it with ffprobe: H.264 in an MPEG program stream. */
export async function probePs(ps: Buffer): Promise<ProbeResult & { demuxedFrames: number }> {
  const demuxed = demuxPs(ps);
  if (!demuxed.ok) throw demuxed.error;
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gw-gateway-ps-')), 'received.ps');
  await writeFile(file, ps);
  return { ...(await probe(file)), demuxedFrames: demuxed.value.frames.length };
}

/** Encodes a segment with ffmpeg into the media folder and indexes it, as the recorder would. */
export async function recordSegment(
  test: TestApp,
  cameraId: string,
  startMs: number,
  seconds: number,
): Promise<void> {
  const relative = segmentRelativePath(cameraId, startMs);
  const file = path.join(mediaDirOf(test.platform.config.dataDir), relative);
  await mkdir(path.dirname(file), { recursive: true });
  await run('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25'],
    ...['-t', String(seconds), '-c:v', 'libx264', '-bf', '0', '-g', '25', '-f', 'mpegts', file],
  ]);
  await test.platform.db
    .insertInto('recording_segments')
    .values({
      camera_id: cameraId,
      started_at: new Date(startMs),
      ended_at: new Date(startMs + seconds * 1000),
      bytes: (await stat(file)).size,
      codec: 'h264',
      path: relative,
    })
    .execute();
}

/** A key-area camera row pointing at a camsim camera, with its credentials sealed. */
export async function insertSimCamera(
  platform: Pick<TestApp['platform'], 'db' | 'secrets'>,
  options: { areaId: string; name: string; url: string; username: string; password: string },
): Promise<string> {
  const row = await platform.db
    .insertInto('cameras')
    .values({
      area_id: options.areaId,
      name: options.name,
      main_url: options.url,
      username: options.username,
      password_sealed: platform.secrets.encrypt(options.password),
      codec: 'h264',
      fps: 25,
      status: 'online',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
