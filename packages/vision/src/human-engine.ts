import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { VisionError } from './errors.ts';
import type { Frame } from './frame.ts';
import {
  MODEL_NAMES,
  checkModelFiles,
  defaultModelDir,
  defaultWasmDir,
  humanWasmBuild,
} from './model-files.ts';
import { humanConfig, type HumanLike, type TensorLike } from './human-types.ts';
import { estimatePoses } from './pose-crops.ts';
import type { Box, FaceDetection, PersonDetection } from './types.ts';

export interface EngineOptions {
  modelDir?: string;
  wasmDir?: string;
  /** Minimum person score from the object detector. */
  personScore?: number;
}

const require = createRequire(import.meta.url);

/**
 * Serves `file://` URLs from disk while Human loads its models: Node's fetch has no file
 * scheme and tfjs' GraphModel fetches its JSON and weights through `fetch`.
 */
async function withFileFetch<T>(run: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith('file:')) return original(input, init);
    return new Response(await readFile(new URL(url)), { status: 200 });
  };
  try {
    return await run();
  } finally {
    globalThis.fetch = original;
  }
}

/** Human on TensorFlow.js' WebAssembly backend, loaded from local files, one per thread. */
export class HumanEngine {
  private constructor(
    private readonly human: HumanLike,
    private readonly personScore: number,
  ) {}

  static async load(options: EngineOptions = {}): Promise<HumanEngine> {
    const modelDir = options.modelDir ?? defaultModelDir();
    checkModelFiles(modelDir, Object.values(MODEL_NAMES));

    const module = require(humanWasmBuild()) as { Human: new (config: object) => HumanLike };
    const config = humanConfig(
      pathToFileURL(modelDir).href + '/',
      options.wasmDir ?? defaultWasmDir(),
    );
    const human = new module.Human(config);
    try {
      await withFileFetch(() => human.load());
      await human.tf.ready();
    } catch (cause) {
      throw new VisionError('VISION_BACKEND_FAILED', 'The WebAssembly backend failed to start', {
        cause,
      });
    }
    for (const key of ['blazeface', 'facemesh', 'faceres', 'movenet', 'centernet']) {
      if (!human.models.models[key]) {
        const message = `Model ${key} did not load from ${modelDir}`;
        throw new VisionError('VISION_MODEL_INVALID', message, { field: key });
      }
    }
    return new HumanEngine(human, options.personScore ?? 0.3);
  }

  /** Person boxes from CenterNet, then MoveNet Lightning on each person's crop. */
  async detectPeople(frame: Frame): Promise<PersonDetection[]> {
    return this.withTensor(frame, async (tensor) => {
      const result = await this.human.detect(tensor, detectOnly('object'));
      const boxes = result.object
        .filter((o) => o.label === 'person' && o.score >= this.personScore)
        .map((o) => ({ box: toBox(o.box), score: o.score }));
      const movenet = this.human.models.models.movenet;
      if (!movenet || boxes.length === 0) return [];

      const poses = await estimatePoses(
        this.human.tf,
        movenet,
        tensor,
        boxes.map((b) => b.box),
      );
      return boxes.map((b, i) => ({ ...b, pose: poses[i] ?? [] }));
    });
  }

  /**
   * Faces in the frame, or only inside `regions` (each region is cropped and searched alone,
   * so pixels outside them never reach the face models). Descriptors only when `describe`.
   */
  async detectFaces(
    frame: Frame,
    options: { describe: boolean; regions?: Box[] },
  ): Promise<FaceDetection[]> {
    return this.withTensor(frame, async (tensor) => {
      const regions = options.regions ?? [{ x: 0, y: 0, width: frame.width, height: frame.height }];
      const faces: FaceDetection[] = [];
      for (const region of regions) {
        faces.push(...(await this.facesInRegion(tensor, frame, region, options.describe)));
      }
      return faces;
    });
  }

  dispose(): void {
    this.human.tf.disposeVariables();
  }

  private async facesInRegion(
    tensor: TensorLike,
    frame: Frame,
    region: Box,
    describe: boolean,
  ): Promise<FaceDetection[]> {
    const clipped = clipBox(region, frame.width, frame.height);
    if (clipped.width < 16 || clipped.height < 16) return [];
    const whole = clipped.width === frame.width && clipped.height === frame.height;
    const crop = whole
      ? tensor
      : this.human.tf.slice(
          tensor,
          [0, clipped.y, clipped.x, 0],
          [1, clipped.height, clipped.width, 3],
        );
    try {
      const result = await this.human.detect(crop, detectOnly('face', describe));
      return result.face.map((face) => ({
        box: offsetBox(toBox(face.box), clipped),
        score: face.boxScore ?? face.score,
        ...(describe && face.embedding?.length ? { embedding: normalise(face.embedding) } : {}),
      }));
    } finally {
      if (!whole) crop.dispose();
    }
  }

  private async withTensor<T>(frame: Frame, run: (t: TensorLike) => Promise<T>): Promise<T> {
    const shape = [1, frame.height, frame.width, 3];
    const tensor = this.human.tf.tensor(frame.data, shape, 'int32');
    try {
      return await run(tensor);
    } finally {
      tensor.dispose();
    }
  }
}

function detectOnly(kind: 'object' | 'face', describe = false): object {
  return {
    object: { enabled: kind === 'object' },
    face: { enabled: kind === 'face', description: { enabled: describe } },
    body: { enabled: false },
  };
}

function toBox(box: readonly number[]): Box {
  return { x: box[0] ?? 0, y: box[1] ?? 0, width: box[2] ?? 0, height: box[3] ?? 0 };
}

function offsetBox(box: Box, by: Box): Box {
  return { ...box, x: box.x + by.x, y: box.y + by.y };
}

export function clipBox(box: Box, width: number, height: number): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(width, Math.ceil(box.x + box.width));
  const bottom = Math.min(height, Math.ceil(box.y + box.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

function normalise(vector: readonly number[]): number[] {
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}
