import type { AnalysisStatusView, CameraHealth } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge.tsx';
import { AvailabilityStrip } from './availability-strip.tsx';

export type CameraAnalysis = AnalysisStatusView['cameras'][number] & { short: boolean };

const linkTone = { unknown: 'neutral', online: 'ok', offline: 'bad', auth_failed: 'bad' } as const;

/**
 * One camera: link state, tamper warning, frame rate, bitrate, last frame, 24 h strip, and,
 * when it is analysed, the frames analysed per second against those wanted.
 */
export function CameraHealthTile(props: {
  camera: CameraHealth;
  since: string;
  analysis?: CameraAnalysis | undefined;
}) {
  const { camera, since, analysis } = props;
  const { t, i18n } = useTranslation();
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language) : t('health.never');
  return (
    <article
      className={`health-tile${camera.fault ? ' health-tile-fault' : ''}`}
      data-testid="health-tile"
    >
      <header>
        <h2>{camera.name}</h2>
        <Badge tone={linkTone[camera.link]}>{t(`health.link.${camera.link}`)}</Badge>
        {camera.tamper && <Badge tone="warn">{t(`health.tamper.${camera.tamper}`)}</Badge>}
        {!camera.recording && camera.link === 'online' && (
          <Badge tone="warn">{t('health.notRecording')}</Badge>
        )}
      </header>
      <dl className="health-facts">
        <dt>{t('health.fps')}</dt>
        <dd>{camera.fps ?? '—'}</dd>
        <dt>{t('health.bitrate')}</dt>
        <dd>
          {camera.bitrateKbps === null ? '—' : t('health.kbps', { value: camera.bitrateKbps })}
        </dd>
        <dt>{t('health.lastFrame')}</dt>
        <dd>{time(camera.lastFrameAt)}</dd>
        {analysis && (
          <>
            <dt>{t('health.analysis')}</dt>
            <dd data-testid="health-analysis">
              {t('health.analysedFps', {
                analysed: analysis.analysedFps.toFixed(1),
                wanted: analysis.wantedFps.toFixed(1),
              })}
              {analysis.short && (
                <>
                  {' '}
                  <Badge tone="warn">{t('health.analysisShort')}</Badge>
                </>
              )}
              {analysis.note && (
                <>
                  {' '}
                  <Badge tone="warn">{t(`health.analysisNote.${analysis.note}`)}</Badge>
                </>
              )}
            </dd>
          </>
        )}
        {camera.faultSince && (
          <>
            <dt>{t('health.faultSince')}</dt>
            <dd>{time(camera.faultSince)}</dd>
          </>
        )}
      </dl>
      <AvailabilityStrip slots={camera.availability} since={since} />
    </article>
  );
}
