import { EventEmitter } from 'node:events';

/** An event on the bus: a subject such as `camera.health.changed` and a JSON payload. */
export interface BusMessage<T = unknown> {
  subject: string;
  payload: T;
  publishedAt: string;
}

export type BusHandler = (message: BusMessage) => void | Promise<void>;

/**
 * The event bus between modules. Embedded mode uses the in-process implementation; server and
 * city modes use NATS JetStream (see `nats-bus.ts`). Handlers must validate payloads with the
 * publishing module's zod schema: messages cross a process boundary there.
 */
export interface Bus {
  readonly kind: 'memory' | 'nats';
  publish<T>(subject: string, payload: T): Promise<void>;
  /** Subscribes to a subject; `*` matches one token and `>` the rest, as in NATS. */
  subscribe(pattern: string, handler: BusHandler): () => void;
  close(): Promise<void>;
}

export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

export interface MemoryBusOptions {
  onHandlerError?: (error: unknown, message: BusMessage) => void;
}

export class MemoryBus implements Bus {
  readonly kind = 'memory';
  private readonly emitter = new EventEmitter();
  private readonly handlers = new Set<{ pattern: string; handler: BusHandler }>();

  constructor(private readonly options: MemoryBusOptions = {}) {
    this.emitter.setMaxListeners(0);
  }

  async publish<T>(subject: string, payload: T): Promise<void> {
    // A structured clone keeps handlers from sharing mutable state with the publisher,
    // as they would not across processes.
    const message: BusMessage = {
      subject,
      payload: structuredClone(payload),
      publishedAt: new Date().toISOString(),
    };
    for (const entry of [...this.handlers]) {
      if (!subjectMatches(entry.pattern, subject)) continue;
      try {
        await entry.handler(message);
      } catch (error) {
        this.options.onHandlerError?.(error, message);
      }
    }
  }

  subscribe(pattern: string, handler: BusHandler): () => void {
    const entry = { pattern, handler };
    this.handlers.add(entry);
    return () => this.handlers.delete(entry);
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
