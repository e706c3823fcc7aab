import os from 'node:os';
import {
  CameraPipeline,
  InferencePool,
  type FaceDetector,
  type PeopleDetector,
  type RuleContext,
  type Zone,
} from '@gardenwatch/vision';
import { Gauge } from 'prom-client';
import type { Platform } from '../../platform/context.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { RaiseResult } from '../alerts/alert-raise.ts';
import type { AlertsService } from '../alerts/alerts.service.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { GateGalleries } from '../gallery/gallery.service.ts';
import { GateFaces } from './gate-faces.ts';
import type { ZonesService } from './zones.service.ts';
import { AttentionScheduler, type CameraAttention } from './attention-scheduler.ts';
import { CameraAnalysis, type CameraNote } from './camera-analysis.ts';
import { FrameReader, type FrameReaderOptions } from './frame-reader.ts';
import { ruleContext } from './opening-hours.ts';

/** Analysis frames: letter-boxed to 640×360, decoded at the burst rate. */
export const ANALYSIS_WIDTH = 640;
export const ANALYSIS_HEIGHT = 360;
const FRAME_SIZE = { width: ANALYSIS_WIDTH, height: ANALYSIS_HEIGHT };
const RESTART_DELAY_MS = 5000;

export interface AnalysisStatus {
  enabled: boolean;
  cpuCores: number;
  cameras: (CameraAttention & { note: CameraNote })[];
  /** Cameras analysed less often than configured, for the health page. */
  shortfall: string[];
}

interface Running {
  analysis: CameraAnalysis;
  reader: FrameReader;
  restart: NodeJS.Timeout | undefined;
  /** The rules' context; its zones are replaced when they are drawn again. */
  context: RuleContext;
}

export interface AnalysisStart {
  /** Cameras to analyse when the configuration names none. */
  defaults?: string[];
  /** Zones for cameras that have none drawn (the demo's). */
  zonesOf?: (cameraId: string) => Zone[];
  detector?: PeopleDetector;
}

export interface AnalysisDeps {
  platform: Platform;
  cameras: CamerasService;
  alerts: AlertsService;
  tools: () => FfmpegTools;
  /** The zones drawn on each camera. */
  zones?: ZonesService;
  /** The faces matched at gates and entrances; without it no face is looked at. */
  galleries?: (kindergartenId: string) => Promise<GateGalleries>;
}

/** Cameras whose adults' faces are matched against the galleries. */
const GATE_AREAS = new Set(['gate', 'entrance_hall']);

/**
 * The analysis runner: one ffmpeg per analysed camera (sub stream to RGB), one vision pipeline
 * per camera on a shared inference pool, and the attention scheduler keeping the total within
 * the CPU budget. Off unless cameras are configured.
 */
export class AnalysisService {
  readonly scheduler: AttentionScheduler;
  private readonly running = new Map<string, Running>();
  private detector: PeopleDetector | undefined;
  /** The pool this runner started (and closes); a detector given to `start` is the caller's. */
  private pool: InferencePool | undefined;
  private stopped = false;

  constructor(private readonly deps: AnalysisDeps) {
    this.scheduler = new AttentionScheduler({ cpuCores: deps.platform.config.analysis.cpuCores });
    registerGauges(deps.platform, () => this.status());
  }

  /**
   * Starts the configured cameras (`defaults` when the configuration names none); resolves
   * once the models are loaded.
   */
  async start(options: AnalysisStart = {}): Promise<number> {
    const { detector } = options;
    const configured = this.deps.platform.config.analysis.cameras;
    const ids =
      configured === 'all'
        ? (await this.deps.cameras.recordingSources()).map((s) => s.cameraId)
        : configured === 'default'
          ? (options.defaults ?? [])
          : configured;
    if (ids.length === 0 && !detector) return 0;
    if (!detector) this.pool = await this.startPool();
    this.detector = detector ?? this.pool;
    for (const id of ids) {
      const source = await this.deps.cameras.analysisSource(id);
      const stored = (await this.deps.zones?.forAnalysis(id, FRAME_SIZE)) ?? [];
      const zones = stored.length > 0 ? stored : (options.zonesOf?.(id) ?? []);
      const placement = await this.deps.cameras.placementOfCamera(id);
      const gate =
        placement && GATE_AREAS.has(placement.areaKind)
          ? { kindergartenId: placement.kindergartenId }
          : undefined;
      if (source) this.add(id, { kind: 'rtsp', url: source.url }, { zones, ...(gate && { gate }) });
    }
    return this.running.size;
  }

