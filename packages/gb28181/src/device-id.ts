import { fail, ok, type Result } from './errors.ts';

/** Industry code for education (GB/T 28181-2016 annex D). */
export const INDUSTRY_EDUCATION = '11';

/** Type codes used here: 131 camera, 132 network camera (IPC), 200 platform (centre server). */
export const DEVICE_TYPE = {
  camera: '131',
  networkCamera: '132',
  alarmInput: '134',
  platform: '200',
  businessGroup: '215',
  virtualOrganization: '216',
} as const;

export interface DeviceIdParts {
  /** 8 digits: province, city, district, grassroots unit. */
  area: string;
  /** 2 digits. */
  industry: string;
  /** 3 digits. */
  type: string;
  /** 1 digit: network identifier. */
  network: string;
  /** 6 digits, or a number below 1,000,000. */
  serial: string | number;
}

const FORMAT = /^(\d{8})(\d{2})(\d{3})(\d)(\d{6})$/;

export function parseDeviceId(id: string): Result<Required<DeviceIdParts> & { serial: string }> {
  const match = FORMAT.exec(id);
  if (!match) return fail('DEVICE_ID_INVALID', 'a device id is 20 digits');
  const [, area, industry, type, network, serial] = match as unknown as string[];
  if (area!.startsWith('00')) return fail('DEVICE_ID_INVALID', 'province code 00 does not exist');
  return ok({ area: area!, industry: industry!, type: type!, network: network!, serial: serial! });
}

export function isDeviceId(id: string): boolean {
  return parseDeviceId(id).ok;
}

export function buildDeviceId(parts: DeviceIdParts): Result<string> {
  const serial =
    typeof parts.serial === 'number'
      ? Number.isInteger(parts.serial) && parts.serial >= 0 && parts.serial < 1_000_000
        ? String(parts.serial).padStart(6, '0')
        : ''
      : parts.serial;
  const checks: Array<[string, number, string]> = [
    [parts.area, 8, 'area'],
    [parts.industry, 2, 'industry'],
    [parts.type, 3, 'type'],
    [parts.network, 1, 'network'],
    [serial, 6, 'serial'],
  ];
  for (const [value, length, name] of checks) {
    if (!new RegExp(`^\\d{${length}}$`).test(value)) {
      return fail('DEVICE_ID_INVALID', `${name} must be ${length} digits`);
    }
  }
  const id = `${parts.area}${parts.industry}${parts.type}${parts.network}${serial}`;
  const parsed = parseDeviceId(id);
  return parsed.ok ? ok(id) : parsed;
}

/** True for the camera type codes 131 and 132. */
export function isCameraId(id: string): boolean {
  const parsed = parseDeviceId(id);
  return parsed.ok && (parsed.value.type === '131' || parsed.value.type === '132');
}
