import type { CameraPipeline, Frame, RuleHit, TrackedPerson } from '@gardenwatch/vision';
import type { Logger } from '../../platform/logger.ts';
import type { RaiseInput, RaiseResult } from '../alerts/alert-raise.ts';
import type { AttentionScheduler } from './attention-scheduler.ts';
import { shouldBurst } from './burst-trigger.ts';

export type CameraNote = 'too_dark' | 'invalid_frames' | 'stream_down' | null;

export interface CameraAnalysisDeps {
  cameraId: string;
  pipeline: CameraPipeline;
  scheduler: AttentionScheduler;
  raise: (input: RaiseInput) => Promise<RaiseResult>;
  logger: Logger;
  /** Looks at the people of each analysed frame beside the rules (faces at gates). */
  afterFrame?: (frame: Frame, people: TrackedPerson[]) => Promise<void>;
  /** Told of each hit raised, with the frame's arrival time (for latency measurements). */
  onRaised?: (result: RaiseResult, frameAtMs: number) => void;
}

/**
 * One camera's analysis: frames the scheduler admits go through the vision pipeline (one at a
 * time; frames arriving meanwhile are dropped), bursts are asked for when people come within
 * reach or move violently, and rule hits become alerts with the skeletons drawn.
 */
export class CameraAnalysis {
  note: CameraNote = null;
  private busy = false;
  private previous: { atMs: number; people: TrackedPerson[] } | undefined;

  constructor(private readonly deps: CameraAnalysisDeps) {}

  offer(frame: Frame): void {
    const { scheduler, cameraId } = this.deps;
    if (this.busy || !scheduler.admit(cameraId, frame.timestampMs)) return;
    this.busy = true;
    void this.process(frame)
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, cameraId }, 'analysis.frame.failed'),
      )
      .finally(() => (this.busy = false));
  }

  setNote(note: CameraNote): void {
    if (note === this.note) return;
    this.note = note;
    this.deps.logger.info({ cameraId: this.deps.cameraId, note }, 'analysis.camera.note');
  }

  private async process(frame: Frame): Promise<void> {
    const { pipeline, scheduler, cameraId } = this.deps;
    const started = performance.now();
    const result = await pipeline.process(frame);
    scheduler.record(cameraId, performance.now() - started);
    if (!result.ok) return this.setNote('invalid_frames');

    const outcome = result.value;
    // A picture too dark to analyse is a health note, never an alert.
    if (outcome.status === 'too-dark') return this.setNote('too_dark');
    this.setNote(null);
    if (shouldBurst(outcome.people, this.previous, frame.timestampMs))
      scheduler.burst(cameraId, frame.timestampMs);
    this.previous = { atMs: frame.timestampMs, people: outcome.people };

    for (const hit of outcome.hits) await this.raise(hit, frame, outcome.people);
    if (outcome.status === 'analysed' && outcome.people.length > 0)
      await this.deps.afterFrame?.(frame, outcome.people);
  }

  private async raise(hit: RuleHit, frame: Frame, people: TrackedPerson[]): Promise<void> {
    const result = await this.deps.raise({
      rule: hit.rule,
      ...(hit.severity === 'severe' && { severity: 'severe' as const }),
      cameraId: this.deps.cameraId,
      at: new Date(hit.atMs),
      evidence: { ...hit.evidence, tracks: hit.trackIds.join(',') },
      snapshot: {
        frame,
        people: people.map((p) => ({
          pose: p.pose,
          box: p.box,
          ageClass: p.age.ageClass,
          involved: hit.trackIds.includes(p.trackId),
        })),
      },
    });
    this.deps.onRaised?.(result, frame.timestampMs);
  }
}
