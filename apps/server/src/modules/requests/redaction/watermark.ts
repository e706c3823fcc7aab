import { existsSync } from 'node:fs';

/**
 * Noto Sans CJK first (applicants' names are often Chinese), then DejaVu.
 * LIMITATION: DejaVu has no CJK glyphs: without fonts-noto-cjk a Chinese name is drawn as boxes
 * (the request number and date still read).
 */
const FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
];

export class WatermarkFontMissing extends Error {
  constructor() {
    super(
      `No font for the watermark: install Debian's fonts-noto-cjk (or fonts-dejavu-core); ` +
        `looked for ${FONT_CANDIDATES.join(', ')}`,
    );
  }
}

export function watermarkFont(candidates = FONT_CANDIDATES): string {
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new WatermarkFontMissing();
  return found;
}

/**
 * The drawtext filter burning the watermark in, twice: a band across the bottom, and a fainter
 * copy that drifts over the picture so that cropping the band away does not remove it. The text
 * is read from a file, so nothing in it needs escaping for the filter syntax.
 */
export function watermarkFilter(options: { font: string; textFile: string }): string {
  const common = `fontfile=${options.font}:textfile=${options.textFile}:fontcolor=white`;
  const band = `drawtext=${common}@0.85:fontsize=h/28:box=1:boxcolor=black@0.45:boxborderw=8:x=(w-tw)/2:y=h-th-24`;
  const drift = `drawtext=${common}@0.30:fontsize=h/22:x=mod(t*37\\,w-tw):y=mod(t*23\\,h-th)`;
  return `${band},${drift}`;
}

/** `申请人 Name · 申请 #12 · 2026-12-04`: who, which request, when released. */
export const watermarkText = (input: { applicant: string; number: number; date: Date }): string =>
  `${input.applicant} · #${input.number} · ${input.date.toISOString().slice(0, 10)} · Gardenwatch`;
