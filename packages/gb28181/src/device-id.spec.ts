import { describe, expect, it } from 'vitest';
import { buildDeviceId, isCameraId, parseDeviceId } from './device-id.ts';

describe('device ids', () => {
  it('builds an education-industry camera id and parses it back', () => {
    const id = buildDeviceId({
      area: '44030500',
      industry: '11',
      type: '131',
      network: '0',
      serial: 42,
    });
    expect(id).toEqual({ ok: true, value: '44030500111310000042' });
    const parts = parseDeviceId('44030500111310000042');
    expect(parts.ok && parts.value).toEqual({
      area: '44030500',
      industry: '11',
      type: '131',
      network: '0',
      serial: '000042',
    });
    expect(isCameraId('44030500111310000042')).toBe(true);
    expect(isCameraId('44030500112000000001')).toBe(false);
  });

  it.each([
    ['short', '4403050011131000004'],
    ['letters', '4403050011131000004A'],
    ['province 00', '00030500111310000042'],
    ['long', '440305001113100000420'],
  ])('refuses a %s id', (_name, id) => {
    const parsed = parseDeviceId(id);
    expect(!parsed.ok && parsed.error.code).toBe('DEVICE_ID_INVALID');
  });

  it('refuses out-of-range parts', () => {
    expect(
      buildDeviceId({ area: '440305', industry: '11', type: '131', network: '0', serial: 1 }).ok,
    ).toBe(false);
    expect(
      buildDeviceId({ area: '44030500', industry: '11', type: '131', network: '0', serial: 1e6 })
        .ok,
    ).toBe(false);
    expect(
      buildDeviceId({ area: '44030500', industry: '11', type: '13', network: '0', serial: 1 }).ok,
    ).toBe(false);
  });
});
