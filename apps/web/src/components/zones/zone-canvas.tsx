import type { CameraZone } from '@gardenwatch/contracts';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Point = CameraZone['polygon'][number];

const colours: Record<CameraZone['kind'], string> = {
  perimeter: '#dc2626',
  indoor: '#7c3aed',
  gate: '#d97706',
};

interface ZoneCanvasProps {
  cameraId: string;
  zones: CameraZone[];
  draft: Point[];
  draftKind: CameraZone['kind'];
  onPoint: (point: Point) => void;
}

/** The camera's snapshot with the zones over it; a click adds a point to the zone being drawn. */
export function ZoneCanvas({ cameraId, zones, draft, draftKind, onPoint }: ZoneCanvasProps) {
  const { t } = useTranslation();
  const click = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 1000) / 1000));
    onPoint({
      x: clamp((event.clientX - box.left) / box.width),
      y: clamp((event.clientY - box.top) / box.height),
    });
  };
  const points = (polygon: Point[]) => polygon.map((p) => `${p.x},${p.y}`).join(' ');
  return (
    <div className="zone-canvas">
      <img src={`/api/cameras/${cameraId}/snapshot.jpg`} alt={t('zones.snapshotAlt')} />
      <svg
        viewBox="0 0 1 1"
        preserveAspectRatio="none"
        onClick={click}
        data-testid="zone-canvas"
        role="img"
        aria-label={t('zones.canvas')}
      >
        {zones.map((zone) => (
          <polygon
            key={zone.id}
            points={points(zone.polygon)}
            fill={colours[zone.kind]}
            fillOpacity={0.25}
            stroke={colours[zone.kind]}
            strokeWidth={0.004}
          />
        ))}
        {draft.length > 0 && (
          <polyline
            points={points(draft)}
            fill="none"
            stroke={colours[draftKind]}
            strokeWidth={0.006}
            strokeDasharray="0.015 0.01"
          />
        )}
        {draft.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={0.008} fill={colours[draftKind]} />
        ))}
      </svg>
    </div>
  );
}
