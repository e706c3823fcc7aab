/**
 * Precision and recall of each behaviour rule over the constructed sequences (behaviours and
 * look-alikes) and over the keypoints recorded from the media kit's clips. Writes
 * bench/results/vision-behaviour.json and prints the tables.
 * Run: npx tsx packages/vision/scripts/evaluate-behaviour.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SceneFrame } from '../src/behaviour/scene.ts';
import { runSequence, scoreRules, type RuleScore } from '../src/evaluation/harness.ts';
import { MEDIA_KIT_CLIPS } from '../src/evaluation/media-kit-clips.ts';
import { behaviourSequences, lookAlikeSequences } from '../src/evaluation/sequences.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const recorded = JSON.parse(
  readFileSync(path.join(here, '../src/evaluation/fixtures/media-kit-keypoints.json'), 'utf8'),
) as Record<string, SceneFrame[]>;

const constructed = [...behaviourSequences(), ...lookAlikeSequences()].map((s) => runSequence(s));
const real = MEDIA_KIT_CLIPS.map((clip) =>
  runSequence(
    { name: clip.file, frames: recorded[clip.file] ?? [], expected: clip.expected },
    { fall: { subjects: 'everyone' } },
  ),
);

const format = (v: number | undefined): string => (v === undefined ? '-' : v.toFixed(2));
const rows = (scores: RuleScore[]) =>
  scores.map((s) => ({
    rule: s.rule,
    tp: s.truePositives,
    fp: s.falsePositives,
    fn: s.falseNegatives,
    precision: format(s.precision),
    recall: format(s.recall),
  }));

const result = {
  constructed: { sequences: constructed, scores: scoreRules(constructed) },
  mediaKit: { clips: real, scores: scoreRules(real) },
};
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results/vision-behaviour.json'),
  JSON.stringify(result, null, 2),
);
console.log(`constructed sequences: ${constructed.length}`);
console.table(rows(result.constructed.scores));
console.log('media kit clips:');
console.table(
  real.map((o) => ({ clip: o.name, expected: o.expected.join(','), fired: o.fired.join(',') })),
);
console.table(rows(result.mediaKit.scores));
