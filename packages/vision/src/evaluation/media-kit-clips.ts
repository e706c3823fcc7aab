import type { RuleName } from '../behaviour/scene.ts';

/** The media kit's clips with what the rules should say about them (all people are adults). */
export interface MediaKitClip {
  file: string;
  fps: number;
  seconds: number;
  expected: RuleName[];
}

export const MEDIA_KIT_CLIPS: readonly MediaKitClip[] = [
  { file: 'assist_fall_vertical_faint.mp4', fps: 6, seconds: 10, expected: ['child-fall'] },
  { file: 'assist_adl_sit_lie_down_quickly.mp4', fps: 6, seconds: 10, expected: [] },
  { file: 'intel_classroom_loop2.mp4', fps: 5, seconds: 6, expected: [] },
  { file: 'intel_face_demographics_walking_loop2.mp4', fps: 5, seconds: 5.8, expected: [] },
  { file: 'intel_worker_zone_loop2.mp4', fps: 4, seconds: 9.5, expected: [] },
  { file: 'intel_one_by_one_person_0-30s.mp4', fps: 2, seconds: 30, expected: [] },
  { file: 'synthetic_testsrc2_control.mp4', fps: 2, seconds: 10, expected: [] },
];
