import { clockCodeFilters } from '../clock/clock-code.ts';

export type PictureFault = 'freeze' | 'black' | 'blur' | 'turn';
export type Overlay = 'none' | 'text' | 'code' | 'both';

export interface PictureSpec {
  /** Size of the clip as read. */
  source: { width: number; height: number };
  /** Size sent to clients. */
  output: { width: number; height: number };
  faults: ReadonlySet<PictureFault>;
  overlay: Overlay;
  /** Re-encode even when the clip could be sent as it is. */
  forceEncode?: boolean;
}

/**
 * A filter graph from `[0:v]` to `[v]`, or null when the clip can go out unchanged (stream
 * copy). Order: the scene is faulted first, then scaled, then the clock is drawn, as a real
 * camera's on-screen display keeps ticking over a covered or frozen lens.
 */
export function pictureGraph(spec: PictureSpec): string | null {
  const { output, source, faults } = spec;
  const resized = output.width !== source.width || output.height !== source.height;
  const plain = faults.size === 0 && spec.overlay === 'none' && !resized;
  if (plain && !spec.forceEncode) return null;

  const head = faults.has('freeze')
    ? '[0:v]split[live][still];[still]trim=end_frame=1[first];[live][first]overlay=eof_action=repeat'
    : '[0:v]null';
  const steps = [head, ...sceneFilters(faults, source)];
  if (resized) steps.push(`scale=${output.width}:${output.height}`);
  steps.push(...overlayFilters(spec.overlay, output));
  steps.push('format=yuv420p');
  return `${steps.join(',')}[v]`;
}

function sceneFilters(faults: ReadonlySet<PictureFault>, size: { width: number }): string[] {
  const filters: string[] = [];
  if (faults.has('turn')) {
    // The camera now looks at another part of the room: a shifted crop scaled back to size.
    filters.push('crop=iw*0.6:ih*0.6:iw*0.4:ih*0.05', 'scale=iw/0.6:ih/0.6', 'hflip');
  }
  if (faults.has('blur')) {
    filters.push(`gblur=sigma=${Math.max(4, Math.round(size.width / 60))}`);
  }
  if (faults.has('black')) {
    // A hand over the lens: nearly black, a trace of the scene left in the noise floor.
    filters.push('lutyuv=y=16+val/32:u=128:v=128');
  }
  return filters;
}

function overlayFilters(overlay: Overlay, size: { width: number; height: number }): string[] {
  const filters: string[] = [];
  if (overlay === 'text' || overlay === 'both') {
    const fontSize = Math.max(12, Math.round(size.height / 20));
    filters.push(
      `drawtext=text='%{localtime}':x=8:y=8:fontsize=${fontSize}:fontcolor=white:box=1:boxcolor=black@0.6`,
    );
  }
  if (overlay === 'code' || overlay === 'both') {
    filters.push(...clockCodeFilters(size.width, size.height), 'setpts=PTS-STARTPTS');
  }
  return filters;
}
