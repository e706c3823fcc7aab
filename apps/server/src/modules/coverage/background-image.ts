import type { backgroundLimits } from '@gardenwatch/contracts';
import { AppError } from '../../platform/errors.ts';

export type BackgroundType = (typeof backgroundLimits.types)[number];

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * Markup that could run code or fetch something when an SVG is opened on its own. Such a file
 * is refused rather than rewritten: a floor plan drawing needs none of it.
 */
const SVG_DANGERS: readonly [RegExp, string][] = [
  [/<script\b/i, 'a script element'],
  [/<foreignObject\b/i, 'a foreignObject element'],
  [/<(iframe|embed|object)\b/i, 'embedded content'],
  [/<!ENTITY\b/i, 'an XML entity declaration'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/javascript\s*:/i, 'a javascript: link'],
  [/\bhref\s*=\s*["']\s*(?!#|data:image\/(png|jpeg);)/i, 'a link to another resource'],
  [/@import\b|url\(\s*["']?\s*(?!#|data:image\/(png|jpeg);)/i, 'a style that loads a resource'],
];

const unsupported = (message: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', message, { details: { field: 'body' } });

/** The declared type must match what the bytes are; SVG must be plain drawing markup. */
export function checkBackground(declared: string, bytes: Buffer): BackgroundType {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  const sniffed = sniff(bytes);
  if (!sniffed) throw unsupported('The background must be a PNG, JPEG or SVG image');
  if (sniffed !== type) {
    throw unsupported(`The file is ${sniffed} but was sent as ${type || 'no type'}`);
  }
  if (sniffed === 'image/svg+xml') rejectActiveSvg(bytes.toString('utf8'));
  return sniffed;
}

function sniff(bytes: Buffer): BackgroundType | null {
  if (bytes.subarray(0, PNG.length).equals(PNG)) return 'image/png';
  if (bytes.subarray(0, JPEG.length).equals(JPEG)) return 'image/jpeg';
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const withoutProlog = head.replace(
    /^\s*(<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i,
    '',
  );
  return /^<svg[\s>]/i.test(withoutProlog) ? 'image/svg+xml' : null;
}

function rejectActiveSvg(text: string): void {
  for (const [pattern, what] of SVG_DANGERS) {
    if (pattern.test(text)) {
      throw new AppError(
        'BAD_REQUEST',
        `The SVG contains ${what}; only drawing markup is accepted`,
        {
          details: { field: 'body', reason: 'svg_active_content' },
        },
      );
    }
  }
}

/** Headers that keep an opened background inert, whatever a sanitiser may have missed. */
export function backgroundHeaders(type: string): Record<string, string> {
  return {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    'cache-control': 'private, no-cache',
  };
}
