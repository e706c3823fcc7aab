import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CameraHealthTile } from '../components/health/camera-health-tile.tsx';
import { useAnalysisStatus, useKindergartenHealth } from '../components/health/health-queries.ts';
import { QueryState } from '../components/ui/query-state.tsx';

/** A kindergarten's cameras at a glance: a tile each, faults first. No video here. */
export function HealthPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const health = useKindergartenHealth(id);
  const analysis = useAnalysisStatus();
  const analysisOf = (cameraId: string) => {
    const camera = analysis.data?.cameras.find((c) => c.cameraId === cameraId);
    return camera && { ...camera, short: analysis.data?.shortfall.includes(cameraId) ?? false };
  };
  return (
    <div className="page" data-testid="health-page">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to={`/kindergartens/${id}`}>{t('health.kindergarten')}</Link>
        </p>
        <h1>{t('health.title')}</h1>
        <p className="page-actions">
          <Link className="button" to={`/kindergartens/${id}/storage`}>
            {t('storage.title')}
          </Link>
          <Link className="button" to="/work-orders">
            {t('workOrders.title')}
          </Link>
        </p>
      </header>
      <QueryState query={health}>
        {(data) => (
          <>
            {data.cameras.length === 0 && <p className="muted">{t('health.noCameras')}</p>}
            <div className="health-grid">
              {[...data.cameras]
                .sort((a, b) => Number(b.fault !== null) - Number(a.fault !== null))
                .map((camera) => (
                  <CameraHealthTile
                    key={camera.cameraId}
                    camera={camera}
                    since={data.since}
                    analysis={analysisOf(camera.cameraId)}
                  />
                ))}
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
