import type { Actor, Camera } from '@gardenwatch/contracts';
import {
  buildCatalogResponses,
  buildDeviceInfoResponse,
  buildDeviceStatusResponse,
  buildRecordInfoResponses,
  type CatalogItem,
  type ManscdpQuery,
  type RecordItem,
} from '@gardenwatch/gb28181';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import type { GatewayRepository } from './gateway.repository.ts';
import { channelIdOf, civilCodeOf } from './gateway-ids.ts';
import { fromGbTime, toGbTime } from './gb-time.ts';

/**
 * The upper platform sees what a city-wide police officer may see: key-area cameras only.
 * Asking `can()` through this actor keeps that rule in one place.
 */
export const GATEWAY_ACTOR: Actor = {
  id: '00000000-0000-4000-8000-000000000028',
  username: 'gb28181-gateway',
  displayName: 'GB/T 28181 gateway',
  role: 'police',
  districtId: null,
  kindergartenId: null,
  maintainedKindergartenIds: [],
};

export interface Channel {
  channelId: string;
  camera: Camera;
}

export interface ChannelsDeps {
  cameras: CamerasService;
  recording: RecordingService;
  repo: GatewayRepository;
  timezone: string;
  /** Items per Catalog or RecordInfo message. */
  itemsPerMessage: number;
}

/** Merges back-to-back segments into one record item when they are less than this apart. */
const JOIN_GAP_MS = 1500;

export class GatewayChannels {
  constructor(private readonly deps: ChannelsDeps) {}

  async list(platformId: string): Promise<Channel[]> {
    const cameras = await this.deps.cameras.list(
      { actor: GATEWAY_ACTOR },
      { includeArchived: false },
    );
    const serials = await this.deps.repo.channelSerials(cameras.map((camera) => camera.id));
    return cameras.flatMap((camera) => {
      const serial = serials.get(camera.id);
      return serial ? [{ channelId: channelIdOf(platformId, serial), camera }] : [];
    });
  }

  async find(platformId: string, channelId: string): Promise<Channel | undefined> {
    return (await this.list(platformId)).find((channel) => channel.channelId === channelId);
  }

  catalogItem(platformId: string, channel: Channel): CatalogItem {
    return {
      deviceId: channel.channelId,
      name: channel.camera.name,
      manufacturer: 'Gardenwatch',
      model: channel.camera.codec ?? 'IPC',
      owner: '0',
      civilCode: civilCodeOf(platformId),
      address: channel.camera.areaKind,
      parental: 0,
      parentId: platformId,
      status: channel.camera.status === 'online' ? 'ON' : 'OFF',
    };
  }

  /** A catalog item announcing that a camera left the shared set. */
  async removedItem(platformId: string, cameraId: string): Promise<CatalogItem | null> {
    const serial = (await this.deps.repo.channelSerials([cameraId])).get(cameraId);
    if (!serial) return null;
    return {
      deviceId: channelIdOf(platformId, serial),
      name: '',
      manufacturer: 'Gardenwatch',
      model: 'IPC',
      owner: '0',
      civilCode: civilCodeOf(platformId),
      address: '',
      parental: 0,
      parentId: platformId,
      status: 'OFF',
      event: 'DEL',
    };
  }

  async answer(platformId: string, query: ManscdpQuery): Promise<Buffer[]> {
    const common = { sn: query.sn, deviceId: query.deviceId };
    switch (query.cmdType) {
      case 'Catalog': {
        const channels = await this.list(platformId);
        return buildCatalogResponses({
          ...common,
          items: channels.map((channel) => this.catalogItem(platformId, channel)),
          maxItemsPerMessage: this.deps.itemsPerMessage,
        });
      }
      case 'DeviceInfo':
        return [await this.deviceInfo(platformId, query.sn, query.deviceId)];
      case 'DeviceStatus':
        return [await this.deviceStatus(platformId, query.sn, query.deviceId)];
      case 'RecordInfo':
        return this.recordInfo(platformId, query);
    }
  }

  private async deviceInfo(platformId: string, sn: number, deviceId: string): Promise<Buffer> {
    const channels = await this.list(platformId);
    const channel = channels.find((c) => c.channelId === deviceId);
    const known = deviceId === platformId || channel;
    return buildDeviceInfoResponse({
      sn,
      deviceId,
      info: known
        ? {
            deviceName: channel ? channel.camera.name : 'Gardenwatch',
            manufacturer: 'Gardenwatch',
            model: channel ? (channel.camera.codec ?? 'IPC') : 'GB28181 gateway',
            firmware: '0.1.0',
            ...(channel ? {} : { channel: channels.length }),
          }
        : null,
    });
  }

  private async deviceStatus(platformId: string, sn: number, deviceId: string): Promise<Buffer> {
    const deviceTime = toGbTime(new Date(), this.deps.timezone);
    if (deviceId === platformId) {
      return buildDeviceStatusResponse({
        sn,
        deviceId,
        status: { online: true, statusOk: true, deviceTime },
      });
    }
    const channel = await this.find(platformId, deviceId);
    const online = channel?.camera.status === 'online';
    return buildDeviceStatusResponse({
      sn,
      deviceId,
      status: channel
        ? {
            online,
            statusOk: online,
            encoding: online,
            recording: this.deps.recording.recorder(channel.camera.id) !== undefined,
            deviceTime,
          }
        : null,
    });
  }

  private async recordInfo(
    platformId: string,
    query: Extract<ManscdpQuery, { cmdType: 'RecordInfo' }>,
  ): Promise<Buffer[]> {
    const channel = await this.find(platformId, query.deviceId);
    const from = fromGbTime(query.startTime, this.deps.timezone);
    const to = fromGbTime(query.endTime, this.deps.timezone);
    const wanted = query.type === undefined || query.type === 'all' || query.type === 'time';
    const items: RecordItem[] = [];
    if (channel && from && to && from < to && wanted) {
      const segments = await this.deps.recording.repo.segmentsBetween(channel.camera.id, from, to);
      for (const run of joinRuns(segments)) {
        items.push({
          deviceId: channel.channelId,
          name: channel.camera.name,
          startTime: toGbTime(run.from, this.deps.timezone),
          endTime: toGbTime(run.to, this.deps.timezone),
          type: 'time',
          fileSize: run.bytes,
        });
      }
    }
    return buildRecordInfoResponses({
      sn: query.sn,
      deviceId: query.deviceId,
      name: channel?.camera.name ?? '',
      items,
      maxItemsPerMessage: this.deps.itemsPerMessage,
    });
  }
}

interface Run {
  from: Date;
  to: Date;
  bytes: number;
}

function joinRuns(segments: Array<{ startedAt: string; endedAt: string; bytes: number }>): Run[] {
  const runs: Run[] = [];
  for (const segment of segments) {
    const from = new Date(segment.startedAt);
    const to = new Date(segment.endedAt);
    const last = runs.at(-1);
    if (last && from.getTime() - last.to.getTime() <= JOIN_GAP_MS) {
      if (to > last.to) last.to = to;
      last.bytes += segment.bytes;
    } else {
      runs.push({ from, to, bytes: segment.bytes });
    }
  }
  return runs;
}
