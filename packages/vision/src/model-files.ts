import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { VisionError } from './errors.ts';

/** The Human models the library runs, by file stem in the package's `models/` folder. */
export const MODEL_NAMES = {
  faceDetector: 'blazeface',
  faceMesh: 'facemesh',
  faceDescriptor: 'faceres',
  pose: 'movenet-lightning',
  objects: 'centernet',
} as const;

const require = createRequire(import.meta.url);

/** `@vladmandic/human` hides its dist and models behind an exports map: locate them by path. */
export function humanPackageDir(): string {
  return path.resolve(path.dirname(require.resolve('@vladmandic/human')), '..');
}

export function defaultModelDir(): string {
  return path.join(humanPackageDir(), 'models');
}

export function humanWasmBuild(): string {
  return path.join(humanPackageDir(), 'dist', 'human.node-wasm.js');
}

/** Folder holding the backend's `.wasm` binaries, with a trailing separator as tfjs expects. */
export function defaultWasmDir(): string {
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
}

const BYTES_PER_DTYPE: Record<string, number> = {
  float32: 4,
  int32: 4,
  float16: 2,
  uint16: 2,
  uint8: 1,
  bool: 1,
};

const manifestSchema = z.object({
  weightsManifest: z.array(
    z.object({
      paths: z.array(z.string().min(1)).min(1),
      weights: z.array(
        z.object({
          shape: z.array(z.number().int().nonnegative()),
          dtype: z.string(),
          quantization: z.object({ dtype: z.string() }).optional(),
        }),
      ),
    }),
  ),
});

function readManifest(file: string): z.infer<typeof manifestSchema> {
  if (!existsSync(file)) {
    throw new VisionError('VISION_MODEL_MISSING', `Model file missing: ${file}`, { field: file });
  }
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (cause) {
    const message = `Model file unreadable or truncated: ${file}`;
    throw new VisionError('VISION_MODEL_INVALID', message, { field: file, cause });
  }
}

function expectedWeightBytes(manifest: z.infer<typeof manifestSchema>, file: string): number {
  let bytes = 0;
  for (const group of manifest.weightsManifest) {
    for (const weight of group.weights) {
      const dtype = weight.quantization?.dtype ?? weight.dtype;
      const size = BYTES_PER_DTYPE[dtype];
      if (size === undefined) {
        const message = `Model file has an unknown weight type ${dtype}: ${file}`;
        throw new VisionError('VISION_MODEL_INVALID', message, { field: file });
      }
      bytes += weight.shape.reduce((a, b) => a * b, 1) * size;
    }
  }
  return bytes;
}

/**
 * Checks that each model's JSON and weight files exist and that the weights hold exactly the
 * bytes the manifest declares, so a missing or truncated file stops start-up with its name
 * instead of surfacing later as empty detections (Human only logs load failures).
 */
export function checkModelFiles(modelDir: string, names: readonly string[]): void {
  for (const name of names) {
    const jsonFile = path.join(modelDir, `${name}.json`);
    const manifest = readManifest(jsonFile);
    const expected = expectedWeightBytes(manifest, jsonFile);
    const binFiles = manifest.weightsManifest.flatMap((group) => group.paths);
    let actual = 0;
    for (const bin of binFiles) {
      const binFile = path.join(modelDir, bin);
      if (!existsSync(binFile)) {
        const message = `Model weights missing: ${binFile}`;
        throw new VisionError('VISION_MODEL_MISSING', message, { field: binFile });
      }
      actual += statSync(binFile).size;
    }
    if (actual !== expected) {
      const file = path.join(modelDir, binFiles.at(-1) ?? `${name}.bin`);
      const message = `Model weights truncated or wrong size: ${file} holds ${actual} bytes, the manifest declares ${expected}`;
      throw new VisionError('VISION_MODEL_TRUNCATED', message, { field: file });
    }
  }
}
