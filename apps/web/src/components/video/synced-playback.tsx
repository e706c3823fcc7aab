import type { AreaTimeline } from '@gardenwatch/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/time.ts';
import { TimelineBar } from './timeline-bar.tsx';
import { useHls, type HlsClock } from './use-hls.ts';
import { RateField } from './player-fields.tsx';
import { usePlayerKeys } from './use-player-keys.ts';

type AreaCamera = AreaTimeline['cameras'][number];

interface Tile {
  video: HTMLVideoElement;
  clock: HlsClock;
  camera: AreaCamera;
}

/** A follower further than this from the leader's moment is moved to it. */
const DRIFT_S = 0.35;
const SYNC_EVERY_MS = 250;

const covers = (camera: AreaCamera, wallMs: number) =>
  camera.spans.some((s) => Date.parse(s.from) <= wallMs && wallMs < Date.parse(s.to));

function SyncedTile(props: {
  camera: AreaCamera;
  url: string;
  register: (id: string, tile: Tile | null) => void;
  inGap: boolean;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const clock = useHls(video, props.url);
  const { camera, register } = props;
  useEffect(() => {
    if (!video.current || !clock.ready) return;
    register(camera.cameraId, { video: video.current, clock, camera });
    return () => register(camera.cameraId, null);
  }, [camera, clock, register]);
  return (
    <div className="video-tile" data-testid="synced-tile">
      <div className="player">
        <video ref={video} muted playsInline data-camera={camera.cameraId} />
        {props.inGap && <span className="player-note">{t('video.noFootageNow')}</span>}
      </div>
      <div className="video-tile-bar">{camera.name}</div>
    </div>
  );
}

/**
 * Several cameras of one area played as one: the first camera with footage at the current
 * moment leads, the others follow its wall-clock time (corrected when they drift), share its
 * pause and rate, and wait with a note while they have no footage at that moment.
 */
export function SyncedPlayback(props: {
  area: AreaTimeline;
  startAt: number | null;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { area, timeZone } = props;
  const tiles = useRef(new Map<string, Tile>());
  const [position, setPosition] = useState<number | null>(null);
  const [rate, setRate] = useState(1);
  const [paused, setPaused] = useState(true);
  const placed = useRef(false);
  const leaderRef = useRef<HTMLVideoElement | null>(null);
  usePlayerKeys(leaderRef);

  const register = useRef((id: string, tile: Tile | null) => {
    if (tile) tiles.current.set(id, tile);
    else tiles.current.delete(id);
  }).current;

  const seekAll = (wallMs: number) => {
    for (const tile of tiles.current.values()) {
      const media = tile.clock.mediaOf(wallMs);
      if (media !== null) tile.video.currentTime = media;
    }
    setPosition(wallMs);
  };

  useEffect(() => {
    const timer = setInterval(() => {
      const all = [...tiles.current.values()];
      if (all.length === 0) return;
      if (!placed.current && all.length === area.cameras.filter((c) => c.spans.length).length) {
        placed.current = true;
        const start = props.startAt ?? Date.parse(area.cameras[0]?.spans[0]?.from ?? area.from);
        seekAll(start);
        return;
      }
      const current = leaderRef.current && all.find((tile) => tile.video === leaderRef.current);
      const wall = current ? current.clock.wallOf(current.video.currentTime) : null;
      const leader =
        (wall !== null && current && covers(current.camera, wall) ? current : undefined) ??
        all.find((tile) => wall !== null && covers(tile.camera, wall)) ??
        all[0]!;
      leaderRef.current = leader.video;
      const now = leader.clock.wallOf(leader.video.currentTime);
      if (now === null) return;
      setPosition(now);
      setPaused(leader.video.paused);
      setRate(leader.video.playbackRate);
      for (const tile of all) {
        if (tile !== leader) follow(tile, leader.video, now);
        // Each player's own moment, for anyone checking the sync (the browser tests do).
        tile.video.dataset.wall = String(tile.clock.wallOf(tile.video.currentTime) ?? '');
      }
    }, SYNC_EVERY_MS);
    return () => clearInterval(timer);
  }, [area]);

  /** The leading player; before the first sync, the first camera with footage. */
  const leader = () => {
    leaderRef.current ??= tiles.current.values().next().value?.video ?? null;
    return leaderRef.current;
  };
  const togglePlay = () => {
    const video = leader();
    if (!video) return;
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
    setPaused(video.paused);
  };
  const urlOf = (cameraId: string) =>
    `/api/cameras/${cameraId}/playback.m3u8?from=${encodeURIComponent(area.from)}&to=${encodeURIComponent(area.to)}`;
  const withFootage = area.cameras.filter((c) => c.spans.length > 0);
  const cols = Math.ceil(Math.sqrt(Math.max(1, withFootage.length)));
  const timeOf = (ms: number) => formatDateTime(new Date(ms).toISOString(), timeZone).slice(11);
  return (
    <>
      <div className="video-grid" style={{ ['--cols' as string]: cols }}>
        {withFootage.map((camera) => (
          <SyncedTile
            key={camera.cameraId}
            camera={camera}
            url={urlOf(camera.cameraId)}
            register={register}
            inGap={position !== null && !covers(camera, position)}
          />
        ))}
      </div>
      <div className="player-controls">
        <button type="button" className="button" onClick={togglePlay} data-testid="sync-play">
          {paused ? t('video.play') : t('video.pause')}
        </button>
        <span className="player-time" data-testid="sync-time">
          {position === null ? '—' : formatDateTime(new Date(position).toISOString(), timeZone)}
        </span>
        <RateField
          rate={rate}
          onRate={(r) => {
            const video = leader();
            if (video) video.playbackRate = r;
          }}
        />
      </div>
      <TimelineBar
        rows={area.cameras.map((camera) => ({ label: camera.name, timeline: camera }))}
        position={position}
        onSeek={seekAll}
        formatTime={timeOf}
      />
      <p className="keyboard-help muted small">{t('video.keys')}</p>
    </>
  );
}

/** Puts a follower at the leader's moment, pause and rate; it waits while it has no footage. */
function follow(tile: Tile, leader: HTMLVideoElement, wallMs: number): void {
  const { video, clock, camera } = tile;
  if (video.playbackRate !== leader.playbackRate) video.playbackRate = leader.playbackRate;
  if (!covers(camera, wallMs)) {
    if (!video.paused) video.pause();
    return;
  }
  const target = clock.mediaOf(wallMs);
  if (target !== null && Math.abs(video.currentTime - target) > DRIFT_S * leader.playbackRate) {
    video.currentTime = target;
  }
  if (leader.paused && !video.paused) video.pause();
  if (!leader.paused && video.paused) void video.play().catch(() => undefined);
}
