import type { CameraZone } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { Field } from '../components/ui/field.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { ZoneCanvas } from '../components/zones/zone-canvas.tsx';
import { useSaveZones, useZones } from '../components/zones/zone-queries.ts';
import '../components/alerts/alerts.css';

const kinds: CameraZone['kind'][] = ['perimeter', 'indoor', 'gate'];

/** Draw the zones of one camera over its snapshot: click the corners, then add the zone. */
export function ZoneEditorPage() {
  const { id = '' } = useParams();
  const zones = useZones(id);
  return (
    <QueryState query={zones}>
      {(data) => <ZoneEditor cameraId={id} initial={data.zones} />}
    </QueryState>
  );
}

function ZoneEditor({ cameraId, initial }: { cameraId: string; initial: CameraZone[] }) {
  const { t } = useTranslation();
  const [zones, setZones] = useState(initial);
  const [draft, setDraft] = useState<CameraZone['polygon']>([]);
  const [kind, setKind] = useState<CameraZone['kind']>('perimeter');
  const save = useSaveZones(cameraId);
  const addZone = () => {
    const used = new Set(zones.map((z) => z.id));
    let n = zones.length + 1;
    while (used.has(`${kind}-${n}`)) n++;
    setZones([...zones, { id: `${kind}-${n}`, kind, polygon: draft }]);
    setDraft([]);
  };
  return (
    <div className="page" data-testid="zone-editor-page">
      <header className="page-header">
        <p>
          <Link to={`/video/cameras/${cameraId}`}>{t('zones.back')}</Link>
        </p>
        <h1>{t('zones.title')}</h1>
        <p className="muted">{t('zones.intro')}</p>
      </header>
      <div className="zone-layout">
        <ZoneCanvas
          cameraId={cameraId}
          zones={zones}
          draft={draft}
          draftKind={kind}
          onPoint={(p) => setDraft([...draft, p])}
        />
        <section className="card">
          <Field label={t('zones.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as CameraZone['kind'])}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`zones.kinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <p className="muted small">{t('zones.points', { count: draft.length })}</p>
          <div className="alert-action-buttons">
            <button type="button" className="button" disabled={draft.length < 3} onClick={addZone}>
              {t('zones.add')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={draft.length === 0}
              onClick={() => setDraft([])}
            >
              {t('zones.clearDraft')}
            </button>
          </div>
          <ul className="gallery-list">
            {zones.map((z) => (
              <li key={z.id} data-testid="zone">
                <strong>{t(`zones.kinds.${z.kind}`)}</strong>
                <span className="muted small">{z.id}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setZones(zones.filter((other) => other.id !== z.id))}
                >
                  {t('zones.remove')}
                </button>
              </li>
            ))}
          </ul>
          <ErrorMessage error={save.error} />
          {save.isSuccess && <p className="muted">{t('zones.saved')}</p>}
          <button
            type="button"
            className="button button-primary"
            disabled={save.isPending}
            onClick={() => save.mutate(zones)}
          >
            {t('zones.save')}
          </button>
        </section>
      </div>
    </div>
  );
}
