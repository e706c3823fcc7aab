import { attachmentLimits, type FootageRequest } from '@gardenwatch/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { checkAttachment } from './attachment-type.ts';
import type { RequestContext, RequestsService } from './requests.service.ts';

type Attachment = FootageRequest['attachments'][number];

/** Attachments of a request (a medical note): the applicant adds them while it is pending. */
export class RequestAttachments {
  constructor(private readonly deps: { requests: RequestsService; dataDir: string }) {}

  dirOf(requestId: string): string {
    return path.join(this.deps.dataDir, 'request-attachments', requestId);
  }

  async add(
    ctx: RequestContext,
    input: { requestId: string; name: string; contentType: string; bytes: Buffer },
  ): Promise<Attachment> {
    const { requests } = this.deps;
    const row = await requests.readable(ctx.actor, input.requestId);
    if (row.applicant_id !== ctx.actor.id) throw forbidden('Only the applicant adds attachments');
    if (row.status !== 'pending') {
      throw conflict('The request was decided; attachments are closed', { field: 'id' });
    }
    const mediaType = checkAttachment(input.contentType, input.bytes);
    const existing = await requests.repo.attachments(row.id);
    if (existing.length >= attachmentLimits.maxPerRequest) {
      throw badRequest(`At most ${attachmentLimits.maxPerRequest} attachments per request`, {
        field: 'body',
      });
    }

    // The file first: a row never names a file that is not there.
    const id = randomUUID();
    await mkdir(this.dirOf(row.id), { recursive: true });
    await writeFile(path.join(this.dirOf(row.id), id), input.bytes, { mode: 0o600 });
    const stored = await requests.repo.insertAttachment({
      id,
      request_id: row.id,
      name: input.name,
      media_type: mediaType,
      bytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
    });
    await requests.audit(ctx, {
      action: 'footage_request.attach',
      requestId: row.id,
      details: { attachmentId: stored.id, mediaType, bytes: stored.bytes },
    });
    return { id: stored.id, name: stored.name, mediaType, bytes: stored.bytes };
  }
}
