import {
  attachmentLimits,
  footageAttachmentPath,
  type FootageRequest,
} from '@gardenwatch/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { getCsrfToken } from '../../api/csrf-token.ts';
import { ErrorMessage } from '../ui/error-message.tsx';

/** Sends one file as the request body; the server checks its type from its first bytes. */
async function upload(requestId: string, file: File): Promise<void> {
  const url = `${footageAttachmentPath.replace(':id', requestId)}?name=${encodeURIComponent(file.name)}`;
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-csrf-token': getCsrfToken() ?? '',
    },
    body: file,
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
    requestId?: string;
  };
  throw new ApiError({
    status: response.status,
    code: body.code ?? 'BAD_REQUEST',
    message: body.message ?? response.statusText,
    requestId: body.requestId ?? '',
  });
}

/** The request's attachments (a medical note, say); its applicant adds them while it is open. */
export function AttachmentsCard({ request, mayAdd }: { request: FootageRequest; mayAdd: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (file: File) => upload(request.id, file),
    onSuccess: () => client.invalidateQueries({ queryKey: ['footage-requests'] }),
  });
  const room = request.attachments.length < attachmentLimits.maxPerRequest;
  if (request.attachments.length === 0 && !mayAdd) return null;
  return (
    <section className="card" data-testid="attachments">
      <h2>{t('requests.attachments.title')}</h2>
      {request.attachments.length === 0 ? (
        <p className="muted">{t('requests.attachments.none')}</p>
      ) : (
        <ul>
          {request.attachments.map((a) => (
            <li key={a.id}>
              {a.name} · {t('requests.attachments.size', { kb: Math.ceil(a.bytes / 1024) })}
            </li>
          ))}
        </ul>
      )}
      {mayAdd && room && (
        <label className="field">
          <span>{t('requests.attachments.add')}</span>
          <input
            type="file"
            accept={attachmentLimits.types.join(',')}
            disabled={add.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) add.mutate(file);
              event.target.value = '';
            }}
          />
          <span className="field-hint">{t('requests.attachments.hint')}</span>
        </label>
      )}
      <ErrorMessage error={add.error} />
    </section>
  );
}
