import type { CameraFaultKind, LinkState, TamperKind } from '@gardenwatch/contracts';
import type { RecordingSource } from '../cameras/cameras.service.ts';
import type { GreyFrame } from './tamper-measures.ts';
import { judgeSample, TamperTracker } from './tamper-verdict.ts';

export interface WatchState {
  link: LinkState;
  tamper: TamperKind | null;
  fault: CameraFaultKind | null;
  faultSince: Date | null;
  recording: boolean;
}

/**
 * One camera's health as a small state machine: link state from the sampler and the
 * recorder, tamper from the samples, and the fault in force with the time it began. A fault
 * that changes kind keeps its start: the camera has been unusable since then.
 */
export class CameraWatch {
  link: LinkState = 'unknown';
  recording = true;
  faultSince: Date | null = null;
  /** The fault episode already has a work order (or one is open). */
  reported = false;
  reference: GreyFrame | null = null;
  private previous: GreyFrame | null = null;
  private readonly tracker = new TamperTracker(2);

  constructor(public source: RecordingSource) {}

  get tamper(): TamperKind | null {
    return this.link === 'online' ? this.tracker.state : null;
  }

  get fault(): CameraFaultKind | null {
    if (this.link === 'offline' || this.link === 'auth_failed') return this.link;
    return this.tamper;
  }

  state(): WatchState {
    return {
      link: this.link,
      tamper: this.tamper,
      fault: this.fault,
      faultSince: this.faultSince,
      recording: this.recording,
    };
  }

  /** A sample arrived: the camera is online; judge its picture. True when the state changed. */
  onFrame(frame: GreyFrame, now: Date): boolean {
    const before = this.signature();
    this.link = 'online';
    this.tracker.push(judgeSample(frame, this.reference, this.previous));
    this.previous = frame;
    return this.settle(before, now);
  }

  setLink(link: LinkState, now: Date): boolean {
    const before = this.signature();
    this.link = link;
    if (link !== 'online') this.previous = null;
    return this.settle(before, now);
  }

  /** Forgets the reference view and the tamper state (after a repair). */
  resetPicture(): void {
    this.reference = null;
    this.previous = null;
    this.tracker.reset();
  }

  private signature(): string {
    return `${this.link}/${this.tamper ?? ''}`;
  }

  private settle(before: string, now: Date): boolean {
    const fault = this.fault;
    if (fault === null) {
      this.faultSince = null;
      this.reported = false;
    } else {
      this.faultSince ??= now;
    }
    return this.signature() !== before;
  }
}
