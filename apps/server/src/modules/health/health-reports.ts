import {
  can,
  type Camera,
  type CameraHealth,
  type KindergartenHealth,
  type Storage,
} from '@gardenwatch/contracts';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { forbidden } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CameraContext, CamerasService } from '../cameras/cameras.service.ts';
import type { OrgServices } from '../org/org.services.ts';
import { statfsFreeSpace, type FreeSpace } from '../recording/retention.service.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import type { HealthService } from './health.service.ts';
import { segmentFrameRate } from './ts-frame-count.ts';

const SLOT_SECONDS = 15 * 60;
const SLOTS = 96;
const DAY_MS = 86_400_000;
const RATE_WINDOW_MS = 60_000;

export interface HealthReportsDeps {
  org: OrgServices;
  cameras: CamerasService;
  recording: RecordingService;
  health: HealthService;
  audit: AuditService;
  now: () => Date;
  freeSpace?: FreeSpace;
}

/** The health and storage pages of a kindergarten, read for a person allowed `health.read`. */
export class HealthReports {
  constructor(private readonly deps: HealthReportsDeps) {}

  async kindergarten(ctx: CameraContext, kindergartenId: string): Promise<KindergartenHealth> {
    const cameras = await this.camerasOf(ctx, kindergartenId);
    const ids = cameras.map((c) => c.id);
    const now = this.deps.now();
    const since = new Date(now.getTime() - DAY_MS);
    const { stats, store } = this.deps.recording;
    const [rates, latest, coverage] = await Promise.all([
      stats.rates(ids, new Date(now.getTime() - RATE_WINDOW_MS)),
      stats.latest(ids),
      stats.coverage(ids, since, SLOT_SECONDS),
    ]);
    const fps = await Promise.all(
      latest.map(async (s) => ({
        cameraId: s.cameraId,
        fps: await segmentFrameRate(path.join(store.mediaDir, s.path), s.durationMs),
      })),
    );

    const items = cameras.map((camera): CameraHealth => {
      const state = this.deps.health.state(camera.id);
      const rate = rates.find((r) => r.cameraId === camera.id);
      const strip = new Array<number>(SLOTS).fill(0);
      for (const c of coverage.filter((x) => x.cameraId === camera.id && x.slot < SLOTS)) {
        strip[c.slot] = Math.min(1, c.seconds / SLOT_SECONDS);
      }
      const lastFrame = latest.find((s) => s.cameraId === camera.id)?.endedAt ?? null;
      return {
        cameraId: camera.id,
        name: camera.name,
        link: state?.link ?? 'unknown',
        tamper: state?.tamper ?? null,
        fault: state?.fault ?? null,
        faultSince: state?.faultSince?.toISOString() ?? null,
        recording: state?.recording ?? false,
        fps: fps.find((f) => f.cameraId === camera.id)?.fps ?? null,
        bitrateKbps:
          rate && rate.seconds > 0 ? Math.round((rate.bytes * 8) / rate.seconds / 1000) : null,
        lastFrameAt: lastFrame?.toISOString() ?? null,
        availability: strip.map((v) => Math.round(v * 1000) / 1000),
      };
    });
    return { kindergartenId, since: since.toISOString(), cameras: items };
  }

  /**
   * Disk space of the recording disk (shared by every camera of the server), the footage of
   * the kindergarten's cameras, and how many days the disk holds at the current rate of all
   * cameras: (footage kept + free space) / bytes per day.
   */
  async storage(ctx: CameraContext, kindergartenId: string): Promise<Storage> {
    const cameras = await this.camerasOf(ctx, kindergartenId);
    const ids = cameras.map((c) => c.id);
    const now = this.deps.now();
    const windowStart = new Date(now.getTime() - RATE_WINDOW_MS);
    const { stats, store } = this.deps.recording;
    // Before the first segment the media folder may not exist yet; its disk is still there.
    await mkdir(store.mediaDir, { recursive: true });
    const [space, footage, rates, allBytes, allFootage] = await Promise.all([
      (this.deps.freeSpace ?? statfsFreeSpace)(store.mediaDir),
      stats.footage(ids),
      stats.rates(ids, windowStart),
      stats.bytesSince(windowStart),
      stats.totalBytes(),
    ]);
    const bytesPerDay = (allBytes / RATE_WINDOW_MS) * DAY_MS;
    return {
      totalBytes: space.totalBytes,
      freeBytes: space.freeBytes,
      footageBytes: footage.reduce((sum, f) => sum + f.bytes, 0),
      daysAtCurrentRate:
        bytesPerDay > 0 ? round1((allFootage + space.freeBytes) / bytesPerDay) : null,
      cameras: cameras.map((camera) => {
        const kept = footage.find((f) => f.cameraId === camera.id);
        const rate = rates.find((r) => r.cameraId === camera.id);
        return {
          cameraId: camera.id,
          name: camera.name,
          bytes: kept?.bytes ?? 0,
          daysHeld: kept?.oldestAt ? round1((now.getTime() - kept.oldestAt.getTime()) / DAY_MS) : 0,
          oldestAt: kept?.oldestAt?.toISOString() ?? null,
          bitrateKbps:
            rate && rate.seconds > 0 ? Math.round((rate.bytes * 8) / rate.seconds / 1000) : null,
          retentionDays: camera.retentionDays,
        };
      }),
    };
  }

  /** The kindergarten's cameras, once `health.read` on it is allowed (refusals audited). */
  private async camerasOf(ctx: CameraContext, kindergartenId: string): Promise<Camera[]> {
    const kg = await this.deps.org.structure.getKindergarten(ctx, kindergartenId);
    const resource = { kind: 'kindergarten' as const, districtId: kg.districtId, kindergartenId };
    if (!can(ctx.actor, 'health.read', resource)) {
      const { actor } = ctx;
      await this.deps.audit.record({
        actor: { id: actor.id, username: actor.username, role: actor.role },
        action: 'health.read',
        resourceType: 'kindergarten',
        resourceId: kindergartenId,
        outcome: 'denied',
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      });
      throw forbidden();
    }
    return this.deps.cameras.list(ctx, { kindergartenId, includeArchived: false });
  }
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
