import type { StreamInfo, StreamKind } from '../camera.ts';

const NAMESPACES = [
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope"',
  'xmlns:tds="http://www.onvif.org/ver10/device/wsdl"',
  'xmlns:trt="http://www.onvif.org/ver10/media/wsdl"',
  'xmlns:tt="http://www.onvif.org/ver10/schema"',
  'xmlns:ter="http://www.onvif.org/ver10/error"',
].join(' ');

export const DEVICE_NS = 'http://www.onvif.org/ver10/device/wsdl';
export const MEDIA_NS = 'http://www.onvif.org/ver10/media/wsdl';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope ${NAMESPACES}><s:Body>${body}</s:Body></s:Envelope>`;
}

/** A SOAP 1.2 fault with an ONVIF subcode (ONVIF Core section 5.11). */
export function fault(code: 'Sender' | 'Receiver', subcode: string, reason: string): string {
  return envelope(
    `<s:Fault><s:Code><s:Value>s:${code}</s:Value><s:Subcode><s:Value>${subcode}</s:Value></s:Subcode></s:Code>` +
      `<s:Reason><s:Text xml:lang="en">${escapeXml(reason)}</s:Text></s:Reason></s:Fault>`,
  );
}

export function systemDateAndTime(now: Date): string {
  const time = `<tt:Time><tt:Hour>${now.getUTCHours()}</tt:Hour><tt:Minute>${now.getUTCMinutes()}</tt:Minute><tt:Second>${now.getUTCSeconds()}</tt:Second></tt:Time>`;
  const date = `<tt:Date><tt:Year>${now.getUTCFullYear()}</tt:Year><tt:Month>${now.getUTCMonth() + 1}</tt:Month><tt:Day>${now.getUTCDate()}</tt:Day></tt:Date>`;
  return envelope(
    '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>' +
      '<tt:DateTimeType>Manual</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>' +
      '<tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone>' +
      `<tt:UTCDateTime>${time}${date}</tt:UTCDateTime>` +
      '</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>',
  );
}

export interface ServiceUrls {
  device: string;
  media: string;
}

export function services(urls: ServiceUrls): string {
  const service = (namespace: string, xaddr: string) =>
    `<tds:Service><tds:Namespace>${namespace}</tds:Namespace><tds:XAddr>${escapeXml(xaddr)}</tds:XAddr>` +
    '<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>';
  return envelope(
    `<tds:GetServicesResponse>${service(DEVICE_NS, urls.device)}${service(MEDIA_NS, urls.media)}</tds:GetServicesResponse>`,
  );
}

export function capabilities(urls: ServiceUrls): string {
  return envelope(
    '<tds:GetCapabilitiesResponse><tds:Capabilities>' +
      `<tt:Device><tt:XAddr>${escapeXml(urls.device)}</tt:XAddr></tt:Device>` +
      `<tt:Media><tt:XAddr>${escapeXml(urls.media)}</tt:XAddr><tt:StreamingCapabilities>` +
      '<tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP>' +
      '<tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>' +
      '</tds:Capabilities></tds:GetCapabilitiesResponse>',
  );
}

export interface DeviceInformation {
  manufacturer: string;
  model: string;
  firmwareVersion: string;
  serialNumber: string;
  hardwareId: string;
}

export function deviceInformation(info: DeviceInformation): string {
  return envelope(
    '<tds:GetDeviceInformationResponse>' +
      `<tds:Manufacturer>${escapeXml(info.manufacturer)}</tds:Manufacturer>` +
      `<tds:Model>${escapeXml(info.model)}</tds:Model>` +
      `<tds:FirmwareVersion>${escapeXml(info.firmwareVersion)}</tds:FirmwareVersion>` +
      `<tds:SerialNumber>${escapeXml(info.serialNumber)}</tds:SerialNumber>` +
      `<tds:HardwareId>${escapeXml(info.hardwareId)}</tds:HardwareId>` +
      '</tds:GetDeviceInformationResponse>',
  );
}

const SOURCE_TOKEN = 'video_source';

export function videoSources(main: StreamInfo): string {
  return envelope(
    `<trt:GetVideoSourcesResponse><trt:VideoSources token="${SOURCE_TOKEN}">` +
      `<tt:Framerate>${main.fps}</tt:Framerate>` +
      `<tt:Resolution><tt:Width>${main.width}</tt:Width><tt:Height>${main.height}</tt:Height></tt:Resolution>` +
      '</trt:VideoSources></trt:GetVideoSourcesResponse>',
  );
}

export interface ProfileSpec {
  token: StreamKind;
  stream: StreamInfo;
  source: StreamInfo;
  keyframeSeconds: number;
}

function profile(spec: ProfileSpec): string {
  const { stream, source } = spec;
  const gov = Math.max(1, Math.round(stream.fps * spec.keyframeSeconds));
  return (
    `<trt:Profiles token="${spec.token}" fixed="true"><tt:Name>${spec.token}</tt:Name>` +
    '<tt:VideoSourceConfiguration token="video_source_config"><tt:Name>video_source_config</tt:Name>' +
    `<tt:UseCount>2</tt:UseCount><tt:SourceToken>${SOURCE_TOKEN}</tt:SourceToken>` +
    `<tt:Bounds x="0" y="0" width="${source.width}" height="${source.height}"/></tt:VideoSourceConfiguration>` +
    `<tt:VideoEncoderConfiguration token="encoder_${spec.token}"><tt:Name>encoder_${spec.token}</tt:Name>` +
    '<tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>' +
    `<tt:Resolution><tt:Width>${stream.width}</tt:Width><tt:Height>${stream.height}</tt:Height></tt:Resolution>` +
    '<tt:Quality>5</tt:Quality><tt:RateControl>' +
    `<tt:FrameRateLimit>${stream.fps}</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval>` +
    `<tt:BitrateLimit>${spec.token === 'main' ? 2048 : 512}</tt:BitrateLimit></tt:RateControl>` +
    `<tt:H264><tt:GovLength>${gov}</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264>` +
    '<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration></trt:Profiles>'
  );
}

export function profiles(specs: ProfileSpec[]): string {
  return envelope(
    `<trt:GetProfilesResponse>${specs.map(profile).join('')}</trt:GetProfilesResponse>`,
  );
}

export function streamUri(uri: string): string {
  return envelope(
    `<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>${escapeXml(uri)}</tt:Uri>` +
      '<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false</tt:InvalidAfterReboot>' +
      '<tt:Timeout>PT60S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>',
  );
}
