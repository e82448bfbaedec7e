import { RuleError } from './errors';
import type { BusinessCalendar, DictionaryHierarchy, EvaluationOptions, RuleLimits } from './types';

export const DEFAULT_LIMITS: Readonly<RuleLimits> = Object.freeze({
  maxDepth: 64,
  maxNodes: 5_000,
  maxArrayLength: 10_000,
  maxStringLength: 100_000,
  maxRegexInputLength: 1_000,
  maxSteps: 1_000_000,
});

export function resolveLimits(overrides?: Partial<RuleLimits>): RuleLimits {
  if (!overrides) return DEFAULT_LIMITS;
  const limits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in DEFAULT_LIMITS)) throw new RuleError('rule_limits_invalid', `Unknown rule limit '${name}'`);
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new RuleError('rule_limits_invalid', `Rule limit '${name}' must be a positive integer`);
    limits[name as keyof RuleLimits] = value;
  }
  return limits;
}

export function limitsKey(limits: RuleLimits): string {
  return `${limits.maxDepth}/${limits.maxNodes}/${limits.maxArrayLength}/${limits.maxStringLength}/${limits.maxRegexInputLength}/${limits.maxSteps}`;
}

/** What one evaluation carries besides the data: the clock, the calendars, the limits and the steps spent. */
export interface RunState {
  readonly limits: RuleLimits;
  readonly now: Date | string | undefined;
  readonly calendars: Record<string, BusinessCalendar> | undefined;
  readonly dictionaries: Record<string, DictionaryHierarchy> | undefined;
  /** The data the rule was called with (iteration bodies see only their item). */
  readonly root: unknown;
  steps: number;
}

/** A run that has already paid for every node of the rule once. */
export function createRun(options: EvaluationOptions | undefined, limits: RuleLimits, nodeCount: number, root: unknown): RunState {
  return { limits, now: options?.now, calendars: options?.calendars, dictionaries: options?.dictionaries, root, steps: nodeCount };
}

export function chargeSteps(run: RunState, cost: number, path: string): void {
  run.steps += cost;
  if (run.steps > run.limits.maxSteps) {
    throw new RuleError('rule_step_limit', `The rule took more than ${run.limits.maxSteps} evaluation steps`, path);
  }
}

export function checkArrayLength(run: RunState, length: number, path: string): void {
  if (length > run.limits.maxArrayLength) {
    throw new RuleError('rule_array_limit', `An array of ${length} items is longer than the limit of ${run.limits.maxArrayLength}`, path);
  }
}

export function checkStringLength(run: RunState, length: number, path: string): void {
  if (length > run.limits.maxStringLength) {
    throw new RuleError('rule_string_limit', `A text of ${length} characters is longer than the limit of ${run.limits.maxStringLength}`, path);
  }
}
