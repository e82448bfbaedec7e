import type { Transition, UserTaskStep } from '../model/route.types';
import type { RouteIssue } from '../route-error';
import { truthy } from '../rules-port';
import { flagsAt, isFilled } from './flags';
import type { RouteContext, Token } from './interpreter.types';
import type { Run } from './run';

/** Two values are the same when both are empty (absent, null, '' or []) or equal as JSON. */
const same = (a: unknown, b: unknown) => (!isFilled(a) && !isFilled(b)) || JSON.stringify(a) === JSON.stringify(b);

/**
 * Why a user may not take `transition` from `token` now (empty: they may). Without `changes` it answers
 * "is it offered?": attributes the transition prompts for need not be filled yet. With `changes` (what the
 * user typed into the prompt) it answers "may it be taken with these values?".
 */
export function transitionObstacles(run: Run, token: Token, transition: Transition, context: RouteContext, changes?: Record<string, unknown>): RouteIssue[] {
  const step = run.graph.step(token.stepId);
  if (step.kind !== 'userTask' || transition.from !== step.id) return [{ path: transition.id, message: `the request is not at '${transition.from}' on this branch` }];
  const before = run.attributes();
  const after = changes ? { ...before, ...changes } : before;
  const base = run.data();
  const data = changes ? { ...base, request: { ...(base.request as object), attributes: after } } : base;
  const issues: RouteIssue[] = [];
  if (transition.condition !== undefined) {
    const { value, error } = run.rules.attempt(transition.condition, data);
    if (error !== undefined) issues.push({ path: transition.id, message: `its condition failed: ${error}` });
    else if (!truthy(value)) issues.push({ path: transition.id, message: 'its condition does not hold' });
  }
  const prompted = new Set([...(transition.mustPrompt ?? []), ...(transition.mustChange ?? [])]);
  const flags = flagsAt(run.rules, step as UserTaskStep, context, data);
  for (const [code, flag] of Object.entries(flags)) {
    if (!flag.required || flag.hidden || isFilled(after[code])) continue;
    if (!changes && prompted.has(code)) continue;
    issues.push({ path: `attributes.${code}`, message: `${code} is required at this step and is empty` });
  }
  if (!changes) return issues;
  for (const code of transition.mustPrompt ?? []) {
    if (!isFilled(after[code]) && !flags[code]?.required) issues.push({ path: `attributes.${code}`, message: `${code} must be filled for '${transition.name || transition.id}'` });
  }
  for (const code of transition.mustChange ?? []) {
    if (!(code in changes) || same(changes[code], before[code])) issues.push({ path: `attributes.${code}`, message: `${code} must change for '${transition.name || transition.id}'` });
  }
  for (const code of Object.keys(changes)) {
    const flag = flags[code];
    if (flag && (flag.readOnly || flag.hidden) && !prompted.has(code)) issues.push({ path: `attributes.${code}`, message: `${code} is ${flag.readOnly ? 'read-only' : 'hidden'} at this step` });
  }
  return issues;
}
