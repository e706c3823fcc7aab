/** Analysis rates: about one frame a second where people are, a burst where it matters. */
export interface AttentionOptions {
  baseFps: number;
  burstFps: number;
  /** How long a burst lasts after its last trigger. */
  burstHoldMs: number;
  /** CPU the analysis may use, in cores (1 = one core's worth of processing time per second). */
  cpuCores: number;
}

export const DEFAULT_ATTENTION: AttentionOptions = {
  baseFps: 1,
  burstFps: 8,
  burstHoldMs: 5000,
  cpuCores: 1,
};

interface CameraState {
  burstUntilMs: number;
  /** Processing time of one frame, smoothed; starts pessimistic until measured. */
  costMs: number;
  lastAdmittedMs: number;
  grantedFps: number;
  admitted: number[];
}

export interface CameraAttention {
  cameraId: string;
  wantedFps: number;
  grantedFps: number;
  /** Frames actually analysed over the last 10 s, per second. */
  analysedFps: number;
  costMs: number;
  bursting: boolean;
}

const WINDOW_MS = 10_000;
// LIMITATION: the cost of a frame is the wall time of its analysis, queueing in the pool
// included, not CPU time; on a machine loaded by other work the scheduler grants less than the
// budget would allow. And a frame of two people costs 0.5-2 s of one core on a 2-core machine,
// so a burst of 8 frames per second is granted but not reached (docs/benchmarks/alerts.md).
const INITIAL_COST_MS = 150;
const SMOOTHING = 0.2;

/**
 * Shares a CPU budget among cameras. Each camera wants the base rate, or the burst rate while
 * a burst holds; when the wanted processing time exceeds the budget, every camera first keeps
 * what it can of the base rate and the rest goes to bursts in proportion. Cameras granted less
 * than they want are reported, never silently starved.
 */
export class AttentionScheduler {
  private readonly cameras = new Map<string, CameraState>();
  private readonly options: AttentionOptions;

  constructor(options: Partial<AttentionOptions> = {}) {
    this.options = { ...DEFAULT_ATTENTION, ...options };
  }

  add(cameraId: string): void {
    if (this.cameras.has(cameraId)) return;
    this.cameras.set(cameraId, {
      burstUntilMs: -Infinity,
      costMs: INITIAL_COST_MS,
      lastAdmittedMs: -Infinity,
      grantedFps: this.options.baseFps,
      admitted: [],
    });
    this.allocate(0);
  }

  remove(cameraId: string): void {
    this.cameras.delete(cameraId);
  }

  /** Keeps the camera at the burst rate until `burstHoldMs` after now. */
  burst(cameraId: string, nowMs: number): void {
    const state = this.cameras.get(cameraId);
    if (!state) return;
    const wasBursting = state.burstUntilMs > nowMs;
    state.burstUntilMs = nowMs + this.options.burstHoldMs;
    if (!wasBursting) this.allocate(nowMs);
  }

  /** Whether a frame arriving now should be analysed. */
  admit(cameraId: string, nowMs: number): boolean {
    const state = this.cameras.get(cameraId);
    if (!state) return false;
    this.allocate(nowMs);
    // A little slack so that a stream at exactly the granted rate is not halved by jitter.
    const interval = (1000 / Math.max(state.grantedFps, 1e-6)) * 0.9;
    if (nowMs - state.lastAdmittedMs < interval) return false;
    state.lastAdmittedMs = nowMs;
    state.admitted.push(nowMs);
    while ((state.admitted[0] ?? nowMs) < nowMs - WINDOW_MS) state.admitted.shift();
    return true;
  }

  /** How long one frame took to process. */
  record(cameraId: string, costMs: number): void {
    const state = this.cameras.get(cameraId);
    if (!state) return;
    state.costMs = state.costMs * (1 - SMOOTHING) + costMs * SMOOTHING;
  }

  status(nowMs: number): CameraAttention[] {
    this.allocate(nowMs);
    return [...this.cameras].map(([cameraId, s]) => ({
      cameraId,
      wantedFps: this.wanted(s, nowMs),
      grantedFps: round(s.grantedFps),
      analysedFps: round(
        s.admitted.filter((t) => t >= nowMs - WINDOW_MS).length / (WINDOW_MS / 1000),
      ),
      costMs: round(s.costMs),
      bursting: s.burstUntilMs > nowMs,
    }));
  }

  /** Cameras granted less than they want. */
  shortfall(nowMs: number): CameraAttention[] {
    return this.status(nowMs).filter((c) => c.grantedFps < c.wantedFps - 1e-6);
  }

  private wanted(state: CameraState, nowMs: number): number {
    return state.burstUntilMs > nowMs ? this.options.burstFps : this.options.baseFps;
  }

  private allocate(nowMs: number): void {
    const budgetMs = this.options.cpuCores * 1000;
    const states = [...this.cameras.values()];
    const base = states.map((s) => Math.min(this.wanted(s, nowMs), this.options.baseFps));
    const baseLoad = states.reduce((sum, s, i) => sum + (base[i] ?? 0) * s.costMs, 0);
    const baseShare = baseLoad > budgetMs ? budgetMs / baseLoad : 1;
    const left = Math.max(0, budgetMs - baseLoad * baseShare);
    const extra = states.map((s, i) => this.wanted(s, nowMs) - (base[i] ?? 0));
    const extraLoad = states.reduce((sum, s, i) => sum + (extra[i] ?? 0) * s.costMs, 0);
    const extraShare = extraLoad > left ? left / extraLoad : 1;
    states.forEach((s, i) => {
      s.grantedFps = (base[i] ?? 0) * baseShare + (extra[i] ?? 0) * extraShare;
    });
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
