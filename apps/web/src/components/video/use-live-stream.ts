import { liveMessageSchema } from '@gardenwatch/contracts';
import { useEffect, useState, type RefObject } from 'react';

export type LiveState = 'connecting' | 'playing' | 'reconnecting' | 'unsupported';

/** Behind the newest frame by more than this, the player jumps ahead; by less, it catches up. */
const JUMP_LAG_S = 0.8;
const CATCH_UP_LAG_S = 0.25;
/** Footage older than this behind the play position is dropped from the buffer. */
const KEEP_BEHIND_S = 6;
const RETRY_MS = 3000;

function socketUrl(cameraId: string, stream: 'main' | 'sub'): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/api/cameras/${cameraId}/live?stream=${stream}`;
}

/**
 * Live video into a <video> element: fragmented MP4 from the server's WebSocket appended to a
 * Media Source Extensions buffer, the play position kept near the newest frame. Closing the
 * socket (unmount, tab closed) ends the session on the server.
 */
export function useLiveStream(
  video: RefObject<HTMLVideoElement | null>,
  cameraId: string,
  stream: 'main' | 'sub',
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stopped = false;
    let session: { close: () => void } | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      session = openSession(element, socketUrl(cameraId, stream), {
        onState: (next) => !stopped && setState(next),
        onEnd: () => {
          if (stopped) return;
          setState('reconnecting');
          retry = setTimeout(connect, RETRY_MS);
        },
      });
    };
    // A hidden tab is no viewer: its session ends, so that an unwatched relay can stop.
    const onVisibility = () => {
      clearTimeout(retry);
      session?.close();
      session = null;
      if (document.visibilityState === 'visible') connect();
    };
    if (document.visibilityState === 'visible') connect();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(retry);
      document.removeEventListener('visibilitychange', onVisibility);
      session?.close();
    };
  }, [video, cameraId, stream]);

  return state;
}

interface SessionCallbacks {
  onState: (state: LiveState) => void;
  onEnd: () => void;
}

function openSession(element: HTMLVideoElement, url: string, callbacks: SessionCallbacks) {
  const media = new MediaSource();
  const objectUrl = URL.createObjectURL(media);
  element.src = objectUrl;
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  const queue: ArrayBuffer[] = [];
  let buffer: SourceBuffer | null = null;

  const pump = () => {
    if (!buffer || buffer.updating || media.readyState !== 'open') return;
    const next = queue.shift();
    if (next) {
      buffer.appendBuffer(next);
      return;
    }
    trim(element, buffer);
  };
  const onText = (text: string) => {
    const message = liveMessageSchema.safeParse(JSON.parse(text));
    if (!message.success) return;
    if (message.data.type === 'state') {
      callbacks.onState(
        message.data.state === 'unsupported_codec' ? 'unsupported' : 'reconnecting',
      );
      return;
    }
    if (buffer || media.readyState !== 'open') return;
    if (!MediaSource.isTypeSupported(message.data.mime)) {
      callbacks.onState('unsupported');
      return;
    }
    buffer = media.addSourceBuffer(message.data.mime);
    buffer.mode = 'segments';
    buffer.addEventListener('updateend', pump);
  };
  socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
    if (typeof event.data === 'string') onText(event.data);
    else {
      queue.push(event.data);
      pump();
    }
  };
  const chase = setInterval(() => {
    if (keepLive(element)) callbacks.onState('playing');
  }, 200);
  socket.onclose = () => {
    clearInterval(chase);
    callbacks.onEnd();
  };
  return {
    close: () => {
      socket.onclose = null;
      clearInterval(chase);
      socket.close();
      URL.revokeObjectURL(objectUrl);
    },
  };
}

/** Keeps the play position just behind the newest frame; true once video is playing. */
function keepLive(element: HTMLVideoElement): boolean {
  const ranges = element.buffered;
  if (ranges.length === 0) return false;
  const end = ranges.end(ranges.length - 1);
  const lag = end - element.currentTime;
  if (lag > JUMP_LAG_S || element.currentTime < ranges.start(ranges.length - 1)) {
    element.currentTime = Math.max(ranges.start(ranges.length - 1), end - 0.05);
  }
  element.playbackRate = lag > CATCH_UP_LAG_S ? 1.15 : 1;
  if (element.paused) void element.play().catch(() => undefined);
  return element.readyState >= 2;
}

function trim(element: HTMLVideoElement, buffer: SourceBuffer): void {
  const ranges = buffer.buffered;
  if (ranges.length === 0) return;
  const start = ranges.start(0);
  if (element.currentTime - start > KEEP_BEHIND_S * 2) {
    buffer.remove(start, element.currentTime - KEEP_BEHIND_S);
  }
}
