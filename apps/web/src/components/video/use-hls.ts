import Hls, { type Fragment } from 'hls.js';
import { useEffect, useRef, useState, type RefObject } from 'react';

export interface HlsClock {
  /** Wall-clock ms of the play position, or null before the playlist is read. */
  wallOf: (mediaSeconds: number) => number | null;
  /** Media position of a wall-clock ms; a moment in a gap goes to the footage after it. */
  mediaOf: (wallMs: number) => number | null;
  ready: boolean;
}

/**
 * hls.js on a <video> element for one playlist. The playlist's program date-times map the
 * player's position to the time of day, gaps in the footage included.
 */
export function useHls(video: RefObject<HTMLVideoElement | null>, url: string | null): HlsClock {
  const fragments = useRef<Fragment[]>([]);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const element = video.current;
    if (!element || !url) return;
    setReady(false);
    const hls = new Hls({ maxBufferLength: 20, backBufferLength: 30 });
    hls.on(Hls.Events.LEVEL_LOADED, (_event, data) => {
      fragments.current = data.details.fragments;
      setReady(true);
    });
    hls.loadSource(url);
    hls.attachMedia(element);
    return () => hls.destroy();
  }, [video, url]);

  return {
    ready,
    wallOf: (position) => {
      const frag = fragments.current.find((f) => position < f.start + f.duration);
      if (!frag || frag.programDateTime === null) return null;
      return frag.programDateTime + Math.max(0, position - frag.start) * 1000;
    },
    mediaOf: (wallMs) => {
      const frag = fragments.current.find(
        (f) => f.programDateTime !== null && wallMs < f.programDateTime + f.duration * 1000,
      );
      if (!frag || frag.programDateTime === null) return null;
      return frag.start + Math.max(0, wallMs - frag.programDateTime) / 1000;
    },
  };
}
