import type { FlagValue, UserTaskStep } from '../model/route.types';
import type { AttributeFlagRules, AttributeFlags, ContextData, RouteContext } from './interpreter.types';
import type { RuleRunner } from './rule-runner';

function flagValue(rules: RuleRunner, value: FlagValue | undefined, data: ContextData): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  const { value: result, error } = rules.attempt(value, data);
  // A broken flag rule must not hide or lock a field silently; it counts as unset.
  return error === undefined && Boolean(result);
}

/** The topic's flags with the step's overrides on top, each fixed value or rule evaluated now. */
export function flagsAt(rules: RuleRunner, step: UserTaskStep | undefined, context: RouteContext, data: ContextData): Record<string, AttributeFlags> {
  const base = context.attributeFlags ?? {};
  const overrides = step?.attributeFlags ?? {};
  const codes = new Set([...Object.keys(base), ...Object.keys(overrides)]);
  const result: Record<string, AttributeFlags> = {};
  for (const code of codes) {
    const merged: AttributeFlagRules = { ...base[code], ...overrides[code] };
    result[code] = { hidden: flagValue(rules, merged.hidden, data), readOnly: flagValue(rules, merged.readOnly, data), required: flagValue(rules, merged.required, data) };
  }
  return result;
}

export const isFilled = (value: unknown): boolean => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
