/**
 * SLA policies as data: which policy applies, what each clock's targets are, and what a status change
 * does to the clocks. Pure (no Nest, no database), so it is unit-tested directly.
 */
import { safeEvaluate, truthy, validateRule, type ClockEvent, type ContextSchema, type Rule } from '../../../rules/index';
import type { ErrorDetail } from '../common/docket-error';
import type { ClockRule, PolicyClock, PriorityTarget } from './entities/sla-policy.entity';

export const REACTION = 'reaction';
export const RESOLUTION = 'resolution';
export const POLICY_CLOCKS: readonly PolicyClock[] = [REACTION, RESOLUTION];
export const STEP_CLOCK_PREFIX = 'step:';
export const PRIORITIES = ['1', '2', '3', '4', '5'] as const;
const MINUTE = 60_000;

/** What a policy's condition may read. */
export const POLICY_CONTEXT: ContextSchema = {
  'client.id': { type: 'number' },
  'client.category': { type: 'string' },
  'client.group': { type: 'string' },
  'client.region': { type: 'string' },
  'contract.id': { type: 'number' },
  'contract.code': { type: 'string' },
  'service.id': { type: 'number' },
  'service.code': { type: 'string' },
  'service.slaLevel': { type: 'string' },
  'service.businessPriority': { type: 'number' },
  'request.priority': { type: 'number' },
  'request.type': { type: 'string' },
  'request.topicId': { type: 'number' },
};

/** What a clock rule may read: the request as it is after the change. */
export const CLOCK_RULE_CONTEXT: ContextSchema = {
  'request.status': { type: 'string' },
  'request.previousStatus': { type: 'string' },
  'request.priority': { type: 'number' },
};

export interface PolicyShape {
  id: number;
  active: boolean;
  rank: number;
  condition: Rule | null;
  targets: Record<string, PriorityTarget>;
  stepLimits: Record<string, number>;
  clockRules: ClockRule[];
}

/** The first active policy, by rank then id, whose condition holds; a condition that fails to evaluate does not hold. */
export function choosePolicy<Policy extends PolicyShape>(policies: readonly Policy[], data: unknown): Policy | null {
  const ordered = [...policies].filter((policy) => policy.active).sort((a, b) => a.rank - b.rank || a.id - b.id);
  return ordered.find((policy) => policy.condition === null || holds(policy.condition, data)) ?? null;
}

function holds(rule: Rule, data: unknown): boolean {
  const outcome = safeEvaluate(rule, data);
  return outcome.ok && truthy(outcome.value);
}

/** Working milliseconds by priority for one clock of a policy: reaction, resolution or a route step. */
export function targetsOf(policy: PolicyShape, clock: string): Record<string, number> {
  if (clock.startsWith(STEP_CLOCK_PREFIX)) {
    const limit = policy.stepLimits[clock.slice(STEP_CLOCK_PREFIX.length)];
    return limit === undefined ? {} : Object.fromEntries(PRIORITIES.map((priority) => [priority, limit * MINUTE]));
  }
  const field = clock === REACTION ? 'reactionMinutes' : 'resolutionMinutes';
  const targets: Record<string, number> = {};
  for (const [priority, target] of Object.entries(policy.targets)) if (target[field] !== undefined) targets[priority] = (target[field] as number) * MINUTE;
  return targets;
}

export interface StatusChange {
  status: string;
  previousStatus: string | null;
  priority: number;
}

/**
 * What a status change does to one policy clock: the first matching `stop` wins, then `reset`, then
 * `pause`; a paused clock whose pause rule no longer holds resumes.
 */
export function clockEventFor(policy: PolicyShape, clock: PolicyClock, state: 'running' | 'paused' | 'stopped' | 'not_started', change: StatusChange, at: number): ClockEvent | null {
  const data = { request: change };
  const matches = (action: ClockRule['action']) => policy.clockRules.some((rule) => rule.action === action && rule.clocks.includes(clock) && holds(rule.when, data));
  if ((state === 'running' || state === 'paused') && matches('stop')) return { type: 'stop', at };
  if (state !== 'not_started' && matches('reset') && change.status !== change.previousStatus) return { type: 'reset', at };
  const pause = policy.clockRules.find((rule) => rule.action === 'pause' && rule.clocks.includes(clock) && holds(rule.when, data));
  if (state === 'running' && pause) return { type: 'pause', at, reason: `status ${change.status}` };
  if (state === 'paused' && !pause) return { type: 'resume', at };
  return null;
}

/** Problems in a policy's rules and numbers, with paths a client can show next to the fields. */
export function policyIssues(policy: Partial<Pick<PolicyShape, 'condition' | 'targets' | 'stepLimits' | 'clockRules'>>): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const ruleIssues = (rule: Rule, schema: ContextSchema, path: string) => validateRule(rule, schema).errors.forEach((issue) => issues.push({ path: `${path}${issue.path}`, message: `${issue.message}${issue.hint ? ` (${issue.hint})` : ''}` }));
  if (policy.condition !== undefined && policy.condition !== null) ruleIssues(policy.condition, POLICY_CONTEXT, 'condition');
  for (const [priority, target] of Object.entries(policy.targets ?? {})) {
    if (!(PRIORITIES as readonly string[]).includes(priority)) issues.push({ path: `targets.${priority}`, message: 'priorities are 1 to 5' });
    for (const field of ['reactionMinutes', 'resolutionMinutes'] as const) {
      const minutes = target?.[field];
      if (minutes !== undefined && !(Number.isInteger(minutes) && minutes > 0 && minutes <= 525_600)) issues.push({ path: `targets.${priority}.${field}`, message: 'whole minutes from 1 to 525600 (a year)' });
    }
    const unknown = Object.keys(target ?? {}).filter((field) => field !== 'reactionMinutes' && field !== 'resolutionMinutes');
    unknown.forEach((field) => issues.push({ path: `targets.${priority}.${field}`, message: 'unknown field' }));
  }
  for (const [step, minutes] of Object.entries(policy.stepLimits ?? {})) {
    if (!(Number.isInteger(minutes) && minutes > 0 && minutes <= 525_600)) issues.push({ path: `stepLimits.${step}`, message: 'whole minutes from 1 to 525600 (a year)' });
  }
  (policy.clockRules ?? []).forEach((rule, index) => ruleIssues(rule.when, CLOCK_RULE_CONTEXT, `clockRules.${index}.when`));
  return issues;
}
