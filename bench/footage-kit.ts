// The watching benchmarks' common set-up: a kindergarten with one camera and minutes of
// recorded 720p footage, and a signed-in security officer of it.
import type { BuiltApp } from '../apps/server/src/app.ts';
import { hashPassword } from '../apps/server/src/modules/identity/password.ts';
import { recordFootage } from '../apps/server/src/modules/playback/footage.test-support.ts';
import type { StoredSegment } from '../apps/server/src/modules/recording/recording.repository.ts';
import {
  insertCamera,
  seedArea,
} from '../apps/server/src/modules/recording/recording.test-support.ts';
import type { Platform } from '../apps/server/src/platform/context.ts';

export interface OfficerWithFootage {
  cameraId: string;
  /** Wall-clock ms where the footage starts (it ends `minutes` later). */
  footageStart: number;
  segments: StoredSegment[];
  cookie: string;
  csrfToken: string;
}

export async function officerWithFootage(
  platform: Platform,
  built: BuiltApp,
  options: { minutes: number; cameraUrl?: string; cameraName: string },
): Promise<OfficerWithFootage> {
  const seeded = await seedArea(platform.db);
  const cameraId = await insertCamera(platform.db, seeded.areaId, {
    name: options.cameraName,
    ...(options.cameraUrl ? { url: options.cameraUrl } : {}),
  });
  const password = 'bench-password-1';
  await platform.db
    .insertInto('users')
    .values({
      username: 'officer',
      display_name: 'officer',
      password_hash: await hashPassword(password),
      role: 'security_officer',
      kindergarten_id: seeded.kindergartenId,
    })
    .execute();
  const footageStart = Date.now() - (options.minutes + 5) * 60_000;
  const segments = await recordFootage({
    recording: built.services.recording,
    cameraId,
    startMs: footageStart,
    segments: Math.round((options.minutes * 60) / 4),
    hd: true,
  });
  const login = await built.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'officer', password },
  });
  const cookie = login.cookies.find((c) => c.name === 'gw_session')?.value ?? '';
  const { csrfToken } = login.json<{ csrfToken: string }>();
  return { cameraId, footageStart, segments, cookie, csrfToken };
}
