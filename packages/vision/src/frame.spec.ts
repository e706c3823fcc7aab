import { describe, expect, it } from 'vitest';
import { parseFrame } from './frame.ts';

const good = { width: 32, height: 16, timestampMs: 1000, data: new Uint8Array(32 * 16 * 3) };

describe('parseFrame', () => {
  it('accepts packed RGB of the declared size', () => {
    const result = parseFrame(good);
    expect(result.ok).toBe(true);
  });

  it('rejects a frame whose byte length does not match, naming the data field', () => {
    const result = parseFrame({ ...good, data: new Uint8Array(32 * 16 * 3 - 1) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VISION_FRAME_INVALID');
    expect(result.error.field).toBe('data');
    expect(result.error.message).toContain('1536 bytes');
  });

  it('rejects bad dimensions and timestamps with the field named', () => {
    const cases: [object, string][] = [
      [{ ...good, width: 0 }, 'width'],
      [{ ...good, height: 10.5 }, 'height'],
      [{ ...good, timestampMs: -1 }, 'timestampMs'],
      [{ ...good, data: [1, 2, 3] }, 'data'],
    ];
    for (const [input, field] of cases) {
      const result = parseFrame(input);
      expect(result.ok ? 'ok' : result.error.field).toBe(field);
    }
  });

  it('returns an error for input that is not a frame at all', () => {
    const result = parseFrame(null);
    expect(result.ok).toBe(false);
  });
});
