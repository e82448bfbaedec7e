import type { Bounds, Point, RouteDefinition, RouteDiagram, StepKind } from '../model/route.types';

const SIZES: Record<StepKind, { width: number; height: number }> = {
  start: { width: 36, height: 36 },
  end: { width: 36, height: 36 },
  timer: { width: 36, height: 36 },
  exclusiveGateway: { width: 50, height: 50 },
  parallelGateway: { width: 50, height: 50 },
  userTask: { width: 100, height: 80 },
  automatic: { width: 100, height: 80 },
  childRequests: { width: 100, height: 80 },
};
const COLUMN_WIDTH = 180;
const ROW_HEIGHT = 130;
const ORIGIN = { x: 150, y: 100 };

/**
 * A readable left-to-right layout for a route that has none (written by hand or by the API): each step
 * sits in the column of its distance from the start, edges join the shapes' sides.
 */
export function autoLayout(route: RouteDefinition): RouteDiagram {
  const depth = new Map<string, number>();
  const start = route.steps.find((step) => step.kind === 'start');
  const queue = start ? [start.id] : [];
  if (start) depth.set(start.id, 0);
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const transition of route.transitions) {
      if (transition.from !== current || depth.has(transition.to)) continue;
      depth.set(transition.to, (depth.get(current) ?? 0) + 1);
      queue.push(transition.to);
    }
  }
  const unreachedColumn = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const shapes: Record<string, Bounds> = {};
  for (const step of route.steps) {
    const column = depth.get(step.id) ?? unreachedColumn;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    const size = SIZES[step.kind];
    const centre = { x: ORIGIN.x + column * COLUMN_WIDTH, y: ORIGIN.y + row * ROW_HEIGHT };
    shapes[step.id] = { x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size };
  }
  const edges: Record<string, Point[]> = {};
  for (const transition of route.transitions) {
    const from = shapes[transition.from];
    const to = shapes[transition.to];
    edges[transition.id] = [
      { x: from.x + from.width, y: from.y + from.height / 2 },
      { x: to.x, y: to.y + to.height / 2 },
    ];
  }
  return { shapes, edges };
}
