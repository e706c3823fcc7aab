import type { Timeline } from '@gardenwatch/contracts';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TimelineBarProps {
  timeline: Timeline;
  /** Wall-clock ms of the play position. */
  position: number | null;
  onSeek: (wallMs: number) => void;
  formatTime: (ms: number) => string;
}

/** The day as a bar: recorded footage, gaps with their causes, holds, and where playback is. */
export function TimelineBar({ timeline, position, onSeek, formatTime }: TimelineBarProps) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState<(typeof zooms)[number]>(zooms[0]);
  const { from, span } = windowOf(timeline, zoom.minutes, position);
  const place = (a: string, b: string | null) => {
    const left = Math.max(0, (Date.parse(a) - from) / span);
    const right = Math.min(1, ((b ? Date.parse(b) : Date.parse(timeline.to)) - from) / span);
    if (right <= 0 || left >= 1) return { display: 'none' };
    return { left: `${left * 100}%`, width: `${Math.max(0.15, (right - left) * 100)}%` };
  };
  const seek = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(from + ((event.clientX - box.left) / box.width) * span);
  };
  return (
    <div className="timeline" data-testid="timeline">
      <div className="layout-switch" role="group" aria-label={t('video.zoom')}>
        {zooms.map((z) => (
          <button
            key={z.key}
            type="button"
            className="button button-quiet"
            aria-pressed={zoom.key === z.key}
            onClick={() => setZoom(z)}
          >
            {t(`video.zoomOf.${z.key}`)}
          </button>
        ))}
      </div>
      <div className="timeline-track" onClick={seek} role="presentation">
        {timeline.spans.map((s) => (
          <span key={s.from} className="timeline-span" style={place(s.from, s.to)} />
        ))}
        {timeline.gaps.map((g) => (
          <span
            key={g.id}
            className="timeline-gap"
            style={place(g.from, g.to)}
            title={`${t(`video.gapCause.${g.cause}`)} ${formatTime(Date.parse(g.from))}`}
          />
        ))}
        {timeline.holds.map((h) => (
          <span key={h.id} className="timeline-hold" style={place(h.from, h.to)} title={h.reason} />
        ))}
        {position !== null && (
          <span
            className="timeline-cursor"
            style={{ left: `${((position - from) / span) * 100}%` }}
          />
        )}
      </div>
      <div className="timeline-scale muted small">
        {[0, 1, 2, 3, 4].map((quarter) => (
          <span key={quarter}>{formatTime(from + (quarter / 4) * span)}</span>
        ))}
      </div>
      <ul className="timeline-legend small">
        <li>
          <span className="swatch timeline-span" /> {t('video.legend.recorded')}
        </li>
        <li>
          <span className="swatch timeline-gap" /> {t('video.legend.gap')}
        </li>
        <li>
          <span className="swatch timeline-hold" /> {t('video.legend.hold')}
        </li>
      </ul>
      {timeline.gaps.length > 0 && (
        <ul className="gap-list small" data-testid="gap-list">
          {timeline.gaps.map((g) => (
            <li key={g.id}>
              {formatTime(Date.parse(g.from))}–{g.to ? formatTime(Date.parse(g.to)) : '…'}{' '}
              {t(`video.gapCause.${g.cause}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const zooms = [
  { key: 'day', minutes: 24 * 60 },
  { key: 'hour', minutes: 60 },
  { key: 'minutes', minutes: 10 },
] as const;

/** The part of the day the bar shows: all of it, or a window around the play position. */
function windowOf(timeline: Timeline, minutes: number, position: number | null) {
  const dayFrom = Date.parse(timeline.from);
  const dayTo = Date.parse(timeline.to);
  const span = Math.min(minutes * 60_000, dayTo - dayFrom);
  const centre = position ?? Date.parse(timeline.spans.at(-1)?.to ?? timeline.to);
  const from = Math.min(Math.max(dayFrom, centre - span / 2), dayTo - span);
  return { from, span };
}
