import type { RouteDefinition, UserTaskStep } from '../../../workflows/index';

/**
 * The user task a new request of the route reaches first, following the start's transitions in order
 * (gateways and automatic steps pass through): the step whose attribute flags the portal form shows.
 * Undefined when no user task is reachable. No Nest or TypeORM here: unit-tested beside this file.
 */
export function firstUserTask(route: Pick<RouteDefinition, 'steps' | 'transitions'>): UserTaskStep | undefined {
  const start = route.steps.find((step) => step.kind === 'start');
  if (!start) return undefined;
  const seen = new Set<string>([start.id]);
  const queue = [start.id];
  while (queue.length) {
    const from = queue.shift()!;
    for (const transition of route.transitions.filter((candidate) => candidate.from === from)) {
      const step = route.steps.find((candidate) => candidate.id === transition.to);
      if (!step || seen.has(step.id)) continue;
      if (step.kind === 'userTask') return step;
      seen.add(step.id);
      queue.push(step.id);
    }
  }
  return undefined;
}
