import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStorage } from '../components/health/health-queries.ts';
import { QueryState } from '../components/ui/query-state.tsx';

const GB = 1024 ** 3;

/** The recording disk: used and free, days held per camera, days the disk holds at this rate. */
export function StoragePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const storage = useStorage(id);
  const size = (bytes: number) => {
    const inGb = bytes >= GB;
    const value = (bytes / (inGb ? GB : 1024 ** 2)).toLocaleString(i18n.language, {
      maximumFractionDigits: 1,
    });
    return t(inGb ? 'storage.gb' : 'storage.mb', { value });
  };
  return (
    <div className="page" data-testid="storage-page">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to={`/kindergartens/${id}/health`}>{t('health.title')}</Link>
        </p>
        <h1>{t('storage.title')}</h1>
      </header>
      <QueryState query={storage}>
        {(data) => (
          <>
            <dl className="storage-facts card">
              <dt>{t('storage.used')}</dt>
              <dd>{size(data.totalBytes - data.freeBytes)}</dd>
              <dt>{t('storage.free')}</dt>
              <dd>{size(data.freeBytes)}</dd>
              <dt>{t('storage.total')}</dt>
              <dd>{size(data.totalBytes)}</dd>
              <dt>{t('storage.daysAtRate')}</dt>
              <dd data-testid="days-at-rate">
                {data.daysAtCurrentRate === null
                  ? t('storage.idle')
                  : t('storage.days', { value: data.daysAtCurrentRate })}
              </dd>
            </dl>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('storage.camera')}</th>
                    <th>{t('storage.footage')}</th>
                    <th>{t('storage.daysHeld')}</th>
                    <th>{t('storage.retention')}</th>
                    <th>{t('health.bitrate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.cameras.map((camera) => (
                    <tr key={camera.cameraId}>
                      <td>{camera.name}</td>
                      <td>{size(camera.bytes)}</td>
                      <td>{t('storage.days', { value: camera.daysHeld })}</td>
                      <td>{t('storage.days', { value: camera.retentionDays })}</td>
                      <td>
                        {camera.bitrateKbps === null
                          ? '—'
                          : t('health.kbps', { value: camera.bitrateKbps })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
