import type { FloorPlanBody } from './floor-plans.service.ts';

/**
 * Names each plan element by where it sits in the request as well as by its id, so that an
 * error such as a zero-length wall reads `body.walls.3 (w-east)`.
 */
export function planFieldLabels(floorId: string, body: FloorPlanBody): (id: string) => string {
  const labels = new Map<string, string>([[floorId, 'body.outline']]);
  body.walls.forEach((wall, i) => {
    labels.set(wall.id, `body.walls.${i} (${wall.id})`);
    (wall.openings ?? []).forEach((opening, j) => {
      labels.set(opening.id, `body.walls.${i}.openings.${j} (${opening.id})`);
    });
  });
  body.obstacles.forEach((o, i) => labels.set(o.id, `body.obstacles.${i} (${o.id})`));
  body.areas.forEach((a, i) => labels.set(a.areaId, `body.areas.${i} (${a.areaId})`));
  return (id) => labels.get(id) ?? id;
}
