import { describe, expect, it } from 'vitest';
import { MemoryBus } from './bus.ts';
import { announceChange, clearOnAnnouncement, ReadCache } from './read-cache.ts';

const cache = (ttlMs = 60_000, maxEntries = 100) => new ReadCache<string>({ ttlMs, maxEntries });

describe('ReadCache', () => {
  it('loads once and serves the kept value until cleared', async () => {
    const c = cache();
    let loads = 0;
    const loader = async () => `value ${++loads}`;
    expect(await c.load('k', loader)).toBe('value 1');
    expect(await c.load('k', loader)).toBe('value 1');
    c.clear();
    expect(await c.load('k', loader)).toBe('value 2');
    expect(loads).toBe(2);
  });

  it('does not keep a value whose load overlapped a clear, nor an absent one', async () => {
    const c = cache();
    let release: (value: string) => void = () => {};
    const slow = c.load('k', () => new Promise<string>((resolve) => (release = resolve)));
    c.clear(); // a change committed while the old rows were being read
    release('old rows');
    expect(await slow).toBe('old rows');
    expect(c.get('k')).toBeUndefined();

    expect(await c.load('missing', async () => undefined)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('forgets entries after their time and starts afresh when full', async () => {
    const short = cache(1);
    short.set('k', 'v');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(short.get('k')).toBeUndefined();

    const small = cache(60_000, 2);
    small.set('a', '1');
    small.set('b', '2');
    small.set('c', '3');
    expect(small.size).toBe(1);
    expect(small.get('c')).toBe('3');
  });

  it('clears every process that listens when a change is announced', async () => {
    const bus = new MemoryBus();
    const here = cache();
    const elsewhere = cache();
    const unrelated = cache();
    clearOnAnnouncement(bus, 'gw.org.changed', [elsewhere]);
    clearOnAnnouncement(bus, 'gw.identity.changed', [unrelated]);
    for (const c of [here, elsewhere, unrelated]) c.set('k', 'v');

    await announceChange(bus, 'gw.org.changed', [here]);

    expect(here.get('k')).toBeUndefined();
    expect(elsewhere.get('k')).toBeUndefined();
    expect(unrelated.get('k')).toBe('v');
  });
});
