import type { Db } from '../../platform/db/database.ts';
import type { Zone } from '@gardenwatch/vision';
import type { Secrets } from '../../platform/secrets.ts';
import { demoCameraCredentials, demoCameras, type DemoCamera } from './demo-cameras.data.ts';

export interface DemoCameraUrls {
  main: string;
  sub: string;
}

/** The demo simulator's URLs of a camera, without credentials (those are stored apart). */
export function demoCameraUrls(host: string, port: number, simId: string): DemoCameraUrls {
  const base = `rtsp://${host}:${port}/${simId}`;
  return { main: `${base}/main`, sub: `${base}/sub` };
}

export interface SeededCameras {
  /** Camera ids written by this run (new rows, or rows whose URLs followed a new port). */
  changed: string[];
  total: number;
}

export interface SeedDemoCamerasOptions {
  db: Db;
  secrets: Secrets;
  host: string;
  port: number;
  now: () => Date;
}

/**
 * Registers the demo cameras by natural key (kindergarten, area and camera name) without
 * probing them: the recorder finds out whether each stream answers. A second run changes
 * nothing; a run on another simulator port moves the URLs to it.
 */
export async function seedDemoCameras(options: SeedDemoCamerasOptions): Promise<SeededCameras> {
  const changed: string[] = [];
  for (const camera of demoCameras) {
    const id = await seedOne(options, camera);
    if (id) changed.push(id);
  }

  return { changed, total: demoCameras.length };
}

async function seedOne(
  options: SeedDemoCamerasOptions,
  camera: DemoCamera,
): Promise<string | null> {
  const { db, secrets } = options;
  const area = await db
    .selectFrom('areas as a')
    .innerJoin('floors as f', 'f.id', 'a.floor_id')
    .innerJoin('buildings as b', 'b.id', 'f.building_id')
    .innerJoin('kindergartens as k', 'k.id', 'b.kindergarten_id')
    .select('a.id')
    .where('k.name', '=', camera.kindergarten)
    .where('a.name', '=', camera.area)
    .executeTakeFirst();
  if (!area) throw new Error(`demo area missing: ${camera.kindergarten} ${camera.area}`);

  const urls = demoCameraUrls(options.host, options.port, camera.simId);
  const existing = await db
    .selectFrom('cameras')
    .select(['id', 'main_url', 'sub_url'])
    .where('area_id', '=', area.id)
    .where('name', '=', camera.name)
    .executeTakeFirst();
  if (existing) {
    if (existing.main_url === urls.main && existing.sub_url === urls.sub) return null;
    await db
      .updateTable('cameras')
      .set({ main_url: urls.main, sub_url: urls.sub, updated_at: options.now() })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }

  const row = await db
    .insertInto('cameras')
    .values({
      area_id: area.id,
      name: camera.name,
      main_url: urls.main,
      sub_url: urls.sub,
      username: demoCameraCredentials.username,
      password_sealed: secrets.encrypt(demoCameraCredentials.password),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The demo cameras analysed by default: the entrance hall (a fall) and the gate. */
const ANALYSED_SIM_IDS = ['hongli-hall', 'hongli-gate'];

/**
 * The entrance hall's picture (4:3, letter-boxed into the 640×360 analysis frame) is one
 * staff-only zone, so that the demo raises an intrusion alert whenever someone stands there.
 */
const DEMO_ZONES: Record<string, Zone[]> = {
  'hongli-hall': [
    {
      id: 'hall-staff-only',
      kind: 'perimeter',
      polygon: [
        { x: 80, y: 0 },
        { x: 560, y: 0 },
        { x: 560, y: 360 },
        { x: 80, y: 360 },
      ],
    },
  ],
};

export interface DemoAnalysis {
  cameraIds: string[];
  zonesOf: (cameraId: string) => Zone[];
}

export async function demoAnalysis(db: Db): Promise<DemoAnalysis> {
  const rows = await db
    .selectFrom('cameras')
    .select(['id', 'main_url'])
    .where('archived_at', 'is', null)
    .execute();
  const simIdOf = new Map<string, string>();
  for (const row of rows) {
    const simId = ANALYSED_SIM_IDS.find((id) => row.main_url.includes(`/${id}/`));
    if (simId) simIdOf.set(row.id, simId);
  }
  return {
    cameraIds: [...simIdOf.keys()],
    zonesOf: (cameraId) => DEMO_ZONES[simIdOf.get(cameraId) ?? ''] ?? [],
  };
}
