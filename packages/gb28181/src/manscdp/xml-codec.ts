import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import { fail, Gb28181Error, ok, type Result } from '../errors.ts';

export type BodyEncoding = 'GB2312' | 'UTF-8';
export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [key: string]: XmlValue;
}

export const DEFAULT_MAX_XML_BYTES = 256 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five predefined entities: a DOCTYPE is refused before parsing, so none can be declared.
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 32,
  isArray: (name) => name === 'Item',
});

function declaredCharset(head: string): string | null {
  return (
    /<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_-]+)["']/i.exec(head)?.[1]?.toUpperCase() ?? null
  );
}

function isValidUtf8(body: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a MANSCDP body. GB2312 and GBK are decoded as GB18030 (their superset); a body that
 * declares nothing is taken as UTF-8 when it is valid UTF-8, else as GB18030, since devices in
 * the field often omit or misstate the declaration.
 */
export function decodeXmlBody(body: Buffer, charsetHint?: string): Result<string> {
  const declared =
    declaredCharset(body.subarray(0, 200).toString('latin1')) ?? charsetHint?.toUpperCase();
  const gb = declared !== undefined && /^(GB2312|GBK|GB18030|CP936)$/.test(declared);
  if (declared && !gb && declared !== 'UTF-8' && declared !== 'UTF8') {
    return fail('XML_UNSUPPORTED', 'unsupported character encoding');
  }
  const useGb = gb || !isValidUtf8(body);
  return ok(useGb ? iconv.decode(body, 'gb18030') : body.toString('utf8').replace(/^\uFEFF/, ''));
}

export function encodeXmlBody(text: string, encoding: BodyEncoding): Buffer {
  // LIMITATION: a character outside GBK becomes '?' in a GB2312 body; send UTF-8 to keep it.
  return encoding === 'UTF-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gbk');
}

/** Parses decoded XML, refusing DTDs outright: no external entities, no entity expansion. */
export function parseXml(text: string, maxBytes = DEFAULT_MAX_XML_BYTES): Result<XmlObject> {
  if (text.length > maxBytes) return fail('XML_TOO_LARGE', 'XML body exceeds the limit');
  if (/<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST/i.test(text)) {
    return fail('XML_DECLARATION_REFUSED', 'DTD declarations are refused');
  }
  try {
    const parsed: unknown = parser.parse(text, true);
    if (!parsed || typeof parsed !== 'object') return fail('XML_MALFORMED', 'empty document');
    return ok(parsed as XmlObject);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : 'malformed XML';
    return { ok: false, error: new Gb28181Error('XML_MALFORMED', message, { cause }) };
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export type XmlFields = Array<[string, string | number | null | undefined]>;

/** `<Name>value</Name>` lines, skipping absent values. */
export function xmlElements(fields: XmlFields): string {
  return fields
    .filter(
      (field): field is [string, string | number] => field[1] !== null && field[1] !== undefined,
    )
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('\r\n');
}

export function xmlDocument(root: string, inner: string, encoding: BodyEncoding): string {
  return `<?xml version="1.0" encoding="${encoding}"?>\r\n<${root}>\r\n${inner}\r\n</${root}>\r\n`;
}
