/**
 * Calibrates the face match threshold on the labelled identities of the media kit: describes
 * the largest face of every identity photo, computes the genuine (same person) and impostor
 * (different people) cosine similarities, picks the threshold and reports the false-accept and
 * false-reject rates there. Writes bench/results/vision-face-threshold.json and prints a table.
 * Run: npx tsx packages/vision/scripts/calibrate-face-threshold.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cosineSimilarity } from '../src/face-gallery.ts';
import { HumanEngine } from '../src/human-engine.ts';
import { decodeImage, sharedMediaDir } from '../src/testing/media.ts';
import { chooseThreshold, rates } from './threshold.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const media = sharedMediaDir();
if (!media) {
  console.error('The media kit (../shared/media) is not beside the repo; nothing to calibrate on.');
  process.exit(1);
}

const rows = readFileSync(path.join(media, 'faces/labels.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter(([, identity, count]) => identity && count === '1');

const engine = await HumanEngine.load();
const samples: { identity: string; file: string; embedding: number[] }[] = [];
const undetected: string[] = [];
for (const [file = '', identity = ''] of rows) {
  const faces = await engine.detectFaces(decodeImage(path.join(media, file)), { describe: true });
  const largest = faces.sort((a, b) => b.box.width - a.box.width)[0];
  if (largest?.embedding) samples.push({ identity, file, embedding: largest.embedding });
  else undetected.push(file);
}

const genuine: number[] = [];
const impostor: number[] = [];
for (let i = 0; i < samples.length; i++) {
  for (let j = i + 1; j < samples.length; j++) {
    const similarity = cosineSimilarity(samples[i]!.embedding, samples[j]!.embedding);
    (samples[i]!.identity === samples[j]!.identity ? genuine : impostor).push(similarity);
  }
}

const threshold = chooseThreshold(genuine, impostor, { maxFalseAccept: 0.005 });
const sweep = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, threshold].sort((a, b) => a - b);
const table = sweep.map((t) => ({ threshold: t, ...rates(genuine, impostor, t) }));
const summary = {
  photos: rows.length,
  described: samples.length,
  undetected,
  identities: new Set(samples.map((s) => s.identity)).size,
  genuinePairs: genuine.length,
  impostorPairs: impostor.length,
  genuine: stats(genuine),
  impostor: stats(impostor),
  threshold,
  atThreshold: rates(genuine, impostor, threshold),
  sweep: table,
};

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results/vision-face-threshold.json'),
  JSON.stringify(summary, null, 2),
);
console.log(
  `photos ${summary.photos}, described ${summary.described}, identities ${summary.identities}`,
);
console.log(`genuine pairs ${genuine.length}: ${JSON.stringify(summary.genuine)}`);
console.log(`impostor pairs ${impostor.length}: ${JSON.stringify(summary.impostor)}`);
console.table(table.map((r) => ({ ...r, threshold: r.threshold.toFixed(3) })));
console.log(`chosen threshold ${threshold.toFixed(3)}`);

function stats(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number | undefined): number => Math.round((v ?? 0) * 1000) / 1000;
  return {
    min: round(sorted[0]),
    median: round(sorted[Math.floor(sorted.length / 2)]),
    max: round(sorted.at(-1)),
  };
}
