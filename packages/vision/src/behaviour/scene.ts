import type { AgeClass } from '../stature.ts';
import type { Point } from '../geometry.ts';
import type { Box, Pose } from '../types.ts';

/** One person in one analysed frame, as the behaviour rules see them. */
export interface ScenePerson {
  trackId: number;
  box: Box;
  pose: Pose;
  ageClass: AgeClass;
}

export interface SceneFrame {
  timestampMs: number;
  people: ScenePerson[];
}

export type ZoneKind = 'perimeter' | 'indoor' | 'gate';

/** A polygon on the camera image, in frame pixels. */
export interface Zone {
  id: string;
  kind: ZoneKind;
  polygon: Point[];
}

export interface RuleContext {
  zones: readonly Zone[];
  /** Whether the kindergarten is open (children expected, staff on duty) at this time. */
  isOpen(timestampMs: number): boolean;
  /** Whether it is night (the building should be empty) at this time. */
  isNight(timestampMs: number): boolean;
}

export type RuleName =
  | 'striking'
  | 'push-or-drag'
  | 'rough-lifting'
  | 'child-fall'
  | 'child-alone'
  | 'fighting'
  | 'zone-intrusion'
  | 'gate-loitering';

export const RULE_NAMES: readonly RuleName[] = [
  'striking',
  'push-or-drag',
  'rough-lifting',
  'child-fall',
  'child-alone',
  'fighting',
  'zone-intrusion',
  'gate-loitering',
];

export type Severity = 'warning' | 'severe';

export interface RuleHit {
  rule: RuleName;
  severity: Severity;
  atMs: number;
  /** Tracks involved: the actor first where there is one. */
  trackIds: number[];
  /** Measured values behind the decision, for the alert's evidence. */
  evidence: Record<string, number | string>;
}

/** Rules see the frames of the recent past, oldest first; the last is the current one. */
export type Rule = (frames: readonly SceneFrame[], context: RuleContext) => RuleHit[];
