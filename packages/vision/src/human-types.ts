/**
 * The slice of Human's and TensorFlow.js' API this library uses. The wasm build is loaded by
 * path (the package's exports map hides it), so its own typings cannot be imported.
 */
export interface TensorLike {
  shape: number[];
  dispose(): void;
  array(): Promise<unknown>;
}

export interface GraphModelLike {
  inputs: { shape?: number[] }[];
  execute(input: TensorLike): TensorLike | TensorLike[];
}

export interface TfLike {
  ready(): Promise<void>;
  getBackend(): string;
  disposeVariables(): void;
  memory(): { numTensors: number };
  tensor(data: Uint8Array | Float32Array, shape: number[], dtype: 'int32' | 'float32'): TensorLike;
  slice(x: TensorLike, begin: number[], size: number[]): TensorLike;
  cast(x: TensorLike, dtype: 'int32' | 'float32'): TensorLike;
  image: {
    cropAndResize(
      image: TensorLike,
      boxes: TensorLike,
      boxInd: TensorLike,
      cropSize: [number, number],
    ): TensorLike;
  };
}

export interface HumanObject {
  label: string;
  score: number;
  box: number[];
}

export interface HumanFace {
  box: number[];
  score: number;
  boxScore?: number;
  embedding?: number[];
}

export interface HumanLike {
  tf: TfLike;
  models: { models: Record<string, GraphModelLike | null | undefined> };
  load(): Promise<void>;
  detect(input: TensorLike, config?: object): Promise<{ object: HumanObject[]; face: HumanFace[] }>;
}

/**
 * Every model that is not used is switched off, and Human's frame cache is disabled: a
 * camera's frames come seconds apart and from several cameras, so reusing the previous
 * result for a "similar" frame would mix cameras up.
 */
export function humanConfig(modelBasePath: string, wasmPath: string): object {
  const noSkip = { skipFrames: 0, skipTime: 0 };
  return {
    backend: 'wasm',
    wasmPath,
    modelBasePath,
    debug: false,
    cacheModels: false,
    cacheSensitivity: 0,
    skipAllowed: false,
    warmup: 'none',
    filter: { enabled: false },
    gesture: { enabled: false },
    hand: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: {
        ...noSkip,
        modelPath: 'blazeface.json',
        rotation: false,
        maxDetected: 20,
        minConfidence: 0.5,
      },
      mesh: { enabled: true, modelPath: 'facemesh.json' },
      iris: { enabled: false },
      description: { ...noSkip, enabled: true, modelPath: 'faceres.json' },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { ...noSkip, enabled: true, modelPath: 'movenet-lightning.json', maxDetected: 1 },
    object: {
      ...noSkip,
      enabled: true,
      modelPath: 'centernet.json',
      minConfidence: 0.2,
      maxDetected: 20,
    },
  };
}
