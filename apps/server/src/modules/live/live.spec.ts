import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestPlatform } from '../../../test/test-platform.ts';
import { buildApp, type BuiltApp } from '../../app.ts';
import {
  insertCamera,
  seedArea,
  startRtspSource,
  waitFor,
  type RtspSource,
} from '../recording/recording.test-support.ts';
import { isKeyFragment, Mp4BoxSplitter } from './fmp4-boxes.ts';

interface Received {
  socket: WebSocket;
  texts: string[];
  binaries: Buffer[];
}

/** Opens a live socket and collects what arrives; rejects with the status of a refused upgrade. */
function connect(base: string, path: string, user: SignedIn): Promise<Received> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base}${path}`, { headers: { cookie: user.cookie } });
    const received: Received = { socket, texts: [], binaries: [] };
    socket.on('message', (data: Buffer, isBinary) => {
      if (isBinary) received.binaries.push(data);
      else received.texts.push(data.toString());
    });
    socket.once('open', () => resolve(received));
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`status ${res.statusCode}`)),
    );
    socket.once('error', reject);
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('live view: one relay per stream, fanned out over WebSocket', () => {
  let test: Awaited<ReturnType<typeof createTestPlatform>>;
  let built: BuiltApp;
  let source: RtspSource;
  let cameraId: string;
  let base: string;
  let officer: SignedIn;
  let parent: SignedIn;

  beforeAll(async () => {
    test = await createTestPlatform();
    test.platform.config.liveIdleStopMs = 500;
    built = await buildApp(test.platform, undefined);
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const address = built.app.server.address();
    base = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    source = await startRtspSource({ fps: 25 });
    const seeded = await seedArea(test.platform.db);
    cameraId = await insertCamera(test.platform.db, seeded.areaId, { url: source.url });
    const { kindergartenId } = seeded;
    await createUser(test.platform, {
      role: 'security_officer',
      username: 'officer',
      kindergartenId,
    });
    await createUser(test.platform, { role: 'parent', username: 'parent', kindergartenId });
    [officer, parent] = await Promise.all([
      signIn(built.app, 'officer'),
      signIn(built.app, 'parent'),
    ]);
  });

  afterAll(async () => {
    await built?.app.close();
    await source?.stop();
    await test?.close();
  });

  const audit = (action: string) =>
    test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('resource_id', '=', cameraId)
      .execute();

  it('refuses a parent before any video flows, with 403 and an audit row', async () => {
    await expect(connect(base, `/api/cameras/${cameraId}/live`, parent)).rejects.toThrow(
      'status 403',
    );
    const denied = await audit('video.live');
    expect(denied).toMatchObject([{ outcome: 'denied', actor_username: 'parent' }]);
    expect(built.services.watch.live.relayCount).toBe(0);
  });

  it('feeds two viewers from one ffmpeg: init segment first, then fragments from a key frame', async () => {
    const live = built.services.watch.live;
    const first = await connect(base, `/api/cameras/${cameraId}/live?stream=sub`, officer);
    await waitFor('fragments for the first viewer', () => first.binaries.length > 30);
    const second = await connect(base, `/api/cameras/${cameraId}/live?stream=sub`, officer);
    await waitFor('fragments for the second viewer', () => second.binaries.length > 5);

    expect(live.relayCount).toBe(1);
    for (const viewer of [first, second]) {
      expect(JSON.parse(viewer.texts[0]!)).toEqual({
        type: 'init',
        mime: expect.stringMatching(/^video\/mp4; codecs="avc1\.[0-9a-f]{6}"$/),
      });
      const [init, fragment] = viewer.binaries;
      const initBoxes = new Mp4BoxSplitter().push(init!).map((b) => b.type);
      expect(initBoxes).toEqual(['ftyp', 'moov']);
      const [moof, mdat] = new Mp4BoxSplitter().push(fragment!);
      expect([moof?.type, mdat?.type]).toEqual(['moof', 'mdat']);
      expect(isKeyFragment(moof!.data)).toBe(true);
    }
    const keyFragments = first.binaries
      .slice(1)
      .filter((b) => isKeyFragment(new Mp4BoxSplitter().push(b)[0]!.data));
    // One key frame a second at 25 frames a second: most fragments are not key fragments.
    expect(keyFragments.length).toBeLessThan(first.binaries.length / 5);

    const pid = live.relay(cameraId, 'sub')!.pid!;
    first.socket.close();
    // A tab killed without a close frame: the TCP connection just ends.
    second.socket.terminate();

    await waitFor('the relay to stop', () => live.relayCount === 0 && !alive(pid), 10_000);
    await waitFor(
      'both sessions to be audited as ended',
      async () => (await audit('video.live.end')).length === 2,
    );
    const starts = await audit('video.live.start');
    expect(starts).toHaveLength(2);
    const ends = await audit('video.live.end');
    for (const end of ends) {
      expect(end.details).toMatchObject({ stream: 'sub', bytesSent: expect.any(Number) });
      expect(starts.map((s) => (s.details as { sessionId: string }).sessionId)).toContain(
        (end.details as { sessionId: string }).sessionId,
      );
    }
  });

  it('takes a live snapshot as JPEG for the officer', async () => {
    const response = await built.app.inject({
      url: `/api/cameras/${cameraId}/snapshot.jpg`,
      headers: { cookie: officer.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect([...response.rawPayload.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(await audit('video.snapshot')).toMatchObject([{ details: { at: 'live' } }]);
  });

  it('rejects a bad stream name and a socket from another site', async () => {
    await expect(connect(base, `/api/cameras/${cameraId}/live?stream=hd`, officer)).rejects.toThrow(
      'status 400',
    );
    const foreign = new WebSocket(`${base}/api/cameras/${cameraId}/live`, {
      headers: { cookie: officer.cookie, origin: 'https://elsewhere.example' },
    });
    const status = await new Promise<number>((resolve) =>
      foreign.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
});
