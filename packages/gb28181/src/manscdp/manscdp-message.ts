import { z } from 'zod';
import { Gb28181Error, fail, ok, type Result } from '../errors.ts';
import { decodeXmlBody, parseXml, type XmlObject, type XmlValue } from './xml-codec.ts';

export const MANSCDP_CONTENT_TYPE = 'Application/MANSCDP+xml';

const ROOTS = ['Query', 'Response', 'Notify', 'Control'] as const;
export type ManscdpRoot = (typeof ROOTS)[number];

/** Any MANSCDP document: the root, the three common fields and the rest as parsed. */
export interface ManscdpDocument {
  root: ManscdpRoot;
  cmdType: string;
  sn: number;
  deviceId: string;
  fields: XmlObject;
}

const text = z.string().max(256);
const time = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
const common = {
  sn: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  deviceId: z.string().regex(/^\d{20}$/),
};

/** The four queries a lower platform answers (GB/T 28181-2016 annex A.2.4). */
export const manscdpQuerySchema = z.discriminatedUnion('cmdType', [
  z.object({
    cmdType: z.literal('Catalog'),
    ...common,
    startTime: time.optional(),
    endTime: time.optional(),
  }),
  z.object({ cmdType: z.literal('DeviceInfo'), ...common }),
  z.object({ cmdType: z.literal('DeviceStatus'), ...common }),
  z.object({
    cmdType: z.literal('RecordInfo'),
    ...common,
    startTime: time,
    endTime: time,
    filePath: text.optional(),
    address: text.optional(),
    secrecy: z.coerce.number().int().min(0).max(1).optional(),
    type: z.enum(['time', 'alarm', 'manual', 'all']).optional(),
    recorderId: text.optional(),
    indistinctQuery: z.enum(['0', '1']).optional(),
  }),
]);
export type ManscdpQuery = z.infer<typeof manscdpQuerySchema>;

function scalar(value: XmlValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value && !Array.isArray(value) && typeof value['#text'] === 'string') return value['#text'];
  return undefined;
}

export interface ParseOptions {
  maxBytes?: number;
  /** The charset parameter of Content-Type, used when the XML declares none. */
  charset?: string;
}

export function parseManscdp(body: Buffer, options: ParseOptions = {}): Result<ManscdpDocument> {
  if (body.length > (options.maxBytes ?? 256 * 1024))
    return fail('XML_TOO_LARGE', 'body exceeds the limit');
  const decoded = decodeXmlBody(body, options.charset);
  if (!decoded.ok) return decoded;
  const parsed = parseXml(decoded.value, options.maxBytes);
  if (!parsed.ok) return parsed;

  const root = ROOTS.find((name) => name in parsed.value);
  const content = root ? parsed.value[root] : undefined;
  if (!root || !content || typeof content !== 'object' || Array.isArray(content)) {
    return fail('XML_UNSUPPORTED', 'not a MANSCDP document');
  }
  const cmdType = scalar(content.CmdType);
  const sn = Number(scalar(content.SN));
  const deviceId = scalar(content.DeviceID) ?? '';
  if (!cmdType || !Number.isInteger(sn)) return fail('XML_MALFORMED', 'CmdType or SN missing');
  return ok({ root, cmdType, sn, deviceId, fields: content });
}

/** Narrows a parsed document to one of the supported queries. */
export function toQuery(document: ManscdpDocument): Result<ManscdpQuery> {
  if (document.root !== 'Query') return fail('XML_UNSUPPORTED', 'not a Query');
  const f = document.fields;
  const candidate = {
    cmdType: document.cmdType,
    sn: document.sn,
    deviceId: document.deviceId,
    startTime: scalar(f.StartTime),
    endTime: scalar(f.EndTime),
    filePath: scalar(f.FilePath),
    address: scalar(f.Address),
    secrecy: scalar(f.Secrecy),
    type: scalar(f.Type),
    recorderId: scalar(f.RecorderID),
    indistinctQuery: scalar(f.IndistinctQuery),
  };
  const parsed = manscdpQuerySchema.safeParse(
    Object.fromEntries(
      Object.entries(candidate).filter(([, value]) => value !== undefined && value !== ''),
    ),
  );
  if (parsed.success) return ok(parsed.data);
  const known = ['Catalog', 'DeviceInfo', 'DeviceStatus', 'RecordInfo'].includes(document.cmdType);
  return {
    ok: false,
    error: new Gb28181Error(
      known ? 'XML_MALFORMED' : 'XML_UNSUPPORTED',
      `invalid ${document.cmdType} query`,
      {
        cause: parsed.error,
      },
    ),
  };
}

export function parseQuery(body: Buffer, options: ParseOptions = {}): Result<ManscdpQuery> {
  const document = parseManscdp(body, options);
  return document.ok ? toQuery(document.value) : document;
}
