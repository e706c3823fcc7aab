import type {
  DoriLevelName,
  FloorCoverageView,
  PlacementAdviceView,
  PlanArea,
  PlanPoint,
} from '@gardenwatch/contracts';
import type { PointerEvent, ReactNode, Ref } from 'react';
import type { DraftCamera, DraftPlan } from './plan-draft.ts';
import { boundsOf, centroid, pointsAttr, regionPath } from './plan-geometry.ts';

export interface PlanCanvasProps {
  plan: DraftPlan;
  areas: PlanArea[];
  coverage?: FloorCoverageView | undefined;
  advice?: PlacementAdviceView | undefined;
  background?: { href: string; metresPerPixel: number } | null;
  selected?: string | null;
  svgRef?: Ref<SVGSVGElement>;
  onPointerDown?: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerMove?: (event: PointerEvent<SVGSVGElement>) => void;
  onPointerUp?: (event: PointerEvent<SVGSVGElement>) => void;
  children?: ReactNode;
  title: string;
}

const LEVEL_OPACITY: Record<DoriLevelName, number> = {
  detect: 0.08,
  observe: 0.12,
  recognise: 0.16,
  identify: 0.22,
};

/** The floor drawn in plan metres: areas, walls, what each camera sees, dead zones. */
export function PlanCanvas(props: PlanCanvasProps) {
  const { plan, coverage } = props;
  const b = boundsOf(plan.outline);
  const pad = 1;
  const viewBox = `${b.minX - pad} ${b.minY - pad} ${b.maxX - b.minX + 2 * pad} ${b.maxY - b.minY + 2 * pad}`;
  // Long floors get room to be read: at least 16 px a metre, scrolled sideways in their box.
  const minWidth = Math.min((b.maxX - b.minX + 2 * pad) * 16, 2400);
  return (
    <div className="plan-scroll">
      <svg
        style={{ minWidth }}
        className="plan-canvas"
        viewBox={viewBox}
        ref={props.svgRef}
        role="img"
        aria-label={props.title}
        data-testid="plan-canvas"
        onPointerDown={props.onPointerDown}
        onPointerMove={props.onPointerMove}
        onPointerUp={props.onPointerUp}
      >
        {props.background && (
          <image
            href={props.background.href}
            x={0}
            y={0}
            transform={`scale(${props.background.metresPerPixel})`}
            opacity={0.5}
          />
        )}
        <polygon className="plan-outline" points={pointsAttr(plan.outline)} />
        <Areas plan={plan} areas={props.areas} coverage={coverage} />
        {coverage && <Sights coverage={coverage} />}
        {coverage?.deadZones.map((z, i) => (
          <path
            key={`dead-${i}`}
            className="dead-zone"
            d={regionPath(z.polygon)}
            data-testid="dead-zone"
          />
        ))}
        {coverage?.violations.map((v, i) => (
          <path key={`priv-${i}`} className="privacy-violation" d={regionPath(v.polygon)} />
        ))}
        {plan.obstacles.map((o) => (
          <polygon key={o.id} className="plan-obstacle" points={pointsAttr(o.polygon)} />
        ))}
        {plan.walls.map((w) => (
          <line
            key={w.id}
            className={props.selected === w.id ? 'plan-wall selected' : 'plan-wall'}
            x1={w.a.x}
            y1={w.a.y}
            x2={w.b.x}
            y2={w.b.y}
            strokeWidth={w.thickness}
            data-id={w.id}
          />
        ))}
        {props.advice?.suggestions.map((s, i) => (
          <g key={`advice-${i}`} className="advice">
            <path d={regionPath(s.added)} className="advice-gain" />
            <CameraGlyph at={s} direction={s.direction} label={`+${i + 1}`} />
          </g>
        ))}
        {plan.cameras.map((c) => (
          <CameraMark key={c.key} camera={c} selected={props.selected === c.key} />
        ))}
        {props.children}
      </svg>
    </div>
  );
}

function Areas({ plan, areas, coverage }: Pick<PlanCanvasProps, 'plan' | 'areas' | 'coverage'>) {
  return plan.areaPolygons.map(({ areaId, polygon }) => {
    const area = areas.find((a) => a.id === areaId);
    const c = centroid(polygon);
    const share = coverage?.areas.find((a) => a.areaId === areaId)?.coveredShare;
    const kind = area?.neverFilmed
      ? 'plan-area private'
      : area?.isKey
        ? 'plan-area key'
        : 'plan-area';
    return (
      <g key={areaId}>
        <polygon className={kind} points={pointsAttr(polygon)} />
        <text x={c.x} y={c.y} className="plan-label">
          {area?.name ?? ''}
          {share !== undefined && ` ${Math.floor(share * 1000) / 10}%`}
        </text>
      </g>
    );
  });
}

function Sights({ coverage }: { coverage: FloorCoverageView }) {
  return (
    <g className="sights">
      {coverage.sights.map((s) => (
        <g key={s.cameraId}>
          <polygon className="sight" points={pointsAttr(s.visible)} />
          {s.bands.map((band) =>
            band.ring.length >= 3 ? (
              <polygon
                key={band.level}
                className={`band band-${band.level}`}
                points={pointsAttr(band.ring)}
                fillOpacity={LEVEL_OPACITY[band.level]}
              />
            ) : null,
          )}
        </g>
      ))}
    </g>
  );
}

function CameraGlyph({
  at,
  direction,
  label,
}: {
  at: PlanPoint;
  direction: number;
  label: string;
}) {
  const rad = (direction * Math.PI) / 180;
  return (
    <g className="camera-glyph">
      <line x1={at.x} y1={at.y} x2={at.x + Math.cos(rad)} y2={at.y + Math.sin(rad)} />
      <circle cx={at.x} cy={at.y} r={0.3} />
      <text x={at.x + 0.4} y={at.y - 0.4} className="plan-label small">
        {label}
      </text>
    </g>
  );
}

function CameraMark({ camera, selected }: { camera: DraftCamera; selected: boolean }) {
  return (
    <g
      className={selected ? 'camera selected' : 'camera'}
      data-id={camera.key}
      data-testid="plan-camera"
    >
      <CameraGlyph at={camera} direction={camera.direction} label={camera.name} />
    </g>
  );
}
