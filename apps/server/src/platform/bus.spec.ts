import { afterEach, describe, expect, it } from 'vitest';
import { MemoryBus, subjectMatches, type Bus, type BusMessage } from './bus.ts';
import { connectNatsBus } from './nats-bus.ts';

describe('subjectMatches', () => {
  it.each([
    ['camera.health.changed', 'camera.health.changed', true],
    ['camera.*.changed', 'camera.health.changed', true],
    ['camera.>', 'camera.health.changed', true],
    ['camera.>', 'camera', false],
    ['camera.*', 'camera.health.changed', false],
    ['alert.created', 'camera.health.changed', false],
  ])('%s against %s is %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});

const natsUrl = process.env.TEST_NATS_URL;
const kinds: ('memory' | 'nats')[] = natsUrl ? ['memory', 'nats'] : ['memory'];

describe.each(kinds)('%s bus', (kind) => {
  let bus: Bus;
  afterEach(async () => bus.close());

  const open = async (errors: unknown[] = []) => {
    const onHandlerError = (error: unknown) => void errors.push(error);
    bus =
      kind === 'memory'
        ? new MemoryBus({ onHandlerError })
        : await connectNatsBus(natsUrl!, { onHandlerError });
    return bus;
  };

  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('delivers to matching subscribers only, as a copy', async () => {
    await open();
    const got: BusMessage[] = [];
    const other: BusMessage[] = [];
    const subject = `test.${Date.now()}.changed`;
    bus.subscribe(`test.*.changed`, (m) => void got.push(m));
    bus.subscribe('unrelated.>', (m) => void other.push(m));
    await new Promise((r) => setTimeout(r, kind === 'nats' ? 200 : 0));

    const payload = { cameraId: 'c1', online: false };
    await bus.publish(subject, payload);
    payload.online = true;
    await waitFor(() => got.length > 0);

    expect(got.map((m) => [m.subject, m.payload])).toEqual([
      [subject, { cameraId: 'c1', online: false }],
    ]);
    expect(other).toEqual([]);
  });

  it('reports a failing handler without stopping the others', async () => {
    const errors: unknown[] = [];
    await open(errors);
    const got: unknown[] = [];
    bus.subscribe('fail.>', () => {
      throw new Error('handler broke');
    });
    bus.subscribe('fail.>', (m) => void got.push(m.payload));
    await new Promise((r) => setTimeout(r, kind === 'nats' ? 200 : 0));

    await bus.publish('fail.now', { n: 1 });
    await waitFor(() => got.length > 0 && errors.length > 0);

    expect(got).toEqual([{ n: 1 }]);
    expect(String(errors[0])).toContain('handler broke');
  });
});
