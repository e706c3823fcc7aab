import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHls } from '../video/use-hls.ts';
import '../video/video.css';

/** The held clip (10 s before to 20 s after) through the recorded-video playlist. */
export function AlertClip({ cameraId, from, to }: { cameraId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const url = `/api/cameras/${cameraId}/playback.m3u8?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  useHls(video, url);
  return (
    <div className="player">
      <video
        ref={video}
        muted
        playsInline
        controls
        aria-label={t('alerts.page.clip')}
        data-testid="alert-clip"
      />
    </div>
  );
}
