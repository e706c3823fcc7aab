import type { Bus } from './bus.ts';

export interface ReadCacheOptions {
  /** How long an entry may be served without a reload, as a safety net behind the events. */
  ttlMs: number;
  /** Beyond this many entries the cache starts afresh rather than grow. */
  maxEntries: number;
}

/**
 * A bounded in-memory cache of rows that are read on every request and rarely change (sessions,
 * kindergarten pages). Whoever changes the rows calls `clear()` after the commit, and every
 * process clears on the bus subject named in `clearOn`, so no process serves a change's old
 * rows for longer than the bus takes. A load that overlaps a clear is answered but not kept.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;

  constructor(private readonly options: ReadCacheOptions) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= performance.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The cached value, or the loader's; `undefined` from the loader is not kept. */
  async load(key: string, loader: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await loader();
    if (value !== undefined && generation === this.generation) this.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.options.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: performance.now() + this.options.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Clears `caches` here at once and in every other process through the bus. Call it after the
 * change has committed.
 */
export async function announceChange(
  bus: Bus,
  subject: string,
  caches: readonly { clear(): void }[],
): Promise<void> {
  for (const cache of caches) cache.clear();
  await bus.publish(subject, { at: new Date().toISOString() });
}

/** Clears `caches` whenever another process (or this one) announces a change on `subject`. */
export function clearOnAnnouncement(
  bus: Bus,
  subject: string,
  caches: readonly { clear(): void }[],
): () => void {
  return bus.subscribe(subject, () => {
    for (const cache of caches) cache.clear();
  });
}
