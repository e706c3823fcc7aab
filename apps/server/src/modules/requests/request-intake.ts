import { can, type Actor, type FootageRequestCreate, type Resource } from '@gardenwatch/contracts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { CamerasRepository, type PlacedCamera } from '../cameras/cameras.repository.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RequestsRepository } from './requests.repository.ts';

const DAY_MS = 86_400_000;

/** What a valid application resolves to: where, which cameras, and who decides. */
export interface Intake {
  kindergartenId: string;
  districtId: string;
  cameras: PlacedCamera[];
  from: Date;
  to: Date;
  routedTo: 'district' | 'police';
}

/**
 * Turns an application into cameras and a window, or refuses it naming the field: areas of
 * another kindergarten or (for a parent) another class, areas never filmed or without cameras,
 * a window outside any camera's retention or in the future.
 */
export class RequestIntake {
  private readonly cameras: CamerasRepository;

  constructor(private readonly deps: { db: Db; repo: RequestsRepository; now: () => Date }) {
    this.cameras = new CamerasRepository(deps.db);
  }

  async resolve(actor: Actor, body: FootageRequestCreate): Promise<Intake> {
    const kindergartenId = body.kindergartenId ?? actor.kindergartenId;
    if (!kindergartenId) {
      throw badRequest('Name the kindergarten', { field: 'kindergartenId' });
    }
    const areaIds = await this.areaIdsOf(actor, body.areaIds);
    const placements = await Promise.all(areaIds.map((id) => this.cameras.placementOf(id)));

    const districtId = this.checkAreas(areaIds, placements, kindergartenId);
    const resource: Resource = { kind: 'kindergarten', districtId, kindergartenId };
    if (!can(actor, 'footage_request.create', resource)) {
      throw forbidden('Your role may not request footage of this kindergarten');
    }
    const cameras = await this.camerasIn(areaIds);
    const from = new Date(body.from);
    const to = new Date(body.to);
    this.checkRetention(cameras, from, to);
    return {
      kindergartenId,
      districtId,
      cameras,
      from,
      to,
      routedTo: body.criminalReport ? 'police' : 'district',
    };
  }

  /** The areas the actor may choose; a parent only the class's rooms, all chosen by default. */
  async requestableAreas(actor: Actor, kindergartenId: string | undefined) {
    const kg = kindergartenId ?? actor.kindergartenId;
    if (!kg) throw badRequest('Name the kindergarten', { field: 'kindergartenId' });
    const areas = await this.deps.repo.areasWithCameras(kg);
    const classAreas = actor.role === 'parent' ? await this.deps.repo.classAreaIds(actor.id) : [];
    const first = areas[0] && (await this.cameras.placementOf(areas[0].id));
    if (!first) return [];
    const resource: Resource = {
      kind: 'kindergarten',
      districtId: first.districtId,
      kindergartenId: kg,
    };
    if (!can(actor, 'footage_request.create', resource)) {
      throw forbidden('Your role may not request footage of this kindergarten');
    }
    return areas
      .filter((a) => actor.role !== 'parent' || classAreas.includes(a.id))
      .map((a) => ({ ...a, classRoom: classAreas.includes(a.id) }));
  }

  /** A parent's areas are the class's rooms: by default all of them, never another room. */
  private async areaIdsOf(actor: Actor, asked: string[] | undefined): Promise<string[]> {
    if (actor.role !== 'parent') {
      if (!asked) throw badRequest('Choose at least one area', { field: 'areaIds' });
      return [...new Set(asked)];
    }
    const classAreas = await this.deps.repo.classAreaIds(actor.id);
    if (classAreas.length === 0) {
      throw badRequest('Your account is not linked to a class', { field: 'areaIds' });
    }
    const outside = (asked ?? []).filter((id) => !classAreas.includes(id));
    if (outside.length > 0) {
      throw badRequest('Footage can be requested only of your child’s class rooms', {
        field: 'areaIds',
        areaIds: outside,
      });
    }
    return asked ? [...new Set(asked)] : classAreas;
  }

  private checkAreas(
    areaIds: string[],
    placements: (Awaited<ReturnType<CamerasRepository['placementOf']>> | undefined)[],
    kindergartenId: string,
  ): string {
    let districtId: string | null = null;
    for (const [index, placement] of placements.entries()) {
      const areaId = areaIds[index];
      if (!placement || placement.archived || placement.kindergartenId !== kindergartenId) {
        throw badRequest('An area is not one of this kindergarten’s', {
          field: 'areaIds',
          areaId,
        });
      }
      if (placement.neverFilmed) {
        throw badRequest('Toilets and changing rooms are never filmed', {
          field: 'areaIds',
          areaId,
        });
      }
      districtId = placement.districtId;
    }
    if (!districtId) throw badRequest('Choose at least one area', { field: 'areaIds' });
    return districtId;
  }

  private async camerasIn(areaIds: string[]): Promise<PlacedCamera[]> {
    const lists = await Promise.all(
      areaIds.map((areaId) => this.cameras.list({ areaId, includeArchived: false })),
    );
    const cameras = lists.flat();
    if (cameras.length === 0) {
      throw badRequest('No camera films the areas chosen', { field: 'areaIds' });
    }
    if (cameras.length > 16) {
      throw badRequest('At most 16 cameras per request; choose fewer areas', {
        field: 'areaIds',
      });
    }
    return cameras;
  }

  private checkRetention(cameras: PlacedCamera[], from: Date, to: Date): void {
    const now = this.deps.now();
    if (to > now) throw badRequest('The window must have ended already', { field: 'to' });
    const shortest = Math.min(...cameras.map((c) => c.retention_days));
    const oldest = new Date(now.getTime() - shortest * DAY_MS);
    if (from < oldest) {
      throw badRequest(`Footage is kept ${shortest} days; the window begins before that`, {
        field: 'from',
        reason: 'outside_retention',
        oldest: oldest.toISOString(),
      });
    }
  }
}
