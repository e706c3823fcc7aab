/**
 * Records the keypoint tracks of the media kit's clips: decodes each clip with ffmpeg, runs
 * person detection, pose, tracking and the adult-or-child estimate on every frame, and writes
 * the scene frames to src/evaluation/fixtures/media-kit-keypoints.json, so that the behaviour
 * rules can be evaluated on real footage without running the models in every test.
 * Run: npx tsx packages/vision/scripts/record-clip-keypoints.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SceneFrame } from '../src/behaviour/scene.ts';
import { HumanEngine } from '../src/human-engine.ts';
import { PeopleAnalyser } from '../src/people-analyser.ts';
import { decodeClip, sharedMediaDir } from '../src/testing/media.ts';
import { MEDIA_KIT_CLIPS } from '../src/evaluation/media-kit-clips.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.join(here, '../src/evaluation/fixtures/media-kit-keypoints.json');
const media = sharedMediaDir();
if (!media) {
  console.error('The media kit (../shared/media) is not beside the repo; nothing to record.');
  process.exit(1);
}

const round = (v: number): number => Math.round(v * 10) / 10;
const engine = await HumanEngine.load();
const recorded: Record<string, SceneFrame[]> = {};
for (const clip of MEDIA_KIT_CLIPS) {
  const frames = decodeClip(path.join(media, 'video', clip.file), {
    fps: clip.fps,
    count: Math.round(clip.fps * clip.seconds),
  });
  const analyser = new PeopleAnalyser();
  recorded[clip.file] = [];
  for (const frame of frames) {
    const people = analyser.update(await engine.detectPeople(frame), frame.timestampMs);
    recorded[clip.file]!.push({
      timestampMs: Math.round(frame.timestampMs),
      people: people.map((p) => ({
        trackId: p.trackId,
        ageClass: p.age.ageClass,
        box: {
          x: round(p.box.x),
          y: round(p.box.y),
          width: round(p.box.width),
          height: round(p.box.height),
        },
        pose: p.pose.map((k) => ({
          x: round(k.x),
          y: round(k.y),
          score: Math.round(k.score * 100) / 100,
        })),
      })),
    });
  }
  console.log(`${clip.file}: ${frames.length} frames`);
}
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(recorded));
