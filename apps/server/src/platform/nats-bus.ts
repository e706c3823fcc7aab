import {
  DeliverPolicy,
  JSONCodec,
  connect,
  type ConsumerMessages,
  type NatsConnection,
} from 'nats';
import type { Bus, BusHandler, BusMessage, MemoryBusOptions } from './bus.ts';

const STREAM = 'GARDENWATCH';
const PREFIX = 'gw.';
const codec = JSONCodec<BusMessage>();

/**
 * The bus on NATS JetStream: every event is kept in one stream (`gw.>`), so a process that
 * restarts can be given a durable consumer later.
 * LIMITATION: subscribers use ordered ephemeral consumers that start at new messages; events
 * published while a process is down are kept in the stream but not replayed to it yet.
 */
export async function connectNatsBus(url: string, options: MemoryBusOptions = {}): Promise<Bus> {
  const nc = await connect({ servers: url, name: 'gardenwatch', maxReconnectAttempts: -1 });
  const jsm = await nc.jetstreamManager();
  try {
    await jsm.streams.info(STREAM);
  } catch {
    await jsm.streams.add({ name: STREAM, subjects: [`${PREFIX}>`], max_age: 7 * 24 * 3600 * 1e9 });
  }
  return new NatsBus(nc, options);
}

class NatsBus implements Bus {
  readonly kind = 'nats';
  private readonly subscriptions = new Set<ConsumerMessages>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: MemoryBusOptions,
  ) {}

  async publish<T>(subject: string, payload: T): Promise<void> {
    const message: BusMessage = { subject, payload, publishedAt: new Date().toISOString() };
    await this.nc.jetstream().publish(PREFIX + subject, codec.encode(message));
  }

  subscribe(pattern: string, handler: BusHandler): () => void {
    let stopped = false;
    let messages: ConsumerMessages | undefined;
    const run = async () => {
      // One filter subject as a string: servers before 2.10 (Debian's 2.9) hang on a list.
      const consumer = await this.nc.jetstream().consumers.get(STREAM, {
        filterSubjects: PREFIX + pattern,
        deliver_policy: DeliverPolicy.New,
      });
      if (stopped) return;
      messages = await consumer.consume();
      this.subscriptions.add(messages);
      for await (const m of messages) {
        const message = codec.decode(m.data);
        try {
          await handler(message);
        } catch (error) {
          this.options.onHandlerError?.(error, message);
        }
      }
    };
    void run().catch((error: unknown) =>
      this.options.onHandlerError?.(error, { subject: pattern, payload: null, publishedAt: '' }),
    );
    return () => {
      stopped = true;
      if (messages) {
        this.subscriptions.delete(messages);
        void messages.close();
      }
    };
  }

  async close(): Promise<void> {
    for (const m of this.subscriptions) await m.close();
    this.subscriptions.clear();
    await this.nc.drain();
  }
}
