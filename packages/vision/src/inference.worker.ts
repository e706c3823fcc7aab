import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { VisionError } from './errors.ts';
import { parseFrame } from './frame.ts';
import { HumanEngine } from './human-engine.ts';
import { workerRequestSchema, type WorkerReply, type WorkerRequest } from './worker-messages.ts';

const optionsSchema = z.object({
  modelDir: z.string().optional(),
  wasmDir: z.string().optional(),
  personScore: z.number().optional(),
});

function errorOf(cause: unknown): { code: string; message: string; field?: string } {
  if (cause instanceof VisionError) {
    return {
      code: cause.code,
      message: cause.message,
      ...(cause.field ? { field: cause.field } : {}),
    };
  }
  return {
    code: 'VISION_WORKER_FAILED',
    message: cause instanceof Error ? cause.message : 'failed',
  };
}

async function handle(engine: HumanEngine, request: WorkerRequest): Promise<WorkerReply> {
  const parsed = parseFrame(request.frame);
  if (!parsed.ok) return { kind: 'failed', id: request.id, error: errorOf(parsed.error) };

  const started = performance.now();
  if (request.kind === 'people') {
    const people = await engine.detectPeople(parsed.value);
    return { kind: 'people', id: request.id, people, busyMs: performance.now() - started };
  }
  const faces = await engine.detectFaces(parsed.value, {
    describe: request.describe,
    ...(request.regions ? { regions: request.regions } : {}),
  });
  return { kind: 'faces', id: request.id, faces, busyMs: performance.now() - started };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  let engine: HumanEngine;
  try {
    engine = await HumanEngine.load(optionsSchema.parse(workerData ?? {}));
  } catch (cause) {
    port.postMessage({ kind: 'start-failed', error: errorOf(cause) } satisfies WorkerReply);
    return;
  }
  port.postMessage({ kind: 'ready' } satisfies WorkerReply);

  // One request at a time: the pool never sends a second before the first is answered.
  port.on('message', (message: unknown) => {
    const request = workerRequestSchema.safeParse(message);
    if (!request.success) return;
    handle(engine, request.data).then(
      (reply) => port.postMessage(reply),
      (cause: unknown) =>
        port.postMessage({ kind: 'failed', id: request.data.id, error: errorOf(cause) }),
    );
  });
}

await main();
