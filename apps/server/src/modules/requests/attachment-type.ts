import { attachmentLimits } from '@gardenwatch/contracts';
import { AppError } from '../../platform/errors.ts';

export type AttachmentType = (typeof attachmentLimits.types)[number];

const SIGNATURES: readonly [AttachmentType, Buffer][] = [
  ['application/pdf', Buffer.from('%PDF-', 'latin1')],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
];

/**
 * The type of an attachment from its first bytes; the declared type must agree. A file that
 * is none of PDF, JPEG or PNG is refused whatever its name or declared type says.
 */
export function checkAttachment(declared: string, bytes: Buffer): AttachmentType {
  if (bytes.length === 0) {
    throw new AppError('BAD_REQUEST', 'Send the file as the request body', {
      details: { field: 'body' },
    });
  }
  if (bytes.length > attachmentLimits.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'An attachment may be at most 5 MB', {
      details: { field: 'body', maxBytes: attachmentLimits.maxBytes },
    });
  }
  const sniffed = SIGNATURES.find(([, magic]) => bytes.subarray(0, magic.length).equals(magic));
  if (!sniffed) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'An attachment must be a PDF, JPEG or PNG file', {
      details: { field: 'body' },
    });
  }
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== sniffed[0]) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The file is ${sniffed[0]} but was sent as ${type || 'no type'}`,
      {
        details: { field: 'body' },
      },
    );
  }
  return sniffed[0];
}
