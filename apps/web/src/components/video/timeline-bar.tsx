import type { Timeline, TimelineAlert } from '@gardenwatch/contracts';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface TimelineRow {
  /** Shown before the track when there are several rows (the camera's name). */
  label?: string;
  timeline: Timeline;
}

interface TimelineBarProps {
  /** One row per camera, all over the same range. */
  rows: TimelineRow[];
  /** Wall-clock ms of the play position. */
  position: number | null;
  onSeek: (wallMs: number) => void;
  formatTime: (ms: number) => string;
}

/** Seconds before an alert where a click on its mark starts playing (its clip starts there). */
const ALERT_LEAD_MS = 10_000;

/**
 * The day as bars, one per camera: recorded footage, gaps with their causes, holds, alerts,
 * and one cursor where playback is.
 */
export function TimelineBar({ rows, position, onSeek, formatTime }: TimelineBarProps) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState<(typeof zooms)[number]>(zooms[0]);
  const first = rows[0]?.timeline;
  if (!first) return null;
  const { from, span } = windowOf(rows, zoom.minutes, position);
  const place = (a: string, b: string | null) => {
    const left = Math.max(0, (Date.parse(a) - from) / span);
    const right = Math.min(1, ((b ? Date.parse(b) : Date.parse(first.to)) - from) / span);
    if (right <= 0 || left >= 1) return { display: 'none' };
    return { left: `${left * 100}%`, width: `${Math.max(0.15, (right - left) * 100)}%` };
  };
  const pointOf = (at: string) => {
    const x = (Date.parse(at) - from) / span;
    return x < 0 || x > 1 ? null : `${x * 100}%`;
  };
  const seek = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(from + ((event.clientX - box.left) / box.width) * span);
  };
  const alertTitle = (a: TimelineAlert) =>
    `${t(`video.alertKind.${a.kind}`)} · ${t(`video.alertState.${a.state}`)} · ${formatTime(Date.parse(a.at))}`;
  const gaps = rows.flatMap((row) => row.timeline.gaps.map((gap) => ({ gap, label: row.label })));
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
      {rows.map(({ label, timeline }) => (
        <div className="timeline-row" key={timeline.cameraId}>
          {rows.length > 1 && <span className="timeline-label small">{label}</span>}
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
              <span
                key={h.id}
                className="timeline-hold"
                style={place(h.from, h.to)}
                title={h.reason}
              />
            ))}
            {timeline.alerts.map((a) => {
              const left = pointOf(a.at);
              return left === null ? null : (
                <button
                  key={a.id}
                  type="button"
                  className={`timeline-alert severity-${a.severity}`}
                  style={{ left }}
                  title={alertTitle(a)}
                  aria-label={alertTitle(a)}
                  data-testid="timeline-alert"
                  onClick={(event) => {
                    event.stopPropagation();
                    onSeek(Date.parse(a.at) - ALERT_LEAD_MS);
                  }}
                />
              );
            })}
            {position !== null && (
              <span
                className="timeline-cursor"
                style={{ left: `${((position - from) / span) * 100}%` }}
              />
            )}
          </div>
        </div>
      ))}
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
        <li>
          <span className="swatch timeline-alert-swatch" /> {t('video.legend.alert')}
        </li>
      </ul>
      {gaps.length > 0 && (
        <ul className="gap-list small" data-testid="gap-list">
          {gaps.map(({ gap, label }) => (
            <li key={gap.id}>
              {rows.length > 1 && `${label}: `}
              {formatTime(Date.parse(gap.from))}–{gap.to ? formatTime(Date.parse(gap.to)) : '…'}{' '}
              {t(`video.gapCause.${gap.cause}`)}
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

/** The part of the day the bars show: all of it, or a window around the play position. */
function windowOf(rows: TimelineRow[], minutes: number, position: number | null) {
  const timeline = rows[0]!.timeline;
  const dayFrom = Date.parse(timeline.from);
  const dayTo = Date.parse(timeline.to);
  const span = Math.min(minutes * 60_000, dayTo - dayFrom);
  const lastRecorded = Math.max(
    ...rows.map((row) => Date.parse(row.timeline.spans.at(-1)?.to ?? row.timeline.from)),
  );
  const centre = position ?? lastRecorded;
  const from = Math.min(Math.max(dayFrom, centre - span / 2), dayTo - span);
  return { from, span };
}
