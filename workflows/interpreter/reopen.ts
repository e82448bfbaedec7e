import type { RouteDefinition } from '../model/route.types';
import { RouteError } from '../route-error';
import { graphOf } from './interpret';
import type { InterpretResult, RouteContext, RouteState } from './interpreter.types';
import { Run } from './run';

/**
 * Where an ended route goes back to: the step asked for, else the end step's `reopenStepId`,
 * else the user task the request last left. Undefined when none of them is a user task of the route.
 */
export function reopenStepOf(route: RouteDefinition, state: RouteState, stepId?: string): string | undefined {
  const graph = graphOf(route);
  const end = state.endStep ? graph.steps.get(state.endStep) : undefined;
  const candidate = stepId ?? (end?.kind === 'end' ? end.reopenStepId : undefined) ?? state.lastUserTask;
  return candidate !== undefined && graph.steps.get(candidate)?.kind === 'userTask' ? candidate : undefined;
}

/**
 * Restores an ended route at a user task (a rejected solution, a reopened request): the route runs again
 * with one token entering that step, so its queue is selected and its enter handlers run as on any arrival.
 * Pure like `interpret`: the state given is not changed.
 */
export function reopen(route: RouteDefinition, state: RouteState, context: RouteContext, now: Date, options: { stepId?: string; reason?: string } = {}): InterpretResult {
  if (state.route !== route.code || state.version !== route.version) {
    throw new RouteError('wrong_version', `The request is pinned to ${state.route} v${state.version}, not ${route.code} v${route.version}`, [{ path: 'version', message: 'another version' }]);
  }
  if (state.status !== 'ended') throw new RouteError('route_running', 'The request is still on its route; only an ended route can be reopened', [{ path: 'state', message: 'not ended' }]);
  const stepId = reopenStepOf(route, state, options.stepId);
  if (stepId === undefined) {
    const message = options.stepId ? `'${options.stepId}' is not a user task of the route` : 'The route names no user task to go back to, and the request never left one';
    throw new RouteError('no_reopen_step', message, [{ path: 'stepId', message: 'no user task to reopen at' }]);
  }
  const run = new Run(graphOf(route), state, context, now);
  const restarted = run.state;
  restarted.status = 'running';
  restarted.tokens = [];
  restarted.joins = {};
  delete restarted.resolution;
  delete restarted.endStep;
  delete restarted.endedAt;
  run.audit({ action: 'reopened', stepId, detail: options.reason });
  run.enter(stepId);
  return { state: run.state, effects: run.effects };
}
