import type { PlanCamera, planCameraInput } from '@gardenwatch/contracts';
import {
  horizontalFovFromLens,
  prepareCameraView,
  prepareFloor,
  type Camera,
} from '@gardenwatch/geometry';
import type { z } from 'zod';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { CoverageAccess, CoverageContext } from './coverage-access.ts';
import type { CoverageRepository, FloorPlace, PlanCameraValues } from './coverage.repository.ts';
import type { FloorPlansService } from './floor-plans.service.ts';
import { rethrowGeometry, toFloorPlan, toPlanCamera } from './plan-geometry.ts';

export type PlanCameraBody = z.output<typeof planCameraInput>;

export interface PlanCamerasDeps {
  repo: CoverageRepository;
  access: CoverageAccess;
  plans: FloorPlansService;
  cameras: CamerasService;
}

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `Invalid camera: ${field}: ${message}`, {
    details: { fields: [{ field, message }] },
  });

/** Cameras placed on floor plans, each optionally standing for a camera of the registry. */
export class PlanCamerasService {
  constructor(private readonly deps: PlanCamerasDeps) {}

  async add(ctx: CoverageContext, floorId: string, body: PlanCameraBody): Promise<PlanCamera> {
    const place = await this.deps.plans.editable(ctx, floorId);
    const values = await this.checked(ctx, place, body, 'new');

    const row = await this.deps.repo.transaction(async (tx) => {
      const saved = await this.deps.repo.insertCamera(tx, values);
      await this.deps.access.changed(ctx, tx, {
        action: 'coverage.camera.place',
        target: { type: 'plan_camera', id: saved.id },
        details: { floorId, cameraId: saved.camera_id },
      });
      return saved;
    });
    return toPlanCamera(row);
  }

  async update(ctx: CoverageContext, id: string, body: PlanCameraBody): Promise<PlanCamera> {
    const current = await this.deps.repo.camera(id);
    if (!current) throw notFound('plan camera', id);
    const place = await this.deps.plans.editable(ctx, current.floor_id);
    const values = await this.checked(ctx, place, body, id);

    const row = await this.deps.repo.transaction(async (tx) => {
      const saved = await this.deps.repo.updateCamera(tx, id, values);
      await this.deps.access.changed(ctx, tx, {
        action: 'coverage.camera.update',
        target: { type: 'plan_camera', id },
        details: { floorId: current.floor_id, cameraId: saved.camera_id },
      });
      return saved;
    });
    return toPlanCamera(row);
  }

  async remove(ctx: CoverageContext, id: string): Promise<void> {
    const current = await this.deps.repo.camera(id);
    if (!current) throw notFound('plan camera', id);
    await this.deps.plans.editable(ctx, current.floor_id);

    await this.deps.repo.transaction(async (tx) => {
      await this.deps.repo.archiveCamera(tx, id, new Date());
      await this.deps.access.changed(ctx, tx, {
        action: 'coverage.camera.remove',
        target: { type: 'plan_camera', id },
        details: { floorId: current.floor_id },
      });
    });
  }

  /** Resolves the field of view, checks the registry link and places the camera on the plan. */
  private async checked(
    ctx: CoverageContext,
    place: FloorPlace,
    body: PlanCameraBody,
    id: string,
  ): Promise<PlanCameraValues> {
    const fov = fieldOfView(body);
    if (body.cameraId) await this.checkRegistryLink(ctx, place, body.cameraId);

    const loaded = await this.deps.plans.load(place.floorId);
    if (!loaded.stored) throw conflict('Draw and save the floor plan before placing cameras');
    const values: PlanCameraValues = {
      floor_id: place.floorId,
      camera_id: body.cameraId,
      name: body.name,
      type: body.type,
      x: body.x,
      y: body.y,
      mount_height: body.mountHeight,
      direction: body.direction,
      fov,
      focal_length_mm: body.lens?.focalLengthMm ?? null,
      sensor_width_mm: body.lens?.sensorWidthMm ?? null,
      range_m: body.range,
      resolution_x: body.resolutionX,
    };
    const plan = toFloorPlan(place.floorId, loaded.stored, loaded.areas);
    const camera: Camera = {
      id,
      type: body.type,
      position: { x: body.x, y: body.y },
      direction: body.direction,
      fov,
      range: body.range,
      resolutionX: body.resolutionX,
      mountHeight: body.mountHeight,
    };
    rethrowGeometry(() => prepareCameraView(prepareFloor(plan), camera), cameraLabel(body.name));
    return values;
  }

  private async checkRegistryLink(ctx: CoverageContext, place: FloorPlace, cameraId: string) {
    const camera = await this.deps.cameras.get(ctx, cameraId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw invalid('body.cameraId', 'is not a camera of the registry');
      }
      throw error;
    });
    if (camera.kindergartenId !== place.kindergartenId) {
      throw invalid('body.cameraId', 'belongs to another kindergarten');
    }
  }
}

/** Fisheye: 360°. Fixed: as entered, else from focal length and sensor width. */
function fieldOfView(body: PlanCameraBody): number {
  if (body.type === 'fisheye') {
    if (body.fov !== undefined && body.fov !== 360) {
      throw invalid('body.fov', 'a fisheye camera sees 360°; leave the field of view out');
    }
    return 360;
  }
  if (body.fov !== undefined && body.lens) {
    throw invalid('body.fov', 'give the field of view or the lens, not both');
  }
  if (body.lens)
    return rethrowGeometry(
      () => horizontalFovFromLens(body.lens!),
      () => 'body.lens',
    );
  if (body.fov === undefined) throw invalid('body.fov', 'enter the field of view or the lens');
  return body.fov;
}

const cameraLabel = (name: string) => () => `body (camera ${name})`;
