import { BehaviourMonitor, type MonitorOptions } from './behaviour/behaviour-monitor.ts';
import type { RuleContext, RuleHit } from './behaviour/scene.ts';
import type { CameraGeometry } from './camera-height.ts';
import type { Result } from './errors.ts';
import { parseFrame } from './frame.ts';
import { MotionGate, type MotionOptions } from './motion.ts';
import { PeopleAnalyser, type TrackedPerson } from './people-analyser.ts';
import type { PersonDetection } from './types.ts';
import type { Frame } from './frame.ts';

/** Anything that finds people with their poses: the inference pool, typically. */
export interface PeopleDetector {
  detectPeople(frame: Frame): Promise<Result<PersonDetection[]>>;
}

export interface CameraPipelineOptions {
  detector: PeopleDetector;
  context: RuleContext;
  camera?: CameraGeometry;
  motion?: Partial<MotionOptions>;
  monitor?: Partial<MonitorOptions>;
  /** A still scene is analysed again after this long anyway (someone may sit very still). */
  stillRefreshMs?: number;
}

export type FrameOutcome =
  | { status: 'analysed'; people: TrackedPerson[]; hits: RuleHit[] }
  | { status: 'still'; people: TrackedPerson[]; hits: RuleHit[] }
  | { status: 'too-dark'; meanLevel: number };

/**
 * One camera's analysis: validate the frame, skip the models when nothing moved (the last
 * people found are carried forward, so the rules still see someone lying still), run person
 * detection and pose otherwise, track people with their age estimates, and apply the
 * behaviour rules. A picture too dark to analyse yields a health note and no alerts.
 */
export class CameraPipeline {
  private readonly gate: MotionGate;
  private readonly analyser: PeopleAnalyser;
  private readonly monitor: BehaviourMonitor;
  private lastDetections: PersonDetection[] = [];
  private lastAnalysedMs = -Infinity;

  constructor(private readonly options: CameraPipelineOptions) {
    this.gate = new MotionGate(options.motion);
    this.analyser = new PeopleAnalyser(options.camera ? { camera: options.camera } : {});
    this.monitor = new BehaviourMonitor(options.context, options.monitor);
  }

  async process(input: unknown): Promise<Result<FrameOutcome>> {
    const parsed = parseFrame(input);
    if (!parsed.ok) return parsed;

    const frame = parsed.value;
    const motion = this.gate.update(frame);
    if (motion.tooDark)
      return { ok: true, value: { status: 'too-dark', meanLevel: motion.meanLevel } };
    const refresh =
      frame.timestampMs - this.lastAnalysedMs >= (this.options.stillRefreshMs ?? 120_000);
    const analyse = motion.moving || refresh;
    if (analyse) {
      const found = await this.options.detector.detectPeople(frame);
      if (!found.ok) return found;
      this.lastDetections = found.value;
      this.lastAnalysedMs = frame.timestampMs;
    }

    const people = this.analyser.update(this.lastDetections, frame.timestampMs);
    const scene = people.map((p) => ({
      trackId: p.trackId,
      box: p.box,
      pose: p.pose,
      ageClass: p.age.ageClass,
    }));
    const hits = this.monitor.push({ timestampMs: frame.timestampMs, people: scene });
    return { ok: true, value: { status: analyse ? 'analysed' : 'still', people, hits } };
  }
}
