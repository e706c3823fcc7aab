import { describe, expect, it } from 'vitest';
import { formatDateTime, wallTimeToIso } from './time.ts';

describe('wallTimeToIso', () => {
  it('reads a wall time in Shanghai as eight hours ahead of UTC', () => {
    expect(wallTimeToIso('2026-12-03T09:30', 'Asia/Shanghai')).toBe('2026-12-03T01:30:00.000Z');
  });

  it('crosses the date line backwards for early morning', () => {
    expect(wallTimeToIso('2026-01-01T03:00:15', 'Asia/Shanghai')).toBe('2025-12-31T19:00:15.000Z');
  });

  it('follows summer time where a zone has it', () => {
    expect(wallTimeToIso('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(wallTimeToIso('2026-01-01T12:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00.000Z');
  });

  it('refuses text that is not a wall time', () => {
    expect(wallTimeToIso('yesterday', 'Asia/Shanghai')).toBeNull();
    expect(wallTimeToIso('', 'Asia/Shanghai')).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('shows an instant in the kindergarten zone, not the machine zone', () => {
    expect(formatDateTime('2026-12-03T17:05:09Z', 'Asia/Shanghai')).toBe('2026-12-04 01:05:09');
    expect(formatDateTime('2026-07-01T00:00:00Z', 'Europe/Berlin')).toBe('2026-07-01 02:00:00');
  });
});
