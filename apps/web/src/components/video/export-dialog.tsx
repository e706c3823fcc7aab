import type { VideoExport } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { wallTimeToIso } from '../../lib/time.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useCreateExport } from './video-queries.ts';

interface ExportDialogProps {
  cameras: { id: string; name: string }[];
  cameraId: string;
  /** Wall-clock defaults, `YYYY-MM-DDTHH:mm:ss` in the zone given. */
  defaultFrom: string;
  defaultTo: string;
  timeZone: string;
}

/** Export a range of one or several cameras; shows the signed result with its files. */
export function ExportDialog(props: ExportDialogProps) {
  const { t } = useTranslation();
  const create = useCreateExport();
  const [chosen, setChosen] = useState<string[]>([props.cameraId]);
  const [from, setFrom] = useState(props.defaultFrom);
  const [to, setTo] = useState(props.defaultTo);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      cameraIds: chosen,
      from: wallTimeToIso(from, props.timeZone) ?? from,
      to: wallTimeToIso(to, props.timeZone) ?? to,
      reason,
    };
    create.mutate(body);
  };
  const toggle = (id: string) =>
    setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  return (
    <details className="card" data-testid="export-dialog">
      <summary>{t('video.export.title')}</summary>
      <form className="form-grid" onSubmit={submit}>
        <fieldset>
          <legend>{t('video.export.cameras')}</legend>
          {props.cameras.map((camera) => (
            <label key={camera.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(camera.id)}
                onChange={() => toggle(camera.id)}
              />
              {camera.name}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('video.export.from')}</span>
          <input
            type="datetime-local"
            step="1"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('video.export.to')}</span>
          <input
            type="datetime-local"
            step="1"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('video.export.reason')}</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={4}
          />
          <span className="field-hint">{t('video.export.reasonHint')}</span>
        </label>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending || chosen.length === 0}
          >
            {create.isPending ? t('video.export.running') : t('video.export.submit')}
          </button>
        </div>
      </form>
      <ErrorMessage error={create.error} />
      {create.data && <ExportResult result={create.data} />}
    </details>
  );
}

function ExportResult({ result }: { result: VideoExport }) {
  const { t } = useTranslation();
  const { manifest } = result;
  return (
    <div className="alert alert-ok" data-testid="export-result">
      <p>{t('video.export.done', { count: manifest.files.length, gaps: manifest.gaps.length })}</p>
      <ul>
        {[...manifest.files.map((f) => f.name), 'manifest.json'].map((name) => (
          <li key={name}>
            <a href={`/api/exports/${result.id}/files/${name}`}>{name}</a>
          </li>
        ))}
      </ul>
      <p className="small">{t('video.export.verifyHint')}</p>
    </div>
  );
}
