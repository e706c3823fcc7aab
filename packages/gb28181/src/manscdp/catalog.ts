import { encodeXmlBody, xmlDocument, xmlElements, type BodyEncoding } from './xml-codec.ts';

/** One DeviceList item of a Catalog response (GB/T 28181-2016 annex A.2.6). */
export interface CatalogItem {
  deviceId: string;
  name: string;
  manufacturer: string;
  model: string;
  owner: string;
  civilCode: string;
  address: string;
  /** 1 when the item has children (a platform or group), 0 for a camera. */
  parental: 0 | 1;
  parentId: string;
  /** 0 none, 2 S/MIME signature, 3 S/MIME encryption, 4 digest. */
  safetyWay?: number;
  /** 1 per IETF RFC 3261 digest, 2 password, 3 certificate. */
  registerWay?: number;
  secrecy?: 0 | 1;
  status: 'ON' | 'OFF';
  block?: string;
  ipAddress?: string;
  port?: number;
  longitude?: number;
  latitude?: number;
  /** For Notify Catalog: ON, OFF, VLOST, DEFECT, ADD, DEL, UPDATE. */
  event?: 'ON' | 'OFF' | 'VLOST' | 'DEFECT' | 'ADD' | 'DEL' | 'UPDATE';
}

export function catalogItemXml(item: CatalogItem): string {
  return `<Item>\r\n${xmlElements([
    ['DeviceID', item.deviceId],
    ['Event', item.event],
    ['Name', item.name],
    ['Manufacturer', item.manufacturer],
    ['Model', item.model],
    ['Owner', item.owner],
    ['CivilCode', item.civilCode],
    ['Block', item.block],
    ['Address', item.address],
    ['Parental', item.parental],
    ['ParentID', item.parentId],
    ['SafetyWay', item.safetyWay ?? 0],
    ['RegisterWay', item.registerWay ?? 1],
    ['Secrecy', item.secrecy ?? 0],
    ['IPAddress', item.ipAddress],
    ['Port', item.port],
    ['Status', item.status],
    ['Longitude', item.longitude],
    ['Latitude', item.latitude],
  ])}\r\n</Item>`;
}

export interface SplitOptions {
  encoding?: BodyEncoding;
  /** Items per message; platforms commonly expect small messages over UDP. */
  maxItemsPerMessage?: number;
  /** Encoded body size per message; an item larger than this still goes alone. */
  maxBodyBytes?: number;
}

/**
 * Packs pre-rendered items into as few bodies as the limits allow. `envelope` renders a whole
 * document around a chunk of items, and is called once per message.
 */
export function splitIntoBodies(
  items: string[],
  envelope: (itemsXml: string[]) => string,
  options: SplitOptions,
): Buffer[] {
  const encoding = options.encoding ?? 'GB2312';
  const maxItems = Math.max(1, options.maxItemsPerMessage ?? 20);
  const maxBytes = options.maxBodyBytes ?? 8 * 1024;
  const overhead = encodeXmlBody(envelope([]), encoding).length;
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = overhead;
  for (const item of items) {
    const itemSize = encodeXmlBody(item, encoding).length + 2;
    if (current.length > 0 && (current.length >= maxItems || size + itemSize > maxBytes)) {
      chunks.push(current);
      current = [];
      size = overhead;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks.map((chunk) => encodeXmlBody(envelope(chunk), encoding));
}

export interface CatalogResponseOptions extends SplitOptions {
  sn: number;
  /** The id that was queried: our platform id. */
  deviceId: string;
  items: CatalogItem[];
}

/** Catalog response bodies; every one carries the total in SumNum (section 9.5.3). */
export function buildCatalogResponses(options: CatalogResponseOptions): Buffer[] {
  const encoding = options.encoding ?? 'GB2312';
  const envelope = (itemsXml: string[]) =>
    xmlDocument(
      'Response',
      [
        xmlElements([
          ['CmdType', 'Catalog'],
          ['SN', options.sn],
          ['DeviceID', options.deviceId],
          ['SumNum', options.items.length],
        ]),
        `<DeviceList Num="${itemsXml.length}">`,
        ...itemsXml,
        '</DeviceList>',
      ].join('\r\n'),
      encoding,
    );
  return splitIntoBodies(options.items.map(catalogItemXml), envelope, options);
}

/** Catalog change notification bodies: items carry an Event (section 9.6.4 / A.2.5). */
export function buildCatalogNotifies(options: CatalogResponseOptions): Buffer[] {
  const encoding = options.encoding ?? 'GB2312';
  const envelope = (itemsXml: string[]) =>
    xmlDocument(
      'Notify',
      [
        xmlElements([
          ['CmdType', 'Catalog'],
          ['SN', options.sn],
          ['DeviceID', options.deviceId],
          ['SumNum', options.items.length],
        ]),
        `<DeviceList Num="${itemsXml.length}">`,
        ...itemsXml,
        '</DeviceList>',
      ].join('\r\n'),
      encoding,
    );
  return splitIntoBodies(options.items.map(catalogItemXml), envelope, options);
}
