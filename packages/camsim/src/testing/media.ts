import path from 'node:path';

/** Clips shipped with the package (see media/LICENSES.md). */
export const mediaDir = path.resolve(import.meta.dirname, '../../media');

export function mediaClip(name: string): string {
  return path.join(mediaDir, name);
}
