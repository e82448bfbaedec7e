import { graphOf } from '../interpreter/interpret';
import type { RouteEffect, RouteState, Token } from '../interpreter/interpreter.types';
import { cloneState } from '../interpreter/run';
import type { RouteGraph } from '../model/route-graph';
import type { RouteDefinition, StepKind } from '../model/route.types';
import { RouteError } from '../route-error';

/** Old step id → new step id. Steps left out keep their id when the new version has a step of that id and kind. */
export interface MigrationPlan {
  stepMap: Record<string, string>;
}

export interface MigrationCandidate {
  requestId: string;
  state: RouteState;
}

export interface TokenMove {
  tokenId: string;
  from: string;
  to: string;
}

export interface MovableRequest {
  requestId: string;
  moves: TokenMove[];
  /** The state pinned to the new version; keep `before` to move the request back. */
  state: RouteState;
  before: RouteState;
  effects: RouteEffect[];
}

export interface BlockedRequest {
  requestId: string;
  reasons: string[];
}

export interface MigrationDryRun {
  movable: MovableRequest[];
  blocked: BlockedRequest[];
}

/** Where a request can wait; only there can it be moved (it is never between steps when stored). */
const WAITING_KINDS = new Set<StepKind>(['userTask', 'timer', 'childRequests']);

function checkPlan(from: RouteDefinition, to: RouteDefinition, plan: MigrationPlan): void {
  const issues = Object.entries(plan.stepMap).flatMap(([oldId, newId]) => [
    ...(graphOf(from).steps.has(oldId) ? [] : [{ path: `stepMap.${oldId}`, message: `v${from.version} has no step '${oldId}'` }]),
    ...(graphOf(to).steps.has(newId) ? [] : [{ path: `stepMap.${oldId}`, message: `v${to.version} has no step '${newId}'` }]),
  ]);
  if (from.code !== to.code) issues.push({ path: 'to', message: `a request moves between versions of one route, not from ${from.code} to ${to.code}` });
  if (issues.length > 0) throw new RouteError('invalid_migration_plan', 'The migration plan refers to steps that do not exist', issues);
}

function targetOf(token: Token, from: RouteGraph, to: RouteGraph, plan: MigrationPlan): { target?: string; reason?: string } {
  const oldStep = from.step(token.stepId);
  const mapped = plan.stepMap[token.stepId] ?? (to.steps.has(token.stepId) ? token.stepId : undefined);
  if (!mapped) return { reason: `step '${token.stepId}' (${oldStep.name}) has no counterpart in v${to.route.version}; map it in the plan` };
  const newStep = to.step(mapped);
  if (!WAITING_KINDS.has(newStep.kind)) return { reason: `'${mapped}' in v${to.route.version} is a ${newStep.kind}, where no request can wait` };
  if (newStep.kind !== oldStep.kind) return { reason: `a request waiting at ${oldStep.kind} '${oldStep.id}' cannot wait at ${newStep.kind} '${mapped}'` };
  if (newStep.kind === 'childRequests' && (token.children ?? []).some((child) => child.spec >= newStep.children.length)) {
    return { reason: `'${mapped}' in v${to.route.version} declares fewer child requests than '${oldStep.id}' has spawned` };
  }
  return { target: mapped };
}

function moveRequest(candidate: MigrationCandidate, from: RouteGraph, to: RouteGraph, plan: MigrationPlan): MovableRequest | BlockedRequest {
  const { requestId, state } = candidate;
  if (state.route !== from.route.code || state.version !== from.route.version) return { requestId, reasons: [`it is on ${state.route} v${state.version}, not v${from.route.version}`] };
  if (state.status === 'ended') return { requestId, reasons: ['it has already reached the end of its route'] };
  const reasons: string[] = [];
  if (Object.keys(state.joins).length > 0) reasons.push(`it has parallel branches waiting at ${Object.keys(state.joins).join(', ')}; move it once they have joined`);
  const moves: TokenMove[] = [];
  for (const token of state.tokens) {
    const { target, reason } = targetOf(token, from, to, plan);
    if (reason) reasons.push(reason);
    else moves.push({ tokenId: token.id, from: token.stepId, to: target as string });
  }
  const targets = moves.map((move) => move.to);
  const merged = targets.filter((target, index) => targets.indexOf(target) !== index);
  if (merged.length > 0) reasons.push(`two of its parallel branches would both wait at '${merged[0]}'`);
  if (reasons.length > 0) return { requestId, reasons };

  const next = cloneState(state);
  next.version = to.route.version;
  for (const token of next.tokens) {
    const move = moves.find((candidateMove) => candidateMove.tokenId === token.id) as TokenMove;
    token.stepId = move.to;
    // A hand-back needs the transition that brought the request; keep it only if the new version has it here.
    if (token.via && to.transitions.get(token.via)?.to !== move.to) delete token.via;
  }
  const effects: RouteEffect[] = moves.map((move) => ({ type: 'audit', action: 'migrated', stepId: move.to, detail: `v${from.route.version} '${move.from}' → v${to.route.version} '${move.to}'` }));
  return { requestId, moves, state: next, before: state, effects };
}

/**
 * Dry-run of moving in-flight requests from one published version to another: every request it would
 * move (with the new state and the audit lines) and every one it cannot, with why. Pure; applying the
 * result in batches is the server's.
 */
export function planMigration(from: RouteDefinition, to: RouteDefinition, plan: MigrationPlan, requests: MigrationCandidate[]): MigrationDryRun {
  checkPlan(from, to, plan);
  const result: MigrationDryRun = { movable: [], blocked: [] };
  for (const candidate of requests) {
    const outcome = moveRequest(candidate, graphOf(from), graphOf(to), plan);
    if ('reasons' in outcome) result.blocked.push(outcome);
    else result.movable.push(outcome);
  }
  return result;
}
