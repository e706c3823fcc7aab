import type { GraphModelLike, TensorLike, TfLike } from './human-types.ts';
import type { Box, Keypoint, Pose } from './types.ts';

/** Margin added around a person box so that wrists and feet at its edge stay inside the crop. */
const CROP_MARGIN = 0.15;

/** Square crop around a person box, in normalised [y1, x1, y2, x2] for cropAndResize. */
export function squareCrop(
  box: Box,
  width: number,
  height: number,
): [number, number, number, number] {
  const side = Math.max(box.width, box.height) * (1 + 2 * CROP_MARGIN);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return [
    (cy - side / 2) / height,
    (cx - side / 2) / width,
    (cy + side / 2) / height,
    (cx + side / 2) / width,
  ];
}

/**
 * Top-down multi-person pose: MoveNet Lightning (the single-person model shipped in the
 * Human package, batch size 1) runs on a square crop around each detected person. Keypoints
 * come back in frame pixels.
 */
// LIMITATION: the npm package ships no MoveNet MultiPose weights, so people whose boxes
// overlap heavily share a crop and the model follows one of them; the other's pose is less
// reliable (its keypoint scores show it).
export async function estimatePoses(
  tf: TfLike,
  model: GraphModelLike,
  image: TensorLike,
  boxes: Box[],
): Promise<Pose[]> {
  const height = image.shape[1] ?? 1;
  const width = image.shape[2] ?? 1;
  const size = model.inputs[0]?.shape?.[1] ?? 192;
  const floatImage = tf.cast(image, 'float32');
  const index = tf.tensor(new Uint8Array(1), [1], 'int32');
  try {
    const poses: Pose[] = [];
    for (const box of boxes) {
      const crop = squareCrop(box, width, height);
      const raw = await runCrop({ tf, model, image: floatImage, index, crop, size });
      poses.push(toPose(raw, crop, width, height));
    }
    return poses;
  } finally {
    floatImage.dispose();
    index.dispose();
  }
}

async function runCrop(args: {
  tf: TfLike;
  model: GraphModelLike;
  image: TensorLike;
  index: TensorLike;
  crop: [number, number, number, number];
  size: number;
}): Promise<number[][]> {
  const { tf, model, size } = args;
  const owned: TensorLike[] = [];
  try {
    const boxTensor = tf.tensor(new Float32Array(args.crop), [1, 4], 'float32');
    owned.push(boxTensor);
    const resized = tf.image.cropAndResize(args.image, boxTensor, args.index, [size, size]);
    owned.push(resized);
    const input = tf.cast(resized, 'int32');
    owned.push(input);
    const output = model.execute(input);
    const result = Array.isArray(output) ? output[0] : output;
    if (!result) return [];
    owned.push(result);
    const values = (await result.array()) as number[][][][];
    return values[0]?.[0] ?? [];
  } finally {
    for (const t of owned) t.dispose();
  }
}

function toPose(
  raw: number[][],
  crop: [number, number, number, number],
  width: number,
  height: number,
): Keypoint[] {
  const [y1, x1, y2, x2] = crop;
  return raw.map(([ky = 0, kx = 0, score = 0]) => ({
    x: (x1 + kx * (x2 - x1)) * width,
    y: (y1 + ky * (y2 - y1)) * height,
    score,
  }));
}
