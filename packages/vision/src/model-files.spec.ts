import { copyFileSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VisionError } from './errors.ts';
import { MODEL_NAMES, checkModelFiles, defaultModelDir } from './model-files.ts';

const names = Object.values(MODEL_NAMES);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'vision-models-'));

function copyModels(): string {
  const dir = mkdtempSync(path.join(scratch, 'm-'));
  for (const file of readdirSync(defaultModelDir())) {
    if (names.some((n) => file.startsWith(`${n}.`))) {
      copyFileSync(path.join(defaultModelDir(), file), path.join(dir, file));
    }
  }
  return dir;
}

function errorOf(run: () => void): VisionError {
  try {
    run();
  } catch (error) {
    if (error instanceof VisionError) return error;
    throw error;
  }
  throw new Error('expected a VisionError');
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('checkModelFiles', () => {
  it('accepts the models shipped in the Human package', () => {
    expect(() => checkModelFiles(defaultModelDir(), names)).not.toThrow();
  });

  it('names a truncated weights file', () => {
    const dir = copyModels();
    truncateSync(path.join(dir, 'faceres.bin'), 1000);
    const error = errorOf(() => checkModelFiles(dir, names));
    expect(error.code).toBe('VISION_MODEL_TRUNCATED');
    expect(error.field).toBe(path.join(dir, 'faceres.bin'));
    expect(error.message).toContain('faceres.bin');
  });

  it('names a missing manifest and missing weights', () => {
    const dir = copyModels();
    rmSync(path.join(dir, 'centernet.json'));
    rmSync(path.join(dir, 'blazeface.bin'));
    const error = errorOf(() => checkModelFiles(dir, names));
    expect(error.code).toBe('VISION_MODEL_MISSING');
    expect(error.message).toContain('blazeface.bin');
  });

  it('names a manifest cut short', () => {
    const dir = copyModels();
    truncateSync(path.join(dir, 'movenet-lightning.json'), 500);
    const error = errorOf(() => checkModelFiles(dir, names));
    expect(error.code).toBe('VISION_MODEL_INVALID');
    expect(error.field).toBe(path.join(dir, 'movenet-lightning.json'));
  });
});
