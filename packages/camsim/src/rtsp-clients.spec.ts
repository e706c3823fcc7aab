import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCamsim, type Camsim } from './index.ts';
import { basicAuth, RawRtspClient } from './testing/raw-rtsp-client.ts';
import { ffprobeStream, run } from './testing/real-clients.ts';
import { mediaClip } from './testing/media.ts';

let sim: Camsim;
const work = mkdtempSync(path.join(tmpdir(), 'camsim-clients-'));

beforeAll(async () => {
  sim = await startCamsim({
    cameras: [
      { id: 'cam1', clip: mediaClip('synthetic_testsrc2_control.mp4') },
      { id: 'cam2', clip: mediaClip('intel_one_by_one_person_0-30s.mp4'), password: 'second' },
    ],
  });
});

afterAll(async () => {
  await sim.stop();
  rmSync(work, { recursive: true, force: true });
});

describe.concurrent('real RTSP clients', () => {
  it('ffprobe reads the main stream over TCP', async () => {
    const probed = await ffprobeStream(sim.url('cam1', 'main', { withCredentials: true }), 'tcp');
    expect(probed).toEqual({ codec: 'h264', width: 640, height: 360 });
  });

  it('ffprobe reads the sub stream over UDP at the lower resolution', async () => {
    const probed = await ffprobeStream(sim.url('cam2', 'sub', { withCredentials: true }), 'udp');
    expect(probed).toEqual({ codec: 'h264', width: 640, height: 360 });
  });

  it('ffmpeg records three seconds of decodable video', async () => {
    const out = path.join(work, 'out.ts');
    const url = sim.url('cam2', 'main', { withCredentials: true });
    const recorded = await run('ffmpeg', [
      ...['-v', 'error', '-rtsp_transport', 'tcp', '-i', url, '-t', '3', '-c', 'copy', out],
    ]);
    expect(recorded.code).toBe(0);

    const decoded = await run('ffprobe', [
      ...['-v', 'error', '-count_frames', '-select_streams', 'v:0'],
      ...['-show_entries', 'stream=nb_read_frames,width,height', '-of', 'json', out],
    ]);
    const stream = (JSON.parse(decoded.stdout) as { streams: Record<string, unknown>[] })
      .streams[0];
    expect(decoded.stderr).toBe('');
    expect(stream).toMatchObject({ width: 768, height: 432 });
    expect(Number(stream?.nb_read_frames)).toBeGreaterThan(5);
  });

  it('GStreamer rtspsrc plays the stream over TCP', async () => {
    const { username, password } = sim.credentials('cam1');
    const result = await run('gst-launch-1.0', [
      ...['-q', 'rtspsrc', `location=${sim.url('cam1', 'sub')}`, `user-id=${username}`],
      ...[`user-pw=${password}`, 'protocols=tcp', '!', 'rtph264depay', '!', 'h264parse'],
      ...['!', 'fakesink', 'num-buffers=20'],
    ]);
    expect(result.code).toBe(0);
  });

  it('answers 401 to a wrong password', async () => {
    const url = sim.url('cam2', 'main').replace('rtsp://', 'rtsp://admin:wrong@');
    const result = await ffprobeStream(url, 'tcp');
    expect('stderr' in result && result.stderr).toContain('401');
  });
});

describe('RTSP protocol details', () => {
  it('describes H.264 with its parameter sets to a Basic-authenticated client', async () => {
    const client = await RawRtspClient.open(sim.host, sim.port);
    const url = sim.url('cam1', 'main');
    const unauthorized = await client.request('DESCRIBE', url);
    const { username, password } = sim.credentials('cam1');
    const described = await client.request('DESCRIBE', url, {
      Authorization: basicAuth(username, password),
    });
    client.close();

    expect(unauthorized?.status).toBe(401);
    expect(unauthorized?.headers.get('www-authenticate')).toMatch(/^Digest realm=.*\nBasic/s);
    expect(described?.status).toBe(200);
    expect(described?.body).toContain('a=rtpmap:96 H264/90000');
    expect(described?.body).toMatch(/sprop-parameter-sets=Z[A-Za-z0-9+/=]+,aM/);
  });

  it('answers 404 for an unknown camera and 461 for multicast', async () => {
    const client = await RawRtspClient.open(sim.host, sim.port);
    const { username, password } = sim.credentials('cam1');
    const auth = { Authorization: basicAuth(username, password) };
    const missing = await client.request('DESCRIBE', sim.url('cam1').replace('cam1', 'nope'), auth);
    const multicast = await client.request('SETUP', `${sim.url('cam1')}/trackID=0`, {
      ...auth,
      Transport: 'RTP/AVP;multicast;port=5000-5001',
    });
    const keepalive = await client.request('GET_PARAMETER', sim.url('cam1'), auth);
    client.close();

    expect(missing?.status).toBe(404);
    expect(multicast?.status).toBe(461);
    expect(keepalive?.status).toBe(200);
  });
});
