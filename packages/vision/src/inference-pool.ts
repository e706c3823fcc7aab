import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { VisionError, fail, ok, type Result, type VisionErrorCode } from './errors.ts';
import { parseFrame, type Frame } from './frame.ts';
import type { Box, FaceDetection, PersonDetection } from './types.ts';
import { workerReplySchema, type WorkerReply, type WorkerRequest } from './worker-messages.ts';

export interface PoolOptions {
  /** Worker threads; defaults to the cores available to this process. */
  size?: number;
  modelDir?: string;
  wasmDir?: string;
  personScore?: number;
}

type Job = {
  request: WorkerRequest;
  settle: (reply: WorkerReply) => void;
};

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

const WORKER_URL = new URL('./inference-worker.mjs', import.meta.url);

function toError(error: { code: string; message: string; field?: string }): VisionError {
  const field = error.field ? { field: error.field } : {};
  return new VisionError(error.code as VisionErrorCode, error.message, field);
}

function startWorker(options: PoolOptions): Promise<Worker> {
  const worker = new Worker(WORKER_URL, {
    workerData: {
      modelDir: options.modelDir,
      wasmDir: options.wasmDir,
      personScore: options.personScore,
    },
  });
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      const reply = workerReplySchema.safeParse(message);
      worker.off('error', onError);
      worker.off('message', onMessage);
      if (reply.success && reply.data.kind === 'ready') return resolve(worker);
      void worker.terminate();
      if (reply.success && reply.data.kind === 'start-failed')
        return reject(toError(reply.data.error));
      reject(new VisionError('VISION_WORKER_FAILED', 'Inference worker sent an unexpected reply'));
    };
    const onError = (cause: Error): void => {
      worker.off('message', onMessage);
      reject(
        new VisionError('VISION_WORKER_FAILED', 'Inference worker failed to start', { cause }),
      );
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
  });
}

/**
 * A pool of worker threads, each with its own Human instance on the WebAssembly backend
 * (single-threaded), sized to the cores so that inference never queues behind the event loop
 * of the caller. Requests wait in one FIFO queue for the next free worker.
 */
export class InferencePool {
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private busyMs = 0;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) this.listen(slot);
  }

  static async start(options: PoolOptions = {}): Promise<InferencePool> {
    const size = Math.max(1, options.size ?? os.availableParallelism());
    const started = await Promise.allSettled(
      Array.from({ length: size }, () => startWorker(options)),
    );
    const failure = started.find((s) => s.status === 'rejected');
    if (failure) {
      const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      await Promise.all(running.map((worker) => worker.terminate()));
      throw failure.reason;
    }
    const workers = started.map((s) => (s as PromiseFulfilledResult<Worker>).value);
    return new InferencePool(workers.map((worker) => ({ worker, job: undefined })));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Milliseconds the workers spent inferring, summed over workers, since start. */
  get inferenceMs(): number {
    return this.busyMs;
  }

  get queued(): number {
    return this.queue.length;
  }

  async detectPeople(frame: Frame): Promise<Result<PersonDetection[]>> {
    const checked = parseFrame(frame);
    if (!checked.ok) return checked;

    const reply = await this.submit({ id: this.nextId++, kind: 'people', frame: checked.value });
    if (reply.kind === 'people') return ok(reply.people);
    return fail(this.replyError(reply));
  }

  async detectFaces(
    frame: Frame,
    options: { describe: boolean; regions?: Box[] },
  ): Promise<Result<FaceDetection[]>> {
    const checked = parseFrame(frame);
    if (!checked.ok) return checked;

    const id = this.nextId++;
    const reply = await this.submit({ id, kind: 'faces', frame: checked.value, ...options });
    if (reply.kind === 'faces') return ok(reply.faces);
    return fail(this.replyError(reply));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.settle(closedReply(job.request.id));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private replyError(reply: WorkerReply): VisionError {
    if (reply.kind === 'failed') return toError(reply.error);
    return new VisionError('VISION_WORKER_FAILED', `Unexpected worker reply ${reply.kind}`);
  }

  private submit(request: WorkerRequest): Promise<WorkerReply> {
    if (this.closed) return Promise.resolve(closedReply(request.id));
    return new Promise((settle) => {
      this.queue.push({ request, settle });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.postMessage(job.request);
    }
  }

  private listen(slot: Slot): void {
    slot.worker.on('message', (message: unknown) => {
      const job = slot.job;
      slot.job = undefined;
      const reply = workerReplySchema.safeParse(message);
      if (job) job.settle(reply.success ? reply.data : invalidReply(job.request.id));
      if (reply.success && 'busyMs' in reply.data) this.busyMs += reply.data.busyMs;
      this.dispatch();
    });
    slot.worker.on('error', (cause) => {
      const job = slot.job;
      slot.job = undefined;
      const message = `Inference worker crashed: ${cause.message}`;
      job?.settle({
        kind: 'failed',
        id: job.request.id,
        error: { code: 'VISION_WORKER_FAILED', message },
      });
    });
    // A crashed worker leaves the pool; the rest keep serving. With none left, queued
    // requests fail rather than wait forever.
    slot.worker.on('exit', () => {
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots.splice(index, 1);
      if (this.slots.length === 0 && !this.closed) {
        this.closed = true;
        for (const job of this.queue.splice(0)) job.settle(closedReply(job.request.id));
      }
    });
  }
}

function closedReply(id: number): WorkerReply {
  const error = { code: 'VISION_POOL_CLOSED', message: 'The inference pool is closed' };
  return { kind: 'failed', id, error };
}

function invalidReply(id: number): WorkerReply {
  const error = { code: 'VISION_WORKER_FAILED', message: 'Inference worker sent an invalid reply' };
  return { kind: 'failed', id, error };
}
