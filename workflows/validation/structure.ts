import type { RouteGraph } from '../model/route-graph';
import type { RouteStep } from '../model/route.types';
import type { IssueList } from './validation.types';

/** Steps that choose their way out themselves (the first outgoing transition whose condition holds). */
const SELF_ROUTING = new Set(['start', 'automatic', 'timer', 'childRequests']);

function reachability(graph: RouteGraph, issues: IssueList): void {
  const reachable = graph.reachable();
  const leadsToEnd = graph.leadingToAnEnd();
  for (const step of graph.route.steps) {
    const outgoing = graph.outgoing(step.id);
    if (!reachable.has(step.id)) issues.error(step, 'cannot be reached from the start');
    if (step.kind === 'end') {
      if (outgoing.length > 0) issues.error(step, 'an end step has no outgoing transitions');
      continue;
    }
    if (step.kind === 'start' && graph.incoming(step.id).length > 0) issues.error(step, 'the start step has no incoming transitions');
    if (outgoing.length === 0) issues.error(step, 'has no way out: add an outgoing transition');
    else if (!leadsToEnd.has(step.id)) issues.error(step, 'every way out of it loops without ever reaching an end');
  }
}

function conditionsOfChoices(graph: RouteGraph, issues: IssueList): void {
  for (const step of graph.route.steps) {
    const outgoing = graph.outgoing(step.id);
    if (step.kind === 'exclusiveGateway') {
      for (const transition of outgoing) {
        if (transition.id !== step.default && transition.condition === undefined && outgoing.length > 1) issues.error(transition, `leaves gateway '${step.id}' without a condition and is not its default`);
      }
      if (!step.default && outgoing.length > 1) issues.warning(step, 'has no default flow: a request for which no condition holds will stop here with an error');
    }
    if (step.kind === 'parallelGateway') {
      for (const transition of outgoing) if (transition.condition !== undefined) issues.error(transition, `leaves parallel gateway '${step.id}', whose branches all run: a condition here is never evaluated`);
    }
    if (SELF_ROUTING.has(step.kind) && outgoing.filter((transition) => transition.condition === undefined).length > 1) {
      issues.error(step, 'has several outgoing transitions without a condition; give all but one a condition (the one without acts as the default)');
    }
  }
}

/** Every way a branch of a parallel split can go, stopping at `join`: does it reach an end first? */
function branchEscapes(graph: RouteGraph, from: string, join: string): RouteStep | undefined {
  const seen = new Set<string>();
  const pending = [from];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (id === join || seen.has(id)) continue;
    seen.add(id);
    const step = graph.step(id);
    if (step.kind === 'end') return step;
    for (const transition of graph.outgoing(id)) pending.push(transition.to);
  }
  return undefined;
}

/** Parallel branches must meet again at a joining parallel gateway, and none may end on its own before. */
function parallelJoins(graph: RouteGraph, issues: IssueList): void {
  for (const split of graph.route.steps) {
    const branches = graph.outgoing(split.id);
    if (split.kind !== 'parallelGateway' || branches.length < 2) continue;
    const reached = branches.map((branch) => graph.downstream(branch.to));
    const join = graph.route.steps.find((step) => step.kind === 'parallelGateway' && step.id !== split.id && graph.incoming(step.id).length > 1 && reached.every((set) => set.has(step.id)));
    if (!join) {
      issues.error(split, 'its parallel branches never meet at a joining parallel gateway');
      continue;
    }
    for (const branch of branches) {
      const escape = branchEscapes(graph, branch.to, join.id);
      if (escape) issues.error(branch, `this parallel branch can reach end '${escape.id}' without passing join '${join.id}', which would then wait for ever`);
    }
  }
}

/** Graph checks: reachability, ways out, conditions on choices, parallel joins. */
export function checkStructure(graph: RouteGraph, issues: IssueList): void {
  reachability(graph, issues);
  conditionsOfChoices(graph, issues);
  parallelJoins(graph, issues);
  for (const step of graph.route.steps) if (step.kind === 'userTask' && !step.queues) issues.error(step, 'a user task needs a queue selection (at least a default queue)');
}
