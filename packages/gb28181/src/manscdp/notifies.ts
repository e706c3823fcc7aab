import { encodeXmlBody, xmlDocument, xmlElements, type BodyEncoding } from './xml-codec.ts';

interface Common {
  sn: number;
  deviceId: string;
  encoding?: BodyEncoding;
}

function notify(
  options: Common,
  cmdType: string,
  fields: Array<[string, string | number | undefined]>,
  extra = '',
): Buffer {
  const encoding = options.encoding ?? 'GB2312';
  const inner = xmlElements([
    ['CmdType', cmdType],
    ['SN', options.sn],
    ['DeviceID', options.deviceId],
    ...fields,
  ]);
  return encodeXmlBody(
    xmlDocument('Notify', extra ? `${inner}\r\n${extra}` : inner, encoding),
    encoding,
  );
}

/** Keepalive (section 9.6.1 / A.2.5). */
export function buildKeepalive(options: Common & { ok?: boolean }): Buffer {
  return notify(options, 'Keepalive', [['Status', options.ok === false ? 'ERROR' : 'OK']]);
}

export interface Alarm {
  /** 1 first-level (most severe) to 4. */
  priority: 1 | 2 | 3 | 4;
  /** 1 phone, 2 device, 3 SMS, 4 GPS, 5 video, 6 device fault, 7 other. */
  method: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** YYYY-MM-DDTHH:mm:ss. */
  time: string;
  description?: string;
  longitude?: number;
  latitude?: number;
  /** Alarm type within the method (annex A.2.5 table). */
  type?: number;
}

/** Alarm notification (section 9.4 / A.2.5). */
export function buildAlarmNotify(options: Common & { alarm: Alarm }): Buffer {
  const { alarm } = options;
  const info =
    alarm.type === undefined ? '' : `<Info>\r\n<AlarmType>${alarm.type}</AlarmType>\r\n</Info>`;
  return notify(
    options,
    'Alarm',
    [
      ['AlarmPriority', alarm.priority],
      ['AlarmMethod', alarm.method],
      ['AlarmTime', alarm.time],
      ['AlarmDescription', alarm.description],
      ['Longitude', alarm.longitude],
      ['Latitude', alarm.latitude],
    ],
    info,
  );
}

/** MediaStatus at the end of playback or download: NotifyType 121 (section 9.8.4). */
export function buildMediaStatusNotify(options: Common): Buffer {
  return notify(options, 'MediaStatus', [['NotifyType', 121]]);
}
