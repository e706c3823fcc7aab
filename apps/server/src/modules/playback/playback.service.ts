import type { AreaTimeline, Timeline, TimelineAlert } from '@gardenwatch/contracts';
import { createReadStream, type ReadStream } from 'node:fs';
import path from 'node:path';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CameraVideoAccess } from '../cameras/camera-video-access.ts';
import type { CameraContext } from '../cameras/cameras.service.ts';
import { recordCameraSight } from '../cameras/camera-sight-audit.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { grabJpeg } from './frame-grab.ts';
import { buildPlaylist, mergeSpans } from './playlist.ts';

export interface Range {
  from: Date;
  to: Date;
}

/** Where the timeline reads alerts from (the alerts module), by camera over a range. */
export interface TimelineAlertSource {
  listForCameras(
    cameraIds: string[],
    range: Range,
  ): Promise<(TimelineAlert & { cameraId: string })[]>;
}

export interface PlaybackServiceDeps {
  access: CameraVideoAccess;
  audit: AuditService;
  recording: RecordingService;
  tools: () => FfmpegTools;
  /** Absent where no alerts module runs: the timeline then shows no alert marks. */
  alerts?: TimelineAlertSource;
}

/** Recorded video: timelines, HLS playlists from the segment index, segment files, snapshots. */
export class PlaybackService {
  constructor(private readonly deps: PlaybackServiceDeps) {}

  async timeline(ctx: CameraContext, cameraId: string, range: Range): Promise<Timeline> {
    await this.deps.access.authorize(ctx, cameraId, 'video.playback');
    const alerts = await this.alertsOf([cameraId], range);
    return this.timelineOf(cameraId, range, alerts);
  }

  /** Every camera of an area over one range, in name order, for playback in sync. */
  async areaTimeline(ctx: CameraContext, areaId: string, range: Range): Promise<AreaTimeline> {
    const { name, cameras } = await this.deps.access.authorizeArea(ctx, areaId, 'video.playback');
    const alerts = await this.alertsOf(
      cameras.map((c) => c.id),
      range,
    );
    const timelines = await Promise.all(
      cameras.map(async (camera) => ({
        ...(await this.timelineOf(camera.id, range, alerts)),
        name: camera.name,
      })),
    );
    return {
      areaId,
      name,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      cameras: timelines,
    };
  }

  private async alertsOf(cameraIds: string[], range: Range) {
    return (await this.deps.alerts?.listForCameras(cameraIds, range)) ?? [];
  }

  private async timelineOf(
    cameraId: string,
    range: Range,
    alerts: (TimelineAlert & { cameraId: string })[],
  ): Promise<Timeline> {
    const { repo, holds } = this.deps.recording;
    const [segments, gaps, active, kept] = await Promise.all([
      repo.segmentsBetween(cameraId, range.from, range.to),
      repo.gapsBetween(cameraId, range.from, range.to),
      holds.active(cameraId),
      repo.keptRange(cameraId),
    ]);
    return {
      cameraId,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      available: kept && { from: kept.from.toISOString(), to: kept.to.toISOString() },
      spans: mergeSpans(segments, range),
      gaps,
      holds: active
        .filter((h) => h.from < range.to && h.to > range.from)
        .map((h) => ({
          id: h.id,
          from: h.from.toISOString(),
          to: h.to.toISOString(),
          reason: h.reason,
          owner: h.owner,
        })),
      alerts: alerts
        .filter((a) => a.cameraId === cameraId)
        .map(({ id, at, kind, severity, state }) => ({ id, at, kind, severity, state })),
    };
  }

  /** The playlist of a range; 404 naming the range kept when there is no footage in it. */
  async playlist(ctx: CameraContext, cameraId: string, range: Range): Promise<string> {
    await this.deps.access.authorize(ctx, cameraId, 'video.playback');
    const segments = await this.deps.recording.repo.segmentsBetween(cameraId, range.from, range.to);
    if (segments.length === 0) throw await this.noFootage(cameraId);

    await recordCameraSight(this.deps.audit, ctx, {
      cameraId,
      action: 'video.playback',
      details: {
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        segments: segments.length,
      },
    });
    return buildPlaylist(segments, (id) => `/api/cameras/${cameraId}/segments/${id}/media.ts`);
  }

  /** A segment file; the playlist that names it was authorised and audited. */
  async segmentFile(
    ctx: CameraContext,
    cameraId: string,
    segmentId: string,
  ): Promise<{ stream: ReadStream; bytes: number }> {
    await this.deps.access.authorize(ctx, cameraId, 'video.playback');
    const segment = await this.deps.recording.repo.findSegment(cameraId, segmentId);
    if (!segment) throw notFound('segment', segmentId);
    const file = path.join(this.deps.recording.store.mediaDir, segment.path);
    return { stream: createReadStream(file), bytes: segment.bytes };
  }

  /** A JPEG of the live picture (`at` absent) or of the footage at `at`. */
  async snapshot(ctx: CameraContext, cameraId: string, at: Date | undefined): Promise<Buffer> {
    const action = at ? 'video.playback' : 'video.live';
    const camera = await this.deps.access.authorize(ctx, cameraId, action);
    const tools = this.deps.tools();
    let jpeg: Buffer | null;
    if (at) {
      const end = new Date(at.getTime() + 1);
      const [segment] = await this.deps.recording.repo.segmentsBetween(cameraId, at, end);
      if (!segment) throw await this.noFootage(cameraId);
      jpeg = await grabJpeg(tools, {
        kind: 'file',
        file: path.join(this.deps.recording.store.mediaDir, segment.path),
        offsetSec: Math.max(0, (at.getTime() - Date.parse(segment.startedAt)) / 1000),
      });
    } else {
      jpeg = await grabJpeg(tools, { kind: 'live', url: camera.streamUrl('main') });
    }
    if (!jpeg) {
      throw new AppError('SERVICE_UNAVAILABLE', 'The camera gave no picture; try again shortly');
    }
    await recordCameraSight(this.deps.audit, ctx, {
      cameraId,
      action: 'video.snapshot',
      details: { at: at?.toISOString() ?? 'live' },
    });
    return jpeg;
  }

  private async noFootage(cameraId: string): Promise<AppError> {
    const kept = await this.deps.recording.repo.keptRange(cameraId);
    const available = kept && { from: kept.from.toISOString(), to: kept.to.toISOString() };
    const message = available
      ? `No footage in that range; footage is kept from ${available.from} to ${available.to}`
      : 'This camera has no footage';
    return new AppError('NOT_FOUND', message, { details: { resource: 'footage', available } });
  }
}
