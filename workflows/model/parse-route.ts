import Ajv, { type ErrorObject } from 'ajv';
import { RouteError, type RouteIssue } from '../route-error';
import { ROUTE_SCHEMA } from './route.schema';
import type { RouteDefinition } from './route.types';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateShape = ajv.compile<RouteDefinition>(ROUTE_SCHEMA);

/** ajv reports every failing `if/then` branch; keep the messages a person can act on. */
function shapeIssues(errors: ErrorObject[]): RouteIssue[] {
  const useful = errors.filter((error) => error.keyword !== 'if');
  const unique = new Map<string, RouteIssue>();
  for (const error of useful) {
    const extra = error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
    const issue = { path: error.instancePath || '/', message: `${error.message ?? 'is invalid'}${extra}` };
    unique.set(`${issue.path} ${issue.message}`, issue);
  }
  return [...unique.values()];
}

/** Structural links the interpreter relies on: unique ids, transitions between existing steps, one start. */
function linkIssues(route: RouteDefinition): RouteIssue[] {
  const issues: RouteIssue[] = [];
  const seen = new Set<string>();
  const stepIds = new Set(route.steps.map((step) => step.id));
  const ids = [...route.steps.map((step, index) => ({ id: step.id, path: `/steps/${index}/id` })), ...route.transitions.map((transition, index) => ({ id: transition.id, path: `/transitions/${index}/id` }))];
  for (const { id, path } of ids) {
    if (seen.has(id)) issues.push({ path, message: `id '${id}' is used twice` });
    seen.add(id);
  }
  route.transitions.forEach((transition, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!stepIds.has(transition[end])) issues.push({ path: `/transitions/${index}/${end}`, message: `transition '${transition.id}' refers to a missing step '${transition[end]}'` });
    }
  });
  const starts = route.steps.filter((step) => step.kind === 'start');
  if (starts.length !== 1) issues.push({ path: '/steps', message: `a route has exactly one start step (found ${starts.length})` });
  route.steps.forEach((step, index) => {
    if (step.kind !== 'exclusiveGateway' || step.default === undefined) return;
    const fallback = route.transitions.find((transition) => transition.id === step.default);
    if (!fallback || fallback.from !== step.id) issues.push({ path: `/steps/${index}/default`, message: `default '${step.default}' is not a transition leaving '${step.id}'` });
  });
  route.steps.forEach((step, index) => {
    if (step.kind !== 'end' || step.reopenStepId === undefined) return;
    const target = route.steps.find((candidate) => candidate.id === step.reopenStepId);
    if (target?.kind !== 'userTask') issues.push({ path: `/steps/${index}/reopenStepId`, message: `reopen step '${step.reopenStepId}' is not a user task of this route` });
  });
  return issues;
}

/** Checks a route version's JSON and returns it typed; throws `RouteError('invalid_route')` listing every problem. */
export function parseRoute(input: unknown): RouteDefinition {
  if (!validateShape(input)) throw new RouteError('invalid_route', 'The route does not match the route schema', shapeIssues(validateShape.errors ?? []));
  const issues = linkIssues(input);
  if (issues.length > 0) throw new RouteError('invalid_route', 'The route has broken links between its elements', issues);
  return input;
}
