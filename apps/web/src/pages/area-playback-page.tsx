import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import { QueryState } from '../components/ui/query-state.tsx';
import { DayField } from '../components/video/player-fields.tsx';
import { SyncedPlayback } from '../components/video/synced-playback.tsx';
import { videoAccessOf } from '../components/video/video-access.ts';
import { useAreaTimeline } from '../components/video/video-queries.ts';
import { VideoRefusal } from '../components/video/video-refusal.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { cityTimeZone, formatDateTime, wallTimeToIso } from '../lib/time.ts';
import '../components/video/video.css';

const zone = cityTimeZone;
const DAY_MS = 86_400_000;
const dayOf = (ms: number) => formatDateTime(new Date(ms).toISOString(), zone).slice(0, 10);

function AreaDay({ areaId, day }: { areaId: string; day: string }) {
  const { t } = useTranslation();
  const from = wallTimeToIso(`${day}T00:00`, zone) ?? new Date().toISOString();
  const to = new Date(Date.parse(from) + DAY_MS).toISOString();
  const area = useAreaTimeline(areaId, from, to);
  if (isApiError(area.error) && area.error.status === 403) return <VideoRefusal what="playback" />;
  const startAt = day === dayOf(Date.now()) ? Date.now() - 120_000 : null;
  return (
    <QueryState query={area}>
      {(data) =>
        data.cameras.every((c) => c.spans.length === 0) ? (
          <p className="alert alert-warn" data-testid="no-footage">
            {t('video.noAreaFootage')}
          </p>
        ) : (
          <>
            <h2 data-testid="area-name">{data.name}</h2>
            <SyncedPlayback area={data} startAt={startAt} timeZone={zone} />
          </>
        )
      }
    </QueryState>
  );
}

/** Recorded video of every camera of one area, played in sync on one timeline. */
export function AreaPlaybackPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const actor = useActor();
  const [day, setDay] = useState(() => dayOf(Date.now()));
  if (!videoAccessOf(actor).playback) return <VideoRefusal what="playback" />;
  return (
    <div className="page" data-testid="area-playback-page">
      <header className="page-header">
        <h1>{t('video.areaPlaybackTitle')}</h1>
        <div className="page-actions">
          <DayField day={day} onDay={setDay} />
        </div>
      </header>
      <AreaDay key={day} areaId={id} day={day} />
    </div>
  );
}
