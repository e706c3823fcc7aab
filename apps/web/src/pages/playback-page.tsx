import type { Timeline } from '@gardenwatch/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/api-error.ts';
import { QueryState } from '../components/ui/query-state.tsx';
import { ExportDialog } from '../components/video/export-dialog.tsx';
import { TimelineBar } from '../components/video/timeline-bar.tsx';
import { useHls } from '../components/video/use-hls.ts';
import { usePlayerKeys } from '../components/video/use-player-keys.ts';
import { DayField, RateField } from '../components/video/player-fields.tsx';
import { videoAccessOf } from '../components/video/video-access.ts';
import { useCamera, useCameras, useTimeline } from '../components/video/video-queries.ts';
import { VideoRefusal } from '../components/video/video-refusal.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { cityTimeZone, formatDateTime, wallTimeToIso } from '../lib/time.ts';
import '../components/video/video.css';

const zone = cityTimeZone;
const DAY_MS = 86_400_000;
const wallOf = (ms: number) => formatDateTime(new Date(ms).toISOString(), zone).replace(' ', 'T');
const timeOf = (ms: number) => formatDateTime(new Date(ms).toISOString(), zone).slice(11);

function Player(props: { cameraId: string; timeline: Timeline; startAt: number | null }) {
  const { t } = useTranslation();
  const { cameraId, timeline } = props;
  const video = useRef<HTMLVideoElement>(null);
  const url = `/api/cameras/${cameraId}/playback.m3u8?from=${encodeURIComponent(timeline.from)}&to=${encodeURIComponent(timeline.to)}`;
  const clock = useHls(video, url);
  const [position, setPosition] = useState<number | null>(null);
  const [rate, setRate] = useState(1);
  const placed = useRef(false);
  usePlayerKeys(video);

  // Once the playlist is read, start at the moment asked for (the last minutes of today).
  useEffect(() => {
    const element = video.current;
    if (placed.current || !clock.ready || !element || props.startAt === null) return;
    placed.current = true;
    const media = clock.mediaOf(props.startAt);
    if (media !== null) element.currentTime = media;
  }, [clock, props.startAt]);

  const seek = (wallMs: number) => {
    const media = clock.mediaOf(wallMs);
    if (media !== null && video.current) video.current.currentTime = media;
  };
  const onTime = () => {
    const element = video.current;
    if (!element) return;
    setPosition(clock.wallOf(element.currentTime));
    setRate(element.playbackRate);
  };
  return (
    <>
      <div className="player">
        <video
          ref={video}
          muted
          playsInline
          controls
          onTimeUpdate={onTime}
          onRateChange={onTime}
          data-testid="playback-video"
        />
      </div>
      <div className="player-controls">
        <span className="player-time" data-testid="playback-time">
          {position === null ? '—' : formatDateTime(new Date(position).toISOString(), zone)}
        </span>
        <RateField
          rate={rate}
          onRate={(r) => {
            if (video.current) video.current.playbackRate = r;
          }}
        />
        {position !== null && (
          <a
            className="button"
            target="_blank"
            rel="noreferrer"
            href={`/api/cameras/${cameraId}/snapshot.jpg?at=${encodeURIComponent(new Date(position).toISOString())}`}
          >
            {t('video.snapshot')}
          </a>
        )}
      </div>
      <TimelineBar rows={[{ timeline }]} position={position} onSeek={seek} formatTime={timeOf} />
      <p className="keyboard-help muted small">{t('video.keys')}</p>
      <ExportBlock cameraId={cameraId} position={position ?? Date.parse(timeline.from)} />
    </>
  );
}

function ExportBlock({ cameraId, position }: { cameraId: string; position: number }) {
  const actor = useActor();
  const camera = useCamera(cameraId);
  const cameras = useCameras(camera.data?.kindergartenId);
  if (!videoAccessOf(actor).export || !cameras.data) return null;
  return (
    <ExportDialog
      cameras={cameras.data.items.filter((c) => c.archivedAt === null)}
      cameraId={cameraId}
      defaultFrom={wallOf(position - 60_000)}
      defaultTo={wallOf(position + 60_000)}
      timeZone={zone}
    />
  );
}

function Day({
  cameraId,
  day,
  startAt,
}: {
  cameraId: string;
  day: string;
  startAt: number | null;
}) {
  const { t } = useTranslation();
  const from = wallTimeToIso(`${day}T00:00`, zone) ?? new Date().toISOString();
  // The whole day, also while it is still being recorded: a stable range for the query key.
  const to = new Date(Date.parse(from) + DAY_MS).toISOString();
  const timeline = useTimeline(cameraId, from, to);
  if (isApiError(timeline.error) && timeline.error.status === 403)
    return <VideoRefusal what="playback" />;
  return (
    <QueryState query={timeline}>
      {(data) =>
        data.spans.length === 0 ? (
          <p className="alert alert-warn" data-testid="no-footage">
            {data.available
              ? t('video.noFootageKept', {
                  from: formatDateTime(data.available.from, zone),
                  to: formatDateTime(data.available.to, zone),
                })
              : t('video.noFootage')}
          </p>
        ) : (
          <Player key={`${from}`} cameraId={cameraId} timeline={data} startAt={startAt} />
        )
      }
    </QueryState>
  );
}

/** Recorded video of one camera: a day's timeline, seeking to any second, rates, export. */
export function PlaybackPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const actor = useActor();
  const camera = useCamera(id);
  const [day, setDay] = useState(() => wallOf(Date.now()).slice(0, 10));
  if (!videoAccessOf(actor).playback) return <VideoRefusal what="playback" />;
  const startAt = day === wallOf(Date.now()).slice(0, 10) ? Date.now() - 120_000 : null;
  return (
    <div className="page" data-testid="playback-page">
      <header className="page-header">
        <h1>{t('video.playbackTitle', { name: camera.data?.name ?? '' })}</h1>
        <div className="page-actions">
          <DayField day={day} onDay={setDay} />
          {camera.data && (
            <Link className="button" to={`/video/areas/${camera.data.areaId}/playback`}>
              {t('video.areaPlayback')}
            </Link>
          )}
          {videoAccessOf(actor).live && (
            <Link className="button" to={`/video/cameras/${id}`}>
              {t('video.live')}
            </Link>
          )}
        </div>
      </header>
      <Day key={day} cameraId={id} day={day} startAt={startAt} />
    </div>
  );
}
