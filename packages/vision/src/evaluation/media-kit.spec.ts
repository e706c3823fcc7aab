import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SceneFrame } from '../behaviour/scene.ts';
import { runSequence, scoreRules } from './harness.ts';
import { MEDIA_KIT_CLIPS } from './media-kit-clips.ts';

const recorded = JSON.parse(
  readFileSync(new URL('./fixtures/media-kit-keypoints.json', import.meta.url), 'utf8'),
) as Record<string, SceneFrame[]>;

// The kit shows adults only, so the fall rule is evaluated on everyone here.
const options = { fall: { subjects: 'everyone' as const } };

describe('behaviour rules on keypoints recorded from the media kit clips', () => {
  it.each(MEDIA_KIT_CLIPS.map((c) => [c.file, c] as const))('%s', (file, clip) => {
    const frames = recorded[file];
    expect(frames?.length).toBeGreaterThan(10);
    const outcome = runSequence({ name: file, frames: frames!, expected: clip.expected }, options);
    expect(outcome.fired).toEqual(clip.expected);
  });

  it('raises the fall in the faint clip after the recovery time, not before', () => {
    const frames = recorded['assist_fall_vertical_faint.mp4']!;
    const early = frames.filter((f) => f.timestampMs < 6000);
    expect(runSequence({ name: 'early', frames: early, expected: [] }, options).fired).toEqual([]);
  });

  it('applies the fall rule to children only by default', () => {
    const frames = recorded['assist_fall_vertical_faint.mp4']!;
    const asAdults = frames.map((f) => ({
      ...f,
      people: f.people.map((p) => ({ ...p, ageClass: 'adult' as const })),
    }));
    expect(runSequence({ name: 'adults', frames: asAdults, expected: [] }).fired).toEqual([]);
  });

  it('scores every clip', () => {
    const outcomes = MEDIA_KIT_CLIPS.map((c) =>
      runSequence({ name: c.file, frames: recorded[c.file]!, expected: c.expected }, options),
    );
    const fall = scoreRules(outcomes).find((s) => s.rule === 'child-fall');
    expect(fall).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0 });
  });
});
