import type { PlanPoint } from '@gardenwatch/contracts';
import { useCallback, useEffect, useReducer, useRef, useState, type PointerEvent } from 'react';
import { historyReducer, type DraftCamera, type DraftPlan } from './plan-draft.ts';
import { angleOf, snapPoint } from './plan-geometry.ts';

export type Tool = 'select' | 'wall' | 'area' | 'camera';

let counter = 0;
const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

/** Pointer position in plan metres. */
function planPoint(svg: SVGSVGElement, event: PointerEvent<SVGSVGElement>): PlanPoint {
  const matrix = svg.getScreenCTM()?.inverse();
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
  return { x: p.x, y: p.y };
}

// LIMITATION: the editor draws plain walls, areas, the outline and cameras; doors, windows and
// pillars come only through the API (PUT /api/coverage/floors/:floorId/plan), and a wall is
// moved by removing and drawing it again. A wall drawn here blocks sight along its whole length
// until its openings are entered that way.
/**
 * The editor's state: the draft with undo and redo, the tool, a wall or area being drawn, and
 * a camera being dragged. Points snap to the grid and to nearby corners.
 */
export function usePlanEditor(initial: DraftPlan) {
  const [history, dispatch] = useReducer(historyReducer, {
    past: [],
    present: initial,
    future: [],
  });
  const [tool, setTool] = useState<Tool>('select');
  const [grid, setGrid] = useState<number | null>(0.5);
  const [pending, setPending] = useState<PlanPoint[]>([]);
  const [areaTarget, setAreaTarget] = useState<string>('outline');
  const [selected, setSelected] = useState<string | null>(null);
  const dragging = useRef<string | null>(null);
  const [dragAt, setDragAt] = useState<PlanPoint | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const plan = history.present;
  // A camera being dragged is drawn where the pointer is; the move is one step on release.
  const shown: DraftPlan =
    dragging.current && dragAt
      ? {
          ...plan,
          cameras: plan.cameras.map((c) =>
            c.key === dragging.current ? { ...c, x: dragAt.x, y: dragAt.y } : c,
          ),
        }
      : plan;

  const change = useCallback((next: DraftPlan) => dispatch({ type: 'change', plan: next }), []);
  const snap = (p: PlanPoint) =>
    snapPoint(p, {
      grid,
      reach: 0.3,
      vertices: [...plan.outline, ...plan.walls.flatMap((w) => [w.a, w.b])],
    });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key === 'z') dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      if (e.key === 'y') dispatch({ type: 'redo' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (!svgRef.current) return;
    const p = snap(planPoint(svgRef.current, event));
    const target = (event.target as Element).closest('[data-id]')?.getAttribute('data-id') ?? null;
    if (tool === 'select') {
      setSelected(target);
      if (target && plan.cameras.some((c) => c.key === target)) {
        dragging.current = target;
        event.currentTarget.setPointerCapture(event.pointerId);
      }
      return;
    }
    if (tool === 'camera') return placeCamera(p);
    if (tool === 'wall') return addWallPoint(p);
    setPending([...pending, p]);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!dragging.current || !svgRef.current) return;
    setDragAt(snap(planPoint(svgRef.current, event)));
  };

  const onPointerUp = () => {
    const key = dragging.current;
    dragging.current = null;
    setDragAt(null);
    if (key && dragAt) updateCamera(key, { x: dragAt.x, y: dragAt.y });
  };

  function placeCamera(p: PlanPoint) {
    const camera: DraftCamera = {
      key: newKey('camera'),
      id: null,
      cameraId: null,
      name: `C${plan.cameras.length + 1}`,
      type: 'fixed',
      x: p.x,
      y: p.y,
      mountHeight: 2.8,
      direction: 0,
      fov: 90,
      range: 15,
      resolutionX: 1920,
    };
    change({ ...plan, cameras: [...plan.cameras, camera] });
    setSelected(camera.key);
    setTool('select');
  }

  function addWallPoint(p: PlanPoint) {
    const start = pending[0];
    if (!start) return setPending([p]);
    if (start.x === p.x && start.y === p.y) return setPending([]);
    const wall = { id: newKey('w'), a: start, b: p, thickness: 0.2 };
    change({ ...plan, walls: [...plan.walls, wall] });
    setPending([p]);
  }

  function finishPolygon() {
    if (pending.length >= 3) {
      if (areaTarget === 'outline') change({ ...plan, outline: pending });
      else {
        const others = plan.areaPolygons.filter((a) => a.areaId !== areaTarget);
        change({ ...plan, areaPolygons: [...others, { areaId: areaTarget, polygon: pending }] });
      }
    }
    setPending([]);
  }

  function updateCamera(key: string, patch: Partial<DraftCamera>) {
    change({ ...plan, cameras: plan.cameras.map((c) => (c.key === key ? { ...c, ...patch } : c)) });
  }

  function removeSelected() {
    if (!selected) return;
    change({
      ...plan,
      cameras: plan.cameras.filter((c) => c.key !== selected),
      walls: plan.walls.filter((w) => w.id !== selected),
    });
    setSelected(null);
  }

  function pickTool(next: Tool) {
    setTool(next);
    setPending([]);
  }

  return {
    plan: shown,
    history,
    dispatch,
    tool,
    pickTool,
    grid,
    setGrid,
    pending,
    areaTarget,
    setAreaTarget,
    selected,
    svgRef,
    handlers: { onPointerDown, onPointerMove, onPointerUp },
    finishPolygon,
    updateCamera,
    removeSelected,
    aim: (key: string, at: PlanPoint) => {
      const camera = plan.cameras.find((c) => c.key === key);
      if (camera) updateCamera(key, { direction: Math.round(angleOf(camera, at)) });
    },
  };
}

export type PlanEditorState = ReturnType<typeof usePlanEditor>;
