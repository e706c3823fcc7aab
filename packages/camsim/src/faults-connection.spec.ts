import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCamsim, type Camsim } from './index.ts';
import { basicAuth, RawRtspClient } from './testing/raw-rtsp-client.ts';
import { eventually, ffprobeStream, run } from './testing/real-clients.ts';
import { mediaClip } from './testing/media.ts';

let sim: Camsim;
const clip = mediaClip('synthetic_testsrc2_control.mp4');

beforeAll(async () => {
  sim = await startCamsim({
    dedicatedPorts: true,
    cameras: ['stall', 'down', 'boot', 'creds'].map((id) => ({ id, clip })),
  });
});

afterAll(async () => {
  await sim.stop();
});

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** Resolves with the connection outcome: refused, closed without a byte, or answered. */
async function tryRtsp(port: number, path: string): Promise<'refused' | 'closed' | 'answered'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`OPTIONS rtsp://127.0.0.1:${port}${path} RTSP/1.0\r\nCSeq: 1\r\n\r\n`);
    });
    socket.once('data', () => {
      socket.destroy();
      resolve('answered');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'closed');
    });
    socket.once('close', () => resolve('closed'));
  });
}

const streams = async (id: string) =>
  ffprobeStream(sim.url(id, 'sub', { withCredentials: true }), 'tcp');

describe.concurrent('connection faults', () => {
  it('stall keeps the connection open but sends no packets, then recovers', async () => {
    const client = await RawRtspClient.open(sim.host, portOf(sim.url('stall')));
    const { username, password } = sim.credentials('stall');
    const auth = { Authorization: basicAuth(username, password) };
    const url = sim.url('stall', 'sub');
    await client.request('DESCRIBE', url, auth);
    const setup = await client.request('SETUP', `${url}/trackID=0`, {
      ...auth,
      Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1',
    });
    const session = setup!.headers.get('session')!.split(';')[0]!;
    await client.request('PLAY', url, { ...auth, Session: session });
    const flowing = await eventually(async () => client.interleavedBytes > 0, 5000);

    sim.inject('stall', 'stall');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = client.interleavedBytes;
    const open = await client.idle(1500);
    const during = client.interleavedBytes - before;
    const ffmpegDuring = await run('ffmpeg', [
      ...['-v', 'error', '-rtsp_transport', 'tcp', '-timeout', '2000000'],
      ...[
        '-i',
        sim.url('stall', 'main', { withCredentials: true }),
        '-frames:v',
        '1',
        '-f',
        'null',
        '-',
      ],
    ]);
    sim.clear('stall');
    const resumed = await eventually(async () => client.interleavedBytes > before, 5000);
    client.close();

    expect(flowing).toBe(true);
    expect(open).toBe(true);
    expect(during).toBe(0);
    expect(ffmpegDuring.code).not.toBe(0);
    expect(resumed).toBe(true);
  });

  it('disconnect refuses the camera port and closes the shared one, then recovers', async () => {
    expect('codec' in (await streams('down'))).toBe(true);

    sim.inject('down', 'disconnect');
    const ownPort = await tryRtsp(portOf(sim.url('down')), '/down/main');
    const sharedPort = await tryRtsp(sim.port, '/down/main');
    const otherCamera = await tryRtsp(sim.port, '/stall/main');
    sim.clear('down', 'disconnect');
    const after = await streams('down');

    expect(ownPort).toBe('refused');
    expect(sharedPort).toBe('closed');
    expect(otherCamera).toBe('answered');
    expect(after).toMatchObject({ codec: 'h264', width: 320, height: 180 });
  });

  it('reboot is gone for the given time, then serves again by itself', async () => {
    sim.inject('boot', { kind: 'reboot', seconds: 2 });
    const during = await tryRtsp(portOf(sim.url('boot')), '/boot/main');
    const back = await eventually(async () => 'codec' in (await streams('boot')), 12_000);

    expect(during).toBe('refused');
    expect(back).toBe(true);
    expect(sim.state('boot').faults).toEqual([]);
  });

  it('wrong credentials rejects the configured password until cleared', async () => {
    sim.inject('creds', 'wrong-credentials');
    const during = await streams('creds');
    sim.clear('creds');
    const after = await streams('creds');

    expect('stderr' in during && during.stderr).toContain('401');
    expect(after).toMatchObject({ codec: 'h264' });
  });
});
