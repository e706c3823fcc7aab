import { spawn } from 'node:child_process';
import type { AgeClass, Frame, Pose } from '@gardenwatch/vision';
import { MIN_KEYPOINT_SCORE } from '@gardenwatch/vision';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';

/** One person to draw: their pose, box and whether the alert is about them. */
export interface DrawnPerson {
  pose: Pose;
  box: { x: number; y: number; width: number; height: number };
  ageClass: AgeClass;
  involved: boolean;
}

type Rgb = readonly [number, number, number];

/** Limbs as pairs of keypoint indices (COCO order): face, arms, torso, legs. */
// prettier-ignore
const BONES: readonly (readonly [number, number])[] = [
  [0, 1], [0, 2], [1, 3], [2, 4],
  [5, 6], [5, 7], [7, 9], [6, 8], [8, 10],
  [5, 11], [6, 12], [11, 12],
  [11, 13], [13, 15], [12, 14], [14, 16],
];

const ADULT: Rgb = [255, 150, 0];
const CHILD: Rgb = [0, 210, 255];
const UNKNOWN: Rgb = [230, 230, 230];
const INVOLVED: Rgb = [255, 40, 40];

const colourOf = (age: AgeClass): Rgb =>
  age === 'adult' ? ADULT : age === 'child' ? CHILD : UNKNOWN;

/**
 * A copy of the frame with each person's skeleton drawn (adults orange, children cyan, others
 * gray) and a red box around the people the alert is about.
 */
export function drawSkeletons(frame: Frame, people: readonly DrawnPerson[]): Frame {
  const out: Frame = { ...frame, data: new Uint8Array(frame.data) };
  const thickness = Math.max(1, Math.round(Math.min(frame.width, frame.height) / 160));

  for (const person of people) {
    const colour = colourOf(person.ageClass);
    for (const [a, b] of BONES) {
      const p = person.pose[a];
      const q = person.pose[b];
      if (!p || !q || p.score < MIN_KEYPOINT_SCORE || q.score < MIN_KEYPOINT_SCORE) continue;
      drawLine(out, { x0: p.x, y0: p.y, x1: q.x, y1: q.y, colour, thickness });
    }
    if (person.involved) drawBox(out, person.box, thickness);
  }
  return out;
}

function drawBox(frame: Frame, box: DrawnPerson['box'], thickness: number): void {
  const { x, y, width: w, height: h } = box;
  const corners = [
    [x, y, x + w, y],
    [x + w, y, x + w, y + h],
    [x + w, y + h, x, y + h],
    [x, y + h, x, y],
  ] as const;
  for (const [x0, y0, x1, y1] of corners)
    drawLine(frame, { x0, y0, x1, y1, colour: INVOLVED, thickness });
}

function drawLine(
  frame: Frame,
  line: { x0: number; y0: number; x1: number; y1: number; colour: Rgb; thickness: number },
): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(line.x1 - line.x0, line.y1 - line.y0)));
  for (let i = 0; i <= steps; i++) {
    const x = Math.round(line.x0 + ((line.x1 - line.x0) * i) / steps);
    const y = Math.round(line.y0 + ((line.y1 - line.y0) * i) / steps);
    stamp(frame, x, y, line);
  }
}

function stamp(frame: Frame, cx: number, cy: number, pen: { colour: Rgb; thickness: number }) {
  const r = Math.floor(pen.thickness / 2);
  for (let y = cy - r; y <= cy + r; y++) {
    if (y < 0 || y >= frame.height) continue;
    for (let x = cx - r; x <= cx + r; x++) {
      if (x < 0 || x >= frame.width) continue;
      const i = (y * frame.width + x) * 3;
      frame.data[i] = pen.colour[0];
      frame.data[i + 1] = pen.colour[1];
      frame.data[i + 2] = pen.colour[2];
    }
  }
}

/** Encodes packed RGB as JPEG with ffmpeg; null when ffmpeg fails. */
export async function encodeJpeg(tools: FfmpegTools, frame: Frame): Promise<Buffer | null> {
  const child = spawn(
    tools.ffmpeg,
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
      ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${frame.width}x${frame.height}`],
      ...['-i', 'pipe:0', '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2'],
      'pipe:1',
    ],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(frame.data);
  const code = await new Promise<number | null>((resolve) => {
    child.once('close', resolve);
    child.once('error', () => resolve(-1));
  });
  const jpeg = Buffer.concat(chunks);
  return code === 0 && jpeg.length > 0 ? jpeg : null;
}