  /** Analyses one camera from a source (its stream, or a looped file in benchmarks). */
  add(
    cameraId: string,
    source: FrameReaderOptions['source'],
    options: {
      zones?: Zone[];
      /** A gate or entrance camera: adults' faces are matched against the galleries. */
      gate?: { kindergartenId: string };
      onRaised?: (result: RaiseResult, frameAtMs: number) => void;
    } = {},
  ): void {
    const detector = this.detector;
    if (!detector || this.running.has(cameraId)) return;
    const { platform } = this.deps;
    const context = ruleContext(platform.config.defaultTimezone, options.zones);
    const faces = options.gate && this.gateFaces(cameraId, options.gate.kindergartenId, context);
    this.scheduler.add(cameraId);
    const analysis = new CameraAnalysis({
      cameraId,
      pipeline: new CameraPipeline({
        detector,
        context,
      }),
      scheduler: this.scheduler,
      raise: (input) => this.deps.alerts.raise(input),
      logger: platform.logger,
      ...(options.onRaised && { onRaised: options.onRaised }),
      ...(faces && { afterFrame: (frame, people) => faces.check(frame, people) }),
    });
    const reader = this.reader(cameraId, source);
    const entry: Running = { analysis, reader, restart: undefined, context };
    this.running.set(cameraId, entry);
    entry.reader.start();
  }

  /** Zones drawn anew on an analysed camera apply from its next frame. */
  async zonesChanged(cameraId: string): Promise<void> {
    const entry = this.running.get(cameraId);
    if (!entry || !this.deps.zones) return;
    entry.context.zones = await this.deps.zones.forAnalysis(cameraId, FRAME_SIZE);
  }

  status(): AnalysisStatus {
    const now = Date.now();
    const cameras = this.scheduler.status(now).map((c) => ({
      ...c,
      note: this.running.get(c.cameraId)?.analysis.note ?? null,
    }));
    return {
      enabled: this.running.size > 0,
      cpuCores: this.deps.platform.config.analysis.cpuCores,
      cameras,
      shortfall: this.scheduler.shortfall(now).map((c) => c.cameraId),
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.running.values()) clearTimeout(entry.restart);
    await Promise.all([...this.running.values()].map((e) => e.reader.stop()));
    this.running.clear();
    await this.pool?.close();
  }

  private gateFaces(cameraId: string, kindergartenId: string, context: RuleContext) {
    const { galleries, platform } = this.deps;
    const faces = this.detector;
    if (!galleries || !faces || !('detectFaces' in faces)) return undefined;
    return new GateFaces({
      cameraId,
      kindergartenId,
      faces: faces as PeopleDetector & FaceDetector,
      galleries,
      context,
      timeZone: platform.config.defaultTimezone,
      db: platform.db,
      logger: platform.logger,
      raise: (input) => this.deps.alerts.raise(input),
    });
  }

  private reader(cameraId: string, source: FrameReaderOptions['source']): FrameReader {
    return new FrameReader({
      tools: this.deps.tools(),
      source,
      width: ANALYSIS_WIDTH,
      height: ANALYSIS_HEIGHT,
      fps: 8,
      onFrame: (frame) => this.running.get(cameraId)?.analysis.offer(frame),
      onExit: (detail) => this.restartLater(cameraId, source, detail),
    });
  }

  private restartLater(cameraId: string, source: FrameReaderOptions['source'], detail: string) {
    const entry = this.running.get(cameraId);
    if (!entry || this.stopped) return;
    entry.analysis.setNote('stream_down');
    this.deps.platform.logger.warn({ cameraId, detail }, 'analysis.stream.ended');
    entry.restart = setTimeout(() => {
      if (this.stopped) return;
      entry.reader = this.reader(cameraId, source);
      entry.reader.start();
    }, RESTART_DELAY_MS);
  }

  private async startPool(): Promise<InferencePool> {
    const cores = Math.ceil(this.deps.platform.config.analysis.cpuCores);
    return InferencePool.start({ size: Math.max(1, Math.min(cores, os.availableParallelism())) });
  }
}

function registerGauges(platform: Platform, status: () => AnalysisStatus): void {
  const registers = [platform.metrics.registry];
  const labelNames = ['camera'] as const;
  new Gauge({
    name: 'gardenwatch_analysis_granted_fps',
    help: 'Frames per second the scheduler grants each analysed camera',
    labelNames,
    registers,
    collect() {
      this.reset();
      for (const c of status().cameras) this.set({ camera: c.cameraId }, c.grantedFps);
    },
  });
  new Gauge({
    name: 'gardenwatch_analysis_wanted_fps',
    help: 'Frames per second each analysed camera wants (base or burst)',
    labelNames,
    registers,
    collect() {
      this.reset();
      for (const c of status().cameras) this.set({ camera: c.cameraId }, c.wantedFps);
    },
  });
  new Gauge({
    name: 'gardenwatch_analysis_shortfall_cameras',
    help: 'Cameras analysed less often than configured, for want of CPU',
    registers,
    collect() {
      this.set(status().shortfall.length);
    },
  });
}
