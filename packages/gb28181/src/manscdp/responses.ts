import { splitIntoBodies, type SplitOptions } from './catalog.ts';
import { encodeXmlBody, xmlDocument, xmlElements, type BodyEncoding } from './xml-codec.ts';

interface Common {
  sn: number;
  deviceId: string;
  encoding?: BodyEncoding;
}

export interface DeviceInfo {
  deviceName: string;
  manufacturer: string;
  model: string;
  firmware: string;
  /** Number of channels (cameras) under the device. */
  channel?: number;
}

export function buildDeviceInfoResponse(options: Common & { info: DeviceInfo | null }): Buffer {
  const { info } = options;
  const fields = xmlElements([
    ['CmdType', 'DeviceInfo'],
    ['SN', options.sn],
    ['DeviceID', options.deviceId],
    ['DeviceName', info?.deviceName],
    ['Result', info ? 'OK' : 'ERROR'],
    ['Manufacturer', info?.manufacturer],
    ['Model', info?.model],
    ['Firmware', info?.firmware],
    ['Channel', info?.channel],
  ]);
  return encodeXmlBody(
    xmlDocument('Response', fields, options.encoding ?? 'GB2312'),
    options.encoding ?? 'GB2312',
  );
}

export interface DeviceStatus {
  online: boolean;
  /** Working normally. */
  statusOk: boolean;
  encoding?: boolean;
  recording?: boolean;
  /** Local time as YYYY-MM-DDTHH:mm:ss. */
  deviceTime?: string;
}

export function buildDeviceStatusResponse(
  options: Common & { status: DeviceStatus | null },
): Buffer {
  const { status } = options;
  const onOff = (value: boolean | undefined) =>
    value === undefined ? undefined : value ? 'ON' : 'OFF';
  const fields = xmlElements([
    ['CmdType', 'DeviceStatus'],
    ['SN', options.sn],
    ['DeviceID', options.deviceId],
    ['Result', status ? 'OK' : 'ERROR'],
    ['Online', status ? (status.online ? 'ONLINE' : 'OFFLINE') : undefined],
    ['Status', status ? (status.statusOk ? 'OK' : 'ERROR') : undefined],
    ['Encode', onOff(status?.encoding)],
    ['Record', onOff(status?.recording)],
    ['DeviceTime', status?.deviceTime],
  ]);
  const encoding = options.encoding ?? 'GB2312';
  return encodeXmlBody(xmlDocument('Response', fields, encoding), encoding);
}

export interface RecordItem {
  deviceId: string;
  name: string;
  filePath?: string;
  address?: string;
  startTime: string;
  endTime: string;
  secrecy?: 0 | 1;
  type: 'time' | 'alarm' | 'manual';
  recorderId?: string;
  fileSize?: number;
}

function recordItemXml(item: RecordItem): string {
  return `<Item>\r\n${xmlElements([
    ['DeviceID', item.deviceId],
    ['Name', item.name],
    ['FilePath', item.filePath],
    ['Address', item.address],
    ['StartTime', item.startTime],
    ['EndTime', item.endTime],
    ['Secrecy', item.secrecy ?? 0],
    ['Type', item.type],
    ['RecorderID', item.recorderId],
    ['FileSize', item.fileSize],
  ])}\r\n</Item>`;
}

/** RecordInfo response bodies (annex A.2.6.7), split like the catalog. */
export function buildRecordInfoResponses(
  options: Common & SplitOptions & { name: string; items: RecordItem[] },
): Buffer[] {
  const encoding = options.encoding ?? 'GB2312';
  const envelope = (itemsXml: string[]) =>
    xmlDocument(
      'Response',
      [
        xmlElements([
          ['CmdType', 'RecordInfo'],
          ['SN', options.sn],
          ['DeviceID', options.deviceId],
          ['Name', options.name],
          ['SumNum', options.items.length],
        ]),
        `<RecordList Num="${itemsXml.length}">`,
        ...itemsXml,
        '</RecordList>',
      ].join('\r\n'),
      encoding,
    );
  return splitIntoBodies(options.items.map(recordItemXml), envelope, options);
}
