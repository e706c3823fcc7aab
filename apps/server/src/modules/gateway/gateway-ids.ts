import {
  buildDeviceId,
  DEVICE_TYPE,
  INDUSTRY_EDUCATION,
  parseDeviceId,
} from '@gardenwatch/gb28181';

/**
 * Channel ids of the shared cameras, derived from our platform id (GB/T 28181-2016 annex D):
 * the same administrative area and network digit, the education industry code, type 131
 * (camera) and the camera's channel serial.
 */
export function channelIdOf(platformId: string, serial: number): string {
  const platform = parseDeviceId(platformId);
  if (!platform.ok) throw platform.error;
  const id = buildDeviceId({
    area: platform.value.area,
    industry: INDUSTRY_EDUCATION,
    type: DEVICE_TYPE.camera,
    network: platform.value.network,
    serial,
  });
  if (!id.ok) throw id.error;
  return id.value;
}

/** The SIP domain of an id: its first 10 digits (section 6.1 of the standard). */
export const domainOf = (id: string): string => id.slice(0, 10);

/** The civil code in catalog items: the 6-digit county part of the area code. */
export const civilCodeOf = (id: string): string => id.slice(0, 6);
