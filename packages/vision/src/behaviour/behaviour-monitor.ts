import { childFall, type FallOptions } from './fall-rule.ts';
import { fighting, pushOrDrag, roughLifting, striking } from './contact-rules.ts';
import { childAlone, gateLoitering, zoneIntrusion } from './presence-rules.ts';
import type { Rule, RuleContext, RuleHit, SceneFrame } from './scene.ts';

export interface MonitorOptions {
  /** The same rule on the same people is not raised again within this time. */
  cooldownMs: number;
  /** Frames kept at full rate; older ones are thinned to one per second. */
  fullRateMs: number;
  /** Oldest frame kept (the longest rule, loitering, needs two minutes). */
  historyMs: number;
  fall: FallOptions;
}

export const DEFAULT_MONITOR_OPTIONS: MonitorOptions = {
  cooldownMs: 30_000,
  fullRateMs: 10_000,
  historyMs: 180_000,
  fall: { subjects: 'children' },
};

export function allRules(fall: FallOptions): Rule[] {
  return [
    striking,
    pushOrDrag,
    roughLifting,
    childFall(fall),
    childAlone,
    fighting,
    zoneIntrusion,
    gateLoitering,
  ];
}

/**
 * Runs every behaviour rule on each analysed frame of one camera, keeping the recent past
 * they need and holding back repeats of the same rule on the same people (cool-down).
 */
export class BehaviourMonitor {
  private readonly frames: SceneFrame[] = [];
  private readonly lastRaised = new Map<string, number>();
  private readonly options: MonitorOptions;
  private readonly rules: Rule[];

  constructor(
    private readonly context: RuleContext,
    options: Partial<MonitorOptions> = {},
  ) {
    this.options = { ...DEFAULT_MONITOR_OPTIONS, ...options };
    this.rules = allRules(this.options.fall);
  }

  push(frame: SceneFrame): RuleHit[] {
    const last = this.frames.at(-1);
    if (last && frame.timestampMs <= last.timestampMs) return [];
    this.frames.push(frame);
    this.thin(frame.timestampMs);

    const hits = this.rules.flatMap((rule) => rule(this.frames, this.context));
    return hits.filter((hit) => this.fresh(hit));
  }

  private fresh(hit: RuleHit): boolean {
    const key = `${hit.rule}:${[...hit.trackIds].sort((a, b) => a - b).join(',')}`;
    const previous = this.lastRaised.get(key);
    if (previous !== undefined && hit.atMs - previous < this.options.cooldownMs) return false;
    this.lastRaised.set(key, hit.atMs);
    return true;
  }

  private thin(nowMs: number): void {
    while (this.frames.length > 0 && nowMs - this.frames[0]!.timestampMs > this.options.historyMs)
      this.frames.shift();
    let lastKept = -Infinity;
    for (let i = 0; i < this.frames.length; i++) {
      const t = this.frames[i]!.timestampMs;
      if (nowMs - t <= this.options.fullRateMs) break;
      if (t - lastKept < 1000) this.frames.splice(i--, 1);
      else lastKept = t;
    }
  }
}
