import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../platform/db/database.ts';

/** Shared by the camera and recording tests; not part of the server. */

const script = fileURLToPath(new URL('../../../test/rtsp-source.py', import.meta.url));
// GStreamer's Python bindings come with Debian's python3, not with a pyenv one.
const python = process.env.GST_PYTHON ?? '/usr/bin/python3';

export interface RtspSourceOptions {
  port?: number;
  user?: string;
  password?: string;
  fps?: number;
  width?: number;
  height?: number;
  bitrateKbps?: number;
}

export interface RtspSource {
  port: number;
  /** Without credentials. */
  url: string;
  /** Freezes the server process: connections stay open and no packet flows (a stall). */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A live H.264 RTSP camera (test pattern) served by GStreamer's RTSP server. */
export async function startRtspSource(options: RtspSourceOptions = {}): Promise<RtspSource> {
  const port = options.port ?? (await freePort());
  const fps = options.fps ?? 25;
  const args = [
    script,
    '--port',
    String(port),
    '--fps',
    String(fps),
    '--gop',
    String(fps),
    '--width',
    String(options.width ?? 320),
    '--height',
    String(options.height ?? 240),
    '--bitrate',
    String(options.bitrateKbps ?? 300),
  ];
  if (options.user) args.push('--user', options.user, '--password', options.password ?? '');
  const child = spawn(python, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForReady(child);
  return {
    port,
    url: `rtsp://127.0.0.1:${port}/main`,
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: () => stopChild(child),
  };
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`rtsp-source exited (${code}): ${errors}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

export interface SeededArea {
  districtId: string;
  kindergartenId: string;
  areaId: string;
  toiletAreaId: string;
}

/** A city, district, kindergarten, building and floor with a corridor and a toilet. */
export async function seedArea(db: Db, suffix = '1'): Promise<SeededArea> {
  const city = await db
    .insertInto('cities')
    .values({ name: `City ${suffix}`, admin_code: `31${suffix.padStart(4, '0')}`.slice(0, 6) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const district = await db
    .insertInto('districts')
    .values({ city_id: city.id, name: 'District', admin_code: '310101' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kg = await db
    .insertInto('kindergartens')
    .values({
      district_id: district.id,
      name: 'Sunflower',
      address: '1 Garden Road',
      type: 'public',
      children_count: 120,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const building = await db
    .insertInto('buildings')
    .values({ kindergarten_id: kg.id, name: 'Main' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const floor = await db
    .insertInto('floors')
    .values({ building_id: building.id, name: 'Ground', level: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const area = await db
    .insertInto('areas')
    .values({ floor_id: floor.id, name: 'Corridor', kind: 'corridor', is_key: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const toilet = await db
    .insertInto('areas')
    .values({ floor_id: floor.id, name: 'Toilet', kind: 'toilet', is_key: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    districtId: district.id,
    kindergartenId: kg.id,
    areaId: area.id,
    toiletAreaId: toilet.id,
  };
}

/** Inserts a camera row straight away (no probe), for recorder and retention tests. */
export async function insertCamera(
  db: Db,
  areaId: string,
  options: { name?: string; url?: string; retentionDays?: number } = {},
): Promise<string> {
  const row = await db
    .insertInto('cameras')
    .values({
      area_id: areaId,
      name: options.name ?? `Camera ${Math.random().toString(36).slice(2, 8)}`,
      main_url: options.url ?? 'rtsp://127.0.0.1:9/none',
      ...(options.retentionDays ? { retention_days: options.retentionDays } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Polls until the check passes or the time is up (then throws with the description). */
export async function waitFor<T>(
  describe: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${describe}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const mediaPath = (dataDir: string, relative: string): string =>
  path.join(dataDir, 'media', relative);
