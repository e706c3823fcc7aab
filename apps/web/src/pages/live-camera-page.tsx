import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryState } from '../components/ui/query-state.tsx';
import { LivePlayer } from '../components/video/live-player.tsx';
import { videoAccessOf } from '../components/video/video-access.ts';
import { useCamera } from '../components/video/video-queries.ts';
import { VideoRefusal } from '../components/video/video-refusal.tsx';
import { useActor } from '../hooks/use-actor.ts';
import '../components/video/video.css';

function FullCamera({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  return (
    <div className="page" data-testid="live-camera-page">
      <header className="page-header">
        <h1>{name}</h1>
        <div className="page-actions">
          <button
            type="button"
            className="button"
            onClick={() => void box.current?.requestFullscreen()}
          >
            {t('video.fullScreen')}
          </button>
          <a
            className="button"
            href={`/api/cameras/${id}/snapshot.jpg`}
            target="_blank"
            rel="noreferrer"
          >
            {t('video.snapshot')}
          </a>
          <Link className="button" to={`/video/cameras/${id}/playback`}>
            {t('video.playback')}
          </Link>
          <Link className="button" to={`/video/cameras/${id}/zones`}>
            {t('zones.open')}
          </Link>
        </div>
      </header>
      <div ref={box}>
        <LivePlayer cameraId={id} stream="main" label={name} />
      </div>
    </div>
  );
}

/** One camera's main stream, full width or full screen. */
export function LiveCameraPage() {
  const { id = '' } = useParams();
  const actor = useActor();
  const camera = useCamera(id);
  if (!videoAccessOf(actor).live) return <VideoRefusal what="live" />;
  return (
    <QueryState query={camera}>{(data) => <FullCamera id={data.id} name={data.name} />}</QueryState>
  );
}
