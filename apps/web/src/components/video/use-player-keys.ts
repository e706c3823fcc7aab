import { useEffect, type RefObject } from 'react';

export const playbackRates = [0.5, 1, 2, 4, 8] as const;
const FRAME_S = 1 / 25;

/**
 * The keys of video players: space or K plays and pauses, arrows jump 5 s (60 s with Shift),
 * J and L step the rate down and up, comma and full stop step one frame while paused.
 */
export function usePlayerKeys(video: RefObject<HTMLVideoElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const element = video.current;
      const target = event.target as HTMLElement | null;
      if (!element || target?.closest('input, select, textarea, dialog')) return;
      const handled = handleKey(element, event.key, event.shiftKey);
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [video]);
}

function handleKey(element: HTMLVideoElement, key: string, shift: boolean): boolean {
  const jump = shift ? 60 : 5;
  switch (key.toLowerCase()) {
    case ' ':
    case 'k':
      if (element.paused) void element.play().catch(() => undefined);
      else element.pause();
      return true;
    case 'arrowleft':
      element.currentTime = Math.max(0, element.currentTime - jump);
      return true;
    case 'arrowright':
      element.currentTime += jump;
      return true;
    case 'j':
    case 'l':
      element.playbackRate = stepRate(element.playbackRate, key.toLowerCase() === 'l' ? 1 : -1);
      if (element.paused) void element.play().catch(() => undefined);
      return true;
    case ',':
    case '.':
      element.pause();
      element.currentTime = Math.max(0, element.currentTime + (key === '.' ? FRAME_S : -FRAME_S));
      return true;
    default:
      return false;
  }
}

export function stepRate(current: number, direction: 1 | -1): number {
  const index = playbackRates.findIndex((rate) => rate >= current);
  const at = index < 0 ? playbackRates.length - 1 : index;
  const next = Math.min(playbackRates.length - 1, Math.max(0, at + direction));
  return playbackRates[next] ?? 1;
}
