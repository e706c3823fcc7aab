import type { Camsim } from '@gardenwatch/camsim';
import { fileURLToPath } from 'node:url';
import type { Platform } from '../../platform/context.ts';

/** Shared by the health tests and benchmarks; not part of the server. */

export const camsimClip = (name: string): string =>
  fileURLToPath(new URL(`../../../../../packages/camsim/media/${name}`, import.meta.url));

/** A camera row for a simulator camera, main and sub stream, credentials sealed. */
export async function insertCamsimCamera(
  platform: Pick<Platform, 'db' | 'secrets'>,
  options: { sim: Camsim; simId: string; areaId: string; name?: string },
): Promise<string> {
  const { sim, simId } = options;
  const row = await platform.db
    .insertInto('cameras')
    .values({
      area_id: options.areaId,
      name: options.name ?? simId,
      main_url: sim.url(simId, 'main'),
      sub_url: sim.url(simId, 'sub'),
      username: 'admin',
      password_sealed: platform.secrets.encrypt('camsim'),
      codec: 'h264',
      status: 'online',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
