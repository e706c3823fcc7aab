import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStream } from './use-live-stream.ts';

interface LivePlayerProps {
  cameraId: string;
  stream: 'main' | 'sub';
  label: string;
}

/** One camera's live picture, with its state said in words until video plays. */
export function LivePlayer({ cameraId, stream, label }: LivePlayerProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const state = useLiveStream(video, cameraId, stream);
  return (
    <div className="player" data-state={state}>
      <video
        ref={video}
        muted
        autoPlay
        playsInline
        aria-label={label}
        data-testid="live-video"
        data-camera={cameraId}
      />
      {state !== 'playing' && (
        <div className="player-overlay" role="status">
          {t(`video.state.${state}`)}
        </div>
      )}
    </div>
  );
}
