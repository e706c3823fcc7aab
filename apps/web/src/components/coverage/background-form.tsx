import {
  backgroundLimits,
  buildPath,
  coverageRoutes as r,
  type FloorPlanView,
} from '@gardenwatch/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, clientErrorCodes, errorFromResponse } from '../../api/api-error.ts';
import { callRoute } from '../../api/call-route.ts';
import { getCsrfToken } from '../../api/csrf-token.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { coverageKey } from './coverage-queries.ts';

/** Sends the image itself as the body; the server checks its type and size again. */
async function uploadBackground(floorId: string, file: File): Promise<void> {
  if (file.size > backgroundLimits.maxBytes) {
    throw new ApiError({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: '', requestId: '' });
  }
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type };
  const csrf = getCsrfToken();
  if (csrf !== null) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(buildPath(r.putBackground.path, { floorId }), {
      method: 'PUT',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: clientErrorCodes.network,
      message: String(cause),
      requestId: '',
    });
  }
  if (!response.ok) throw errorFromResponse(response, (await response.json()) as unknown);
}

const scaleFields = ['ax', 'ay', 'bx', 'by', 'metres'] as const;

/** The background drawing and its scale: two points of the image and their real distance. */
export function BackgroundForm({ view }: { view: FloorPlanView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const s = view.scale;
  const [scale, setScale] = useState<Record<(typeof scaleFields)[number], string>>({
    ax: String(s?.a.x ?? 0),
    ay: String(s?.a.y ?? 0),
    bx: String(s?.b.x ?? 100),
    by: String(s?.b.y ?? 0),
    metres: String(s?.metres ?? 10),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: coverageKey });
  const upload = useMutation({
    mutationFn: (file: File) => uploadBackground(view.floorId, file),
    onSuccess: refresh,
  });
  const saveScale = useMutation({
    mutationFn: () =>
      callRoute(r.savePlan, {
        params: { floorId: view.floorId },
        body: {
          outline: view.outline,
          walls: view.walls,
          obstacles: view.obstacles,
          areas: view.areaPolygons,
          minDeadZoneM2: view.minDeadZoneM2,
          scale: {
            a: { x: Number(scale.ax), y: Number(scale.ay) },
            b: { x: Number(scale.bx), y: Number(scale.by) },
            metres: Number(scale.metres),
          },
        },
      }),
    onSuccess: refresh,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    saveScale.mutate();
  };

  return (
    <details className="background-form no-print">
      <summary>{t('coverage.background.title')}</summary>
      <label>
        {t('coverage.background.file')}
        <input
          type="file"
          accept={backgroundLimits.types.join(',')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
      </label>
      <ErrorMessage error={upload.error} />
      <form onSubmit={submit} className="scale-form">
        <p className="muted small">{t('coverage.background.scaleHint')}</p>
        {scaleFields.map((field) => (
          <label key={field}>
            {t(`coverage.background.${field}`)}
            <input
              type="number"
              step="any"
              value={scale[field]}
              onChange={(e) => setScale({ ...scale, [field]: e.target.value })}
            />
          </label>
        ))}
        <button
          type="submit"
          className="button"
          disabled={view.version === 0 || saveScale.isPending}
        >
          {t('coverage.background.saveScale')}
        </button>
      </form>
      <ErrorMessage error={saveScale.error} />
    </details>
  );
}
